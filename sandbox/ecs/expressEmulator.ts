// Amazon ECS Express Mode (CreateExpressGatewayService, Describe-, Update-, Delete-), which moto does not
// implement: decoded from ECS's awsJson1_1, validated against botocore's ECS model (ecs/2014-11-13) and the
// rules AWS documents (docs/sandbox.md, "ECS Express Mode emulator"), kept in the front's store. Other ECS
// operations pass through to moto. Nothing is provisioned: no load balancer, target group or task exists;
// the fake application answers on the service's endpoint from the same ground truth as App Runner services.
import { randomBytes } from 'node:crypto';
import { DescribeRouteTablesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { DescribeClustersCommand } from '@aws-sdk/client-ecs';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { validateShape, type ServiceModel } from '../apprunner/model';
import { nowSeconds, type ExpressServiceRecord, type Json, type Store } from '../apprunner/store';
import type { MotoClientPool } from '../motoClients';
import { EcsError } from './ecsErrors';
import { parseJsonObjectBody } from '../jsonBody';

export const EXPRESS_OPERATIONS = [
  'CreateExpressGatewayService',
  'DescribeExpressGatewayService',
  'UpdateExpressGatewayService',
  'DeleteExpressGatewayService',
] as const;

const ACCOUNT = '123456789012';

export interface ExpressSettings {
  operationDelayMs: number;
  publicHost: string;
}

export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The members of ExpressGatewayServiceConfiguration a client sets (Create and Update share them). */
const CONFIG_MEMBERS = [
  'executionRoleArn',
  'taskRoleArn',
  'cpu',
  'memory',
  'networkConfiguration',
  'healthCheckPath',
  'primaryContainer',
  'scalingTarget',
] as const;

/** The API reference, CreateExpressGatewayService serviceName: "up to 255 letters ..., numbers, underscores, and hyphens". */
const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/;

/** Who must be able to assume each role (ECS developer guide: task execution role, infrastructure role). */
const ROLE_PRINCIPAL = {
  executionRoleArn: 'ecs-tasks.amazonaws.com',
  taskRoleArn: 'ecs-tasks.amazonaws.com',
  infrastructureRoleArn: 'ecs.amazonaws.com',
} as const;

function invalid(message: string): EcsError {
  return new EcsError('InvalidParameterException', message);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class ExpressEmulator {
  constructor(
    private readonly store: Store,
    private readonly pool: MotoClientPool,
    private readonly settings: ExpressSettings,
    private readonly model: ServiceModel,
  ) {}

  serves(operation: string): boolean {
    return (EXPRESS_OPERATIONS as readonly string[]).includes(operation);
  }

  async handle(operation: string, bodyText: string, region: string): Promise<JsonReply> {
    try {
      const input = parseBody(bodyText);
      const opModel = this.model.operations[operation];
      const issues = opModel?.input
        ? validateShape(this.model, opModel.input.shape, input, operation, { rejectUnknownMembers: false })
        : [];
      if (issues.length > 0) throw invalid(issues.join('; '));
      const output = await this.run(operation, input, region);
      return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(output) };
    } catch (e) {
      const error =
        e instanceof EcsError
          ? e
          : new EcsError('ServerException', `An unexpected error occurred (${e instanceof Error ? e.message : e}).`);
      return {
        status: error.status,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': error.code },
        body: JSON.stringify({ __type: error.code, message: error.message }),
      };
    }
  }

  private run(operation: string, input: Json, region: string): Promise<Json> {
    switch (operation) {
      case 'CreateExpressGatewayService':
        return this.create(input, region);
      case 'DescribeExpressGatewayService':
        return Promise.resolve({ service: this.view(this.found(input, region, 'ResourceNotFoundException'), input) });
      case 'UpdateExpressGatewayService':
        return this.update(input, region);
      default:
        return Promise.resolve(this.remove(input, region));
    }
  }

  /** Lazily advanced: DRAINING for the operation delay after a delete, then INACTIVE (still described). */
  private statusOf(r: ExpressServiceRecord): ExpressServiceRecord['status'] {
    if (r.status === 'DRAINING' && Date.now() >= r.updatedAt * 1000 + this.settings.operationDelayMs)
      r.status = 'INACTIVE';
    return r.status;
  }

  private found(
    input: Json,
    region: string,
    notFound: 'ResourceNotFoundException' | 'ServiceNotFoundException',
  ): ExpressServiceRecord {
    const arn = String(input.serviceArn);
    const r = this.store.expressServices.get(arn);
    if (!r || r.region !== region) throw new EcsError(notFound, `Service ${arn} was not found.`);
    return r;
  }

  private async cluster(input: Json, region: string): Promise<string> {
    const named = typeof input.cluster === 'string' ? input.cluster : 'default';
    const name = named.includes(':cluster/') ? named.slice(named.lastIndexOf('/') + 1) : named;
    // Express Mode creates the default cluster when it does not exist (developer guide, "Resources created by
    // Amazon ECS Express Mode services"); another cluster must exist.
    if (name === 'default') return name;
    const out = await this.pool.get(region).ecs.send(new DescribeClustersCommand({ clusters: [name] }));
    if (!(out.clusters ?? []).some((c) => c.clusterName === name && c.status === 'ACTIVE'))
      throw new EcsError('ClusterNotFoundException', `Cluster not found: ${named}.`);
    return name;
  }

  private async checkRole(member: keyof typeof ROLE_PRINCIPAL, arn: unknown, region: string): Promise<void> {
    if (arn === undefined) return;
    const m = ROLE_ARN.exec(String(arn));
    if (!m || m[1] !== ACCOUNT) throw invalid(`${member}: ${String(arn)} is not the ARN of a role in this account.`);
    let trust = '';
    try {
      const role = await this.pool.get(region).iam.send(new GetRoleCommand({ RoleName: m[2] }));
      trust = decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '');
    } catch {
      throw new EcsError('ClientException', `${member}: role ${String(arn)} does not exist.`);
    }
    if (!trust.includes(ROLE_PRINCIPAL[member]))
      throw new EcsError(
        'ClientException',
        `${member}: ${ROLE_PRINCIPAL[member]} is not allowed to assume ${String(arn)} (its trust policy).`,
      );
  }

  /** Subnets and groups exist and share one VPC; the load balancer is internet-facing only with a public subnet. */
  private async network(
    config: Json,
    region: string,
  ): Promise<{ vpcId: string; accessType: 'PUBLIC' | 'PRIVATE'; network: Json }> {
    const ec2 = this.pool.get(region).ec2;
    const asked = (isObject(config.networkConfiguration) ? config.networkConfiguration : {}) as {
      subnets?: string[];
      securityGroups?: string[];
    };
    let subnetIds = asked.subnets ?? [];
    if (subnetIds.length === 0) {
      // No subnets: the default VPC's (API reference, ExpressGatewayServiceNetworkConfiguration).
      const all = await ec2.send(
        new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
      );
      subnetIds = (all.Subnets ?? []).map((s) => s.SubnetId ?? '');
      if (subnetIds.length === 0) throw invalid('No subnets given and the account has no default VPC.');
    }
    const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: subnetIds }] }));
    for (const id of subnetIds)
      if (!(subnets.Subnets ?? []).some((s) => s.SubnetId === id))
        throw invalid(`The subnet ID '${id}' does not exist.`);
    const vpcs = [...new Set((subnets.Subnets ?? []).map((s) => s.VpcId ?? ''))];
    if (vpcs.length > 1) throw invalid('The subnets must all belong to one VPC.');
    const vpcId = vpcs[0] ?? '';
    let groupIds = asked.securityGroups ?? [];
    if (groupIds.length > 0) {
      const groups = await ec2.send(
        new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: groupIds }] }),
      );
      for (const id of groupIds) {
        const g = (groups.SecurityGroups ?? []).find((x) => x.GroupId === id);
        if (!g) throw invalid(`The security group '${id}' does not exist.`);
        if (g.VpcId !== vpcId) throw invalid(`Security group ${id} is not in the subnets' VPC ${vpcId}.`);
      }
    } else groupIds = [];
    const tables = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    const main = (tables.RouteTables ?? []).find((t) => (t.Associations ?? []).some((a) => a.Main));
    const isPublic = (subnetId: string): boolean => {
      const own = (tables.RouteTables ?? []).find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnetId));
      return ((own ?? main)?.Routes ?? []).some(
        (r) => r.DestinationCidrBlock === '0.0.0.0/0' && (r.GatewayId ?? '').startsWith('igw-'),
      );
    };
    return {
      vpcId,
      accessType: subnetIds.some(isPublic) ? 'PUBLIC' : 'PRIVATE',
      network: { subnets: subnetIds, securityGroups: groupIds },
    };
  }

  private async checkConfig(config: Json, region: string): Promise<void> {
    const path = config.healthCheckPath;
    // API reference, healthCheckPath: "must start with a forward slash".
    if (path !== undefined && !String(path).startsWith('/'))
      throw invalid(`healthCheckPath must start with a forward slash: ${String(path)}`);
    const port = (config.primaryContainer as Json | undefined)?.containerPort;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
      throw invalid(`containerPort must be between 1 and 65535: ${String(port)}`);
    await this.checkRole('executionRoleArn', config.executionRoleArn, region);
    await this.checkRole('taskRoleArn', config.taskRoleArn, region);
  }

  private async create(input: Json, region: string): Promise<Json> {
    const cluster = await this.cluster(input, region);
    const name =
      typeof input.serviceName === 'string' ? input.serviceName : `express-${randomBytes(4).toString('hex')}`;
    if (!SERVICE_NAME.test(name))
      throw invalid(`serviceName may hold up to 255 letters, numbers, underscores and hyphens: ${name}`);
    const arn = `arn:aws:ecs:${region}:${ACCOUNT}:service/${cluster}/${name}`;
    const existing = this.store.expressServices.get(arn);
    // ECS: a service name is unique among a cluster's services until the old one is INACTIVE.
    if (existing && this.statusOf(existing) !== 'INACTIVE')
      throw invalid('Creation of service was not idempotent: a service of that name exists in the cluster.');
    await this.checkRole('infrastructureRoleArn', input.infrastructureRoleArn, region);
    await this.checkConfig(input, region);
    const net = await this.network(input, region);
    const now = nowSeconds();
    const config: Json = {};
    for (const m of CONFIG_MEMBERS) if (input[m] !== undefined) config[m] = input[m];
    config.networkConfiguration = net.network;
    config.cpu ??= '256';
    config.memory ??= '512';
    config.healthCheckPath ??= '/ping';
    const record: ExpressServiceRecord = {
      arn,
      id: randomBytes(16).toString('hex'),
      name,
      cluster,
      region,
      infrastructureRoleArn: String(input.infrastructureRoleArn),
      status: 'ACTIVE',
      config,
      vpcId: net.vpcId,
      accessType: net.accessType,
      tags: (input.tags as ExpressServiceRecord['tags'] | undefined) ?? [],
      createdAt: now,
      updatedAt: now,
      servingFrom: Date.now() + this.settings.operationDelayMs,
      revision: 1,
    };
    this.store.expressServices.set(arn, record);
    return { service: this.view(record, { include: ['TAGS'] }) };
  }

  private async update(input: Json, region: string): Promise<Json> {
    const r = this.found(input, region, 'ServiceNotFoundException');
    if (this.statusOf(r) !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', 'Service is not ACTIVE.');
    await this.checkConfig(input, region);
    const next: Json = { ...r.config };
    for (const m of CONFIG_MEMBERS) if (input[m] !== undefined) next[m] = input[m];
    if (input.networkConfiguration !== undefined) {
      const net = await this.network(next, region);
      next.networkConfiguration = net.network;
      r.vpcId = net.vpcId;
      r.accessType = net.accessType;
    }
    r.config = next;
    r.revision += 1;
    r.updatedAt = nowSeconds();
    r.servingFrom = Date.now() + this.settings.operationDelayMs;
    const view = this.view(r, {});
    return {
      service: {
        serviceArn: r.arn,
        cluster: r.cluster,
        serviceName: r.name,
        status: view.status,
        targetConfiguration: (view.activeConfigurations as Json[])[0],
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      },
    };
  }

  private remove(input: Json, region: string): Json {
    const r = this.found(input, region, 'ServiceNotFoundException');
    if (this.statusOf(r) !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', 'Service is not ACTIVE.');
    r.status = 'DRAINING';
    r.updatedAt = nowSeconds();
    return { service: this.view(r, {}) };
  }

  /** ECSExpressGatewayService as DescribeExpressGatewayService returns it. */
  private view(r: ExpressServiceRecord, input: Json): Json {
    const status = this.statusOf(r);
    const withTags = Array.isArray(input.include) && input.include.includes('TAGS');
    return {
      cluster: r.cluster,
      serviceName: r.name,
      serviceArn: r.arn,
      infrastructureRoleArn: r.infrastructureRoleArn,
      status: { statusCode: status },
      currentDeployment: `${r.arn.replace(':service/', ':service-deployment/')}/${r.revision}`,
      activeConfigurations:
        status === 'INACTIVE'
          ? []
          : [
              {
                serviceRevisionArn: `${r.arn.replace(':service/', ':service-revision/')}/${r.revision}`,
                ...r.config,
                ingressPaths: [{ accessType: r.accessType, endpoint: `${this.settings.publicHost}/_apps/${r.id}` }],
                createdAt: r.updatedAt,
              },
            ],
      ...(withTags ? { tags: r.tags } : {}),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }
}

function parseBody(text: string): Json {
  return parseJsonObjectBody(text, (message) => new EcsError('ClientException', message));
}
