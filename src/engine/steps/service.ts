// Service steps (runbook 5): attach and detach change only the egress through UpdateService; an operation
// already in progress is waited for, not fought (InvalidStateException means wait and try again).
import { activeConnectorNamed, describeService, latestOperation, updateEgress } from '../../aws/appRunnerOps';
import type { PlanStep, ServiceRef } from '../../model/plan/planSteps';
import type { AppRunnerService } from '../../model/topology/topology';
import type { StepOutcome } from '../applyTypes';
import type { StepContext } from '../context';
import { awsErrorCode, sleep, StepError } from '../stepError';
import { msg } from '../../model/l10n/text';

type Step<K extends PlanStep['kind']> = Extract<PlanStep, { kind: K }>;
type Result = Omit<StepOutcome, 'stepId'>;

const MAX_UPDATE_ATTEMPTS = 5;

/** Polls until the service has no operation in progress; stops on timeout or cancellation. */
export async function waitUntilIdle(ctx: StepContext, service: ServiceRef): Promise<AppRunnerService> {
  const deadline = Date.now() + ctx.waitTimeoutMs;
  let reported = false;
  for (;;) {
    const current = await describeService(ctx.clients.appRunner, service.arn, false);
    if (current.status !== 'OPERATION_IN_PROGRESS') return current;
    if (ctx.signal?.aborted) throw new StepError('cancelled', msg('Cancelled while waiting.'));
    if (Date.now() > deadline) {
      throw new StepError(
        'timeout',
        msg(
          '{0} was still deploying after {1} s; the operation continues in AWS.',
          service.name,
          Math.round(ctx.waitTimeoutMs / 1000),
        ),
      );
    }
    if (!reported) {
      ctx.report(msg('Waiting for {0}: an operation is in progress...', service.name));
      reported = true;
    }
    await sleep(ctx.pollIntervalMs, ctx.signal);
  }
}

async function changeEgress(
  ctx: StepContext,
  service: ServiceRef,
  isDone: (s: AppRunnerService) => boolean,
  egress: Parameters<typeof updateEgress>[2],
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const current = await waitUntilIdle(ctx, service);
    if (isDone(current)) return false;
    try {
      ctx.operationId = await updateEgress(ctx.clients.appRunner, service.arn, egress);
      return true;
    } catch (error) {
      if (awsErrorCode(error) !== 'InvalidStateException' || attempt >= MAX_UPDATE_ATTEMPTS) throw error;
    }
  }
}

export async function attachConnector(ctx: StepContext, step: Step<'attach-connector'>): Promise<Result> {
  const arn =
    step.vpcConnectorArn ??
    ctx.connectorArns.get(step.connectorName) ??
    (await activeConnectorNamed(ctx.clients.appRunner, step.connectorName))?.arn;
  if (!arn) {
    throw new StepError(
      'conflict',
      msg('No ACTIVE connector named {0} exists; re-run to plan again.', step.connectorName),
    );
  }
  const changed = await changeEgress(ctx, step.service, (s) => s.egressType === 'VPC' && s.vpcConnectorArn === arn, {
    EgressType: 'VPC',
    VpcConnectorArn: arn,
  });
  return changed
    ? { status: 'done', detail: msg('Update started (operation {0}).', ctx.operationId ?? '?') }
    : { status: 'skipped', detail: msg('{0} already uses {1}.', step.service.name, step.connectorName) };
}

export async function detachConnector(ctx: StepContext, step: Step<'detach-connector'>): Promise<Result> {
  const changed = await changeEgress(ctx, step.service, (s) => s.egressType !== 'VPC', { EgressType: 'DEFAULT' });
  return changed
    ? { status: 'done', detail: msg('Update started (operation {0}).', ctx.operationId ?? '?') }
    : { status: 'skipped', detail: msg('{0} already uses DEFAULT egress.', step.service.name) };
}

const FAILED_OPERATION = new Set(['FAILED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED']);

const RUNNING_OPERATION = new Set(['PENDING', 'IN_PROGRESS']);

export async function waitForService(ctx: StepContext, step: Step<'wait-for-service'>): Promise<Result> {
  let service = await waitUntilIdle(ctx, step.service);
  if (ctx.operationId) {
    // Follow the operation this run started, not only the service status, which can lag right after the update.
    let op = await latestOperation(ctx.clients.appRunner, step.service.arn);
    const deadline = Date.now() + ctx.waitTimeoutMs;
    while (
      op?.id === ctx.operationId &&
      RUNNING_OPERATION.has(op.status) &&
      Date.now() < deadline &&
      !ctx.signal?.aborted
    ) {
      await sleep(ctx.pollIntervalMs, ctx.signal);
      service = await waitUntilIdle(ctx, step.service);
      op = await latestOperation(ctx.clients.appRunner, step.service.arn);
    }
    if (op && op.id === ctx.operationId && FAILED_OPERATION.has(op.status)) {
      throw new StepError(
        'rollback',
        msg(
          "The deployment of {0} failed (operation {1}: {2}); App Runner rolled back to the previous configuration. See the service's event log.",
          step.service.name,
          op.id,
          op.status,
        ),
      );
    }
  }
  if (service.status !== 'RUNNING') {
    throw new StepError('rollback', msg('{0} is {1}, not RUNNING.', step.service.name, service.status));
  }
  return { status: 'done', detail: msg('{0} is RUNNING.', step.service.name) };
}
