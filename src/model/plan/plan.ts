// plan(snapshot, desired): the runbook's sections 3 to 6 as the list of steps still missing in this account.
// Each piece already in place is left out, so a fully set-up account gives an empty plan. Never plans ingress
// from a CIDR (only from the App Runner group) and never removes anything it does not name as a step. Never
// changes what is not ours: the default or a shared group never gets the App Runner role (desired.ts chose a
// dedicated one), and a group or connector an IaC tool owns is not modified or deleted (a warning says where).
import { chooseConnector } from './connectorChoice';
import { otherUsersOf } from '../topology/connectorUse';
import { targetById } from '../topology/databaseTargets';
import type { DesiredSetup } from './desired';
import {
  dbGroupSharedWarning,
  iacConnectorOwner,
  iacIngressWarning,
  noInternetEgressWarning,
  replacedGroupWarning,
} from './planOwnershipWarnings';
import type { GroupRef, Plan, PlanStep, PlanWarning, ServiceRef } from './planSteps';
import { appRunnerGroupWarnings, dbGroupWarnings, privateServiceWarning } from './planWarnings';
import { proxyHopGaps } from '../topology/proxyHop';
import { hasRule, isAllowAllEgressIpv6, isDefaultAllowAllEgress } from './ruleMatch';
import {
  attachStep,
  createConnectorStep,
  createGroupStep,
  deleteConnectorStep,
  egressStep,
  groupIdText,
  healthStep,
  ingressStep,
  revokeAllEgressStep,
  waitStep,
} from './stepBuilders';
import type { Localized } from '../common/awsError';
import { dnsEgressNote, dnsEgressOf } from './dnsEgress';
import { findAppRunnerGroup } from './appRunnerGroupChoice';
import { natCost, natCostNote } from '../topology/natCost';
import type { SecurityGroup, Topology, VpcConnector } from '../topology/topology';
import { joinTexts, msg } from '../l10n/text';
import { planBlockers } from './planBlockers';

/** A new group in a VPC with IPv6 may get an allow-all rule to ::/0 too; the step re-reads and skips it if not. */
function vpcHasIpv6(snapshot: Topology, vpcId: string): boolean {
  return snapshot.subnets.some((s) => s.vpcId === vpcId && s.ipv6CidrBlocks.length > 0);
}

// Rules carry no description: moto (the sandbox) only revokes a rule when the description matches too, so the
// runbook's own `aws ec2 revoke-...` commands would not find described rules there.
function groupSteps(
  snapshot: Topology,
  d: DesiredSetup,
  appGroup: GroupRef,
  dbGroup: GroupRef,
  warnings: PlanWarning[],
): PlanStep[] {
  const existing = snapshot.securityGroups.find((g) => g.id === appGroup.id);
  const rules = existing?.rules ?? [];
  const steps: PlanStep[] = existing ? [] : [createGroupStep(appGroup)];
  const dual = d.ipAddressType === 'DUAL_STACK';
  // vpcResolverOnly: no port 53 rule (the VPC's Amazon resolver is not filtered by security groups, see
  // dnsEgress.ts); an existing one is not revoked either.
  const dns = dnsEgressOf(d.dnsEgress) === 'runbook';
  const wanted = [
    egressStep('authorize-egress-db', appGroup, {
      protocol: 'tcp',
      fromPort: d.dbPort,
      toPort: d.dbPort,
      group: dbGroup,
    }),
    egressStep('authorize-egress-https', appGroup, {
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    }),
    ...(dns
      ? [
          egressStep('authorize-egress-dns', appGroup, {
            protocol: 'udp',
            fromPort: 53,
            toPort: 53,
            cidrIpv4: '0.0.0.0/0',
          }),
        ]
      : []),
    // A DUAL_STACK service reaches IPv6 destinations through the connector too: the same rules to ::/0.
    ...(dual
      ? [
          egressStep('authorize-egress-https-ipv6', appGroup, {
            protocol: 'tcp',
            fromPort: 443,
            toPort: 443,
            cidrIpv6: '::/0',
          }),
        ]
      : []),
    ...(dual && dns
      ? [
          egressStep('authorize-egress-dns-ipv6', appGroup, {
            protocol: 'udp',
            fromPort: 53,
            toPort: 53,
            cidrIpv6: '::/0',
          }),
        ]
      : []),
  ];
  steps.push(...wanted.filter((s) => !hasRule(rules, s.rule, true, d.dbSecurityGroupId)));
  // Revoked after the rules exist, so a group already in use never has a moment without egress.
  if (!existing || rules.some(isDefaultAllowAllEgress)) steps.push(revokeAllEgressStep(appGroup));
  if (existing ? rules.some(isAllowAllEgressIpv6) : vpcHasIpv6(snapshot, d.vpcId))
    steps.push(revokeAllEgressStep(appGroup, true));
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
  const use = otherUsersOf(snapshot, connector.arn, exceptServiceArn);
  if (use.known) return use.users;
  return snapshot.services
    .filter((s) => s.arn !== exceptServiceArn && s.vpcConnectorArn === connector.arn)
    .map((s) => s.name);
}

