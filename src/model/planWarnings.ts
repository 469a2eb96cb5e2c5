// Over-permissive rules already in the account are reported with the plan, never silently removed
// (runbook 8.2: keep rules minimal). The plan only ever removes the allow-all egress it names as a step.
import type { PlanWarning, ServiceRef } from './planSteps';
import { isAllProtocols, isDefaultAllowAllEgress, isToWorld, worldOpenIngress } from './ruleMatch';
import type { SecurityGroup } from './topology';

export function dbGroupWarnings(dbGroup: SecurityGroup, port: number): PlanWarning[] {
  const open = worldOpenIngress(dbGroup.rules, port);
  if (open.length === 0) return [];
  return [{
    code: 'db-port-open-to-world', evidence: open.map((r) => r.id),
    message: {
      en: `${dbGroup.name} (${dbGroup.id}) allows port ${port} from the whole internet (${open.map((r) => r.cidrIpv4 ?? r.cidrIpv6).join(', ')}). The plan does not remove it; review it (runbook 8.2).`,
      ja: `${dbGroup.name}（${dbGroup.id}）はインターネット全体（${open.map((r) => r.cidrIpv4 ?? r.cidrIpv6).join(', ')}）からポート ${port} を許可しています。プランでは削除しません。見直してください（手順書 8.2）。`,
    },
  }];
}

/** For a reused App Runner group: the allow-all egress (removed by a named step) and other broad egress (kept). */
export function appRunnerGroupWarnings(group: SecurityGroup): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const allowAll = group.rules.filter(isDefaultAllowAllEgress);
  if (allowAll.length > 0) {
    warnings.push({ code: 'apprunner-group-allows-all-egress', evidence: allowAll.map((r) => r.id), message: {
      en: `The existing group ${group.name} (${group.id}) allows all outbound traffic; the step "revoke-default-egress" removes that rule.`,
      ja: `既存の ${group.name}（${group.id}）は全アウトバウンド通信を許可しています。「revoke-default-egress」ステップでそのルールを削除します。`,
    } });
  }
  const broad = group.rules.filter((r) => r.egress && !isDefaultAllowAllEgress(r) && isToWorld(r)
    && (isAllProtocols(r) || r.fromPort !== r.toPort));
  if (broad.length > 0) {
    warnings.push({ code: 'apprunner-group-extra-egress', evidence: broad.map((r) => r.id), message: {
      en: `${group.name} (${group.id}) has other broad outbound rules (${broad.map((r) => r.id).join(', ')}). The plan keeps them; review them (runbook 8.2).`,
      ja: `${group.name}（${group.id}）には他にも広いアウトバウンドルール（${broad.map((r) => r.id).join(', ')}）があります。プランでは残します。見直してください（手順書 8.2）。`,
    } });
  }
  return warnings;
}

/** A private service's URL answers only inside its VPC: the health steps report "not checked", not a failure. */
export function privateServiceWarning(service: ServiceRef): PlanWarning {
  return { code: 'health-not-checked-private', evidence: [service.arn], message: {
    en: `${service.name} is private (IsPubliclyAccessible=false): its health paths are not checked from here, and the result says "not checked" instead of failing. The CloudWatch log scan (Diagnose) is the check that remains.`,
    ja: `${service.name} はプライベート（IsPubliclyAccessible=false）のため、ヘルスチェックはここからは行わず、結果は失敗ではなく「未確認」となります。残る確認は CloudWatch ログの確認（診断）です。` } };
}
