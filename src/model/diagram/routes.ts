// Where the connector subnets' default routes lead: NAT gateways, and the internet gateway behind each NAT
// (or one a subnet routes to directly, which App Runner cannot use). Structure only: the internet path's
// verdict comes from the analysis and sits on the "internet" edge.
import { natCost, natNodeFigures, priceCheckNote } from '../topology/natCost';
import { defaultIpv4Route, routeTableForSubnet } from '../topology/routeTables';
import type { AppRunnerService, Subnet, Topology } from '../topology/topology';
import { plain } from './elementState';
import { igwNode, natNode } from './nodes';
import type { DiagramEdge, DiagramNode } from './types';
import { msg } from '../l10n/text';

export interface RouteScene {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The node the internet path leaves the VPC from: an internet gateway, else a NAT gateway; none without routes. */
  exitId?: string;
}

function routeEdge(from: string, to: string, ok: boolean, labelled: boolean): DiagramEdge {
  const s = ok ? plain('ok', msg('default route')) : plain('broken', msg('internet gateway route: use a NAT gateway'));
  return { id: `route:${from}->${to}`, kind: 'route', from, to, ...(labelled ? { label: '0.0.0.0/0' } : {}), ...s };
}

function igwBehind(topology: Topology, subnetId: string): string | undefined {
  const subnet = topology.subnets.find((s) => s.id === subnetId);
  if (!subnet) return undefined;
  const route = routeTableForSubnet(topology, subnet.id, subnet.vpcId, subnet.routeTableId);
  const target = route ? defaultIpv4Route(route) : undefined;
  return target?.gatewayId?.startsWith('igw-') ? target.gatewayId : undefined;
}

export function routeScene(topology: Topology, subnets: readonly Subnet[], service?: AppRunnerService): RouteScene {
  const nodes = new Map<string, DiagramNode>();
  const edges = new Map<string, DiagramEdge>();
  const add = (n: DiagramNode): void => void (nodes.has(n.id) || nodes.set(n.id, n));
  const link = (e: DiagramEdge): void => void (edges.has(e.id) || edges.set(e.id, e));
  // Several subnets routing to one gateway: the destination is written once, on the first line.
  const first = (to: string): boolean => ![...edges.values()].some((e) => e.to === to);
  for (const subnet of subnets) {
    const table = routeTableForSubnet(topology, subnet.id, subnet.vpcId, subnet.routeTableId);
    const route = table ? defaultIpv4Route(table) : undefined;
    const from = `subnet:${subnet.id}`;
    if (route?.natGatewayId) {
      const nat = topology.natGateways.find((n) => n.id === route.natGatewayId) ?? {
        id: route.natGatewayId,
        vpcId: subnet.vpcId,
        subnetId: '?',
        state: route.state === 'blackhole' ? 'deleted' : 'unknown',
      };
      add(natNode(nat));
      link(routeEdge(from, `nat:${nat.id}`, route.state !== 'blackhole', first(`nat:${nat.id}`)));
      const igw = igwBehind(topology, nat.subnetId);
      if (igw) {
        add(igwNode(igw));
        link(routeEdge(`nat:${nat.id}`, `igw:${igw}`, true, first(`igw:${igw}`)));
      }
    } else if (route?.gatewayId?.startsWith('igw-')) {
      add(igwNode(route.gatewayId));
      link(routeEdge(from, `igw:${route.gatewayId}`, false, first(`igw:${route.gatewayId}`)));
    }
  }
  // The NAT nodes carry what they cost (runbook 8.3): figures as rows, the cheaper options as notes.
  const cost = natCost(topology, subnets, service);
  const checkNote = priceCheckNote(cost);
  const list = [...nodes.values()].map((n) => {
    if (n.kind !== 'nat' || !n.resourceId) return n;
    const figures = natNodeFigures(cost, n.resourceId);
    const notes = [...n.notes, ...cost.alternatives, ...(checkNote ? [checkNote] : [])];
    return figures.length === 0 ? n : { ...n, details: [...n.details, ...figures], notes };
  });
  const exitId = list.find((n) => n.kind === 'igw')?.id ?? list.find((n) => n.kind === 'nat')?.id;
  return { nodes: list, edges: [...edges.values()], exitId };
}
