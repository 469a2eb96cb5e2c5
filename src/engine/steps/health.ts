// Health checks (runbook 6): GET the service's health path, and the DB health path which must report the
// database as connected. Retried for a while, because a fresh deployment can take a moment to answer.
import { describeService } from '../../aws/appRunnerOps';
import { serviceEndpointUrl } from '../../model/common/awsTarget';
import { healthBodySummary } from '../../model/diagnosis/liveChecks';
import { maskSecrets } from '../../model/common/secretMask';
import { snapshotSecretValues } from '../../model/topology/secretValues';
import type { PlanStep } from '../../model/plan/planSteps';
import type { StepOutcome } from '../applyTypes';
import type { StepContext } from '../context';
import { sleep, StepError } from '../stepError';
import { type Localized, msg } from '../../model/l10n/text';

type Step = Extract<PlanStep, { kind: 'check-health' }>;

export interface HealthVerdict {
  ok: boolean;
  summary: string;
  status?: number;
}
type Verdict = HealthVerdict;

/**
 * The verdict of one health answer: 200 with `status: healthy` (and `database: connected` on a DB health path).
 * Never the raw body: it reaches notifications, the log and CLI output (docs/design.md, 'Secrets and endpoints').
 */
export async function healthAnswerVerdict(
  response: { status: number; text(): Promise<string> },
  expectDatabase: boolean,
  secrets: readonly string[],
): Promise<HealthVerdict> {
  const body = await response.text();
  let parsed: { status?: unknown; database?: unknown } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    parsed = {};
  }
  const ok =
    response.status === 200 && parsed.status === 'healthy' && (!expectDatabase || parsed.database === 'connected');
  return { ok, summary: healthBodySummary(response.status, body, secrets), status: response.status };
}

/** A health request that got no answer (timeout, refused, DNS), its message masked. */
export function healthErrorVerdict(error: unknown, secrets: readonly string[]): HealthVerdict {
  return { ok: false, summary: maskSecrets(error instanceof Error ? error.message : String(error), secrets) };
}

/** The ApplyError code of a DB health path that answered 404: the app has no such handler (runbook 6.3). */
export const DB_HEALTH_MISSING = 'db-health-missing';

export function dbHealthMissing(url: string, path: string): Localized {
  return msg(
    'DB health endpoint missing: GET {0} answered 404 Not Found. The application has no {1} handler yet (runbook 6.3, database health endpoint); the network steps are done. Add the endpoint (Add a db-health endpoint...) and deploy, then run this again.',
    url,
    path,
  );
}

async function probe(
  ctx: StepContext,
  url: string,
  expectDatabase: boolean,
  secrets: readonly string[],
): Promise<Verdict> {
  const timeout = AbortSignal.timeout(ctx.healthTimeoutMs);
  const signal = ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout;
  try {
    return await healthAnswerVerdict(await ctx.healthFetch(url, { signal }), expectDatabase, secrets);
  } catch (error) {
    return healthErrorVerdict(error, secrets);
  }
}

export function privateServiceNotChecked(path: string): Localized {
  return msg(
    'GET {0}: not checked from here (private service): its URL answers only inside its VPC. The CloudWatch log scan (Diagnose) is the check that remains.',
    path,
  );
}

export async function checkHealth(ctx: StepContext, step: Step): Promise<Omit<StepOutcome, 'stepId'>> {
  const service = await describeService(ctx.clients.appRunner, step.service.arn, false);
  // Read live, not from the plan: a private service's URL answers only through its VPC interface endpoint.
  if (service.isPubliclyAccessible === false)
    return { status: 'not-checked', detail: privateServiceNotChecked(step.path) };
  if (!service.url) {
    throw new StepError('health', msg('{0} has no URL yet.', step.service.name));
  }
  const url = serviceEndpointUrl(service.url, step.path);
  const secrets = snapshotSecretValues({ services: [service] });
  const deadline = Date.now() + ctx.healthRetryForMs;
  for (;;) {
    const verdict = await probe(ctx, url, step.expectDatabase, secrets);
    if (verdict.ok) return { status: 'done', detail: msg('GET {0}: {1}', url, verdict.summary) };
    // A 404 from the running app is its answer, not a slow start: waiting would not add the handler.
    if (step.expectDatabase && verdict.status === 404)
      throw new StepError('health', dbHealthMissing(url, step.path), DB_HEALTH_MISSING);
    // The plan already said why it cannot pass (a rule left to an IaC stack): waiting would not add the rule.
    if (step.blockedBy && !ctx.signal?.aborted) {
      throw new StepError(
        'health',
        msg('Health check failed: GET {0} answered {1}. As the plan said: {2}', url, verdict.summary, step.blockedBy),
      );
    }
    if (ctx.signal?.aborted || Date.now() >= deadline) {
      throw new StepError('health', msg('Health check failed: GET {0} answered {1}.', url, verdict.summary));
    }
    await sleep(Math.min(2_000, ctx.pollIntervalMs), ctx.signal);
  }
}
