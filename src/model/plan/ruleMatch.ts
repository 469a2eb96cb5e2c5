// Whether a security group already has the rule a step would add, and which existing rules are the broad
// ones the runbook warns about. Shared by the planner and by the engine's re-read before every write.
import type { RuleSpec } from './planSteps';
import type { SecurityGroupRule } from '../topology/topology';

const WORLD_V4 = '0.0.0.0/0';
const WORLD_V6 = '::/0';

export function isAllProtocols(rule: SecurityGroupRule): boolean {
  return rule.protocol === '-1' || rule.protocol === 'all';
}

/** The allow-all egress every new group gets (all protocols to 0.0.0.0/0): the one the runbook removes. */
export function isDefaultAllowAllEgress(rule: SecurityGroupRule): boolean {
  return rule.egress && isAllProtocols(rule) && rule.cidrIpv4 === WORLD_V4;
}

/** Its IPv6 twin (all protocols to ::/0): in a group of a VPC with IPv6, or added by hand. */
export function isAllowAllEgressIpv6(rule: SecurityGroupRule): boolean {
  return rule.egress && isAllProtocols(rule) && rule.cidrIpv6 === WORLD_V6;
}

export function isToWorld(rule: SecurityGroupRule): boolean {
  return rule.cidrIpv4 === WORLD_V4 || rule.cidrIpv6 === WORLD_V6;
}

export function portInRule(rule: SecurityGroupRule, port: number): boolean {
  return isAllProtocols(rule) || rule.fromPort === -1 || (rule.fromPort <= port && port <= rule.toPort);
}

/** True when `rule` already allows exactly what `spec` asks, in the given direction (port range may be wider). */
export function ruleSatisfies(
  rule: SecurityGroupRule,
  spec: RuleSpec,
  egress: boolean,
  referencedGroupId?: string,
): boolean {
  if (rule.egress !== egress || rule.protocol !== spec.protocol) return false;
  if (rule.fromPort > spec.fromPort || rule.toPort < spec.toPort) return false;
  if (spec.cidrIpv4 !== undefined) return rule.cidrIpv4 === spec.cidrIpv4;
  if (spec.cidrIpv6 !== undefined) return rule.cidrIpv6 === spec.cidrIpv6;
  return referencedGroupId !== undefined && rule.referencedGroupId === referencedGroupId;
}

export function hasRule(
  rules: readonly SecurityGroupRule[],
  spec: RuleSpec,
  egress: boolean,
  referencedGroupId?: string,
): boolean {
  return rules.some((r) => ruleSatisfies(r, spec, egress, referencedGroupId));
}

/** Ingress rules that expose `port` to the whole internet (IPv4 or IPv6). */
export function worldOpenIngress(rules: readonly SecurityGroupRule[], port: number): SecurityGroupRule[] {
  return rules.filter((r) => !r.egress && isToWorld(r) && portInRule(r, port));
}
