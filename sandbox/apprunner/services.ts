// CreateService, DescribeService, ListServices, DeleteService.
import type { EmulatorContext } from './context';
import { AppRunnerError, invalidRequest, invalidState, notFound } from './errors';
import { hexId, serviceArn } from './ids';
import { beginOperation, finishDeployment } from './operations';
import { paginate } from './pagination';
import { newServiceConfig } from './serviceConfig';
import { serviceOut, summaryOut } from './shapes';
import { nowSeconds, type Json, type ServiceConfig, type ServiceRecord } from './store';

export function findService(ctx: EmulatorContext, region: string, arn: unknown): ServiceRecord {
  const service = ctx.store.services.get(String(arn));
  if (!service || service.region !== region) throw notFound(`Service with ARN ${String(arn)} doesn't exist.`);
  return service;
}

export function requireSettled(service: ServiceRecord): void {
  if (service.status === 'OPERATION_IN_PROGRESS') {
    throw invalidState(`Service ${service.arn} has an operation in progress. Wait until it finishes and retry.`);
  }
  if (service.status === 'DELETED') throw invalidState(`Service ${service.arn} is deleted.`);
}

const live = (s: ServiceRecord) => s.status !== 'DELETED';

/** Adds a service record; the seeds use it directly (already RUNNING) and CreateService through it. */
export function addService(ctx: EmulatorContext, region: string, name: string, config: ServiceConfig): ServiceRecord {
  if (ctx.store.servicesIn(region).some((s) => live(s) && s.name === name)) {
    throw invalidRequest(`A service with the name ${name} already exists.`);
  }
  if (ctx.store.servicesIn(region).filter(live).length >= ctx.settings.serviceQuota) {
    throw new AppRunnerError(
      'ServiceQuotaExceededException',
      `You have reached the quota of ${ctx.settings.serviceQuota} services in ${region}.`,
    );
  }
  const id = hexId();
  const now = nowSeconds();
  const service: ServiceRecord = {
    arn: serviceArn(region, name, id),
    id,
    name,
    region,
    createdAt: now,
    updatedAt: now,
    status: 'RUNNING',
    config,
    deployed: config,
    operations: [],
  };
  ctx.store.services.set(service.arn, service);
  return service;
}

export async function createService(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const config = newServiceConfig(ctx, region, input);
  const service = addService(ctx, region, String(input.ServiceName), config);
  service.deployed = undefined;
  setTags(ctx, service.arn, input.Tags);
  const op = beginOperation(ctx, service, 'CREATE_SERVICE', () => finishDeployment(ctx, service, undefined));
  return { Service: serviceOut(service, ctx.settings.publicHost), OperationId: op.Id };
}

export function setTags(ctx: EmulatorContext, arn: string, tags: unknown): void {
  const map = ctx.store.tags.get(arn) ?? new Map<string, string>();
  for (const t of (tags as { Key?: string; Value?: string }[] | undefined) ?? []) {
    if (t.Key !== undefined) map.set(t.Key, t.Value ?? '');
  }
  ctx.store.tags.set(arn, map);
}

export async function describeService(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  return { Service: serviceOut(findService(ctx, region, input.ServiceArn), ctx.settings.publicHost) };
}

export async function listServices(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const all = ctx.store.servicesIn(region).filter(live);
  const page = paginate(all, input.MaxResults as number | undefined, input.NextToken as string | undefined);
  const out: Json = { ServiceSummaryList: page.items.map((s) => summaryOut(s, ctx.settings.publicHost)) };
  if (page.nextToken) out.NextToken = page.nextToken;
  return out;
}

export async function deleteService(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const service = findService(ctx, region, input.ServiceArn);
  requireSettled(service);
  const op = beginOperation(ctx, service, 'DELETE_SERVICE', () => {
    service.status = 'DELETED';
    service.deletedAt = nowSeconds();
    service.deployed = undefined;
    return undefined;
  });
  return { Service: serviceOut(service, ctx.settings.publicHost), OperationId: op.Id };
}
