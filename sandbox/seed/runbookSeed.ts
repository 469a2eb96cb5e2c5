// The runbook's starting point (section 2) in ap-northeast-1: a VPC with DNS on, a public subnet with an
// internet gateway and a NAT gateway, private subnets in 1a/1c/1d routed to the NAT, the DB's group without
// ingress, a PostgreSQL DB `kyudai-db` on 5432, and `kyudai-api` RUNNING with DEFAULT egress.
// EC2 refuses group names starting with "sg-", so the runbook's "sg-rds" is the group's Name tag (what the
// console shows), and its GroupName is one AWS accepts.
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
  type Tag,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, CreateDBSubnetGroupCommand } from '@aws-sdk/client-rds';
import type { EmulatorContext } from '../apprunner/context';
import { newServiceConfig } from '../apprunner/serviceConfig';
import { addService } from '../apprunner/services';
import type { MotoClients } from '../motoClients';
import type { SeedInfo } from './seedInfo';

export const SEED_REGION = 'ap-northeast-1';
/** The DB group's GroupName; the runbook calls it by its Name tag, `sg-rds`. */
export const DB_GROUP_NAME = 'kyudai-db-sg';
const PRIVATE = [
  { az: 'ap-northeast-1a', cidr: '10.0.11.0/24' },
  { az: 'ap-northeast-1c', cidr: '10.0.12.0/24' },
  { az: 'ap-northeast-1d', cidr: '10.0.13.0/24' },
];

const named = (
  type: 'vpc' | 'subnet' | 'security-group' | 'internet-gateway' | 'natgateway' | 'route-table',
  name: string,
) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: name }] as Tag[] }];

async function subnet(ec2: EC2Client, vpcId: string, cidr: string, az: string, name: string): Promise<string> {
  const out = await ec2.send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: cidr,
      AvailabilityZone: az,
      TagSpecifications: named('subnet', name),
    }),
  );
  return out.Subnet?.SubnetId ?? '';
}

async function network(ec2: EC2Client, info: SeedInfo): Promise<void> {
  const vpc = await ec2.send(
    new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: named('vpc', 'campus-sns-vpc') }),
  );
  const vpcId = vpc.Vpc?.VpcId ?? '';
  info.vpcId = vpcId;
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }));
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  const igw = await ec2.send(
    new CreateInternetGatewayCommand({ TagSpecifications: named('internet-gateway', 'campus-sns-igw') }),
  );
  info.internetGatewayId = igw.InternetGateway?.InternetGatewayId ?? '';
  await ec2.send(new AttachInternetGatewayCommand({ VpcId: vpcId, InternetGatewayId: info.internetGatewayId }));
  info.publicSubnetId = await subnet(ec2, vpcId, '10.0.0.0/24', 'ap-northeast-1a', 'campus-sns-public-1a');
  const publicRt = await ec2.send(
    new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: named('route-table', 'campus-sns-public') }),
  );
  const publicRtId = publicRt.RouteTable?.RouteTableId ?? '';
  await ec2.send(
    new CreateRouteCommand({
      RouteTableId: publicRtId,
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: info.internetGatewayId,
    }),
  );
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRtId, SubnetId: info.publicSubnetId }));
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(
    new CreateNatGatewayCommand({
      SubnetId: info.publicSubnetId,
      AllocationId: eip.AllocationId,
      TagSpecifications: named('natgateway', 'campus-sns-nat'),
    }),
  );
  info.natGatewayId = nat.NatGateway?.NatGatewayId ?? '';
  const privateRt = await ec2.send(
    new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: named('route-table', 'campus-sns-private') }),
  );
  const privateRtId = privateRt.RouteTable?.RouteTableId ?? '';
  await ec2.send(
    new CreateRouteCommand({
      RouteTableId: privateRtId,
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: info.natGatewayId,
    }),
  );
  for (const p of PRIVATE) {
    const id = await subnet(ec2, vpcId, p.cidr, p.az, `campus-sns-private-${p.az.slice(-2)}`);
    info.privateSubnetIds.push(id);
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateRtId, SubnetId: id }));
  }
  const sg = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: DB_GROUP_NAME,
      Description: 'Security group for RDS PostgreSQL',
      VpcId: vpcId,
      TagSpecifications: named('security-group', 'sg-rds'),
    }),
  );
  info.sgRdsId = sg.GroupId ?? '';
}

// Recognisable on purpose: the reliability suite looks for both in everything the tools print and log.
const DB_MASTER_PASSWORD = 'seedMasterPassword-kyudai-db-7Qx';
const DATABASE_URL_PASSWORD = 'seedUrlPassword-kyudai-api-4Lm';

async function database(clients: MotoClients, info: SeedInfo): Promise<void> {
  info.dbSubnetGroupName = 'kyudai-db-subnet-group';
  await clients.rds.send(
    new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: info.dbSubnetGroupName,
      DBSubnetGroupDescription: 'Private subnets for kyudai-db',
      SubnetIds: info.privateSubnetIds,
    }),
  );
  const db = await clients.rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'kyudai-db',
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'app',
      MasterUserPassword: DB_MASTER_PASSWORD,
      DBName: 'kyudai',
      Port: 5432,
      DBSubnetGroupName: info.dbSubnetGroupName,
      VpcSecurityGroupIds: [info.sgRdsId ?? ''],
      PubliclyAccessible: false,
    }),
  );
  info.dbInstanceIdentifier = 'kyudai-db';
  info.dbEndpoint = db.DBInstance?.Endpoint?.Address ?? '';
  info.dbPort = db.DBInstance?.Endpoint?.Port ?? 5432;
}

export async function seedRunbook(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const info: SeedInfo = { seed: 'runbook', region: SEED_REGION, privateSubnetIds: [] };
  await network(clients.ec2, info);
  await database(clients, info);
  const config = newServiceConfig(ctx, SEED_REGION, {
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: 'public.ecr.aws/aws-containers/hello-app-runner:latest',
        ImageRepositoryType: 'ECR_PUBLIC',
        ImageConfiguration: {
          Port: '8000',
          RuntimeEnvironmentVariables: {
            DATABASE_URL: `postgresql://app:${DATABASE_URL_PASSWORD}@${info.dbEndpoint}:${info.dbPort}/kyudai`,
          },
        },
      },
      AutoDeploymentsEnabled: false,
    },
    HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/api/v1/health' },
  });
  const service = addService(ctx, SEED_REGION, 'kyudai-api', config);
  info.serviceName = service.name;
  info.serviceArn = service.arn;
  info.serviceId = service.id;
  info.secretValues = [DB_MASTER_PASSWORD, DATABASE_URL_PASSWORD];
  // The first deployment's log: with DEFAULT egress the app cannot reach the private DB yet.
  await ctx.hooks.deployed(service);
  return info;
}
