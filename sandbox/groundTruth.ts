// The referee: can this App Runner service open a TCP connection to its database? Deliberately small and
// independent of src/model (the extension's own analysis is checked against it). Pure: the facts are
// read from moto by app/networkFacts.ts.

export interface SgRule {
  protocol: string; // '-1', 'tcp', 'udp', '6', ...
  fromPort?: number;
  toPort?: number;
  cidrs: string[];
  groupIds: string[];
}

export interface GroupFacts {
  id: string;
  ingress: SgRule[];
  egress: SgRule[];
}

export interface NaclEntry {
  ruleNumber: number;
  egress: boolean;
  protocol: string;
  allow: boolean;
  cidr: string;
  fromPort?: number;
  toPort?: number;
}

export interface SubnetFacts {
  id: string;
  vpcId: string;
  cidr: string;
  /** The entries of the network ACL associated with the subnet. */
  nacl: NaclEntry[];
}

/**
 * Something that listens on a DB port in a VPC: a DB instance, an Aurora cluster endpoint, an RDS Proxy, or a
 * database on an EC2 instance (its network interface).
 */
export interface EndpointFacts {
  kind: 'instance' | 'cluster' | 'proxy' | 'ec2';
  /** `available` when it accepts connections (a cluster also needs an available DB instance). */
  status: string;
  port: number;
  vpcId: string;
  subnets: SubnetFacts[];
  groups: GroupFacts[];
}

export interface DatabaseFacts extends EndpointFacts {
  /** RDS Proxy only: the registered targets the proxy opens its own connections to (empty when none). */
  targets?: EndpointFacts[];
}

export interface ReachFacts {
  egressType: string;
  /** The connector's VPC: `enableDnsSupport` decides whether the app can resolve the DB's endpoint name. */
  connector?: { status: string; subnets: SubnetFacts[]; groups: GroupFacts[]; vpcDnsSupport: boolean };
  /** What DATABASE_URL's host names; undefined when it names no DB instance, cluster endpoint or proxy that exists. */
  database?: DatabaseFacts;
  /** Why the host name does not resolve where the application runs (a private zone seen from outside its VPCs). */
  nameUnresolved?: string;
}

/** `nameResolution`: the failure happens at DNS (the client reports an unknown host, not a timeout). */
export type Verdict = { reachable: true } | { reachable: false; reason: string; nameResolution?: boolean };

/** The port range Linux picks client ports from; return traffic through NACLs must be allowed to it. */
const EPHEMERAL_SAMPLES = [32768, 45000, 60999];

function ipv4(addr: string): number {
  return addr.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function range(cidr: string): [number, number] {
  const [addr, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits ?? 32));
  const start = Math.floor(ipv4(addr ?? '0.0.0.0') / size) * size;
  return [start, start + size - 1];
}

export function cidrContains(outer: string, inner: string): boolean {
  const [a, b] = range(outer);
  const [c, d] = range(inner);
  return a <= c && d <= b;
}

function cidrOverlaps(x: string, y: string): boolean {
  const [a, b] = range(x);
  const [c, d] = range(y);
  return a <= d && c <= b;
}

function tcpPortMatches(protocol: string, from: number | undefined, to: number | undefined, port: number): boolean {
  if (protocol === '-1' || protocol === 'all') return true;
  if (protocol !== 'tcp' && protocol !== '6') return false;
  return (from ?? 0) <= port && port <= (to ?? 65535);
}

/** Some rule lets TCP `port` through to/from a peer: one of `peerGroups`, or a CIDR covering every peer subnet. */
function groupsAllow(rules: SgRule[], port: number, peerGroups: string[], peerSubnets: SubnetFacts[]): boolean {
  return rules.some(
    (r) =>
      tcpPortMatches(r.protocol, r.fromPort, r.toPort, port) &&
      (r.groupIds.some((g) => peerGroups.includes(g)) ||
        r.cidrs.some((c) => peerSubnets.length > 0 && peerSubnets.every((s) => cidrContains(c, s.cidr)))),
  );
}

/** First matching NACL rule by number wins; a deny touching the peer blocks, an allow must cover it. */
export function naclAllows(entries: NaclEntry[], egress: boolean, port: number, peerCidr: string): boolean {
  const ordered = entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const e of ordered) {
    if (!tcpPortMatches(e.protocol, e.fromPort, e.toPort, port)) continue;
    if (!e.allow && cidrOverlaps(e.cidr, peerCidr)) return false;
    if (e.allow && cidrContains(e.cidr, peerCidr)) return true;
  }
  return false; // the implicit deny
}

