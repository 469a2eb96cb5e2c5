// CreateVpcIngressConnection, DescribeVpcIngressConnection, ListVpcIngressConnections,
// UpdateVpcIngressConnection, DeleteVpcIngressConnection: a private service (IsPubliclyAccessible=false)
// reached through an App Runner interface endpoint (`com.amazonaws.<region>.apprunner.requests`) in one
// VPC. Changes are asynchronous like service operations: PENDING_* for the operation delay, then AVAILABLE
// (or DELETED). The fake application answers a private service only from a VPC with an AVAILABLE one.
import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2';
import type { EmulatorContext } from './context';
import { invalidRequest, invalidState, notFound } from './errors';
import { hexId, ingressConnectionArn } from './ids';
import { paginate } from './pagination';
import { setTags } from './services';
import { nowSeconds, type IngressConnectionRecord, type IngressConnectionStatus, type Json } from './store';

const live = (c: IngressConnectionRecord) => c.status !== 'DELETED';

function out(c: IngressConnectionRecord): Json {
  const o: Json = {
    VpcIngressConnectionArn: c.arn,
    VpcIngressConnectionName: c.name,
    ServiceArn: c.serviceArn,
    Status: c.status,
    AccountId: c.arn.split(':')[4],
    DomainName: c.domainName,
    IngressVpcConfiguration: { VpcId: c.vpcId, VpcEndpointId: c.vpcEndpointId },
    CreatedAt: c.createdAt,
  };
  if (c.deletedAt !== undefined) o.DeletedAt = c.deletedAt;
  return o;
}

/** The VPC and endpoint must exist and the endpoint must be an App Runner requests interface endpoint in that VPC. */
async function checkIngressVpc(
  ctx: EmulatorContext,
  region: string,
  config: Json | undefined,
): Promise<{ vpcId: string; vpcEndpointId: string }> {
  const vpcId = String(config?.VpcId ?? '');
  const vpcEndpointId = String(config?.VpcEndpointId ?? '');
  if (!vpcId || !vpcEndpointId) throw invalidRequest('IngressVpcConfiguration needs both VpcId and VpcEndpointId.');
  let endpoint;
  try {
    endpoint = (await ctx.ec2(region).send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [vpcEndpointId] })))
      .VpcEndpoints?.[0];
  } catch (e) {
    if (e instanceof Error && e.name.startsWith('InvalidVpcEndpoint'))
      throw invalidRequest(`VPC endpoint ${vpcEndpointId} doesn't exist.`);
    throw e;
  }
  if (!endpoint) throw invalidRequest(`VPC endpoint ${vpcEndpointId} doesn't exist.`);
  if (endpoint.VpcId !== vpcId) throw invalidRequest(`VPC endpoint ${vpcEndpointId} is not in VPC ${vpcId}.`);
  const wanted = `com.amazonaws.${region}.apprunner.requests`;
  if (endpoint.VpcEndpointType !== 'Interface' || endpoint.ServiceName !== wanted) {
    throw invalidRequest(`VPC endpoint ${vpcEndpointId} must be an interface endpoint for ${wanted}.`);
  }
  return { vpcId, vpcEndpointId };
}

/** Moves the connection to `pending` now and to `done` after the operation delay. */
function transition(
  ctx: EmulatorContext,
  c: IngressConnectionRecord,
  pending: IngressConnectionStatus,
  done: IngressConnectionStatus,
): void {
  c.status = pending;
  ctx.timers.after(ctx.settings.operationDelayMs, () => {
    if (c.status !== pending) return;
    c.status = done;
    if (done === 'DELETED') c.deletedAt = nowSeconds();
  });
}

function find(ctx: EmulatorContext, region: string, arn: unknown): IngressConnectionRecord {
  const c = ctx.store.ingressConnections.get(String(arn));
  if (!c || c.region !== region) throw notFound(`VPC ingress connection with ARN ${String(arn)} doesn't exist.`);
  return c;
}

