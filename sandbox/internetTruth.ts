// The referee for outbound internet: does an HTTPS call from this App Runner service reach a public
// address? Pure and independent of src/model, like groundTruth.ts; app/egressFacts.ts reads the facts.
// App Runner sends outbound traffic over IPv4 only (its networking guide: dual stack is for public
// incoming traffic only), so only IPv4 routes and IPv4 rules count; `::/0` never carries it.
import { cidrContains, naclAllows, type GroupFacts, type SubnetFacts } from './groundTruth';

/** The public address the app's outbound check calls (TEST-NET-3: stands for any internet host). */
export const INTERNET_PROBE = '203.0.113.10/32';
const HTTPS = 443;
const EPHEMERAL_SAMPLES = [32768, 45000, 60999];

export interface RouteFacts {
  /** IPv4 destination; IPv6 routes are left out by the facts reader. */
  destination: string;
  /** igw-..., nat-..., local, eigw-..., tgw-..., pcx-..., eni-..., i-..., vgw-... */
  target: string;
  state: string;
}

export interface RoutedSubnet extends SubnetFacts {
  /** The routes of the subnet's route table (its explicit one, else the VPC's main table). */
  routes: RouteFacts[];
}

export interface NatFacts {
  id: string;
  state: string;
  connectivity: string;
  subnet: RoutedSubnet;
}

export interface InternetFacts {
  egressType: string;
  connector?: { status: string; vpcDnsSupport: boolean; subnets: RoutedSubnet[]; groups: GroupFacts[] };
  /** The NAT gateways the connector's routes name. */
  natGateways: NatFacts[];
  /** Internet gateways attached to the connector's VPC. */
  internetGateways: string[];
}

export type InternetVerdict = { internet: boolean; reason: string };

/** Longest-prefix match among active routes for the probe address. */
function routeFor(routes: RouteFacts[]): RouteFacts | undefined {
  const bits = (cidr: string) => Number(cidr.split('/')[1] ?? 0);
  return routes
    .filter((r) => r.state !== 'blackhole' && cidrContains(r.destination, INTERNET_PROBE))
    .sort((a, b) => bits(b.destination) - bits(a.destination))[0];
}

function httpsAllowed(groups: GroupFacts[]): boolean {
  return groups.some((g) =>
    g.egress.some(
      (r) =>
        (r.protocol === '-1' ||
          ((r.protocol === 'tcp' || r.protocol === '6') &&
            (r.fromPort ?? 0) <= HTTPS &&
            HTTPS <= (r.toPort ?? 65535))) &&
        r.cidrs.some((c) => cidrContains(c, INTERNET_PROBE)),
    ),
  );
}

/** Outbound HTTPS to `peer` and its return traffic through the subnet's network ACL. */
function naclProblem(s: SubnetFacts, peer: string): string | undefined {
  if (!naclAllows(s.nacl, true, HTTPS, peer)) return `network ACL of ${s.id} denies outbound TCP 443 to ${peer}`;
  if (EPHEMERAL_SAMPLES.some((p) => !naclAllows(s.nacl, false, p, peer)))
    return `network ACL of ${s.id} denies the return traffic from ${peer}`;
  return undefined;
}

/** Why traffic from `s` does not reach the internet, or undefined when it does (through a NAT gateway). */
function subnetProblem(s: RoutedSubnet, f: InternetFacts): string | undefined {
  const route = routeFor(s.routes);
  if (!route) return `the route table of ${s.id} has no route to the internet (no 0.0.0.0/0)`;
  if (route.target.startsWith('igw-')) {
    return `${s.id} routes to internet gateway ${route.target}, but App Runner's connector interfaces have no public IP: a NAT gateway is needed`;
  }
  if (!route.target.startsWith('nat-'))
    return `${s.id} routes 0.0.0.0/0 to ${route.target}, which the sandbox does not model as internet egress`;
  const nat = f.natGateways.find((n) => n.id === route.target);
  if (!nat || nat.state !== 'available') return `NAT gateway ${route.target} of ${s.id} is ${nat?.state ?? 'missing'}`;
  if (nat.connectivity === 'private') return `NAT gateway ${nat.id} is private: it does not reach the internet`;
  const natRoute = routeFor(nat.subnet.routes);
  if (!natRoute?.target.startsWith('igw-') || !f.internetGateways.includes(natRoute.target)) {
    return `NAT gateway ${nat.id} sits in ${nat.subnet.id}, which has no route to an attached internet gateway`;
  }
  return naclProblem(s, INTERNET_PROBE) ?? naclProblem(nat.subnet, INTERNET_PROBE) ?? natNaclProblem(nat.subnet, s);
}

/** The NAT's subnet must let the connector subnet's HTTPS in and the answers back out to it. */
function natNaclProblem(natSubnet: SubnetFacts, from: SubnetFacts): string | undefined {
  if (!naclAllows(natSubnet.nacl, false, HTTPS, from.cidr))
    return `network ACL of ${natSubnet.id} denies inbound TCP 443 from ${from.cidr}`;
  if (EPHEMERAL_SAMPLES.some((p) => !naclAllows(natSubnet.nacl, true, p, from.cidr)))
    return `network ACL of ${natSubnet.id} denies the return traffic to ${from.cidr}`;
  return undefined;
}

export function canReachInternet(f: InternetFacts): InternetVerdict {
  if (f.egressType !== 'VPC') return { internet: true, reason: "DEFAULT egress: App Runner's own internet access" };
  const c = f.connector;
  if (!c || c.status !== 'ACTIVE') return { internet: false, reason: 'the VPC connector is missing or not ACTIVE' };
  if (!c.vpcDnsSupport)
    return { internet: false, reason: "DNS resolution is off in the connector's VPC: host names do not resolve" };
  if (!httpsAllowed(c.groups))
    return { internet: false, reason: 'no connector security group allows outbound TCP 443 to 0.0.0.0/0 (IPv4)' };
  // App Runner spreads its interfaces over every connector subnet: one without a way out breaks some calls.
  for (const s of c.subnets) {
    const problem = subnetProblem(s, f);
    if (problem) return { internet: false, reason: problem };
  }
  const nats = [...new Set(c.subnets.map((s) => routeFor(s.routes)?.target))].join(', ');
  return {
    internet: true,
    reason: `every connector subnet routes 0.0.0.0/0 to ${nats}, which reaches an internet gateway`,
  };
}
