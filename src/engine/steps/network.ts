// VPC steps: the DNS attributes a connector needs to resolve the database's endpoint name. Not part of the
// runbook's setup (its VPC is assumed ready); applied as the diagnosis's fix. Re-read first, like every step.
import { enableVpcAttribute, vpcAttributeEnabled } from '../../aws/ec2Ops';
import type { PlanStep } from '../../model/planSteps';
import type { StepOutcome } from '../applyTypes';
import type { StepContext } from '../context';

type Result = Omit<StepOutcome, 'stepId'>;

export async function enableVpcDns(ctx: StepContext, step: Extract<PlanStep, { kind: 'enable-vpc-attribute' }>): Promise<Result> {
  const { vpcId, attribute } = step;
  if (await vpcAttributeEnabled(ctx.clients.ec2, vpcId, attribute)) {
    return { status: 'skipped', detail: { en: `${attribute} is already on in ${vpcId}.`, ja: `${vpcId} の ${attribute} は既に有効です。` } };
  }
  await enableVpcAttribute(ctx.clients.ec2, vpcId, attribute);
  return { status: 'done', detail: { en: `Turned on ${attribute} in ${vpcId}.`, ja: `${vpcId} の ${attribute} を有効にしました。` } };
}
