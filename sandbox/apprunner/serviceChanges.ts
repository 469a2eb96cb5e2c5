// UpdateService, PauseService, ResumeService, StartDeployment and ListOperations.
import type { EmulatorContext } from './context';
import { invalidRequest, invalidState } from './errors';
import { beginOperation, finishDeployment } from './operations';
import { paginate } from './pagination';
import { updatedServiceConfig } from './serviceConfig';
import { findService, requireSettled } from './services';
import { operationOut, serviceOut } from './shapes';
import type { Json } from './store';

export async function updateService(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const service = findService(ctx, region, input.ServiceArn);
  requireSettled(service);
  if (service.status !== 'RUNNING')
    throw invalidState(`Service ${service.arn} is ${service.status}; it must be RUNNING to update.`);
  const previous = service.config;
  service.config = updatedServiceConfig(ctx, region, previous, input);
  const op = beginOperation(ctx, service, 'UPDATE_SERVICE', () => finishDeployment(ctx, service, previous));
  return { Service: serviceOut(service, ctx.settings.publicHost), OperationId: op.Id };
}

/** Pause and resume: a settled service in `from` goes through `type` to `to`. */
function toggle(
  ctx: EmulatorContext,
  region: string,
  input: Json,
  from: 'RUNNING' | 'PAUSED',
  type: 'PAUSE_SERVICE' | 'RESUME_SERVICE',
): Json {
  const service = findService(ctx, region, input.ServiceArn);
  requireSettled(service);
  if (service.status !== from)
    throw invalidState(`Service ${service.arn} is ${service.status}; ${type} needs a ${from} service.`);
  const op = beginOperation(ctx, service, type, () => {
    service.status = from === 'RUNNING' ? 'PAUSED' : 'RUNNING';
    // Resumed instances start again and log their database connection like any deployment.
    if (service.status === 'RUNNING') void ctx.hooks.deployed(service).catch(() => undefined);
    return undefined;
  });
  return { Service: serviceOut(service, ctx.settings.publicHost), OperationId: op.Id };
}

export async function pauseService(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  return toggle(ctx, region, input, 'RUNNING', 'PAUSE_SERVICE');
}

export async function resumeService(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  return toggle(ctx, region, input, 'PAUSED', 'RESUME_SERVICE');
}

export async function startDeployment(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const service = findService(ctx, region, input.ServiceArn);
  // StartDeployment's documented errors do not include InvalidStateException.
  if (service.status !== 'RUNNING')
    throw invalidRequest(`Service ${service.arn} is ${service.status}; a deployment needs a RUNNING service.`);
  const previous = service.config;
  const op = beginOperation(ctx, service, 'START_DEPLOYMENT', () => finishDeployment(ctx, service, previous));
  return { OperationId: op.Id };
}

export async function listOperations(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const service = findService(ctx, region, input.ServiceArn);
  const page = paginate(
    service.operations,
    input.MaxResults as number | undefined,
    input.NextToken as string | undefined,
  );
  const out: Json = { OperationSummaryList: page.items.map(operationOut) };
  if (page.nextToken) out.NextToken = page.nextToken;
  return out;
}
