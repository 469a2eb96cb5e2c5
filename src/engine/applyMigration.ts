// Applies a move-to-Express plan (docs/migrate-to-ecs-express.md): the task group's steps through the setup
// engine, then the IAM steps, the Express service, the wait and the checks on its endpoint. The App Runner
// service is never called with a write. Every step re-reads or tolerates "already there", so a run stopped
// anywhere converges on the next plan and apply with no duplicate role, group or service.
import { classifyAwsError } from '../model/common/awsError';
import { serviceEndpointUrl } from '../model/common/awsTarget';
import type { ExpressServiceFacts, MigrationPlan, MigrationStep } from '../model/plan/expressMigration';
import { type Localized, msg } from '../model/l10n/text';
import type { AwsClients } from '../aws/clients';
import {
  attachRolePolicy,
  createExpressService,
  createRole,
  describeExpress,
  findGroupId,
  putRolePolicy,
} from '../aws/expressMigration';
import { applyPlan } from './applyPlan';
import { healthAnswerVerdict, healthErrorVerdict } from './steps/health';
import type { ApplyEvent, HealthFetch } from './applyTypes';
import { sleep } from './stepError';

export interface MigrationOptions {
  pollIntervalMs?: number;
  /** How long to wait for the service to serve (default 15 minutes). */
  waitTimeoutMs?: number;
  /** How long CreateExpressGatewayService is tried again while IAM has not yet spread a new role (default 90 s). */
  roleSpreadMs?: number;
  healthFetch?: HealthFetch;
  onLine?(line: Localized): void;
  onNetworkProgress?(event: ApplyEvent): void;
  /** The App Runner service's variables with their values, read live (the plan holds only their names). */
  environment?: Readonly<Record<string, string>>;
}

export type MigrationOutcome = { step: string; status: 'done' | 'not-checked'; detail: Localized };

export interface MigrationResult {
  status: 'succeeded' | 'failed';
  outcomes: MigrationOutcome[];
  express?: ExpressServiceFacts;
  error?: { message: Localized; code?: string };
}

/** IAM is eventually consistent: ECS may not be able to assume a role created seconds ago. */
function roleNotYetUsable(e: unknown): boolean {
  const n = classifyAwsError(e);
  return (n.code === 'ClientException' || n.code === 'InvalidParameterException') && /role/i.test(n.detail ?? '');
}

function alreadyExists(e: unknown): boolean {
  const n = classifyAwsError(e);
  return n.code === 'InvalidParameterException' && /idempotent|already exists/i.test(n.detail ?? '');
}

// The plan carries variable names, never values (docs/migrate-to-ecs-express.md): no secret value is known here,
// and the masking's shapes (passwords in URLs, tokens, keys) still apply to what an endpoint answers.
const NO_KNOWN_SECRETS: readonly string[] = [];

async function probe(
  fetchFn: HealthFetch,
  url: string,
  expectDatabase: boolean,
): Promise<{ ok: boolean; summary: string; status?: number }> {
  try {
    return await healthAnswerVerdict(
      await fetchFn(url, { signal: AbortSignal.timeout(10_000) }),
      expectDatabase,
      NO_KNOWN_SECRETS,
    );
  } catch (error) {
    return healthErrorVerdict(error, NO_KNOWN_SECRETS);
  }
}

export function privateEndpointNotChecked(path: string): Localized {
  return msg(
    'GET {0}: not checked from here: the Express endpoint is PRIVATE (an internal load balancer in private subnets) and answers only inside its VPC.',
    path,
  );
}

