// Connector steps (runbook 4 and 8.3). Create re-lists connectors by name first; a connector of that name
// that does not match (made by someone else meanwhile) stops the run instead of being used or replaced.
import { activeConnectorNamed, createConnector, deleteConnector, describeConnector, describeService } from '../../aws/appRunnerOps';
import { listServiceSummaries } from '../../aws/load/services';
import { mapBounded } from '../../aws/load/pool';
import { connectorMatches } from '../../model/connectorChoice';
import type { PlanStep } from '../../model/planSteps';
import type { VpcConnector } from '../../model/topology';
import type { StepOutcome } from '../applyTypes';
import { groupIdOf, type StepContext } from '../context';
import { awsErrorCode, StepError } from '../stepError';

type Step<K extends PlanStep['kind']> = Extract<PlanStep, { kind: K }>;
type Result = Omit<StepOutcome, 'stepId'>;

function reuseOrConflict(ctx: StepContext, step: Step<'create-connector'>, found: VpcConnector, groupIds: string[]): Result {
  if (!connectorMatches(found, step.subnetIds, groupIds)) {
    throw new StepError('conflict', {
      en: `A connector named ${step.connectorName} appeared meanwhile with other subnets or security groups; nothing was changed. Re-run to plan again.`,
      ja: `同名の VPC Connector ${step.connectorName} が別のサブネットまたはセキュリティグループで作成されていました。何も変更していません。再実行して計画し直してください。`,
    });
  }
  ctx.connectorArns.set(step.connectorName, found.arn);
  return { status: 'skipped', detail: { en: `${step.connectorName} already exists and matches; reusing it.`, ja: `${step.connectorName} は既に存在し一致しています。再利用します。` } };
}

export async function createConnectorStep(ctx: StepContext, step: Step<'create-connector'>): Promise<Result> {
  const groupIds = await Promise.all(step.securityGroups.map((g) => groupIdOf(ctx, g)));
  const existing = await activeConnectorNamed(ctx.clients.appRunner, step.connectorName);
  if (existing) return reuseOrConflict(ctx, step, existing, groupIds);
  try {
    const created = await createConnector(ctx.clients.appRunner, step.connectorName, step.subnetIds, groupIds, step.tags);
    ctx.connectorArns.set(step.connectorName, created.arn);
    return { status: 'done', detail: { en: `Created ${step.connectorName} (${created.arn}).`, ja: `${step.connectorName}（${created.arn}）を作成しました。` } };
  } catch (error) {
    // A concurrent run may have created it between our read and our write: re-read before giving up.
    const raced = awsErrorCode(error) === 'InvalidRequestException' ? await activeConnectorNamed(ctx.clients.appRunner, step.connectorName) : undefined;
    if (raced) return reuseOrConflict(ctx, step, raced, groupIds);
    throw error;
  }
}

export async function deleteConnectorStep(ctx: StepContext, step: Step<'delete-connector'>): Promise<Result> {
  const connector = await describeConnector(ctx.clients.appRunner, step.connectorArn);
  if (!connector || connector.status === 'INACTIVE') {
    return { status: 'skipped', detail: { en: `${step.connectorName} is already deleted.`, ja: `${step.connectorName} は既に削除されています。` } };
  }
  const services = await listServiceSummaries(ctx.clients.appRunner);
  const details = await mapBounded(services, 5, (s) => describeService(ctx.clients.appRunner, s.arn, false));
  const users = details.filter((s) => s.vpcConnectorArn === step.connectorArn).map((s) => s.name);
  if (users.length > 0) {
    throw new StepError('conflict', {
      en: `${step.connectorName} is still used by ${users.join(', ')}; it was not deleted.`,
      ja: `${step.connectorName} はまだ ${users.join(', ')} が使用中のため削除しませんでした。`,
    });
  }
  await deleteConnector(ctx.clients.appRunner, step.connectorArn);
  return { status: 'done', detail: { en: `Deleted ${step.connectorName}.`, ja: `${step.connectorName} を削除しました。` } };
}
