// `tf-module`: what terraform-aws-modules/vpc deploys with `name = "campus-sns"`, three AZs, public,
// private and database subnets, `enable_nat_gateway = true`, `single_nat_gateway = true`,
// `create_database_subnet_group = true` and `create_database_subnet_route_table = true` (its `complete`
// example): ONE NAT gateway in the first public subnet serving every private subnet through one
// `campus-sns-private` route table, and a `campus-sns-db` route table with only the local route. The DB
// (PostgreSQL, terraform-aws-modules/rds) is in the database subnet group with a group Terraform made
// (aws_security_group drops AWS's default egress rule). kyudai-api has DEFAULT egress.
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import {
  databaseUrl,
  internetGateway,
  natGateway,
  postgres,
  routeTable,
  runningService,
  securityGroup,
  subnet,
  vpc,
} from './build';
import { terraformTags } from './iacTags';
import type { SeedDefinition } from './registry';
import { SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

const NAME = 'campus-sns';
const AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];
const TAGS = terraformTags({ Environment: 'dev' });
const named = (name: string) => ({ Name: name, ...TAGS });

async function tier(ec2: MotoClients['ec2'], vpcId: string, suffix: string, cidrs: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, az] of AZS.entries())
    ids.push(await subnet(ec2, vpcId, { cidr: cidrs[i] ?? '', az, tags: named(`${NAME}-${suffix}-${az}`) }));
  return ids;
}

async function create(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const ec2 = clients.ec2;
  const { vpcId } = await vpc(ec2, '10.0.0.0/16', named(NAME));
  const info: SeedInfo = { seed: 'tf-module', region: SEED_REGION, vpcId, privateSubnetIds: [] };
  info.internetGatewayId = await internetGateway(ec2, vpcId, named(NAME));
  info.publicSubnetIds = await tier(ec2, vpcId, 'public', ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24']);
  info.privateSubnetIds = await tier(ec2, vpcId, 'private', ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']);
  info.isolatedSubnetIds = await tier(ec2, vpcId, 'db', ['10.0.21.0/24', '10.0.22.0/24', '10.0.23.0/24']);
  info.publicSubnetId = info.publicSubnetIds[0];
  await routeTable(
    ec2,
    vpcId,
    named(`${NAME}-public`),
    [{ destination: '0.0.0.0/0', gatewayId: info.internetGatewayId }],
    info.publicSubnetIds,
  );
  info.natGatewayId = await natGateway(ec2, info.publicSubnetId ?? '', named(`${NAME}-${AZS[0]}`));
  info.natGatewayIds = [info.natGatewayId];
  await routeTable(
    ec2,
    vpcId,
    named(`${NAME}-private`),
    [{ destination: '0.0.0.0/0', natGatewayId: info.natGatewayId }],
    info.privateSubnetIds,
  );
  await routeTable(ec2, vpcId, named(`${NAME}-db`), [], info.isolatedSubnetIds);
  info.sgRdsId = await securityGroup(ec2, vpcId, {
    name: `${NAME}-db-20240611083015123400000001`,
    description: 'PostgreSQL security group',
    tags: named(`${NAME}-db`),
    egress: [],
  });
  info.dbInstanceIdentifier = `${NAME}-postgres`;
  info.dbSubnetGroupName = NAME;
  const db = await postgres(clients.rds, {
    identifier: info.dbInstanceIdentifier,
    subnetGroupName: info.dbSubnetGroupName,
    subnetIds: info.isolatedSubnetIds,
    groupIds: [info.sgRdsId],
    dbName: 'kyudai',
  });
  info.dbEndpoint = db.endpoint;
  info.dbPort = db.port;
  const service = await runningService(ctx, { name: 'kyudai-api', databaseUrl: databaseUrl(db, 'kyudai') });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  return info;
}

export const tfModuleSeed: SeedDefinition = {
  name: 'tf-module',
  summary:
    'terraform-aws-modules/vpc: public, private and database subnets, ONE NAT gateway in one AZ for all private subnets',
  create,
};
