// Over-permissive rules already in the account are reported with the plan, never silently removed
// (runbook 8.2: keep rules minimal). The plan only ever removes the allow-all egress it names as a step.
import type { PlanWarning, ServiceRef } from './planSteps';
import { isAllProtocols, isDefaultAllowAllEgress, isToWorld, worldOpenIngress } from './ruleMatch';
import type { SecurityGroup } from '../topology/topology';
import { msg } from '../l10n/text';

export function dbGroupWarnings(dbGroup: SecurityGroup, port: number): PlanWarning[] {
  const open = worldOpenIngress(dbGroup.rules, port);
  if (open.length === 0) return [];
  return [
    {
      code: 'db-port-open-to-world',
      evidence: open.map((r) => r.id),
      message: msg(
        '{0} ({1}) allows port {2} from the whole internet ({3}). The plan does not remove it; review it (runbook 8.2, security).',
        dbGroup.name,
        dbGroup.id,
        port,
        open.map((r) => r.cidrIpv4 ?? r.cidrIpv6).join(', '),
      ),
    },
  ];
}

/** For a reused App Runner group: the allow-all egress (removed by a named step) and other broad egress (kept). */
export function appRunnerGroupWarnings(group: SecurityGroup): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const allowAll = group.rules.filter(isDefaultAllowAllEgress);
  if (allowAll.length > 0) {
    warnings.push({
      code: 'apprunner-group-allows-all-egress',
      evidence: allowAll.map((r) => r.id),
      message: msg(
        'The existing group {0} ({1}) allows all outbound traffic; the step "revoke-default-egress" removes that rule.',
        group.name,
        group.id,
      ),
    });
  }
  const broad = group.rules.filter(
    (r) => r.egress && !isDefaultAllowAllEgress(r) && isToWorld(r) && (isAllProtocols(r) || r.fromPort !== r.toPort),
  );
  if (broad.length > 0) {
    warnings.push({
      code: 'apprunner-group-extra-egress',
      evidence: broad.map((r) => r.id),
      message: msg(
        '{0} ({1}) has other broad outbound rules ({2}). The plan keeps them; review them (runbook 8.2, security).',
        group.name,
        group.id,
        broad.map((r) => r.id).join(', '),
      ),
    });
  }
  return warnings;
}

/** A private service's URL answers only inside its VPC: the health steps report "not checked", not a failure. */
export function privateServiceWarning(service: ServiceRef): PlanWarning {
  return {
    code: 'health-not-checked-private',
    evidence: [service.arn],
    message: msg(
      '{0} is private (IsPubliclyAccessible=false): its health paths are not checked from here, and the result says "not checked" instead of failing. The CloudWatch log scan (Diagnose) is the check that remains.',
      service.name,
    ),
  };
}
