// Building blocks the database- and service-shaped seeds share: a VPC laid out like the runbook's (public
// subnet with an internet gateway and a NAT gateway, private subnets in 1a/1c/1d routed to the NAT), named
// security groups (a GroupName EC2 accepts, the console label as the Name tag), a DB subnet group, and a
// RUNNING App Runner service whose first deployment has been logged.
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  ModifyVpcAttributeCommand,
  type EC2Client,
  type ResourceType,
  type Tag,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, CreateDBSubnetGroupCommand, type RDSClient } from '@aws-sdk/client-rds';
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../apprunner/context';
import { newServiceConfig } from '../apprunner/serviceConfig';
import { addService } from '../apprunner/services';
import type { Json, ServiceRecord } from '../apprunner/store';
import type { MotoClients } from '../motoClients';
import { SEED_REGION } from './runbookSeed';
import type { SeedInfo, SeedName } from './seedInfo';

export { SEED_REGION };

export const SEED_IMAGE = 'public.ecr.aws/aws-containers/hello-app-runner:latest';
const PRIVATE_AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];

export const nameTag = (type: ResourceType, name: string) => [
  { ResourceType: type, Tags: [{ Key: 'Name', Value: name }] as Tag[] },
];

export interface SeedNetwork {
  vpcId: string;
  vpcCidr: string;
  publicSubnetId: string;
  privateSubnetIds: string[];
  internetGatewayId: string;
  natGatewayId: string;
}

/** `10.0.0.0/16` with DNS support and host names on, public `10.0.0.0/24`, private `10.0.11-13.0/24`. */
export async function privateNetwork(ec2: EC2Client, prefix: string): Promise<SeedNetwork> {
  const vpcCidr = '10.0.0.0/16';
  const vpcId =
    (await ec2.send(new CreateVpcCommand({ CidrBlock: vpcCidr, TagSpecifications: nameTag('vpc', `${prefix}-vpc`) })))
      .Vpc?.VpcId ?? '';
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }));
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  const igw = await ec2.send(
    new CreateInternetGatewayCommand({ TagSpecifications: nameTag('internet-gateway', `${prefix}-igw`) }),
  );
  const internetGatewayId = igw.InternetGateway?.InternetGatewayId ?? '';
  await ec2.send(new AttachInternetGatewayCommand({ VpcId: vpcId, InternetGatewayId: internetGatewayId }));
  const subnet = async (cidr: string, az: string, name: string) =>
    (
      await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: cidr,
          AvailabilityZone: az,
          TagSpecifications: nameTag('subnet', name),
        }),
      )
    ).Subnet?.SubnetId ?? '';
  const routeTable = async (name: string) =>
    (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: nameTag('route-table', name) })))
      .RouteTable?.RouteTableId ?? '';
  const publicSubnetId = await subnet('10.0.0.0/24', 'ap-northeast-1a', `${prefix}-public-1a`);
  const publicRt = await routeTable(`${prefix}-public`);
  await ec2.send(
    new CreateRouteCommand({ RouteTableId: publicRt, DestinationCidrBlock: '0.0.0.0/0', GatewayId: internetGatewayId }),
  );
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRt, SubnetId: publicSubnetId }));
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(
    new CreateNatGatewayCommand({
      SubnetId: publicSubnetId,
      AllocationId: eip.AllocationId,
      TagSpecifications: nameTag('natgateway', `${prefix}-nat`),
    }),
  );
  const natGatewayId = nat.NatGateway?.NatGatewayId ?? '';
  const privateRt = await routeTable(`${prefix}-private`);
  await ec2.send(
    new CreateRouteCommand({ RouteTableId: privateRt, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natGatewayId }),
  );
  const privateSubnetIds: string[] = [];
  for (const [i, az] of PRIVATE_AZS.entries()) {
    const id = await subnet(`10.0.${11 + i}.0/24`, az, `${prefix}-private-${az.slice(-2)}`);
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateRt, SubnetId: id }));
    privateSubnetIds.push(id);
  }
  return { vpcId, vpcCidr, publicSubnetId, privateSubnetIds, internetGatewayId, natGatewayId };
}