/** Whether "no other service uses it" can be believed: every service's details read, or the question answered. */
function usersKnown(snapshot: Topology, connector: VpcConnector, exceptServiceArn: string): boolean {
  return otherUsersOf(snapshot, connector.arn, exceptServiceArn).known;
}

/**
 * A snapshot of one service cannot tell who else uses a connector the plan would delete: the warning names
 * the question and its price, and the CLI answers it (src/aws/connectorUsers.ts) before planning again.
 */
export function connectorUsersUnknownWarning(connector: VpcConnector): PlanWarning {
  return {
    code: 'connector-users-unknown',
    evidence: [connector.arn],
    message: msg(
      'Whether another service uses connector {0} was not checked: that reads every service of the region (one DescribeService call per service, stopped at the first user found).',
      connector.name,
    ),
  };
}

/** What answering "who uses this connector" cost, for each connector a scoped snapshot asked about. */
function connectorUsersNotes(snapshot: Topology): Localized[] {
  return Object.entries(snapshot.scope?.connectorUsers ?? {}).map(([arn, answer]) => {
    const name = snapshot.connectors.find((c) => c.arn === arn)?.name ?? arn;
    return answer.users.length > 0
      ? msg(
          'Checked who uses connector {0}: {1} DescribeService calls, stopped at the first user found ({2}).',
          name,
          answer.servicesRead,
          answer.users[0].name,
        )
      : msg(
          'Checked who uses connector {0}: {1} DescribeService calls (every service of the region); no other service uses it.',
          name,
          answer.servicesRead,
        );
  });
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
  const appSg = findAppRunnerGroup(snapshot, d);
  const dbSg = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId);
  const appGroup: GroupRef = appSg
    ? { name: appSg.name, vpcId: d.vpcId, id: appSg.id, nameTag: appSg.tags.Name }
    : { name: d.appRunnerSecurityGroupName, vpcId: d.vpcId, nameTag: d.appRunnerSecurityGroupNameTag || undefined };
  const dbGroup: GroupRef = {
    name: dbSg?.name ?? d.dbSecurityGroupId,
    vpcId: d.vpcId,
    id: d.dbSecurityGroupId,
    nameTag: dbSg?.tags.Name,
  };
  const warnings: PlanWarning[] = setupWarnings(snapshot, d, appSg);
  const proxy = targetById(snapshot, d.dbInstanceId);
  // The plan opens service -> proxy; the proxy -> database hop is the proxy's own setup, reported, not changed.
  for (const gap of proxy ? proxyHopGaps(snapshot, proxy) : []) {
    warnings.push({
      code: 'proxy-target-hop',
      message: gap.message,
      evidence: [proxy?.id ?? d.dbInstanceId, ...gap.groups.map((g) => g.id)],
    });
  }
  const steps = groupSteps(snapshot, d, appGroup, dbGroup, warnings);
  const leftNotes: Localized[] = [];

  const choice = chooseConnector(snapshot, d.connectorName, d.subnetIds, appSg?.id);
  if (!choice.reuse) steps.push(createConnectorStep(choice.name, d.subnetIds, appGroup));
  const attached =
    service?.egressType === 'VPC' && choice.reuse !== undefined && service.vpcConnectorArn === choice.reuse.arn;
  if (!attached) {
    if (service?.status === 'OPERATION_IN_PROGRESS') {
      warnings.push({
        code: 'service-operation-in-progress',
        evidence: [d.serviceArn],
        message: msg('{0} has an operation in progress; the attach step waits for it to finish first.', d.serviceName),
      });
    }
    steps.push(attachStep(serviceRef, choice.name, choice.reuse?.arn), waitStep(serviceRef));
    const previous = snapshot.connectors.find(
      (c) => c.arn === service?.vpcConnectorArn && c.arn !== choice.mismatched?.arn,
    );
    const scopedUnknown =
      snapshot.scope !== undefined && previous !== undefined && !usersKnown(snapshot, previous, d.serviceArn);
    if (service?.egressType === 'VPC' && previous && scopedUnknown) {
      // Advice only, nothing is deleted: not worth a call per service. delete-connector asks before it deletes.
      leftNotes.push(
        msg(
          'After the move, connector {0} may be used by no other service: not checked, as that reads every service of the region (one DescribeService call per service). delete-connector checks it before deleting.',
          previous.name,
        ),
      );
    } else if (service?.egressType === 'VPC' && previous && usersOf(snapshot, previous, d.serviceArn).length === 0) {
      const owner = iacConnectorOwner(previous);
      warnings.push({
        code: 'previous-connector-unused',
        evidence: [previous.arn],
        message: owner
          ? msg(
              'After the move, connector {0} is used by no service; it is managed by {1}: remove it there if you no longer need it.',
              previous.name,
              owner,
            )
          : msg(
              'After the move, connector {0} is used by no service; delete it if you no longer need it (runbook 8.3, cost).',
              previous.name,
            ),
      });
    }
  }
  const blockers = steps.some((s) => s.mutating) ? planBlockers({ snapshot, desired: d, service }) : [];
  warnings.push(...blockers);
  if (steps.some((s) => s.mutating)) {
    // The DB's inbound rule left to its IaC stack: the database check cannot pass until the stack adds it.
    const withheld = warnings.find((w) => w.code === 'iac-owned-resource' && w.evidence.includes(d.dbSecurityGroupId));
    const blockedBy = (id: 'check-health' | 'check-db-health'): Localized | undefined => {
      const reasons = [
        ...(id === 'check-db-health' && withheld ? [withheld.message] : []),
        ...blockers.filter((b) => b.blocker?.blocks.includes(id)).map((b) => b.message),
      ];
      return reasons.length > 0 ? joinTexts(reasons, ' ') : undefined;
    };
    steps.push(
      healthStep('check-health', serviceRef, d.healthCheckPath, blockedBy('check-health')),
      healthStep('check-db-health', serviceRef, d.dbHealthPath, blockedBy('check-db-health')),
    );
    if (service?.isPubliclyAccessible === false) warnings.push(privateServiceWarning(serviceRef));
  }
  if (choice.mismatched) mismatchedConnector(snapshot, d, choice.mismatched, choice.name, steps, warnings);
  // The DNS note only when the plan changes the group's egress (the rule is planned, or deliberately left out).
  const egressPlanned = steps.some((s) => s.kind === 'authorize-egress' || s.kind === 'create-security-group');
  // Moving to VPC egress puts the service's internet traffic on the NAT gateways its subnets route to (8.3).
  const subnets = snapshot.subnets.filter((s) => d.subnetIds.includes(s.id));
  const nat = attached ? undefined : natCostNote(natCost(snapshot, subnets, service), d.serviceName);
  const notes = [
    ...(d.dbGroupNote ? [d.dbGroupNote] : []),
    ...(d.ipAddressType ? [ipTypeNote(d.serviceName, d.ipAddressType)] : []),
    ...(egressPlanned ? [dnsEgressNote(dnsEgressOf(d.dnsEgress))] : []),
    ...(nat ? [nat] : []),
    ...leftNotes,
    ...connectorUsersNotes(snapshot),
  ];
  return { kind: 'setup', steps, warnings, notes };
}

