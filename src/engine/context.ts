// Per-run state shared by the steps: the clients, options with defaults, and ids resolved during the run
// (a group created by step 1 is found by name in later steps and remembered here).
import type { AwsClients } from '../aws/clients';
import { findGroupId } from '../aws/ec2Ops';
import type { Localized } from '../model/common/awsError';
import type { GroupRef, PlanStep } from '../model/plan/planSteps';
import type { ApplyOptions, HealthFetch } from './applyTypes';
import { StepError } from './stepError';
import { msg } from '../model/l10n/text';

export type EngineClients = Pick<AwsClients, 'appRunner' | 'ec2'>;

export interface StepContext {
  clients: EngineClients;
  signal?: AbortSignal;
  waitTimeoutMs: number;
  pollIntervalMs: number;
  healthTimeoutMs: number;
  healthRetryForMs: number;
  healthFetch: HealthFetch;
  groupIds: Map<string, string>;
  connectorArns: Map<string, string>;
  /** The operation the attach/detach step started, which the wait step follows. */
  operationId?: string;
  report(message: Localized): void;
}

export function makeContext(
  clients: EngineClients,
  options: ApplyOptions,
  report: (step: PlanStep, m: Localized) => void,
  current: () => PlanStep,
): StepContext {
  return {
    clients,
    signal: options.signal,
    waitTimeoutMs: options.waitTimeoutMs ?? 15 * 60_000,
    pollIntervalMs: options.pollIntervalMs ?? 5_000,
    healthTimeoutMs: options.healthTimeoutMs ?? 10_000,
    healthRetryForMs: options.healthRetryForMs ?? 60_000,
    healthFetch: options.healthFetch ?? ((url, init) => fetch(url, init)),
    groupIds: new Map(),
    connectorArns: new Map(),
    report: (m) => report(current(), m),
  };
}

const key = (g: GroupRef): string => `${g.vpcId}/${g.name}`;

export function rememberGroup(ctx: StepContext, g: GroupRef, id: string): void {
  ctx.groupIds.set(key(g), id);
}

/** The group's id: known from the plan, remembered from an earlier step, or re-read by name in its VPC. */
export async function groupIdOf(ctx: StepContext, g: GroupRef): Promise<string> {
  const id = g.id ?? ctx.groupIds.get(key(g)) ?? (await findGroupId(ctx.clients.ec2, g.name, g.vpcId, g.nameTag));
  if (!id) {
    throw new StepError(
      'conflict',
      msg(
        'Security group {0} does not exist in {1} (was it deleted meanwhile?). Re-run to plan it again.',
        g.name,
        g.vpcId,
      ),
    );
  }
  rememberGroup(ctx, g, id);
  return id;
}
