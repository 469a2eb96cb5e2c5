// Which route table a subnet uses and where its default route goes.
import { Route, RouteTable, Topology } from './topology';

/** The subnet's explicitly associated table, else the main table of its VPC. */
export function routeTableForSubnet(topology: Topology, subnetId: string, vpcId: string, tableId?: string): RouteTable | undefined {
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
    route.natGatewayId ?? route.gatewayId ?? route.transitGatewayId ?? route.vpcPeeringConnectionId ?? route.networkInterfaceId ?? '?';
  const dest = route.destinationCidr ?? route.destinationIpv6Cidr ?? route.destinationPrefixListId ?? '?';
  return `${dest} -> ${target}${route.state === 'blackhole' ? ' (blackhole)' : ''}`;
}
