// Reads from moto what the internet ground truth needs about a service's egress: the connector's subnets
// with their route tables and network ACLs, its groups, the NAT gateways those routes name (and their own
// subnets' routes) and the internet gateways attached to the VPC.
import {
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeVpcAttributeCommand,
  type Route,
  type RouteTable,
} from '@aws-sdk/client-ec2';
import type { ConnectorRecord, Json, ServiceConfig } from '../apprunner/store';
import type { InternetFacts, RoutedSubnet, RouteFacts } from '../internetTruth';
import type { MotoClients } from '../motoClients';
import { readGroupFacts, readSubnetFacts } from './networkFacts';

function target(r: Route): string {
  return (
    r.GatewayId ??
    r.NatGatewayId ??
    r.TransitGatewayId ??
    r.VpcPeeringConnectionId ??
    r.NetworkInterfaceId ??
    r.InstanceId ??
    r.EgressOnlyInternetGatewayId ??
    'unknown'
  );
}

/** IPv4 routes only: App Runner's outbound traffic is IPv4. */
function routesOf(table: RouteTable | undefined): RouteFacts[] {
  return (table?.Routes ?? [])
    .filter((r) => r.DestinationCidrBlock !== undefined)
    .map((r) => ({ destination: r.DestinationCidrBlock ?? '', target: target(r), state: r.State ?? 'active' }));
}

async function routedSubnets(clients: MotoClients, vpcId: string, ids: string[]): Promise<RoutedSubnet[]> {
  const [subnets, tables] = await Promise.all([
    readSubnetFacts(clients, ids),
    clients.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })),
  ]);
  const all = tables.RouteTables ?? [];
  const main = all.find((t) => (t.Associations ?? []).some((a) => a.Main === true));
  return subnets.map((s) => {
    const own = all.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === s.id));
    return { ...s, routes: routesOf(own ?? main) };
  });
}

export async function gatherInternetFacts(
  clients: MotoClients,
  config: ServiceConfig,
  connector: ConnectorRecord | undefined,
): Promise<InternetFacts> {
  const egress = (config.NetworkConfiguration.EgressConfiguration ?? {}) as Json;
  const facts: InternetFacts = {
    egressType: String(egress.EgressType ?? 'DEFAULT'),
    natGateways: [],
    internetGateways: [],
  };
  if (!connector) return facts;
  const vpcId = connector.vpcId;
  const [subnets, groups, dns, igws] = await Promise.all([
    routedSubnets(clients, vpcId, connector.subnets),
    readGroupFacts(clients, connector.securityGroups),
    clients.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' })),
    clients.ec2.send(
      new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] }),
    ),
  ]);
  facts.connector = { status: connector.status, vpcDnsSupport: dns.EnableDnsSupport?.Value !== false, subnets, groups };
  facts.internetGateways = (igws.InternetGateways ?? []).map((g) => g.InternetGatewayId ?? '');
  const natIds = [
    ...new Set(subnets.flatMap((s) => s.routes.map((r) => r.target)).filter((t) => t.startsWith('nat-'))),
  ];
  if (natIds.length === 0) return facts;
  const nats = (await clients.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: natIds }))).NatGateways ?? [];
  const natSubnets = await routedSubnets(clients, vpcId, [...new Set(nats.map((n) => n.SubnetId ?? ''))]);
  facts.natGateways = nats.flatMap((n) => {
    const subnet = natSubnets.find((s) => s.id === n.SubnetId);
    return subnet
      ? [
          {
            id: n.NatGatewayId ?? '',
            state: n.State ?? 'unknown',
            connectivity: n.ConnectivityType ?? 'public',
            subnet,
          },
        ]
      : [];
  });
  return facts;
}
