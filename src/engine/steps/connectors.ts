// Connector steps (runbook 4 and 8.3). Create re-lists connectors by name first; a connector of that name
// that does not match (made by someone else meanwhile) stops the run instead of being used or replaced.
import {
  activeConnectorNamed,
  createConnector,
  deleteConnector,
  describeConnector,
  describeService,
} from '../../aws/appRunnerOps';
import { listServiceSummaries } from '../../aws/load/services';
import { mapBounded } from '../../aws/load/pool';
import { connectorMatches } from '../../model/plan/connectorChoice';
import type { PlanStep } from '../../model/plan/planSteps';
import type { VpcConnector } from '../../model/topology/topology';
import type { StepOutcome } from '../applyTypes';
import { groupIdOf, type StepContext } from '../context';
import { awsErrorCode, StepError } from '../stepError';
import { msg } from '../../model/l10n/text';

type Step<K extends PlanStep['kind']> = Extract<PlanStep, { kind: K }>;
type Result = Omit<StepOutcome, 'stepId'>;

function reuseOrConflict(
  ctx: StepContext,
  step: Step<'create-connector'>,
  found: VpcConnector,
  groupIds: string[],
): Result {
  if (!connectorMatches(found, step.subnetIds, groupIds)) {
    throw new StepError(
      'conflict',
      msg(
        'A connector named {0} appeared meanwhile with other subnets or security groups; nothing was changed. Re-run to plan again.',
        step.connectorName,
      ),
    );
  }
  ctx.connectorArns.set(step.connectorName, found.arn);
  return { status: 'skipped', detail: msg('{0} already exists and matches; reusing it.', step.connectorName) };
}

export async function createConnectorStep(ctx: StepContext, step: Step<'create-connector'>): Promise<Result> {
  const groupIds = await Promise.all(step.securityGroups.map((g) => groupIdOf(ctx, g)));
  const existing = await activeConnectorNamed(ctx.clients.appRunner, step.connectorName);
  if (existing) return reuseOrConflict(ctx, step, existing, groupIds);
  try {
    const created = await createConnector(
      ctx.clients.appRunner,
      step.connectorName,
      step.subnetIds,
      groupIds,
      step.tags,
    );
    ctx.connectorArns.set(step.connectorName, created.arn);
    return { status: 'done', detail: msg('Created {0} ({1}).', step.connectorName, created.arn) };
  } catch (error) {
    // A concurrent run may have created it between our read and our write: re-read before giving up.
    const raced =
      awsErrorCode(error) === 'InvalidRequestException'
        ? await activeConnectorNamed(ctx.clients.appRunner, step.connectorName)
        : undefined;
    if (raced) return reuseOrConflict(ctx, step, raced, groupIds);
    throw error;
  }
}

export async function deleteConnectorStep(ctx: StepContext, step: Step<'delete-connector'>): Promise<Result> {
  const connector = await describeConnector(ctx.clients.appRunner, step.connectorArn);
  if (!connector || connector.status === 'INACTIVE') {
    return { status: 'skipped', detail: msg('{0} is already deleted.', step.connectorName) };
  }
  const services = await listServiceSummaries(ctx.clients.appRunner);
  const details = await mapBounded(services, 5, (s) => describeService(ctx.clients.appRunner, s.arn, false));
  const users = details.filter((s) => s.vpcConnectorArn === step.connectorArn).map((s) => s.name);
  if (users.length > 0) {
    throw new StepError(
      'conflict',
      msg('{0} is still used by {1}; it was not deleted.', step.connectorName, users.join(', ')),
    );
  }
  await deleteConnector(ctx.clients.appRunner, step.connectorArn);
  return { status: 'done', detail: msg('Deleted {0}.', step.connectorName) };
}
