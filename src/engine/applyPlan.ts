// applyPlan: runs a plan's steps in order with progress events and cancellation between steps. Every step
// re-reads what it needs and skips itself when already done, so running the same plan again converges and,
// once everything is in place, makes no write calls. Nothing is deleted or revoked unless a step names it.
import { classifyAwsError } from '../model/awsError';
import type { Plan, PlanStep } from '../model/planSteps';
import { doneSoFarText, rerunText } from './applyMessages';
import type { ApplyError, ApplyOptions, ApplyResult, StepOutcome } from './applyTypes';
import { makeContext, type EngineClients, type StepContext } from './context';
import { StepError } from './stepError';
import { createConnectorStep, deleteConnectorStep } from './steps/connectors';
import { authorizeRule, createSecurityGroup, revokeAllowAllEgress } from './steps/groups';
import { checkHealth } from './steps/health';
import { attachConnector, detachConnector, waitForService } from './steps/service';

type Result = Omit<StepOutcome, 'stepId'>;

function runStep(ctx: StepContext, step: PlanStep): Promise<Result> {
  switch (step.kind) {
    case 'create-security-group': return createSecurityGroup(ctx, step);
    case 'authorize-egress':
    case 'authorize-ingress': return authorizeRule(ctx, step);
    case 'revoke-egress': return revokeAllowAllEgress(ctx, step);
    case 'create-connector': return createConnectorStep(ctx, step);
    case 'attach-connector': return attachConnector(ctx, step);
    case 'detach-connector': return detachConnector(ctx, step);
    case 'wait-for-service': return waitForService(ctx, step);
    case 'check-health': return checkHealth(ctx, step);
    case 'delete-connector': return deleteConnectorStep(ctx, step);
  }
}

function toApplyError(error: unknown, step: PlanStep, outcomes: StepOutcome[], steps: PlanStep[]): ApplyError {
  const common = { stepId: step.id, doneSoFar: doneSoFarText(outcomes, steps), rerun: rerunText(step) };
  if (error instanceof StepError) return { ...common, kind: error.kind, message: error.localized };
  const n = classifyAwsError(error);
  return {
    ...common, kind: n.kind, nextStep: n.nextStep, code: n.code, detail: n.detail,
    message: { en: `${step.title.en} failed: ${n.message.en}`, ja: `${step.title.ja} に失敗しました: ${n.message.ja}` },
  };
}

export async function applyPlan(clients: EngineClients, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const emit = options.onProgress ?? ((): void => undefined);
  const steps = plan.steps;
  let index = 0;
  const ctx = makeContext(clients, options, (step, message) => emit({ type: 'waiting', index, step, message }), () => steps[index]);
  const outcomes: StepOutcome[] = [];
  const resolved = (): ApplyResult['resolved'] => ({
    groupIds: Object.fromEntries(ctx.groupIds), connectorArns: Object.fromEntries(ctx.connectorArns),
  });
  for (index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (options.signal?.aborted) return { status: 'cancelled', outcomes, resolved: resolved() };
    emit({ type: 'step-started', index, total: steps.length, step });
    try {
      const outcome: StepOutcome = { stepId: step.id, ...(await runStep(ctx, step)) };
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
