// Which group gets the App Runner role. The settings' name is kept when no group of that name exists yet or
// the existing one is ours to shape; the VPC's default group, a group other interfaces use, or one an IaC tool
// owns (when the setup would change it) is left alone and a dedicated group `<name>-2`, `-3`, ... is used
// instead: created, or reused when a previous run made it. Connectors cannot change their groups, so the
// connector choice then plans a new connector revision too.
import type { Localized } from '../common/awsError';
import type { DnsEgress } from './dnsEgress';
import { findGroupByName } from '../topology/groupNames';
import type { RuleSpec } from './planSteps';
import { appRunnerRoleRefusal, type NotOursReason } from './resourceOwnership';
import { hasRule, isAllowAllEgressIpv6, isDefaultAllowAllEgress } from './ruleMatch';
import type { SecurityGroup, Topology } from '../topology/topology';

export interface ReplacedGroup {
  id: string;
  name: string;
  reason: NotOursReason;
  why: Localized;
}

export interface AppRunnerGroupChoice {
  name: string;
  /** The group of the wanted name that was not used, and why. */
  replaced?: ReplacedGroup;
}

export interface GroupNeeds {
  dbGroupId: string;
  dbPort: number;
  dualStack: boolean;
  /** vpcResolverOnly: the UDP 53 rules are not needed (unset: the runbook's). */
  dnsEgress?: DnsEgress;
}

/** Whether the setup would add a rule to the group or remove its allow-all egress. */
export function groupNeedsChanges(group: SecurityGroup, needs: GroupNeeds): boolean {
  const dns = needs.dnsEgress !== 'vpcResolverOnly';
  const specs: RuleSpec[] = [
    { protocol: 'tcp', fromPort: needs.dbPort, toPort: needs.dbPort },
    { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' },
    ...(dns ? [{ protocol: 'udp' as const, fromPort: 53, toPort: 53, cidrIpv4: '0.0.0.0/0' }] : []),
    ...(needs.dualStack ? [{ protocol: 'tcp' as const, fromPort: 443, toPort: 443, cidrIpv6: '::/0' }] : []),
    ...(needs.dualStack && dns ? [{ protocol: 'udp' as const, fromPort: 53, toPort: 53, cidrIpv6: '::/0' }] : []),
  ];
  const missing = specs.some(
    (s) => !hasRule(group.rules, s, true, s.cidrIpv4 || s.cidrIpv6 ? undefined : needs.dbGroupId),
  );
  return missing || group.rules.some((r) => isDefaultAllowAllEgress(r) || isAllowAllEgressIpv6(r));
}

/** The DesiredSetup fields that name the App Runner group (desired.ts imports this file, not the reverse). */
export interface ResolvedAppRunnerGroup {
  vpcId: string;
  appRunnerSecurityGroupName: string;
  appRunnerSecurityGroupNameTag: string;
  appRunnerGroupReplaced?: ReplacedGroup;
}

/**
 * The App Runner group of a resolved setup, as plan(), the bash script and the IaC exports all find it: by
 * GroupName, else by its Name tag (a group made by hand as the runbook says); a group desired.ts replaced
 * (default, shared, IaC-owned) is never found again through its tag, only the dedicated name.
 */
export function findAppRunnerGroup(snapshot: Topology, d: ResolvedAppRunnerGroup): SecurityGroup | undefined {
  const inVpc = snapshot.securityGroups.filter((g) => g.vpcId === d.vpcId);
  return d.appRunnerGroupReplaced
    ? inVpc.find((g) => g.name === d.appRunnerSecurityGroupName)
    : findGroupByName(inVpc, d.appRunnerSecurityGroupName, d.appRunnerSecurityGroupNameTag || undefined);
}

/** The first of `wanted`, `wanted-2`, ... that is free or ours to use (EC2 allows 255 characters). */
export function chooseAppRunnerGroup(
  snapshot: Topology,
  vpcId: string,
  wanted: string,
  needs: GroupNeeds,
  nameTag?: string,
): AppRunnerGroupChoice {
  const inVpc = snapshot.securityGroups.filter((g) => g.vpcId === vpcId);
  let replaced: ReplacedGroup | undefined;
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? wanted : `${wanted}-${n}`;
    // The wanted group may have been made by hand with the runbook's name as its Name tag only.
    const group = n === 1 ? findGroupByName(inVpc, name, nameTag) : inVpc.find((g) => g.name === name);
    const refusal = group ? appRunnerRoleRefusal(snapshot, group, groupNeedsChanges(group, needs)) : undefined;
    if (!group) return replaced ? { name, replaced } : { name };
    if (!refusal) return replaced ? { name: group.name, replaced } : { name: group.name };
    replaced ??= { id: group.id, name: group.name, reason: refusal.reason, why: refusal.text };
  }
  return { name: `${wanted}-100`, replaced };
}
