// What applyPlan takes and reports: options, progress events, and the final result (plain values, so the
// VS Code progress UI, the CLI and tests all read the same thing).
import type { AwsErrorKind, Localized, NextStep } from '../model/common/awsError';
import type { PlanStep, StepId } from '../model/plan/planSteps';

export type HealthFetch = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface ApplyOptions {
  onProgress?(event: ApplyEvent): void;
  /** Checked between steps and while waiting: a cancelled apply stops cleanly before the next write. */
  signal?: AbortSignal;
  /** How long to wait for a service operation to finish (default 15 minutes; the runbook says 5 to 10). */
  waitTimeoutMs?: number;
  /** How often to poll the service while waiting (default 5 s). */
  pollIntervalMs?: number;
  /** Per-request timeout of a health check, and how long to keep retrying it (defaults 10 s and 60 s). */
  healthTimeoutMs?: number;
  healthRetryForMs?: number;
  /**
   * Pauses before running a step again after throttling or a 5xx answer that outlasted the SDK's own retries
   * (default [2000, 5000]: two more tries). Safe because every step re-reads before it writes.
   */
  stepRetryDelaysMs?: number[];
  /** Injected in tests; defaults to the global fetch. */
  healthFetch?: HealthFetch;
  /**
   * Go on although the plan has blockers (warnings whose checks will fail for a reason the plan does not
   * change). Without it, apply stops before its first write and names them. Only an explicit choice sets it
   * (the CLI's --ignore-blockers, VS Code's "Apply Anyway"), never --yes.
   */
  ignoreBlockers?: boolean;
}

/**
 * `not-checked`: a check that cannot be made from here (the health of a private service, whose URL answers only
 * inside its VPC): not a failure, and said so with the reason.
 */
export type StepStatus = 'done' | 'skipped' | 'not-checked';

export interface StepOutcome {
  stepId: StepId;
  status: StepStatus;
  detail: Localized;
}

/** `blocked`: stopped before the first write because the plan has blockers (nothing was changed). */
export type ApplyErrorKind = AwsErrorKind | 'conflict' | 'rollback' | 'timeout' | 'health' | 'cancelled' | 'blocked';

export interface ApplyError {
  stepId: StepId;
  kind: ApplyErrorKind;
  /** One line: what failed and why. */
  message: Localized;
  /** Which steps completed before the failure. */
  doneSoFar: Localized;
  /** What running apply again will do. */
  rerun: Localized;
  nextStep?: NextStep;
  code?: string;
  detail?: string;
  /** AWS's id of the failed request, for AWS Support (beside the message, never instead of it). */
  requestId?: string;
}

export type ApplyEvent =
  | { type: 'step-started'; index: number; total: number; step: PlanStep }
  | { type: 'step-finished'; index: number; total: number; step: PlanStep; outcome: StepOutcome }
  | { type: 'step-failed'; index: number; total: number; step: PlanStep; error: ApplyError }
  | { type: 'waiting'; index: number; step: PlanStep; message: Localized };

export interface ApplyResult {
  status: 'succeeded' | 'failed' | 'cancelled';
  outcomes: StepOutcome[];
  error?: ApplyError;
  /** Ids the run created or found, for the caller's refresh (e.g. the App Runner group, the connector ARN). */
  resolved: { groupIds: Record<string, string>; connectorArns: Record<string, string> };
}