/** A seed's info, with its network (named `<prefix>-...`) created and recorded under the runbook seed's names. */
export async function seedWithNetwork(
  ec2: EC2Client,
  seed: SeedName,
  prefix: string,
): Promise<{ info: SeedInfo; net: SeedNetwork }> {
  const net = await privateNetwork(ec2, prefix);
  const info: SeedInfo = {
    seed,
    region: SEED_REGION,
    vpcId: net.vpcId,
    publicSubnetId: net.publicSubnetId,
    internetGatewayId: net.internetGatewayId,
    natGatewayId: net.natGatewayId,
    privateSubnetIds: [...net.privateSubnetIds],
  };
  return { info, net };
}

/** A security group with a GroupName EC2 accepts and the label people know it by as its Name tag. */
export async function securityGroup(
  ec2: EC2Client,
  vpcId: string,
  groupName: string,
  label: string,
  description: string,
): Promise<string> {
  const out = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: groupName,
      Description: description,
      VpcId: vpcId,
      TagSpecifications: nameTag('security-group', label),
    }),
  );
  return out.GroupId ?? '';
}

export async function dbSubnetGroup(rds: RDSClient, name: string, subnetIds: string[]): Promise<string> {
  await rds.send(
    new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: name,
      DBSubnetGroupDescription: `Private subnets for ${name}`,
      SubnetIds: subnetIds,
    }),
  );
  return name;
}

/**
 * The runbook's database in the seed's network: group `kyudai-db` (Name `sg-rds`, no ingress), subnet group
 * `kyudai-db-subnet-group` over the private subnets, and the private PostgreSQL instance `kyudai-db` on 5432.
 */
export async function runbookDatabase(clients: MotoClients, info: SeedInfo, password: string): Promise<void> {
  const vpcId = info.vpcId ?? '';
  info.sgRdsId = await securityGroup(clients.ec2, vpcId, 'kyudai-db', 'sg-rds', 'Security group for RDS PostgreSQL');
  info.dbSubnetGroupName = await dbSubnetGroup(clients.rds, 'kyudai-db-subnet-group', info.privateSubnetIds);
  const db = await clients.rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'kyudai-db',
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'app',
      MasterUserPassword: password,
      DBName: 'kyudai',
      Port: 5432,
      DBSubnetGroupName: info.dbSubnetGroupName,
      VpcSecurityGroupIds: [info.sgRdsId],
      PubliclyAccessible: false,
    }),
  );
  info.dbInstanceIdentifier = 'kyudai-db';
  info.dbEndpoint = db.DBInstance?.Endpoint?.Address ?? '';
  info.dbPort = 5432;
}

/** A password for a seeded database: random per seed, so no test can know it without asking AWS. */
export function seedPassword(): string {
  return `Pw${randomBytes(12).toString('hex')}`;
}

export interface SeedServiceOptions {
  /** ImageConfiguration members besides Port (RuntimeEnvironmentVariables, RuntimeEnvironmentSecrets). */
  image: Json;
  network?: Json;
  instance?: Json;
}

/** A RUNNING service with DEFAULT egress unless told otherwise; its first deployment is logged. */
export async function runningService(
  ctx: EmulatorContext,
  name: string,
  opts: SeedServiceOptions,
): Promise<ServiceRecord> {
  const config = newServiceConfig(ctx, SEED_REGION, {
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: SEED_IMAGE,
        ImageRepositoryType: 'ECR_PUBLIC',
        ImageConfiguration: { Port: '8000', ...opts.image },
      },
      AutoDeploymentsEnabled: false,
    },
    HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/api/v1/health' },
    InstanceConfiguration: opts.instance,
    NetworkConfiguration: opts.network,
  });
  const service = addService(ctx, SEED_REGION, name, config);
  await ctx.hooks.deployed(service);
  return service;
}

/** Seed functions take the emulator and moto's clients and return what they created. */
export type SeedFunction = (ctx: EmulatorContext, clients: MotoClients) => Promise<SeedInfo>;
