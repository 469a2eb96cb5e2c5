// Service steps (runbook 5): attach and detach change only the egress through UpdateService; an operation
// already in progress is waited for, not fought (InvalidStateException means wait and try again).
import { activeConnectorNamed, describeService, latestOperation, updateEgress } from '../../aws/appRunnerOps';
import type { PlanStep, ServiceRef } from '../../model/planSteps';
import type { AppRunnerService } from '../../model/topology';
import type { StepOutcome } from '../applyTypes';
import type { StepContext } from '../context';
import { awsErrorCode, sleep, StepError } from '../stepError';

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
    if (ctx.signal?.aborted) throw new StepError('cancelled', { en: 'Cancelled while waiting.', ja: '待機中にキャンセルされました。' });
    if (Date.now() > deadline) {
      throw new StepError('timeout', {
        en: `${service.name} was still deploying after ${Math.round(ctx.waitTimeoutMs / 1000)} s; the operation continues in AWS.`,
        ja: `${service.name} は ${Math.round(ctx.waitTimeoutMs / 1000)} 秒後もデプロイ中です。操作は AWS 上で継続しています。`,
      });
    }
    if (!reported) {
      ctx.report({ en: `Waiting for ${service.name}: an operation is in progress...`, ja: `${service.name} の操作の完了を待っています...` });
      reported = true;
    }
    await sleep(ctx.pollIntervalMs, ctx.signal);
  }
}

async function changeEgress(ctx: StepContext, service: ServiceRef, isDone: (s: AppRunnerService) => boolean, egress: Parameters<typeof updateEgress>[2]): Promise<boolean> {
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
  const arn = step.vpcConnectorArn ?? ctx.connectorArns.get(step.connectorName)
    ?? (await activeConnectorNamed(ctx.clients.appRunner, step.connectorName))?.arn;
  if (!arn) {
    throw new StepError('conflict', { en: `No ACTIVE connector named ${step.connectorName} exists; re-run to plan again.`,
      ja: `ACTIVE な VPC Connector ${step.connectorName} がありません。再実行して計画し直してください。` });
  }
  const changed = await changeEgress(ctx, step.service, (s) => s.egressType === 'VPC' && s.vpcConnectorArn === arn, { EgressType: 'VPC', VpcConnectorArn: arn });
  return changed
    ? { status: 'done', detail: { en: `Update started (operation ${ctx.operationId ?? '?'}).`, ja: `更新を開始しました（操作 ${ctx.operationId ?? '?'}）。` } }
    : { status: 'skipped', detail: { en: `${step.service.name} already uses ${step.connectorName}.`, ja: `${step.service.name} は既に ${step.connectorName} を使用しています。` } };
}

export async function detachConnector(ctx: StepContext, step: Step<'detach-connector'>): Promise<Result> {
  const changed = await changeEgress(ctx, step.service, (s) => s.egressType !== 'VPC', { EgressType: 'DEFAULT' });
  return changed
    ? { status: 'done', detail: { en: `Update started (operation ${ctx.operationId ?? '?'}).`, ja: `更新を開始しました（操作 ${ctx.operationId ?? '?'}）。` } }
    : { status: 'skipped', detail: { en: `${step.service.name} already uses DEFAULT egress.`, ja: `${step.service.name} は既に DEFAULT の送信です。` } };
}

const FAILED_OPERATION = new Set(['FAILED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED']);

const RUNNING_OPERATION = new Set(['PENDING', 'IN_PROGRESS']);

export async function waitForService(ctx: StepContext, step: Step<'wait-for-service'>): Promise<Result> {
  let service = await waitUntilIdle(ctx, step.service);
  if (ctx.operationId) {
    // Follow the operation this run started, not only the service status, which can lag right after the update.
    let op = await latestOperation(ctx.clients.appRunner, step.service.arn);
    const deadline = Date.now() + ctx.waitTimeoutMs;
    while (op?.id === ctx.operationId && RUNNING_OPERATION.has(op.status) && Date.now() < deadline && !ctx.signal?.aborted) {
      await sleep(ctx.pollIntervalMs, ctx.signal);
      service = await waitUntilIdle(ctx, step.service);
      op = await latestOperation(ctx.clients.appRunner, step.service.arn);
    }
    if (op && op.id === ctx.operationId && FAILED_OPERATION.has(op.status)) {
      throw new StepError('rollback', {
        en: `The deployment of ${step.service.name} failed (operation ${op.id}: ${op.status}); App Runner rolled back to the previous configuration. See the service's event log.`,
        ja: `${step.service.name} のデプロイに失敗しました（操作 ${op.id}: ${op.status}）。App Runner は以前の設定にロールバックしました。サービスのイベントログを確認してください。`,
      });
    }
  }
  if (service.status !== 'RUNNING') {
    throw new StepError('rollback', { en: `${step.service.name} is ${service.status}, not RUNNING.`, ja: `${step.service.name} は RUNNING ではなく ${service.status} です。` });
  }
  return { status: 'done', detail: { en: `${step.service.name} is RUNNING.`, ja: `${step.service.name} は RUNNING です。` } };
}
