// Security group steps (runbook 3.1 and 3.2). Each re-reads the group first and skips itself when the
// account already has what it would add; "Duplicate" answers from a concurrent run count as done.
import {
  authorizeEgress,
  authorizeIngress,
  createGroup,
  findGroupId,
  readGroupRules,
  revokeEgress,
  type PermissionSpec,
} from '../../aws/ec2Ops';
import type { Localized } from '../../model/common/awsError';
import type { PlanStep, RuleSpec } from '../../model/plan/planSteps';
import { hasRule, isAllowAllEgressIpv6, isDefaultAllowAllEgress } from '../../model/plan/ruleMatch';
import { groupIdOf, rememberGroup, type StepContext } from '../context';
import type { StepOutcome } from '../applyTypes';
import { awsErrorCode } from '../stepError';
import { msg } from '../../model/l10n/text';

type Step<K extends PlanStep['kind']> = Extract<PlanStep, { kind: K }>;
type Result = Omit<StepOutcome, 'stepId'>;

const done = (detail: Localized): Result => ({ status: 'done', detail });
const skipped = (detail: Localized): Result => ({ status: 'skipped', detail });

export async function createSecurityGroup(ctx: StepContext, step: Step<'create-security-group'>): Promise<Result> {
  const { name, vpcId, nameTag } = step.group;
  const existing = await findGroupId(ctx.clients.ec2, name, vpcId, nameTag);
  if (existing) {
    rememberGroup(ctx, step.group, existing);
    return skipped(msg('{0} already exists ({1}); reusing it.', name, existing));
  }
  try {
    const id = await createGroup(ctx.clients.ec2, name, vpcId, step.description, step.tags);
    rememberGroup(ctx, step.group, id);
    return done(msg('Created {0} ({1}).', name, id));
  } catch (error) {
    if (awsErrorCode(error) !== 'InvalidGroup.Duplicate') throw error;
    const id = await groupIdOf(ctx, step.group); // created by a concurrent run: reuse it
    return skipped(msg('{0} was created meanwhile ({1}); reusing it.', name, id));
  }
}

async function permissionOf(ctx: StepContext, rule: RuleSpec): Promise<PermissionSpec> {
  const referencedGroupId = rule.group ? await groupIdOf(ctx, rule.group) : undefined;
  return {
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    cidrIpv4: rule.cidrIpv4,
    cidrIpv6: rule.cidrIpv6,
    referencedGroupId,
    description: rule.description,
  };
}

export async function authorizeRule(
  ctx: StepContext,
  step: Step<'authorize-egress'> | Step<'authorize-ingress'>,
): Promise<Result> {
  const egress = step.kind === 'authorize-egress';
  const groupId = await groupIdOf(ctx, step.group);
  const p = await permissionOf(ctx, step.rule);
  const already = skipped(msg('The rule is already in {0}.', step.group.name));
  if (hasRule(await readGroupRules(ctx.clients.ec2, groupId), step.rule, egress, p.referencedGroupId)) return already;
  try {
    await (egress ? authorizeEgress : authorizeIngress)(ctx.clients.ec2, groupId, p);
  } catch (error) {
    if (awsErrorCode(error) === 'InvalidPermission.Duplicate') return already;
    throw error;
  }
  return done(msg('Added the rule to {0} ({1}).', step.group.name, groupId));
}

/** The allow-all egress to the step's world (0.0.0.0/0 or ::/0); re-read first, so a second run skips. */
export async function revokeAllowAllEgress(ctx: StepContext, step: Step<'revoke-egress'>): Promise<Result> {
  const groupId = await groupIdOf(ctx, step.group);
  const ipv6 = step.rule.cidrIpv6 !== undefined;
  const world = ipv6 ? '::/0' : '0.0.0.0/0';
  const gone = skipped(msg('{0} has no allow-all outbound rule to {1}.', step.group.name, world));
  if (!(await readGroupRules(ctx.clients.ec2, groupId)).some(ipv6 ? isAllowAllEgressIpv6 : isDefaultAllowAllEgress))
    return gone;
  try {
    await revokeEgress(
      ctx.clients.ec2,
      groupId,
      ipv6
        ? { protocol: '-1', fromPort: -1, toPort: -1, cidrIpv6: world }
        : { protocol: '-1', fromPort: -1, toPort: -1, cidrIpv4: world },
    );
  } catch (error) {
    if (awsErrorCode(error) === 'InvalidPermission.NotFound') return gone;
    throw error;
  }
  return done(msg('Removed the allow-all outbound rule to {0} from {1}.', world, step.group.name));
}