export async function applyMigration(
  clients: AwsClients,
  plan: MigrationPlan,
  options: MigrationOptions = {},
): Promise<MigrationResult> {
  const poll = options.pollIntervalMs ?? 5_000;
  const fetchFn: HealthFetch = options.healthFetch ?? ((url, init) => fetch(url, init));
  const outcomes: MigrationOutcome[] = [];
  const say = (line: Localized): void => options.onLine?.(line);
  if (plan.network.steps.length > 0) {
    const network = await applyPlan(clients, plan.network, {
      pollIntervalMs: poll,
      onProgress: options.onNetworkProgress,
    });
    if (network.status !== 'succeeded')
      return {
        status: 'failed',
        outcomes,
        error: { message: network.error?.message ?? msg('Cancelled.'), code: network.error?.code },
      };
  }
  let express: ExpressServiceFacts | undefined;
  const groupIds = async (ids: string[]): Promise<string[]> =>
    Promise.all(
      ids.map(async (id) => {
        const placeholder = /^\{(.+)\}$/.exec(id)?.[1];
        if (!placeholder || !plan.taskGroup) return id;
        const found = await findGroupId(clients, placeholder, plan.taskGroup.vpcId);
        if (!found) throw new Error(`security group ${placeholder} was not found after the network steps`);
        return found;
      }),
    );
  const run = async (step: MigrationStep): Promise<MigrationOutcome> => {
    switch (step.kind) {
      case 'create-role':
        await createRole(clients, step.roleName, step.trustedService);
        return { step: step.kind, status: 'done', detail: step.title };
      case 'attach-role-policy':
        await attachRolePolicy(clients, step.roleName, step.policyArn);
        return { step: step.kind, status: 'done', detail: step.title };
      case 'put-role-policy':
        await putRolePolicy(clients, step.roleName, step.policyName, step.document);
        return { step: step.kind, status: 'done', detail: step.title };
      case 'create-express-service': {
        const request = {
          ...step.request,
          networkConfiguration: {
            ...step.request.networkConfiguration,
            securityGroups: await groupIds(step.request.networkConfiguration.securityGroups),
          },
        };
        const until = Date.now() + (options.roleSpreadMs ?? 90_000);
        for (;;) {
          try {
            express = await createExpressService(clients, request, options.environment ?? {});
            break;
          } catch (e) {
            // A create whose answer was lost: the service is there, and a second create is refused.
            if (alreadyExists(e)) {
              express = await describeExpress(clients, plan.expressServiceArn);
              break;
            }
            if (!roleNotYetUsable(e) || Date.now() >= until) throw e;
            say(msg('The new roles are not usable by ECS yet (IAM is still spreading them): trying again.'));
            await sleep(Math.max(poll, 1_000));
          }
        }
        return { step: step.kind, status: 'done', detail: msg('{0}: {1}', step.title, plan.expressServiceArn) };
      }
      case 'wait-for-express': {
        const deadline = Date.now() + (options.waitTimeoutMs ?? 15 * 60_000);
        for (;;) {
          express = await describeExpress(clients, plan.expressServiceArn);
          if (express?.status === 'ACTIVE' && express.endpoint) break;
          if (Date.now() >= deadline)
            throw new Error(`the Express service is ${express?.status ?? 'missing'} after the wait`);
          await sleep(poll);
        }
        if (express.accessType === 'PRIVATE')
          return {
            step: step.kind,
            status: 'done',
            detail: msg('{0} is ACTIVE: {1} (PRIVATE)', plan.expressServiceName, express.endpoint),
          };
        const url = serviceEndpointUrl(express.endpoint, '/');
        for (;;) {
          const verdict = await probe(
            fetchFn,
            serviceEndpointUrl(
              express.endpoint,
              plan.steps.find((s) => s.kind === 'check-express-health')?.path ?? '/',
            ),
            false,
          );
          if (verdict.ok) break;
          if (Date.now() >= deadline) throw new Error(`${url} did not answer healthy: ${verdict.summary}`);
          await sleep(poll);
        }
        return {
          step: step.kind,
          status: 'done',
          detail: msg('{0} is ACTIVE: {1}', plan.expressServiceName, express.endpoint),
        };
      }
      case 'check-express-health': {
        if (!express?.endpoint) throw new Error('the Express service has no endpoint');
        if (express.accessType === 'PRIVATE')
          return { step: step.kind, status: 'not-checked', detail: privateEndpointNotChecked(step.path) };
        const url = serviceEndpointUrl(express.endpoint, step.path);
        const verdict = await probe(fetchFn, url, step.expectDatabase);
        if (!verdict.ok) throw new Error(`GET ${url} answered ${verdict.summary}`);
        return { step: step.kind, status: 'done', detail: msg('GET {0}: {1}', url, verdict.summary) };
      }
    }
  };
  for (const step of plan.steps) {
    say(step.title);
    try {
      outcomes.push(await run(step));
    } catch (e) {
      const n = classifyAwsError(e);
      return { status: 'failed', outcomes, express, error: { message: n.message, code: n.code } };
    }
  }
  return { status: 'succeeded', outcomes, express };
}
