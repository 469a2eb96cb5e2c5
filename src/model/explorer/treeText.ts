// Plain texts of the explorer tree, computed from the snapshot: rule one-liners, subnet and egress lines,
// which services use a connector, and the contextValue strings the package.json menus match on.
import { protocolKey, describePorts, rulePorts } from '../topology/trafficSpace';
import type { AppRunnerService, SecurityGroupRule, Subnet, Topology, VpcConnector } from '../topology/topology';

/** `egress tcp 5432 -> sg-rds`, `ingress tcp 5432 <- sg-apprunner` (a group by its Name tag, else GroupName), `egress all -> 0.0.0.0/0`. */
export function ruleLine(rule: SecurityGroupRule, snapshot?: Pick<Topology, 'securityGroups'>): string {
  const proto = protocolKey(rule.protocol);
  const ports = proto === 'all' ? '' : ` ${describePorts(rulePorts(rule.protocol, rule.fromPort, rule.toPort))}`;
  const group = rule.referencedGroupId
    ? snapshot?.securityGroups.find((g) => g.id === rule.referencedGroupId)
    : undefined;
  const peer =
    (group?.tags.Name || group?.name) ??
    rule.referencedGroupId ??
    rule.cidrIpv4 ??
    rule.cidrIpv6 ??
    rule.prefixListId ??
    '?';
  return rule.egress ? `egress ${proto}${ports} -> ${peer}` : `ingress ${proto}${ports} <- ${peer}`;
}

/** Egress rules first, then ingress, each in a stable readable order. */
export function ruleLines(rules: readonly SecurityGroupRule[], snapshot?: Pick<Topology, 'securityGroups'>): string[] {
  const sorted = [...rules].sort((a, b) => Number(b.egress) - Number(a.egress));
  return sorted.map((r) => ruleLine(r, snapshot));
}

/** `ap-northeast-1a · 10.0.1.0/24 · private` (the words private/public are translated by the caller). */
export function subnetParts(subnet: Subnet): { az: string; cidr: string; isPrivate: boolean } {
  return { az: subnet.availabilityZone, cidr: subnet.cidrBlock, isPrivate: subnet.isPrivate };
}

export type EgressView =
  { kind: 'default' } | { kind: 'vpc'; arn: string; connector?: VpcConnector } | { kind: 'unknown' };

export function egressOf(snapshot: Topology, service: AppRunnerService): EgressView {
  if (!service.detailsLoaded || !service.egressType) return { kind: 'unknown' };
  if (service.egressType === 'DEFAULT' || !service.vpcConnectorArn) return { kind: 'default' };
  return {
    kind: 'vpc',
    arn: service.vpcConnectorArn,
    connector: snapshot.connectors.find((c) => c.arn === service.vpcConnectorArn),
  };
}

/** Services whose egress goes through this connector (only those whose details have loaded are known). */
export function usersOf(snapshot: Topology, connector: VpcConnector): AppRunnerService[] {
  return snapshot.services.filter((s) => s.vpcConnectorArn === connector.arn);
}

/**
 * Menus key on these: `service.<state>.<egress>` with state running|busy|paused|failed and egress
 * default|vpc|unknown; `connector.inUse`, `connector.unused` or `connector.inactive`.
 */
export function serviceContextValue(service: AppRunnerService): string {
  const state =
    service.status === 'RUNNING'
      ? 'running'
      : service.status === 'OPERATION_IN_PROGRESS'
        ? 'busy'
        : service.status === 'PAUSED'
          ? 'paused'
          : 'failed';
  const egress =
    !service.detailsLoaded || !service.egressType ? 'unknown' : service.egressType === 'VPC' ? 'vpc' : 'default';
  return `service.${state}.${egress}`;
}

export function connectorContextValue(snapshot: Topology, connector: VpcConnector): string {
  if (connector.status !== 'ACTIVE') return 'connector.inactive';
  return usersOf(snapshot, connector).length > 0 ? 'connector.inUse' : 'connector.unused';
}

/** The App Runner console page for a service or the connector list (the console has no per-connector URL). */
export function consoleUrl(region: string, target: { kind: 'service'; arn: string } | { kind: 'connector' }): string {
  const base = `https://${region}.console.aws.amazon.com/apprunner/home?region=${region}`;
  return target.kind === 'service'
    ? `${base}#/services/dashboard?service_arn=${encodeURIComponent(target.arn)}`
    : `${base}#/vpcconnectors`;
}

/** Connectors shown in the tree: active ones first, then by name and newest revision first. */
export function sortedConnectors(connectors: readonly VpcConnector[]): VpcConnector[] {
  return [...connectors].sort(
    (a, b) =>
      Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE') ||
      a.name.localeCompare(b.name) ||
      b.revision - a.revision,
  );
}
