// Which of the database's security groups gets the App Runner ingress rule. Found through
// the DB, never by name alone: the configured name (GroupName or Name tag) picks among the DB's own groups;
// else a DB with one group uses it; else the one group no other network interface uses (DescribeNetworkInterfaces
// is in the snapshot) is the DB's own, and the shared ones are named so the plan can say they stay unchanged.
// When that is still ambiguous (none, or several unshared), nothing is guessed: the message lists the groups
// and how to choose one.
import type { Localized } from '../common/awsError';
import { findGroupByName, groupLabel } from '../topology/groupNames';
import { otherUsers, usersText } from './resourceOwnership';
import type { NetworkInterface, SecurityGroup, Topology } from '../topology/topology';
import { joinTexts, msg } from '../l10n/text';

export type DbGroupChoice = { ok: true; group: SecurityGroup; note?: Localized } | { ok: false; message: Localized };

/** Interfaces other than the database's own (RDS's interfaces) and App Runner's that use the group. */
function sharedWith(snapshot: Topology, group: SecurityGroup): NetworkInterface[] {
  return otherUsers(snapshot, group.id).filter((n) => !/^RDSNetworkInterface/i.test(n.description));
}

const listed = (groups: readonly SecurityGroup[]): string => groups.map((g) => `${groupLabel(g)} ${g.id}`).join(', ');

export function chooseDatabaseGroup(
  snapshot: Topology,
  dbLabel: Localized,
  groupIds: readonly string[],
  configuredName: string,
): DbGroupChoice {
  const groups = groupIds
    .map((id) => snapshot.securityGroups.find((g) => g.id === id))
    .filter((g): g is SecurityGroup => g !== undefined);
  const named = findGroupByName(groups, configuredName);
  if (named) return { ok: true, group: named };
  if (groups.length === 1) return { ok: true, group: groups[0] };
  const own = groups.filter((g) => g.name !== 'default' && sharedWith(snapshot, g).length === 0);
  if (groups.length > 1 && own.length === 1) {
    const shared = groups.filter((g) => g !== own[0]);
    const sharedText = joinTexts(
      shared.map((g) => {
        const users = sharedWith(snapshot, g);
        return users.length > 0
          ? msg('{0} ({1}, also used by {2})', groupLabel(g), g.id, usersText(users))
          : msg("{0} ({1}, the VPC's default group)", groupLabel(g), g.id);
      }),
      msg(', '),
    );
    return {
      ok: true,
      group: own[0],
      note: msg(
        '{0} has {1} security groups: the inbound rule goes on {2} ({3}), which only the database uses; {4} is left unchanged. To choose another, set apprunnerVpc.databaseSecurityGroupName (CLI: --db-security-group-name).',
        dbLabel,
        groups.length,
        groupLabel(own[0]),
        own[0].id,
        sharedText,
      ),
    };
  }
  const why =
    own.length === 0
      ? msg('every one of them is also used by other resources')
      : msg('{0} of them are used only by the database', own.length);
  return {
    ok: false,
    message: msg(
      '{0} has no security group named "{1}" and {2} groups to choose from ({3}); {4}, so the one to change is not guessed. Name it with apprunnerVpc.databaseSecurityGroupName (CLI: --db-security-group-name), by GroupName or Name tag.',
      dbLabel,
      configuredName,
      groups.length,
      listed(groups) || msg('none'),
      why,
    ),
  };
}
