// Which of the database's security groups gets the App Runner ingress rule (issue 15, item 2). Found through
// the DB, never by name alone: the configured name (GroupName or Name tag) picks among the DB's own groups;
// else a DB with one group uses it; else the one group no other network interface uses (DescribeNetworkInterfaces
// is in the snapshot) is the DB's own, and the shared ones are named so the plan can say they stay unchanged.
// When that is still ambiguous (none, or several unshared), nothing is guessed: the message lists the groups
// and how to choose one.
import type { Localized } from '../common/awsError';
import { findGroupByName, groupLabel } from '../topology/groupNames';
import { otherUsers, usersText } from './resourceOwnership';
import type { NetworkInterface, SecurityGroup, Topology } from '../topology/topology';
import { msg } from '../l10n/text';

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
    const sharedText = shared
      .map((g) => {
        const users = sharedWith(snapshot, g);
        return users.length > 0
          ? `${groupLabel(g)} (${g.id}, also used by ${usersText(users)})`
          : `${groupLabel(g)} (${g.id}, the VPC's default group)`;
      })
      .join(', ');
    const sharedTextJa = shared
      .map((g) => {
        const users = sharedWith(snapshot, g);
        return users.length > 0
          ? `${groupLabel(g)}（${g.id}、${usersText(users)} も使用）`
          : `${groupLabel(g)}（${g.id}、VPC のデフォルトグループ）`;
      })
      .join('、');
    return {
      ok: true,
      group: own[0],
      note: {
        en: `${dbLabel.en} has ${groups.length} security groups: the inbound rule goes on ${groupLabel(own[0])} (${own[0].id}), which only the database uses; ${sharedText} is left unchanged. To choose another, set apprunnerVpc.databaseSecurityGroupName (CLI: --db-security-group-name).`,
        ja: `${dbLabel.ja} にはセキュリティグループが ${groups.length} 個あります。受信ルールはデータベースだけが使う ${groupLabel(own[0])}（${own[0].id}）に追加し、${sharedTextJa} は変更しません。別のグループにするには apprunnerVpc.databaseSecurityGroupName を設定してください（CLI: --db-security-group-name）。`,
      },
    };
  }
  const why =
    own.length === 0
      ? msg('every one of them is also used by other resources')
      : msg('{0} of them are used only by the database', own.length);
  return {
    ok: false,
    message: {
      en: `${dbLabel.en} has no security group named "${configuredName}" and ${groups.length} groups to choose from (${listed(groups) || 'none'}); ${why.en}, so the one to change is not guessed. Name it with apprunnerVpc.databaseSecurityGroupName (CLI: --db-security-group-name), by GroupName or Name tag.`,
      ja: `${dbLabel.ja} にセキュリティグループ「${configuredName}」がなく、候補が ${groups.length} 個あります（${listed(groups) || 'なし'}）。${why.ja}ため、変更するグループを推測しません。apprunnerVpc.databaseSecurityGroupName（CLI: --db-security-group-name）で GroupName または Name タグを指定してください。`,
    },
  };
}
