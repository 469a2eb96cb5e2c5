// Which resources "history" reads for a service when none is named: the service (by ARN, as CloudTrail names
// App Runner resources), its VPC connector, the connector's security groups, and the groups of the databases
// in the connector's VPC (the other side of the runbook's 5432 rule). Each is one LookupEvents query.
import type { Topology } from '../topology/topology';

export interface HistoryTarget {
  /** What LookupEvents' ResourceName matches: an ARN for App Runner, an id for EC2. */
  name: string;
  kind: 'service' | 'connector' | 'security-group';
  label: string;
}

export function historyTargets(snapshot: Topology, serviceName: string): HistoryTarget[] {
  const service = snapshot.services.find((s) => s.name === serviceName);
  if (!service) return [];
  const out: HistoryTarget[] = [{ name: service.arn, kind: 'service', label: service.name }];
  const connector = snapshot.connectors.find((c) => c.arn === service.vpcConnectorArn);
  if (!connector) return out;
  out.push({ name: connector.arn, kind: 'connector', label: `${connector.name}:${connector.revision}` });
  const groups = new Set(connector.securityGroupIds);
  const vpcId = snapshot.subnets.find((s) => connector.subnetIds.includes(s.id))?.vpcId;
  const dbGroups = [...snapshot.dbInstances, ...snapshot.dbClusters, ...snapshot.dbProxies]
    .filter(
      (d) =>
        vpcId === undefined || d.subnetIds.some((id) => snapshot.subnets.find((s) => s.id === id)?.vpcId === vpcId),
    )
    .flatMap((d) => d.securityGroupIds);
  for (const id of dbGroups) groups.add(id);
  for (const id of groups) {
    const group = snapshot.securityGroups.find((g) => g.id === id);
    out.push({ name: id, kind: 'security-group', label: group?.tags?.Name ?? group?.name ?? id });
  }
  return out;
}
