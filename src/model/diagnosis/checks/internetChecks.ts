// Service to the internet on 443 once egress goes through the VPC: every connector subnet needs a default
// route to a NAT gateway (App Runner's connector ENIs have no public IPs, so an internet gateway route does
// not work), and the groups and ACLs must let HTTPS out and the replies back in.
import { checkAclFlows } from './aclFlowChecks';
import { DOC_LINKS, Evidence, Finding, Severity } from '../diagnosis';
import { finding, preferredGroupId } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';
import { defaultIpv4Route, describeRoute, routeTableForSubnet } from '../../topology/routeTables';
import { checkNatCrossAz } from './natCostChecks';
import { evaluateSecurityGroups } from '../../topology/securityGroupRules';
import { NatGateway } from '../../topology/topology';
import { CLIENT_EPHEMERAL_PORTS } from '../../topology/trafficSpace';
import { type Localized, msg } from '../../l10n/text';

const WORLD = ['0.0.0.0/0'];

type RouteProblem =
  | 'no-nat-route'
  | 'igw-route-not-nat'
  | 'nat-gateway-unavailable'
  | 'nat-subnet-no-igw-route'
  | 'default-route-not-nat';

const ROUTE_TEXTS: Record<RouteProblem, { severity: Severity; url: string; message: Localized }> = {
  'no-nat-route': {
    severity: 'error',
    url: DOC_LINKS.natGateways,
    message: msg(
      "A connector subnet has no default route (0.0.0.0/0) to a NAT gateway, so the service cannot reach the internet: third-party APIs, AWS APIs without VPC endpoints and downloads fail while the database and health checks still work. Two ways out: a NAT gateway in a public subnet with these subnets' 0.0.0.0/0 routed to it, or VPC endpoints for the AWS services the service calls.",
    ),
  },
  'igw-route-not-nat': {
    severity: 'error',
    url: DOC_LINKS.appRunnerVpc,
    message: msg(
      'A connector subnet routes 0.0.0.0/0 to an internet gateway, which does not work for App Runner egress: route it to a NAT gateway.',
    ),
  },
  'nat-gateway-unavailable': {
    severity: 'error',
    url: DOC_LINKS.natGateways,
    message: msg("A connector subnet's default route points at a NAT gateway that is not available."),
  },
  'nat-subnet-no-igw-route': {
    severity: 'error',
    url: DOC_LINKS.natGateways,
    message: msg(
      'The NAT gateway the connector subnets use sits in a subnet without a default route to an internet gateway, so it cannot reach the internet.',
    ),
  },
  'default-route-not-nat': {
    severity: 'info',
    url: DOC_LINKS.natGateways,
    message: msg(
      'A connector subnet sends 0.0.0.0/0 to something other than a NAT gateway; whether it reaches the internet could not be checked.',
    ),
  },
};

/** A public NAT gateway needs its own subnet to route 0.0.0.0/0 to an internet gateway. */
function natWithoutIgw(ctx: AnalysisContext, nat: NatGateway): Evidence | undefined {
  const natSubnet = ctx.topology.subnets.find((s) => s.id === nat.subnetId);
  if (!natSubnet) return undefined; // Not loaded: no evidence either way.
  const table = routeTableForSubnet(ctx.topology, natSubnet.id, natSubnet.vpcId, natSubnet.routeTableId);
  const route = table ? defaultIpv4Route(table) : undefined;
  if (route?.gatewayId?.startsWith('igw-') && route.state !== 'blackhole') return undefined;
  return {
    kind: 'nat-gateway',
    id: nat.id,
    detail: `${nat.id} in ${natSubnet.id} (${table?.id ?? 'no route table'}): ${route ? describeRoute(route) : 'no 0.0.0.0/0 route'}`,
  };
}

