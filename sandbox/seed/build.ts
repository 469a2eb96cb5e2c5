// Building blocks the account-shape seeds share: the VPC pieces in moto (each with its tags, as the tool that
// made it would set them), a PostgreSQL DB, and App Runner services and connectors in the emulator.
// Seeds talk to moto directly, not through the front, so they can set what a user cannot (`aws:` tags).
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  ModifyVpcAttributeCommand,
  RevokeSecurityGroupEgressCommand,
  type EC2Client,
  type IpPermission,
  type ResourceType,
  type Tag,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, CreateDBSubnetGroupCommand, type RDSClient } from '@aws-sdk/client-rds';
import { addConnector } from '../apprunner/connectors';
import type { EmulatorContext } from '../apprunner/context';
import { newServiceConfig } from '../apprunner/serviceConfig';
import { addService, setTags } from '../apprunner/services';
import type { ConnectorRecord, Json, ServiceRecord } from '../apprunner/store';
import { SEED_REGION } from './runbookSeed';

export type TagMap = Record<string, string>;

export const tagList = (tags: TagMap): Tag[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const spec = (type: ResourceType, tags: TagMap) => [{ ResourceType: type, Tags: tagList(tags) }];

/** A VPC with DNS support and host names on (what CDK, the Terraform module and the console wizard set). */
export async function vpc(
  ec2: EC2Client,
  cidr: string,
  tags: TagMap,
  ipv6 = false,
): Promise<{ vpcId: string; ipv6Cidr?: string }> {
  const out = await ec2.send(
    new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: ipv6, TagSpecifications: spec('vpc', tags) }),
  );
  const vpcId = out.Vpc?.VpcId ?? '';
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }));
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  return { vpcId, ipv6Cidr: out.Vpc?.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock };
}

export async function internetGateway(ec2: EC2Client, vpcId: string, tags: TagMap): Promise<string> {
  const igw = await ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: spec('internet-gateway', tags) }));
  const id = igw.InternetGateway?.InternetGatewayId ?? '';
  await ec2.send(new AttachInternetGatewayCommand({ VpcId: vpcId, InternetGatewayId: id }));
  return id;
}

export interface SubnetSpec {
  cidr: string;
  az: string;
  tags: TagMap;
  ipv6Cidr?: string;
}

export async function subnet(ec2: EC2Client, vpcId: string, s: SubnetSpec): Promise<string> {
  const out = await ec2.send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: s.cidr,
      Ipv6CidrBlock: s.ipv6Cidr,
      AvailabilityZone: s.az,
      TagSpecifications: spec('subnet', s.tags),
    }),
  );
  return out.Subnet?.SubnetId ?? '';
}

/** A route: IPv4 `destination` or IPv6 `destination6`, to one target. */
export interface RouteSpec {
  destination?: string;
  destination6?: string;
  gatewayId?: string;
  natGatewayId?: string;
  egressOnlyInternetGatewayId?: string;
}

/** A route table with its routes (besides `local`), associated with `subnetIds`. */
export async function routeTable(
  ec2: EC2Client,
  vpcId: string,
  tags: TagMap,
  routes: RouteSpec[],
  subnetIds: string[],
): Promise<string> {
  const rt = await ec2.send(
    new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: spec('route-table', tags) }),
  );
  const id = rt.RouteTable?.RouteTableId ?? '';
  for (const r of routes) {
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: id,
        DestinationCidrBlock: r.destination,
        DestinationIpv6CidrBlock: r.destination6,
        GatewayId: r.gatewayId,
        NatGatewayId: r.natGatewayId,
        EgressOnlyInternetGatewayId: r.egressOnlyInternetGatewayId,
      }),
    );
  }
  for (const subnetId of subnetIds)
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId: subnetId }));
  return id;
}

/** A public NAT gateway with a new Elastic IP in `subnetId`. */
export async function natGateway(ec2: EC2Client, subnetId: string, tags: TagMap): Promise<string> {
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(
    new CreateNatGatewayCommand({
      SubnetId: subnetId,
      AllocationId: eip.AllocationId,
      TagSpecifications: spec('natgateway', tags),
    }),
  );
  return nat.NatGateway?.NatGatewayId ?? '';
}

export interface GroupSpec {
  name: string;
  description: string;
  tags: TagMap;
  /** Replaces the allow-all egress every new group gets (IPv4, and IPv6 in a VPC with IPv6); undefined keeps it. */
  egress?: IpPermission[];
  ingress?: IpPermission[];
}

