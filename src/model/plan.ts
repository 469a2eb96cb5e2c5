// plan(snapshot, desired): the runbook's sections 3 to 6 as the list of steps still missing in this account.
// Each piece already in place is left out, so a fully set-up account gives an empty plan. Never plans ingress
// from a CIDR (only from the App Runner group) and never removes anything it does not name as a step. Never
// changes what is not ours: the default or a shared group never gets the App Runner role (desired.ts chose a
// dedicated one), and a group or connector an IaC tool owns is not modified or deleted (a warning says where).
import { chooseConnector } from './connectorChoice';
import { targetById } from './databaseTargets';
import type { DesiredSetup } from './desired';
import {
  dbGroupSharedWarning, iacConnectorOwner, iacIngressWarning, noInternetEgressWarning, replacedGroupWarning,
} from './planOwnershipWarnings';
import type { GroupRef, Plan, PlanStep, PlanWarning, ServiceRef } from './planSteps';
import { appRunnerGroupWarnings, dbGroupWarnings, privateServiceWarning } from './planWarnings';
import { proxyHopGaps } from './proxyHop';
import { hasRule, isAllowAllEgressIpv6, isDefaultAllowAllEgress } from './ruleMatch';
import {
  attachStep, createConnectorStep, createGroupStep, deleteConnectorStep, egressStep, groupIdText, healthStep, ingressStep, revokeAllEgressStep, waitStep,
} from './stepBuilders';
import type { Localized } from './awsError';
import { findGroupByName } from './groupNames';
import type { SecurityGroup, Topology, VpcConnector } from './topology';

/** A new group in a VPC with IPv6 may get an allow-all rule to ::/0 too; the step re-reads and skips it if not. */
function vpcHasIpv6(snapshot: Topology, vpcId: string): boolean {
  return snapshot.subnets.some((s) => s.vpcId === vpcId && s.ipv6CidrBlocks.length > 0);
}

// Rules carry no description: moto (the sandbox) only revokes a rule when the description matches too, so the
// runbook's own `aws ec2 revoke-...` commands would not find described rules there.
function groupSteps(snapshot: Topology, d: DesiredSetup, appGroup: GroupRef, dbGroup: GroupRef, warnings: PlanWarning[]): PlanStep[] {
  const existing = snapshot.securityGroups.find((g) => g.id === appGroup.id);
  const rules = existing?.rules ?? [];
  const steps: PlanStep[] = existing ? [] : [createGroupStep(appGroup)];
  const dual = d.ipAddressType === 'DUAL_STACK';
  const wanted = [
    egressStep('authorize-egress-db', appGroup, { protocol: 'tcp', fromPort: d.dbPort, toPort: d.dbPort, group: dbGroup }),
    egressStep('authorize-egress-https', appGroup, { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' }),
    egressStep('authorize-egress-dns', appGroup, { protocol: 'udp', fromPort: 53, toPort: 53, cidrIpv4: '0.0.0.0/0' }),
    // A DUAL_STACK service reaches IPv6 destinations through the connector too: the same two rules to ::/0.
    ...(dual ? [
      egressStep('authorize-egress-https-ipv6', appGroup, { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv6: '::/0' }),
      egressStep('authorize-egress-dns-ipv6', appGroup, { protocol: 'udp', fromPort: 53, toPort: 53, cidrIpv6: '::/0' }),
    ] : []),
  ];
  steps.push(...wanted.filter((s) => !hasRule(rules, s.rule, true, d.dbSecurityGroupId)));
  // Revoked after the rules exist, so a group already in use never has a moment without egress.
  if (!existing || rules.some(isDefaultAllowAllEgress)) steps.push(revokeAllEgressStep(appGroup));
  if (existing ? rules.some(isAllowAllEgressIpv6) : vpcHasIpv6(snapshot, d.vpcId)) steps.push(revokeAllEgressStep(appGroup, true));
  const dbSg = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId);
  const ingress = ingressStep(dbGroup, { protocol: 'tcp', fromPort: d.dbPort, toPort: d.dbPort, group: appGroup });
  if (!appGroup.id || !hasRule(dbSg?.rules ?? [], ingress.rule, false, appGroup.id)) {
    const iac = dbSg ? iacIngressWarning(dbSg, d.dbPort, `${appGroup.name} (${groupIdText(appGroup)})`) : undefined;
    if (iac) warnings.push(iac);
    else steps.push(ingress);
  }
  return steps;
}

function usersOf(snapshot: Topology, connector: VpcConnector, exceptServiceArn: string): string[] {
  return snapshot.services.filter((s) => s.arn !== exceptServiceArn && s.vpcConnectorArn === connector.arn).map((s) => s.name);
}

function detailsComplete(snapshot: Topology): boolean {
  return snapshot.services.every((s) => s.detailsLoaded);
}

function setupWarnings(snapshot: Topology, d: DesiredSetup, appSg: SecurityGroup | undefined): PlanWarning[] {
  const dbSg = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId);
  const subnets = snapshot.subnets.filter((s) => d.subnetIds.includes(s.id));
  return [
    ...(d.appRunnerGroupReplaced ? [replacedGroupWarning(d.appRunnerGroupReplaced, d.appRunnerSecurityGroupName)] : []),
    ...(dbSg ? [...dbGroupWarnings(dbSg, d.dbPort), ...dbGroupSharedWarning(snapshot, dbSg, d.dbPort)] : []),
    ...(appSg ? appRunnerGroupWarnings(appSg) : []),
    ...noInternetEgressWarning(subnets),
  ];
}

