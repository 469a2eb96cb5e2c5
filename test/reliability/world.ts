// What the reliability suite needs to judge a run: does the account equal the runbook's state, how many extra
// groups, rules or connectors exist (duplicates), and which wide-open rules exist, all read with plain
// describe calls (the test's own SDK clients, not the code under test).
import { ListVpcConnectorsCommand } from '@aws-sdk/client-apprunner';
import {
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { ruleKey } from '../sandbox/engineSupport';
import { assertRunbookState } from '../sandbox/runbookState';
import { sandboxClients, seed } from '../sandbox/support';

export async function convergedToRunbook(): Promise<boolean> {
  try {
    await assertRunbookState();
    return true;
  } catch {
    return false;
  }
}

/** The groups of the seed's VPC other than its default group and the DB's group: the ones our tool made. */
async function toolGroupIds(): Promise<string[]> {
  const { ec2 } = sandboxClients();
  const info = seed();
  const groups =
    (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [info.vpcId ?? ''] }] })))
      .SecurityGroups ?? [];
  return groups.filter((g) => g.GroupName !== 'default' && g.GroupId !== info.sgRdsId).map((g) => g.GroupId ?? '');
}

async function rulesOf(groupId: string): Promise<SecurityGroupRule[]> {
  const { ec2 } = sandboxClients();
  return (
    (await ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] })))
      .SecurityGroupRules ?? []
  );
}

/**
 * Extra groups, connectors and rules beyond the runbook's one group (three egress rules, no ingress), one
 * ACTIVE connector and one DB ingress rule; the rules of every extra group count too.
 */
export async function duplicateCount(): Promise<number> {
  const { appRunner } = sandboxClients();
  const groupIds = await toolGroupIds();
  const connectors = (
    (await appRunner.send(new ListVpcConnectorsCommand({ MaxResults: 100 }))).VpcConnectors ?? []
  ).filter((c) => c.Status === 'ACTIVE');
  const extra = (n: number, expected: number): number => Math.max(0, n - expected);
  const distinct = (keys: string[]): number => keys.length - new Set(keys).size;
  let count = extra(groupIds.length, 1) + extra(connectors.length, 1);
  for (const [i, id] of groupIds.entries()) {
    const rules = await rulesOf(id);
    const egress = rules.filter((r) => r.IsEgress);
    // The first group may hold the runbook's three egress rules; an extra group's rules are all extra.
    count += i === 0 ? extra(egress.length, 3) + distinct(egress.map(ruleKey)) : egress.length;
    count += rules.filter((r) => !r.IsEgress).length;
  }
  const dbIngress = (await rulesOf(seed().sgRdsId ?? '')).filter((r) => !r.IsEgress);
  return count + extra(dbIngress.length, 1) + distinct(dbIngress.map(ruleKey));
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/**
 * Rules that open more than the runbook ever does, as `group rule` keys: ingress from the whole internet on
 * any group of the VPC, or all traffic (every protocol or every port) out to the internet from a group our
 * tool made. The runbook's own egress (443 and 53 to the internet, 5432 to the DB group) is not wide.
 */
export async function wideRules(): Promise<Set<string>> {
  const { ec2 } = sandboxClients();
  const info = seed();
  const groups =
    (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [info.vpcId ?? ''] }] })))
      .SecurityGroups ?? [];
  const ours = new Set(await toolGroupIds());
  const wide = new Set<string>();
  for (const group of groups) {
    for (const rule of await rulesOf(group.GroupId ?? '')) {
      const toWorld = WORLD.has(rule.CidrIpv4 ?? rule.CidrIpv6 ?? '');
      const allTraffic = rule.IpProtocol === '-1' || (rule.FromPort === 0 && rule.ToPort === 65535);
      if (toWorld && (!rule.IsEgress || (ours.has(group.GroupId ?? '') && allTraffic)))
        wide.add(`${group.GroupId} ${rule.IsEgress ? 'egress' : 'ingress'} ${ruleKey(rule)}`);
    }
  }
  return wide;
}

/** How many wide rules exist now that did not before (`before` from wideRules() at the start). */
export async function widenedSince(before: ReadonlySet<string>): Promise<number> {
  return [...(await wideRules())].filter((key) => !before.has(key)).length;
}