export async function securityGroup(ec2: EC2Client, vpcId: string, g: GroupSpec): Promise<string> {
  const out = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: g.name,
      Description: g.description,
      VpcId: vpcId,
      TagSpecifications: spec('security-group', g.tags),
    }),
  );
  const id = out.GroupId ?? '';
  if (g.egress) {
    const created = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))).SecurityGroups?.[0];
    const defaults = (created?.IpPermissionsEgress ?? []).map((p) => ({
      ...p,
      UserIdGroupPairs: p.UserIdGroupPairs?.length ? p.UserIdGroupPairs : undefined,
    }));
    if (defaults.length > 0)
      await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: defaults }));
    if (g.egress.length > 0)
      await ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: g.egress }));
  }
  if (g.ingress?.length)
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: g.ingress }));
  return id;
}

/** One TCP port (or all traffic with protocol -1) to/from IPv4 CIDRs, IPv6 CIDRs or groups. */
export function permission(
  protocol: string,
  port: number | undefined,
  peer: { cidrs?: string[]; cidrs6?: string[]; groupIds?: string[] },
): IpPermission {
  return {
    IpProtocol: protocol,
    FromPort: port,
    ToPort: port,
    IpRanges: peer.cidrs?.map((CidrIp) => ({ CidrIp })),
    Ipv6Ranges: peer.cidrs6?.map((CidrIpv6) => ({ CidrIpv6 })),
    UserIdGroupPairs: peer.groupIds?.map((GroupId) => ({ GroupId })),
  };
}

export interface PostgresSpec {
  identifier: string;
  subnetGroupName: string;
  subnetIds: string[];
  groupIds: string[];
  dbName: string;
}

/** A private PostgreSQL instance on 5432 in its own DB subnet group. */
export async function postgres(rds: RDSClient, p: PostgresSpec): Promise<{ endpoint: string; port: number }> {
  await rds.send(
    new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: p.subnetGroupName,
      DBSubnetGroupDescription: `Subnets for ${p.identifier}`,
      SubnetIds: p.subnetIds,
    }),
  );
  const db = await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: p.identifier,
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'app',
      MasterUserPassword: 'placeholder-not-a-secret',
      DBName: p.dbName,
      Port: 5432,
      DBSubnetGroupName: p.subnetGroupName,
      VpcSecurityGroupIds: p.groupIds,
      PubliclyAccessible: false,
    }),
  );
  return { endpoint: db.DBInstance?.Endpoint?.Address ?? '', port: db.DBInstance?.Endpoint?.Port ?? 5432 };
}

export interface ServiceSpec {
  name: string;
  /** postgresql://app:placeholder@<endpoint>:<port>/<db> */
  databaseUrl: string;
  /** EgressType VPC through this connector; DEFAULT when undefined. */
  connectorArn?: string;
  ipAddressType?: 'IPV4' | 'DUAL_STACK';
}

/** A RUNNING service from the public hello-app-runner image, deployed (its first log lines written). */
export async function runningService(ctx: EmulatorContext, s: ServiceSpec): Promise<ServiceRecord> {
  const network: Json = {};
  if (s.connectorArn) network.EgressConfiguration = { EgressType: 'VPC', VpcConnectorArn: s.connectorArn };
  if (s.ipAddressType) network.IpAddressType = s.ipAddressType;
  const config = newServiceConfig(ctx, SEED_REGION, {
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: 'public.ecr.aws/aws-containers/hello-app-runner:latest',
        ImageRepositoryType: 'ECR_PUBLIC',
        ImageConfiguration: { Port: '8000', RuntimeEnvironmentVariables: { DATABASE_URL: s.databaseUrl } },
      },
      AutoDeploymentsEnabled: false,
    },
    HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/api/v1/health' },
    NetworkConfiguration: network,
  });
  const service = addService(ctx, SEED_REGION, s.name, config);
  await ctx.hooks.deployed(service);
  return service;
}

/** An ACTIVE connector; no groups = the VPC's default group, as App Runner does. */
export async function connector(
  ctx: EmulatorContext,
  name: string,
  subnets: string[],
  groups: string[],
  tags: TagMap = {},
): Promise<ConnectorRecord> {
  const c = await addConnector(ctx, SEED_REGION, { name, subnets, securityGroups: groups });
  setTags(ctx, c.arn, tagList(tags));
  return c;
}

export const databaseUrl = (db: { endpoint: string; port: number }, name: string) =>
  `postgresql://app:placeholder@${db.endpoint}:${db.port}/${name}`;
