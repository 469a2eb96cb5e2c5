// `cdk-default`: what `new ec2.Vpc(this, 'Vpc', { subnetConfiguration: [Public, PrivateWithEgress,
// PrivateIsolated] })` deploys in ap-northeast-1 (maxAzs 3): per AZ a public subnet routed to the internet
// gateway with a NAT gateway in it, a private-with-egress subnet routed to its own AZ's NAT, and an
// isolated subnet with only the local route. `rds.DatabaseInstance` (PostgreSQL) sits in the isolated
// subnets with its own generated group. Every resource carries CloudFormation's tags; kyudai-api has
// DEFAULT egress and DATABASE_URL naming the DB.
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { cdkLogicalId, cloudFormationTags } from './iacTags';
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
  type TagMap,
} from './build';
import type { SeedDefinition } from './registry';
import { SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

const STACK = 'CampusSnsStack';
const AZS = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];
/** CDK splits 10.0.0.0/16 evenly over 3 tiers x 3 AZs: nine /20 blocks in tier order. */
const TIERS = [
  { name: 'Public', type: 'Public', base: 0 },
  { name: 'Private', type: 'Private', base: 3 },
  { name: 'Isolated', type: 'Isolated', base: 6 },
] as const;

/** CloudFormation's tags plus the `Name` CDK gives a construct (its path). */
function cdk(path: string, extra: TagMap = {}): TagMap {
  return { Name: `${STACK}/${path}`, ...extra, ...cloudFormationTags(STACK, cdkLogicalId(path.replace(/\//g, ''))) };
}

async function create(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const ec2 = clients.ec2;
  const info: SeedInfo = {
    seed: 'cdk-default',
    region: SEED_REGION,
    privateSubnetIds: [],
    publicSubnetIds: [],
    isolatedSubnetIds: [],
    natGatewayIds: [],
  };
  const { vpcId } = await vpc(ec2, '10.0.0.0/16', cdk('Vpc'));
  info.vpcId = vpcId;
  info.internetGatewayId = await internetGateway(ec2, vpcId, cdk('Vpc/IGW'));
  for (const tier of TIERS) {
    for (const [i, az] of AZS.entries()) {
      const path = `Vpc/${tier.name}Subnet${i + 1}`;
      const cidr = `10.0.${(tier.base + i) * 16}.0/20`;
      const id = await subnet(ec2, vpcId, {
        cidr,
        az,
        tags: cdk(path, { 'aws-cdk:subnet-name': tier.name, 'aws-cdk:subnet-type': tier.type }),
      });
      if (tier.type === 'Public') {
        info.publicSubnetIds?.push(id);
        await routeTable(
          ec2,
          vpcId,
          cdk(path),
          [{ destination: '0.0.0.0/0', gatewayId: info.internetGatewayId }],
          [id],
        );
        info.natGatewayIds?.push(await natGateway(ec2, id, cdk(`${path}/NATGateway`)));
      } else if (tier.type === 'Private') {
        info.privateSubnetIds.push(id);
        await routeTable(
          ec2,
          vpcId,
          cdk(path),
          [{ destination: '0.0.0.0/0', natGatewayId: info.natGatewayIds?.[i] }],
          [id],
        );
      } else {
        info.isolatedSubnetIds?.push(id);
        await routeTable(ec2, vpcId, cdk(path), [], [id]);
      }
    }
  }
  info.publicSubnetId = info.publicSubnetIds?.[0];
  info.natGatewayId = info.natGatewayIds?.[0];
  // rds.DatabaseInstance's own group: a generated GroupName, no Name tag, allow-all egress, no ingress.
  info.sgRdsId = await securityGroup(ec2, vpcId, {
    name: `${STACK}-DatabaseSecurityGroup7319C0F6-1OIKM4Y3IT7PB`,
    description: 'Security group for Database database',
    tags: cloudFormationTags(STACK, 'DatabaseSecurityGroup7319C0F6'),
  });
  info.dbInstanceIdentifier = 'campussnsstack-databaseb269d8bb-q4ig3lvhyy0a';
  info.dbSubnetGroupName = 'campussnsstack-databasesubnetgroup7d60f180-1a2b3c4d5e6f';
  const db = await postgres(clients.rds, {
    identifier: info.dbInstanceIdentifier,
    subnetGroupName: info.dbSubnetGroupName,
    subnetIds: info.isolatedSubnetIds ?? [],
    groupIds: [info.sgRdsId],
    dbName: 'kyudai',
  });
  info.dbEndpoint = db.endpoint;
  info.dbPort = db.port;
  const service = await runningService(ctx, { name: 'kyudai-api', databaseUrl: databaseUrl(db, 'kyudai') });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  return info;
}

export const cdkDefaultSeed: SeedDefinition = {
  name: 'cdk-default',
  summary:
    'AWS CDK ec2.Vpc: public, private-with-egress (a NAT per AZ) and isolated subnets; the DB in the isolated ones',
  create,
};