function naclProblem(from: SubnetFacts, to: SubnetFacts, port: number): string | undefined {
  if (from.id === to.id) return undefined; // traffic inside one subnet does not cross its NACL
  if (!naclAllows(from.nacl, true, port, to.cidr))
    return `network ACL of ${from.id} denies outbound TCP ${port} to ${to.cidr}`;
  if (!naclAllows(to.nacl, false, port, from.cidr))
    return `network ACL of ${to.id} denies inbound TCP ${port} from ${from.cidr}`;
  for (const p of EPHEMERAL_SAMPLES) {
    if (!naclAllows(to.nacl, true, p, from.cidr))
      return `network ACL of ${to.id} denies return traffic (TCP ${p}) to ${from.cidr}`;
    if (!naclAllows(from.nacl, false, p, to.cidr))
      return `network ACL of ${from.id} denies return traffic (TCP ${p}) from ${to.cidr}`;
  }
  return undefined;
}

/** Why TCP `to.port` from `from` (groups and subnets) to `to` is blocked, or undefined when it passes. */
function hopProblem(
  from: { name: string; groups: GroupFacts[]; subnets: SubnetFacts[] },
  to: EndpointFacts & { name: string },
): string | undefined {
  const toGroupIds = to.groups.map((g) => g.id);
  const fromGroupIds = from.groups.map((g) => g.id);
  if (
    !groupsAllow(
      from.groups.flatMap((g) => g.egress),
      to.port,
      toGroupIds,
      to.subnets,
    )
  ) {
    return `no ${from.name} security group allows outbound TCP ${to.port} to the ${to.name}'s security group or subnets`;
  }
  if (
    !groupsAllow(
      to.groups.flatMap((g) => g.ingress),
      to.port,
      fromGroupIds,
      from.subnets,
    )
  ) {
    return `no ${to.name} security group allows inbound TCP ${to.port} from the ${from.name}'s security groups or subnets`;
  }
  for (const a of from.subnets) {
    for (const b of to.subnets) {
      const problem = naclProblem(a, b, to.port);
      if (problem) return problem;
    }
  }
  return undefined;
}

const ENDPOINT_NAME: Record<EndpointFacts['kind'], string> = {
  instance: 'DB',
  cluster: 'DB cluster',
  proxy: 'RDS Proxy',
  ec2: 'database on EC2',
};

/** An RDS Proxy answers only when it can open a connection to one of its registered targets. */
function proxyTargetProblem(proxy: DatabaseFacts): string | undefined {
  const targets = proxy.targets ?? [];
  if (targets.length === 0) return 'the RDS Proxy has no registered target';
  const problems: string[] = [];
  for (const t of targets) {
    const name = `proxy target ${ENDPOINT_NAME[t.kind]}`;
    const problem =
      t.status !== 'available'
        ? `the ${name} is ${t.status}`
        : hopProblem({ name: 'RDS Proxy', groups: proxy.groups, subnets: proxy.subnets }, { ...t, name });
    if (!problem) return undefined;
    problems.push(problem);
  }
  return problems.join('; ');
}

export function canReachDatabase(f: ReachFacts): Verdict {
  const no = (reason: string): Verdict => ({ reachable: false, reason });
  const db = f.database;
  if (f.nameUnresolved) return { reachable: false, reason: f.nameUnresolved, nameResolution: true };
  if (!db)
    return {
      reachable: false,
      reason: 'DATABASE_URL does not name an existing DB instance, cluster endpoint or RDS Proxy',
      nameResolution: true,
    };
  if (f.egressType !== 'VPC') return no('egress is DEFAULT: the service reaches only the internet, not the private DB');
  const c = f.connector;
  if (!c || c.status !== 'ACTIVE') return no('the VPC connector is missing or not ACTIVE');
  if (c.subnets.length === 0 || c.subnets.some((s) => s.vpcId !== db.vpcId))
    return no("the connector's subnets are not in the DB's VPC");
  if (!c.vpcDnsSupport) {
    const reason =
      "DNS resolution is off in the connector's VPC (enableDnsSupport=false): the DB endpoint name cannot be resolved";
    return { reachable: false, reason, nameResolution: true };
  }
  const name = ENDPOINT_NAME[db.kind];
  if (db.status !== 'available') return no(`the ${name} ${db.kind === 'instance' ? 'instance ' : ''}is ${db.status}`);
  const problem = hopProblem({ name: 'connector', groups: c.groups, subnets: c.subnets }, { ...db, name });
  if (problem) return no(problem);
  if (db.kind === 'proxy') {
    const behind = proxyTargetProblem(db);
    if (behind) return no(behind);
  }
  return { reachable: true };
}