function checkRoutes(ctx: AnalysisContext): Finding[] {
  const noRoute: Evidence[] = [];
  const igw: Evidence[] = [];
  const natDown: Evidence[] = [];
  const other: Evidence[] = [];
  const natNoIgw: Evidence[] = [];
  for (const subnet of ctx.connectorSubnets) {
    const table = routeTableForSubnet(ctx.topology, subnet.id, subnet.vpcId, subnet.routeTableId);
    const route = table ? defaultIpv4Route(table) : undefined;
    const tableId = table?.id ?? `(no route table for ${subnet.id})`;
    const detail = `${subnet.id}: ${route ? describeRoute(route) : 'no 0.0.0.0/0 route'}`;
    if (!table || !route) noRoute.push({ kind: 'route-table', id: tableId, detail });
    else if (route.state === 'blackhole') natDown.push({ kind: 'route-table', id: tableId, detail });
    else if (route.natGatewayId) {
      const nat = ctx.topology.natGateways.find((n) => n.id === route.natGatewayId);
      if (nat && nat.state !== 'available')
        natDown.push({ kind: 'nat-gateway', id: nat.id, detail: `${detail}; state=${nat.state}` });
      const natProblem = nat && nat.state === 'available' ? natWithoutIgw(ctx, nat) : undefined;
      if (natProblem && !natNoIgw.some((e) => e.id === natProblem.id)) natNoIgw.push(natProblem);
    } else if (route.gatewayId?.startsWith('igw-')) igw.push({ kind: 'route-table', id: tableId, detail });
    else other.push({ kind: 'route-table', id: tableId, detail });
  }
  const buckets: Record<RouteProblem, Evidence[]> = {
    'no-nat-route': noRoute,
    'igw-route-not-nat': igw,
    'nat-gateway-unavailable': natDown,
    'nat-subnet-no-igw-route': natNoIgw,
    'default-route-not-nat': other,
  };
  const out: Finding[] = [];
  for (const [id, text] of Object.entries(ROUTE_TEXTS) as [RouteProblem, (typeof ROUTE_TEXTS)[RouteProblem]][]) {
    if (buckets[id].length === 0) continue;
    out.push(finding(id, text.severity, 'internet', text.message, buckets[id], { kind: 'link', url: text.url }));
  }
  return out;
}

export function checkInternet(ctx: AnalysisContext): Finding[] {
  if (!ctx.attached || !ctx.connector) return [];
  const out = [...checkRoutes(ctx), ...checkNatCrossAz(ctx)];
  const https = { from: 443, to: 443 };
  if (ctx.connectorGroups.length > 0) {
    const sg = evaluateSecurityGroups(ctx.connectorGroups, {
      direction: 'egress',
      protocol: 'tcp',
      ports: https,
      peer: { groupIds: [], cidrs: WORLD },
    });
    if (!sg.allowed) {
      out.push(
        finding(
          'sg-egress-missing-https',
          'error',
          'internet',
          msg('No security group on the connector allows outbound TCP 443 to 0.0.0.0/0.'),
          ctx.connectorGroups.map((g) => ({
            kind: 'security-group' as const,
            id: g.id,
            detail: `${g.name}: no egress tcp 443 to 0.0.0.0/0`,
          })),
          {
            kind: 'plan-step',
            step: 'authorize-egress-https',
            params: { groupId: preferredGroupId(ctx.connectorGroups, ctx.options.appRunnerGroupName) ?? '' },
          },
        ),
      );
    }
  }
  const flows = ctx.connectorSubnets.flatMap((subnet) => [
    {
      subnet,
      egress: true,
      protocol: 'tcp' as const,
      ports: https,
      peerCidrs: WORLD,
      kind: 'nacl-denies-https' as const,
    },
    {
      subnet,
      egress: false,
      protocol: 'tcp' as const,
      ports: CLIENT_EPHEMERAL_PORTS,
      peerCidrs: WORLD,
      kind: 'nacl-missing-https-return' as const,
    },
  ]);
  return out.concat(
    checkAclFlows(ctx.topology, flows, 'internet', {
      'nacl-denies-https': (acl) =>
        msg('Network ACL {0} blocks outbound TCP 443 from the connector subnets to the internet.', acl),
      'nacl-missing-https-return': (acl) =>
        msg('Network ACL {0} does not let HTTPS replies back in on ephemeral ports 1024-65535 from the internet.', acl),
    }),
  );
}
