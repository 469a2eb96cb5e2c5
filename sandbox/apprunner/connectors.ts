// CreateVpcConnector, DescribeVpcConnector, ListVpcConnectors, DeleteVpcConnector.
import type { EmulatorContext } from './context';
import { checkConnectorNetwork } from './ec2Check';
import { AppRunnerError, invalidRequest, notFound } from './errors';
import { connectorArn, hexId } from './ids';
import { paginate } from './pagination';
import { setTags } from './services';
import { connectorOut } from './shapes';
import { nowSeconds, type ConnectorRecord, type Json } from './store';

export interface NewConnector {
  name: string;
  subnets: string[];
  securityGroups: string[];
}

/** Creates an ACTIVE connector after checking its network in EC2; the seeds use it too. */
function requireRoomFor(ctx: EmulatorContext, region: string, name: string): void {
  const active = ctx.store.connectorsIn(region).filter((c) => c.status === 'ACTIVE');
  if (active.some((c) => c.name === name))
    throw invalidRequest(`A VPC connector with the name ${name} already exists.`);
  if (active.length >= ctx.settings.connectorQuota) {
    throw new AppRunnerError(
      'ServiceQuotaExceededException',
      `You have reached the quota of ${ctx.settings.connectorQuota} VPC connectors in ${region}.`,
    );
  }
}

export async function addConnector(
  ctx: EmulatorContext,
  region: string,
  input: NewConnector,
): Promise<ConnectorRecord> {
  requireRoomFor(ctx, region, input.name);
  const network = await checkConnectorNetwork(ctx.ec2(region), input.subnets, input.securityGroups);
  // Again after the EC2 round trip: a concurrent create of the same name may have won meanwhile.
  requireRoomFor(ctx, region, input.name);
  const key = `${region}/${input.name}`;
  const revision = (ctx.store.connectorRevisions.get(key) ?? 0) + 1;
  ctx.store.connectorRevisions.set(key, revision);
  const connector: ConnectorRecord = {
    arn: connectorArn(region, input.name, revision, hexId()),
    name: input.name,
    revision,
    region,
    subnets: [...input.subnets],
    securityGroups: network.securityGroups,
    vpcId: network.vpcId,
    azIds: network.azIds,
    status: 'ACTIVE',
    createdAt: nowSeconds(),
  };
  ctx.store.connectors.set(connector.arn, connector);
  return connector;
}

export async function createVpcConnector(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const connector = await addConnector(ctx, region, {
    name: String(input.VpcConnectorName),
    subnets: (input.Subnets as string[] | undefined) ?? [],
    securityGroups: (input.SecurityGroups as string[] | undefined) ?? [],
  });
  setTags(ctx, connector.arn, input.Tags);
  return { VpcConnector: connectorOut(connector) };
}

function findConnector(ctx: EmulatorContext, region: string, arn: unknown): ConnectorRecord {
  const connector = ctx.store.connectors.get(String(arn));
  if (!connector || connector.region !== region) throw notFound(`VPC connector with ARN ${String(arn)} doesn't exist.`);
  return connector;
}

export async function describeVpcConnector(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  return { VpcConnector: connectorOut(findConnector(ctx, region, input.VpcConnectorArn)) };
}

export async function listVpcConnectors(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  // Inactive (deleted) revisions are listed too; clients filter on Status.
  const page = paginate(
    ctx.store.connectorsIn(region),
    input.MaxResults as number | undefined,
    input.NextToken as string | undefined,
  );
  const out: Json = { VpcConnectors: page.items.map(connectorOut) };
  if (page.nextToken) out.NextToken = page.nextToken;
  return out;
}

/** Services whose current or deployed configuration uses the connector. */
function servicesUsing(ctx: EmulatorContext, arn: string): string[] {
  const uses = (n: Json | undefined) => (n?.EgressConfiguration as Json | undefined)?.VpcConnectorArn === arn;
  return [...ctx.store.services.values()]
    .filter(
      (s) => s.status !== 'DELETED' && (uses(s.config.NetworkConfiguration) || uses(s.deployed?.NetworkConfiguration)),
    )
    .map((s) => s.name);
}

export async function deleteVpcConnector(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const connector = findConnector(ctx, region, input.VpcConnectorArn);
  if (connector.status === 'INACTIVE') throw notFound(`VPC connector ${connector.arn} is already deleted.`);
  const users = servicesUsing(ctx, connector.arn);
  if (users.length > 0) {
    throw invalidRequest(
      `VPC connector ${connector.arn} is associated with one or more services (${users.join(', ')}). Disassociate it before deleting.`,
    );
  }
  connector.status = 'INACTIVE';
  connector.deletedAt = nowSeconds();
  return { VpcConnector: connectorOut(connector) };
}
