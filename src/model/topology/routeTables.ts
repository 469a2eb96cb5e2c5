// Which route table a subnet uses and where its default route goes.
import type { DefaultRouteKind, Route, RouteTable, Topology } from './topology';

/** The subnet's explicitly associated table, else the main table of its VPC. */
export function routeTableForSubnet(
  topology: Topology,
  subnetId: string,
  vpcId: string,
  tableId?: string,
): RouteTable | undefined {
  return (
    (tableId ? topology.routeTables.find((t) => t.id === tableId) : undefined) ??
    topology.routeTables.find((t) => t.subnetIds.includes(subnetId)) ??
    topology.routeTables.find((t) => t.vpcId === vpcId && t.isMain)
  );
}

export function defaultIpv4Route(table: RouteTable): Route | undefined {
  return table.routes.find((r) => r.destinationCidr === '0.0.0.0/0');
}

export function describeRoute(route: Route): string {
  const target =
    route.natGatewayId ??
    route.gatewayId ??
    route.transitGatewayId ??
    route.vpcPeeringConnectionId ??
    route.networkInterfaceId ??
    '?';
  const dest = route.destinationCidr ?? route.destinationIpv6Cidr ?? route.destinationPrefixListId ?? '?';
  return `${dest} -> ${target}${route.state === 'blackhole' ? ' (blackhole)' : ''}`;
}

/** What a table's active IPv4 default route points at ('none' without one, or when it is a blackhole). */
export function defaultRouteKind(table: RouteTable | undefined): DefaultRouteKind {
  const route = table ? defaultIpv4Route(table) : undefined;
  if (!route || route.state === 'blackhole') return 'none';
  if (route.natGatewayId) return 'nat-gateway';
  if (route.gatewayId?.startsWith('igw-')) return 'internet-gateway';
  if (route.transitGatewayId) return 'transit-gateway';
  if (route.networkInterfaceId || route.instanceId) return 'network-interface';
  return 'other';
}

/** Default routes that can carry a connector's traffic to the internet (its interfaces have no public IP). */
export const EGRESS_ROUTE_KINDS: readonly DefaultRouteKind[] = ['nat-gateway', 'transit-gateway', 'network-interface'];
