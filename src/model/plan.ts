// plan(snapshot, desired): the runbook's sections 3 to 6 as the list of steps still missing in this account.
// Each piece already in place is left out, so a fully set-up account gives an empty plan. Never plans ingress
// from a CIDR (only from the App Runner group) and never removes anything it does not name as a step.
import { chooseConnector } from './connectorChoice';
import type { DesiredSetup } from './desired';
import type { GroupRef, Plan, PlanStep, PlanWarning, ServiceRef } from './planSteps';
import { appRunnerGroupWarnings, dbGroupWarnings, reservedPrefixWarning } from './planWarnings';
import { hasRule, isDefaultAllowAllEgress } from './ruleMatch';
import {
  attachStep, createConnectorStep, createGroupStep, deleteConnectorStep, egressStep, healthStep, ingressStep, revokeAllEgressStep, waitStep,
} from './stepBuilders';
import type { Topology, VpcConnector } from './topology';

// Rules carry no description: moto (the sandbox) only revokes a rule when the description matches too, so the
// runbook's own `aws ec2 revoke-...` commands would not find described rules there.
function groupSteps(snapshot: Topology, d: DesiredSetup, appGroup: GroupRef, dbGroup: GroupRef): PlanStep[] {
  const existing = snapshot.securityGroups.find((g) => g.id === appGroup.id);
  const rules = existing?.rules ?? [];
  const steps: PlanStep[] = existing ? [] : [createGroupStep(appGroup)];
  const wanted = [
    egressStep('authorize-egress-db', appGroup, { protocol: 'tcp', fromPort: d.dbPort, toPort: d.dbPort, group: dbGroup }),
    egressStep('authorize-egress-https', appGroup, { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' }),
    egressStep('authorize-egress-dns', appGroup, { protocol: 'udp', fromPort: 53, toPort: 53, cidrIpv4: '0.0.0.0/0' }),
  ];
  steps.push(...wanted.filter((s) => !hasRule(rules, s.rule, true, d.dbSecurityGroupId)));
  // Revoked after the three rules exist, so a group already in use never has a moment without egress.
  if (!existing || rules.some(isDefaultAllowAllEgress)) steps.push(revokeAllEgressStep(appGroup));
  const dbRules = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId)?.rules ?? [];
  const ingress = ingressStep(dbGroup, { protocol: 'tcp', fromPort: d.dbPort, toPort: d.dbPort, group: appGroup });
  if (!appGroup.id || !hasRule(dbRules, ingress.rule, false, appGroup.id)) steps.push(ingress);
  return steps;
}

function usersOf(snapshot: Topology, connector: VpcConnector, exceptServiceArn: string): string[] {
  return snapshot.services.filter((s) => s.arn !== exceptServiceArn && s.vpcConnectorArn === connector.arn).map((s) => s.name);
}

function detailsComplete(snapshot: Topology): boolean {
  return snapshot.services.every((s) => s.detailsLoaded);
}

export function plan(snapshot: Topology, d: DesiredSetup): Plan {
  const service = snapshot.services.find((s) => s.arn === d.serviceArn);
  const serviceRef: ServiceRef = { name: d.serviceName, arn: d.serviceArn };
  const appSg = snapshot.securityGroups.find((g) => g.name === d.appRunnerSecurityGroupName && g.vpcId === d.vpcId);
  const dbSg = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId);
  const appGroup: GroupRef = { name: d.appRunnerSecurityGroupName, vpcId: d.vpcId, id: appSg?.id };
  const dbGroup: GroupRef = { name: dbSg?.name ?? d.dbSecurityGroupId, vpcId: d.vpcId, id: d.dbSecurityGroupId };
  const warnings: PlanWarning[] = [...(dbSg ? dbGroupWarnings(dbSg, d.dbPort) : []), ...(appSg ? appRunnerGroupWarnings(appSg) : [])];
  const steps = groupSteps(snapshot, d, appGroup, dbGroup);
  if (!appSg && /^sg-/i.test(appGroup.name)) warnings.push(reservedPrefixWarning(appGroup.name));

  const choice = chooseConnector(snapshot, d.connectorName, d.subnetIds, appSg?.id);
  if (!choice.reuse) steps.push(createConnectorStep(choice.name, d.subnetIds, appGroup));
  const attached = service?.egressType === 'VPC' && choice.reuse !== undefined && service.vpcConnectorArn === choice.reuse.arn;
  if (!attached) {
    if (service?.status === 'OPERATION_IN_PROGRESS') {
      warnings.push({ code: 'service-operation-in-progress', evidence: [d.serviceArn], message: {
        en: `${d.serviceName} has an operation in progress; the attach step waits for it to finish first.`,
        ja: `${d.serviceName} は操作の進行中です。適用ステップはその完了を待ってから実行します。` } });
    }
    steps.push(attachStep(serviceRef, choice.name, choice.reuse?.arn), waitStep(serviceRef));
    const previous = snapshot.connectors.find((c) => c.arn === service?.vpcConnectorArn && c.arn !== choice.mismatched?.arn);
    if (service?.egressType === 'VPC' && previous && usersOf(snapshot, previous, d.serviceArn).length === 0) {
      warnings.push({ code: 'previous-connector-unused', evidence: [previous.arn], message: {
        en: `After the move, connector ${previous.name} is used by no service; delete it if you no longer need it (runbook 8.3).`,
        ja: `移行後、VPC コネクタ ${previous.name} はどのサービスにも使われません。不要なら削除してください（手順書 8.3）。` } });
    }
  }
  if (steps.some((s) => s.mutating)) {
    steps.push(healthStep('check-health', serviceRef, d.healthCheckPath), healthStep('check-db-health', serviceRef, d.dbHealthPath));
  }
  if (choice.mismatched) {
    const others = usersOf(snapshot, choice.mismatched, d.serviceArn);
    if (others.length === 0 && detailsComplete(snapshot)) {
      steps.push(deleteConnectorStep(choice.mismatched.name, choice.mismatched.arn));
    } else {
      warnings.push({ code: 'old-connector-kept', evidence: [choice.mismatched.arn], message: {
        en: `Connector ${choice.mismatched.name} does not match the wanted subnets or groups and cannot be changed; a new connector ${choice.name} is used. The old one is kept because ${others.length > 0 ? `it is used by ${others.join(', ')}` : 'not every service could be checked'}.`,
        ja: `VPC コネクタ ${choice.mismatched.name} は希望のサブネットまたはグループと一致せず変更できないため、新しい ${choice.name} を使います。旧 Connector は${others.length > 0 ? ` ${others.join(', ')} が使用中のため` : 'すべてのサービスを確認できなかったため'}残します。` } });
    }
  }
  return { kind: 'setup', steps, warnings, notes: [] };
}

export { deleteConnectorPlan, detachPlan } from './teardownPlans';
