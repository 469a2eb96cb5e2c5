// VPC steps: the DNS attributes a connector needs to resolve the database's endpoint name. Not part of the
// runbook's setup (its VPC is assumed ready); applied as the diagnosis's fix. Re-read first, like every step.
import { enableVpcAttribute, vpcAttributeEnabled } from '../../aws/ec2Ops';
import type { PlanStep } from '../../model/plan/planSteps';
import type { StepOutcome } from '../applyTypes';
import type { StepContext } from '../context';
import { msg } from '../../model/l10n/text';

type Result = Omit<StepOutcome, 'stepId'>;

export async function enableVpcDns(
  ctx: StepContext,
  step: Extract<PlanStep, { kind: 'enable-vpc-attribute' }>,
): Promise<Result> {
  const { vpcId, attribute } = step;
  if (await vpcAttributeEnabled(ctx.clients.ec2, vpcId, attribute)) {
    return { status: 'skipped', detail: msg('{0} is already on in {1}.', attribute, vpcId) };
  }
  await enableVpcAttribute(ctx.clients.ec2, vpcId, attribute);
  return { status: 'done', detail: msg('Turned on {0} in {1}.', attribute, vpcId) };
}