function ipTypeNote(serviceName: string, type: 'IPV4' | 'DUAL_STACK'): Localized {
  return type === 'DUAL_STACK'
    ? msg(
        '{0} is DUAL_STACK (IpAddressType): the 443 and UDP 53 rules get ::/0 twins; the attach keeps the IP address type.',
        serviceName,
      )
    : msg('{0} is IPV4 (IpAddressType): rules for IPv4 only; the attach keeps the IP address type.', serviceName);
}

/** The connector of the wanted name that does not match: deleted after the move when nobody, and no stack, owns it. */
function mismatchedConnector(
  snapshot: Topology,
  d: DesiredSetup,
  old: VpcConnector,
  newName: string,
  steps: PlanStep[],
  warnings: PlanWarning[],
): void {
  const others = usersOf(snapshot, old, d.serviceArn);
  const owner = iacConnectorOwner(old);
  const known = usersKnown(snapshot, old, d.serviceArn);
  if (others.length === 0 && known && !owner) {
    steps.push(deleteConnectorStep(old.name, old.arn));
    return;
  }
  const why =
    others.length > 0
      ? msg('it is used by {0}', others.join(', '))
      : owner
        ? msg('{0} manages it (change or remove it there)', owner)
        : msg('not every service could be checked');
  if (snapshot.scope && !known && !owner) warnings.push(connectorUsersUnknownWarning(old));
  warnings.push({
    code: 'old-connector-kept',
    evidence: [old.arn],
    message: msg(
      'Connector {0} does not match the wanted subnets or groups and cannot be changed; a new connector {1} is used. The old one is kept because {2}.',
      old.name,
      newName,
      why,
    ),
  });
}

export { deleteConnectorPlan, detachPlan } from './teardownPlans';
