// The line under the top lens when the attached connector's subnets cannot reach the internet: the
// database works, the health check passes, and every outbound call to the internet quietly fails. The same
// fact as the diagnosis's `no-nat-route` finding and the diagram's broken internet edge.
import { defaultRouteKind, EGRESS_ROUTE_KINDS, routeTableForSubnet } from '../topology/routeTables';
import type { AppRunnerService, Topology } from '../topology/topology';
import type { TextRange } from '../apprunnerYaml/types';
import { LENS_COMMANDS, type LensModel } from './types';
import { msg } from '../l10n/text';

/** Connector subnets of the attached connector whose 0.0.0.0/0 reaches no NAT, transit gateway or appliance. */
export function subnetsWithoutInternet(topology: Topology, service: AppRunnerService): string[] {
  if (service.egressType !== 'VPC') return [];
  const connector = topology.connectors.find((c) => c.arn === service.vpcConnectorArn && c.status === 'ACTIVE');
  if (!connector) return [];
  return connector.subnetIds.filter((id) => {
    const subnet = topology.subnets.find((s) => s.id === id);
    if (!subnet) return false; // not loaded: no claim
    const kind =
      subnet.defaultRoute ??
      defaultRouteKind(routeTableForSubnet(topology, subnet.id, subnet.vpcId, subnet.routeTableId));
    return !EGRESS_ROUTE_KINDS.includes(kind);
  });
}

export function internetLenses(topology: Topology, service: AppRunnerService, range: TextRange): LensModel[] {
  const without = subnetsWithoutInternet(topology, service);
  if (without.length === 0) return [];
  return [
    {
      id: 'internet',
      range,
      command: LENS_COMMANDS.diagnose,
      args: [service.name],
      title: msg('no internet egress: {0} route 0.0.0.0/0 to no NAT gateway', without.join(', ')),
      tooltip: msg(
        'The database works and health checks pass, but third-party APIs and AWS APIs without VPC endpoints fail. Add a NAT gateway in a public subnet and route these subnets to it, or add VPC endpoints for the AWS services the service calls.',
      ),
    },
  ];
}