export async function createVpcIngressConnection(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const name = String(input.VpcIngressConnectionName);
  const service = ctx.store.services.get(String(input.ServiceArn));
  // The operation declares no ResourceNotFoundException: an unknown service is an invalid request.
  if (!service || service.region !== region || service.status === 'DELETED')
    throw invalidRequest(`Service ${String(input.ServiceArn)} doesn't exist.`);
  const inRegion = () => [...ctx.store.ingressConnections.values()].filter((c) => c.region === region && live(c));
  if (inRegion().some((c) => c.name === name))
    throw invalidRequest(`A VPC ingress connection with the name ${name} already exists.`);
  const vpc = await checkIngressVpc(ctx, region, input.IngressVpcConfiguration as Json | undefined);
  if (inRegion().some((c) => c.name === name))
    throw invalidRequest(`A VPC ingress connection with the name ${name} already exists.`);
  const c: IngressConnectionRecord = {
    arn: ingressConnectionArn(region, name, hexId()),
    name,
    region,
    serviceArn: service.arn,
    ...vpc,
    status: 'PENDING_CREATION',
    domainName: `${hexId().slice(0, 10)}.${vpc.vpcEndpointId}.${region}.awsapprunner.com`,
    createdAt: nowSeconds(),
  };
  ctx.store.ingressConnections.set(c.arn, c);
  setTags(ctx, c.arn, input.Tags);
  transition(ctx, c, 'PENDING_CREATION', 'AVAILABLE');
  return { VpcIngressConnection: out(c) };
}

export async function describeVpcIngressConnection(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  return { VpcIngressConnection: out(find(ctx, region, input.VpcIngressConnectionArn)) };
}

export async function listVpcIngressConnections(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const filter = (input.Filter ?? {}) as { ServiceArn?: string; VpcEndpointId?: string };
  const all = [...ctx.store.ingressConnections.values()].filter(
    (c) =>
      c.region === region &&
      live(c) &&
      (filter.ServiceArn === undefined || c.serviceArn === filter.ServiceArn) &&
      (filter.VpcEndpointId === undefined || c.vpcEndpointId === filter.VpcEndpointId),
  );
  const page = paginate(all, input.MaxResults as number | undefined, input.NextToken as string | undefined);
  const o: Json = {
    VpcIngressConnectionSummaryList: page.items.map((c) => ({
      VpcIngressConnectionArn: c.arn,
      ServiceArn: c.serviceArn,
    })),
  };
  if (page.nextToken) o.NextToken = page.nextToken;
  return o;
}

export async function updateVpcIngressConnection(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const c = find(ctx, region, input.VpcIngressConnectionArn);
  // The operation's documentation: only AVAILABLE, FAILED_CREATION and FAILED_UPDATE can be updated.
  if (!['AVAILABLE', 'FAILED_CREATION', 'FAILED_UPDATE'].includes(c.status)) {
    throw invalidState(`VPC ingress connection ${c.arn} is ${c.status} and cannot be updated.`);
  }
  Object.assign(c, await checkIngressVpc(ctx, region, input.IngressVpcConfiguration as Json | undefined));
  transition(ctx, c, 'PENDING_UPDATE', 'AVAILABLE');
  return { VpcIngressConnection: out(c) };
}

export async function deleteVpcIngressConnection(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const c = find(ctx, region, input.VpcIngressConnectionArn);
  // The operation's documentation: AVAILABLE, FAILED_CREATION, FAILED_UPDATE and FAILED_DELETION can be deleted.
  if (!['AVAILABLE', 'FAILED_CREATION', 'FAILED_UPDATE', 'FAILED_DELETION'].includes(c.status)) {
    throw invalidState(`VPC ingress connection ${c.arn} is ${c.status} and cannot be deleted.`);
  }
  transition(ctx, c, 'PENDING_DELETION', 'DELETED');
  return { VpcIngressConnection: out(c) };
}
