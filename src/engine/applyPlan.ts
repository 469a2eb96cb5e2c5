// applyPlan: runs a plan's steps in order with progress events and cancellation between steps. Every step
// re-reads what it needs and skips itself when already done, so running the same plan again converges and,
// once everything is in place, makes no write calls. Nothing is deleted or revoked unless a step names it.
import { classifyAwsError } from '../model/common/awsError';
import { type Plan, type PlanStep, planBlockers } from '../model/plan/planSteps';
import { blockedText, doneSoFarText, rerunText } from './applyMessages';
import type { ApplyError, ApplyOptions, ApplyResult, StepOutcome } from './applyTypes';
import { makeContext, type EngineClients, type StepContext } from './context';
import { sleep, StepError } from './stepError';
import { createConnectorStep, deleteConnectorStep } from './steps/connectors';
import { authorizeRule, createSecurityGroup, revokeAllowAllEgress } from './steps/groups';
import { checkHealth } from './steps/health';
import { enableVpcDns } from './steps/network';
import { attachConnector, detachConnector, waitForService } from './steps/service';
import { msg } from '../model/l10n/text';

type Result = Omit<StepOutcome, 'stepId'>;

function runStep(ctx: StepContext, step: PlanStep): Promise<Result> {
  switch (step.kind) {
    case 'create-security-group':
      return createSecurityGroup(ctx, step);
    case 'authorize-egress':
    case 'authorize-ingress':
      return authorizeRule(ctx, step);
    case 'revoke-egress':
      return revokeAllowAllEgress(ctx, step);
    case 'create-connector':
      return createConnectorStep(ctx, step);
    case 'attach-connector':
      return attachConnector(ctx, step);
    case 'detach-connector':
      return detachConnector(ctx, step);
    case 'wait-for-service':
      return waitForService(ctx, step);
    case 'check-health':
      return checkHealth(ctx, step);
    case 'delete-connector':
      return deleteConnectorStep(ctx, step);
    case 'enable-vpc-attribute':
      return enableVpcDns(ctx, step);
  }
}

const RETRIED_KINDS = new Set(['throttled', 'server']);

/** Runs a step, running it again after a pause when AWS throttled it or answered 5xx past the SDK's retries. */
async function runWithRetries(ctx: StepContext, step: PlanStep, delays: readonly number[]): Promise<Result> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runStep(ctx, step);
    } catch (error) {
      const kind = error instanceof StepError ? error.kind : classifyAwsError(error).kind;
      if (!RETRIED_KINDS.has(kind) || attempt >= delays.length || ctx.signal?.aborted) throw error;
      const seconds = Math.round(delays[attempt] / 100) / 10;
      ctx.report(
        kind === 'throttled'
          ? msg('AWS is throttling; trying this step again in {0} s.', seconds)
          : msg('AWS answered with a server error; trying this step again in {0} s.', seconds),
      );
      await sleep(delays[attempt], ctx.signal);
    }
  }
}

function toApplyError(error: unknown, step: PlanStep, outcomes: StepOutcome[], steps: PlanStep[]): ApplyError {
  const common = { stepId: step.id, doneSoFar: doneSoFarText(outcomes, steps), rerun: rerunText(step) };
  if (error instanceof StepError)
    return { ...common, kind: error.kind, message: error.localized, ...(error.code ? { code: error.code } : {}) };
  const n = classifyAwsError(error);
  return {
    ...common,
    kind: n.kind,
    nextStep: n.nextStep,
    code: n.code,
    detail: n.detail,
    ...(n.requestId ? { requestId: n.requestId } : {}),
    message: msg('{0} failed: {1}', step.title, n.message),
  };
}

export async function applyPlan(clients: EngineClients, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const emit = options.onProgress ?? ((): void => undefined);
  const steps = plan.steps;
  let index = 0;
  const ctx = makeContext(
    clients,
    options,
    (step, message) => emit({ type: 'waiting', index, step, message }),
    () => steps[index],
  );
  const outcomes: StepOutcome[] = [];
  const resolved = (): ApplyResult['resolved'] => ({
    groupIds: Object.fromEntries(ctx.groupIds),
    connectorArns: Object.fromEntries(ctx.connectorArns),
  });
  // Blockers are evaluated by the plan from the snapshot: stop before the first write, not after the redeploy.
  const blockers = planBlockers(plan);
  const firstWrite = steps.findIndex((s) => s.mutating);
  if (blockers.length > 0 && firstWrite >= 0 && !options.ignoreBlockers) {
    const step = steps[firstWrite];
    const error: ApplyError = {
      stepId: step.id,
      kind: 'blocked',
      code: blockers[0].code,
      message: blockedText(blockers),
      doneSoFar: doneSoFarText([], steps),
      rerun: rerunText(step),
    };
    emit({ type: 'step-failed', index: firstWrite, total: steps.length, step, error });
    return { status: 'failed', outcomes, error, resolved: resolved() };
  }
  for (index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (options.signal?.aborted) return { status: 'cancelled', outcomes, resolved: resolved() };
    emit({ type: 'step-started', index, total: steps.length, step });
    try {
      const outcome: StepOutcome = {
        stepId: step.id,
        ...(await runWithRetries(ctx, step, options.stepRetryDelaysMs ?? [2_000, 5_000])),
      };
      outcomes.push(outcome);
      emit({ type: 'step-finished', index, total: steps.length, step, outcome });
    } catch (error) {
      const applyError = toApplyError(error, step, outcomes, steps);
      emit({ type: 'step-failed', index, total: steps.length, step, error: applyError });
      const status = applyError.kind === 'cancelled' ? 'cancelled' : 'failed';
      return { status, outcomes, error: applyError, resolved: resolved() };
    }
  }
  return { status: 'succeeded', outcomes, resolved: resolved() };
}
