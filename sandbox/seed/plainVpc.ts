// The hand-made network several seeds start from (like the runbook's, with a second public subnet): VPC
// 10.0.0.0/16, public subnets in 1a and 1c routed to the internet gateway with one NAT gateway in 1a,
// private subnets in 1a, 1c and 1d routed to it, the DB's group (Name sg-rds, no ingress) and PostgreSQL
// `kyudai-db` on 5432 in the private subnets.
import type { MotoClients } from '../motoClients';
import { databaseUrl, internetGateway, natGateway, postgres, routeTable, securityGroup, subnet, vpc } from './build';
import type { SeedInfo } from './seedInfo';

const PUBLIC = [
  { az: 'ap-northeast-1a', cidr: '10.0.0.0/24' },
  { az: 'ap-northeast-1c', cidr: '10.0.1.0/24' },
];
const PRIVATE = [
  { az: 'ap-northeast-1a', cidr: '10.0.11.0/24' },
  { az: 'ap-northeast-1c', cidr: '10.0.12.0/24' },
  { az: 'ap-northeast-1d', cidr: '10.0.13.0/24' },
];

/** Fills `info` with the network and DB ids; returns the DATABASE_URL for kyudai-db. */
export async function plainVpc(clients: MotoClients, info: SeedInfo, prefix: string): Promise<string> {
  const ec2 = clients.ec2;
  const { vpcId } = await vpc(ec2, '10.0.0.0/16', { Name: `${prefix}-vpc` });
  info.vpcId = vpcId;
  info.internetGatewayId = await internetGateway(ec2, vpcId, { Name: `${prefix}-igw` });
  info.publicSubnetIds = [];
  for (const p of PUBLIC)
    info.publicSubnetIds.push(await subnet(ec2, vpcId, { ...p, tags: { Name: `${prefix}-public-${p.az.slice(-2)}` } }));
  info.publicSubnetId = info.publicSubnetIds[0];
  await routeTable(
    ec2,
    vpcId,
    { Name: `${prefix}-public` },
    [{ destination: '0.0.0.0/0', gatewayId: info.internetGatewayId }],
    info.publicSubnetIds,
  );
  info.natGatewayId = await natGateway(ec2, info.publicSubnetId ?? '', { Name: `${prefix}-nat` });
  info.natGatewayIds = [info.natGatewayId];
  info.privateSubnetIds = [];
  for (const p of PRIVATE)
    info.privateSubnetIds.push(
      await subnet(ec2, vpcId, { ...p, tags: { Name: `${prefix}-private-${p.az.slice(-2)}` } }),
    );
  await routeTable(
    ec2,
    vpcId,
    { Name: `${prefix}-private` },
    [{ destination: '0.0.0.0/0', natGatewayId: info.natGatewayId }],
    info.privateSubnetIds,
  );
  info.sgRdsId = await securityGroup(ec2, vpcId, {
    name: `${prefix}-rds`,
    description: 'Security group for RDS PostgreSQL',
    tags: { Name: 'sg-rds' },
  });
  info.dbInstanceIdentifier = 'kyudai-db';
  info.dbSubnetGroupName = 'kyudai-db-subnet-group';
  const db = await postgres(clients.rds, {
    identifier: info.dbInstanceIdentifier,
    subnetGroupName: info.dbSubnetGroupName,
    subnetIds: info.privateSubnetIds,
    groupIds: [info.sgRdsId],
    dbName: 'kyudai',
  });
  info.dbEndpoint = db.endpoint;
  info.dbPort = db.port;
  return databaseUrl(db, 'kyudai');
}
