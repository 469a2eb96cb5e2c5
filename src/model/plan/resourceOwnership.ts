// Whose a resource is, before a plan changes it (docs/design.md, 'Resources that are not ours'): the VPC's
// `default` group and a group other network interfaces use are never given the App Runner role, and a
// resource CloudFormation, CDK, Terraform or another IaC tool tagged is never modified or deleted by a step.
import type { Localized } from '../common/awsError';
import type { NetworkInterface, SecurityGroup, Topology } from '../topology/topology';
import { MANAGED_BY_TAG } from './setupSettings';
import { msg } from '../l10n/text';

export interface IacOwner {
  /** 'CloudFormation', 'CDK', 'Terraform', 'Pulumi' or the ManagedBy tag's value. */
  tool: string;
  /** The stack (CloudFormation stack name, Terraform workspace or module) when the tags say it. */
  stack?: string;
}

const MANAGED_BY_KEYS = /^(managed[-_ ]?by|managedby|provisioner|created[-_ ]?by|iac)$/i;
const KNOWN_TOOLS: [RegExp, string][] = [
  [/terraform|opentofu/i, 'Terraform'],
  [/pulumi/i, 'Pulumi'],
  [/cdk/i, 'CDK'],
  [/cloudformation/i, 'CloudFormation'],
];

/** The IaC tool whose tags a resource carries; undefined for a hand-made resource or one this extension made. */
export function iacOwner(tags: Readonly<Record<string, string>> | undefined): IacOwner | undefined {
  if (!tags) return undefined;
  const cfnStack = tags['aws:cloudformation:stack-name'];
  if (cfnStack !== undefined || Object.keys(tags).some((k) => k.startsWith('aws:cloudformation:'))) {
    const cdk = Object.keys(tags).some((k) => k.startsWith('aws:cdk:'));
    return { tool: cdk ? 'CDK' : 'CloudFormation', stack: cfnStack };
  }
  if (Object.keys(tags).some((k) => k.startsWith('aws:cdk:'))) return { tool: 'CDK' };
  for (const [key, value] of Object.entries(tags)) {
    if (/^(terraform|tf)([:_-]|$)/i.test(key)) {
      return {
        tool: 'Terraform',
        stack:
          tags['terraform:workspace'] ??
          tags['tf:workspace'] ??
          tags['terraform:module'] ??
          (value && value !== 'true' ? value : undefined),
      };
    }
    if (/^pulumi[:_-]/i.test(key)) return { tool: 'Pulumi', stack: tags['pulumi:stack'] ?? tags['pulumi:project'] };
    if (MANAGED_BY_KEYS.test(key) && value && value !== MANAGED_BY_TAG.value) {
      const known = KNOWN_TOOLS.find(([re]) => re.test(value));
      return { tool: known ? known[1] : value, stack: tags['terraform:workspace'] ?? tags.Stack ?? tags.stack };
    }
  }
  return undefined;
}

/** "CloudFormation stack web-prod" / "Terraform" for messages. */
export function ownerText(owner: IacOwner): string {
  return owner.stack ? `${owner.tool} stack ${owner.stack}` : owner.tool;
}

/** App Runner's own connector interfaces (Hyperplane ENIs App Runner creates and describes as its own). */
export function isAppRunnerInterface(eni: NetworkInterface): boolean {
  return /app ?runner/i.test(eni.description) || /apprunner/i.test(eni.requesterId ?? '');
}

/** Interfaces other than App Runner's that use the group: who else a rule on it would reach or cut off. */
export function otherUsers(snapshot: Topology, groupId: string): NetworkInterface[] {
  return (snapshot.networkInterfaces ?? []).filter((n) => n.groupIds.includes(groupId) && !isAppRunnerInterface(n));
}

/** `eni-1 (RDS), eni-2 (lambda)`: enough to find them in the console. */
export function usersText(users: readonly NetworkInterface[], max = 5): string {
  const shown = users.slice(0, max).map((n) => {
    const what = n.description || n.interfaceType || '';
    return what ? `${n.id} (${what})` : n.id;
  });
  return users.length > max ? `${shown.join(', ')} and ${users.length - max} more` : shown.join(', ');
}

export type NotOursReason = 'default-group' | 'shared' | 'iac-owned';

/**
 * Why a group must not become the App Runner group (or be changed into one): the VPC's default group (every
 * resource launched without a group lands in it), a group other interfaces use, or one an IaC tool owns
 * (only when the setup would change it: `needsChanges`).
 */
export function appRunnerRoleRefusal(
  snapshot: Topology,
  group: SecurityGroup,
  needsChanges: boolean,
): { reason: NotOursReason; text: Localized } | undefined {
  const label = `${group.name} (${group.id})`;
  if (group.name === 'default') {
    return {
      reason: 'default-group',
      text: msg(
        "{0} is the VPC's default security group: every resource launched without a group uses it, so removing its allow-all egress or letting it reach the database would change them all.",
        label,
      ),
    };
  }
  const users = otherUsers(snapshot, group.id);
  if (users.length > 0) {
    return {
      reason: 'shared',
      text: msg(
        '{0} is used by {1} other network interface(s) ({2}): changing its rules would change their traffic too.',
        label,
        users.length,
        usersText(users),
      ),
    };
  }
  const owner = iacOwner(group.tags);
  if (owner && needsChanges) {
    return {
      reason: 'iac-owned',
      text: msg(
        '{0} is managed by {1}: a change made here would be drift that the next deployment reverts.',
        label,
        ownerText(owner),
      ),
    };
  }
  return undefined;
}