export function plan(snapshot: Topology, d: DesiredSetup): Plan {
  const service = snapshot.services.find((s) => s.arn === d.serviceArn);
  const serviceRef: ServiceRef = { name: d.serviceName, arn: d.serviceArn };
  // The App Runner group by GroupName, else by its Name tag (a group made by hand as the runbook says); a
  // group desired.ts replaced (default, shared, IaC-owned) is never found again through its tag.
  const inVpc = snapshot.securityGroups.filter((g) => g.vpcId === d.vpcId);
  const appSg = d.appRunnerGroupReplaced
    ? inVpc.find((g) => g.name === d.appRunnerSecurityGroupName)
    : findGroupByName(inVpc, d.appRunnerSecurityGroupName, d.appRunnerSecurityGroupNameTag || undefined);
  const dbSg = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId);
  const appGroup: GroupRef = appSg
    ? { name: appSg.name, vpcId: d.vpcId, id: appSg.id, nameTag: appSg.tags.Name }
    : { name: d.appRunnerSecurityGroupName, vpcId: d.vpcId, nameTag: d.appRunnerSecurityGroupNameTag || undefined };
  const dbGroup: GroupRef = { name: dbSg?.name ?? d.dbSecurityGroupId, vpcId: d.vpcId, id: d.dbSecurityGroupId, nameTag: dbSg?.tags.Name };
  const warnings: PlanWarning[] = setupWarnings(snapshot, d, appSg);
  const proxy = targetById(snapshot, d.dbInstanceId);
  // The plan opens service -> proxy; the proxy -> database hop is the proxy's own setup, reported, not changed.
  for (const gap of proxy ? proxyHopGaps(snapshot, proxy) : []) {
    warnings.push({ code: 'proxy-target-hop', message: gap.message, evidence: [proxy?.id ?? d.dbInstanceId, ...gap.groups.map((g) => g.id)] });
  }
  const steps = groupSteps(snapshot, d, appGroup, dbGroup, warnings);

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
      const owner = iacConnectorOwner(previous);
      warnings.push({ code: 'previous-connector-unused', evidence: [previous.arn], message: owner ? {
        en: `After the move, connector ${previous.name} is used by no service; it is managed by ${owner}: remove it there if you no longer need it.`,
        ja: `移行後、VPC コネクタ ${previous.name} はどのサービスにも使われません。${owner} が管理しているため、不要ならそちらで削除してください。` } : {
        en: `After the move, connector ${previous.name} is used by no service; delete it if you no longer need it (runbook 8.3).`,
        ja: `移行後、VPC コネクタ ${previous.name} はどのサービスにも使われません。不要なら削除してください（手順書 8.3）。` } });
    }
  }
  if (steps.some((s) => s.mutating)) {
    steps.push(healthStep('check-health', serviceRef, d.healthCheckPath), healthStep('check-db-health', serviceRef, d.dbHealthPath));
    if (service?.isPubliclyAccessible === false) warnings.push(privateServiceWarning(serviceRef));
  }
  if (choice.mismatched) mismatchedConnector(snapshot, d, choice.mismatched, choice.name, steps, warnings);
  return { kind: 'setup', steps, warnings, notes: d.ipAddressType ? [ipTypeNote(d.serviceName, d.ipAddressType)] : [] };
}

function ipTypeNote(serviceName: string, type: 'IPV4' | 'DUAL_STACK'): Localized {
  return type === 'DUAL_STACK'
    ? { en: `${serviceName} is DUAL_STACK (IpAddressType): the 443 and UDP 53 rules get ::/0 twins; the attach keeps the IP address type.`,
      ja: `${serviceName} は DUAL_STACK（IpAddressType）です。443 と UDP 53 のルールに ::/0 版も追加します。適用時も IP アドレスタイプは維持します。` }
    : { en: `${serviceName} is IPV4 (IpAddressType): rules for IPv4 only; the attach keeps the IP address type.`,
      ja: `${serviceName} は IPV4（IpAddressType）です。ルールは IPv4 のみです。適用時も IP アドレスタイプは維持します。` };
}

/** The connector of the wanted name that does not match: deleted after the move when nobody, and no stack, owns it. */
function mismatchedConnector(snapshot: Topology, d: DesiredSetup, old: VpcConnector, newName: string, steps: PlanStep[], warnings: PlanWarning[]): void {
  const others = usersOf(snapshot, old, d.serviceArn);
  const owner = iacConnectorOwner(old);
  if (others.length === 0 && detailsComplete(snapshot) && !owner) {
    steps.push(deleteConnectorStep(old.name, old.arn));
    return;
  }
  const why = others.length > 0 ? { en: `it is used by ${others.join(', ')}`, ja: ` ${others.join(', ')} が使用中のため` }
    : owner ? { en: `${owner} manages it (change or remove it there)`, ja: ` ${owner} が管理しているため（変更・削除はそちらで）` }
      : { en: 'not every service could be checked', ja: 'すべてのサービスを確認できなかったため' };
  warnings.push({ code: 'old-connector-kept', evidence: [old.arn], message: {
    en: `Connector ${old.name} does not match the wanted subnets or groups and cannot be changed; a new connector ${newName} is used. The old one is kept because ${why.en}.`,
    ja: `VPC コネクタ ${old.name} は希望のサブネットまたはグループと一致せず変更できないため、新しい ${newName} を使います。旧コネクタ は${why.ja}残します。` } });
}

export { deleteConnectorPlan, detachPlan } from './teardownPlans';
