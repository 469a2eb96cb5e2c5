// `dual-stack`: a VPC with an Amazon-provided IPv6 /56 and dual-stack subnets (each an IPv4 /24 and an
// IPv6 /64): public subnets route 0.0.0.0/0 and ::/0 to the internet gateway; private subnets route
// 0.0.0.0/0 to a NAT gateway and ::/0 to an egress-only internet gateway. The DB's group and a group made
// earlier for the app both allow all traffic out over IPv4 and IPv6 (`::/0`: the rules EC2 gives every new
// group in a VPC with an IPv6 block). kyudai-api is DUAL_STACK
// with DEFAULT egress. App Runner sends outbound traffic over IPv4 only, so `::/0` rules and the
// egress-only gateway never carry its traffic (the ground truth checks IPv4 only).
import { CreateEgressOnlyInternetGatewayCommand } from '@aws-sdk/client-ec2';
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
import type { SeedDefinition } from './registry';
import { SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

/** The `index`-th /64 of a /56 such as `2600:1f18:47a2:8e00::/56`. */
export function ipv6Subnet(block56: string, index: number): string {
  const [addr] = block56.split('/');
  const [head = '', tail = ''] = (addr ?? '').split('::');
  const left = head.split(':').filter(Boolean);
  const right = tail.split(':').filter(Boolean);
  const hextets = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((h) =>
    parseInt(h, 16),
  );
  hextets[3] = ((hextets[3] ?? 0) & 0xff00) | index;
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16))
    .join(':')}::/64`;
}

async function create(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const ec2 = clients.ec2;
  const { vpcId, ipv6Cidr = '' } = await vpc(ec2, '10.0.0.0/16', { Name: 'campus-sns-dualstack' }, true);
  const info: SeedInfo = {
    seed: 'dual-stack',
    region: SEED_REGION,
    vpcId,
    ipv6CidrBlock: ipv6Cidr,
    privateSubnetIds: [],
    publicSubnetIds: [],
  };
  info.internetGatewayId = await internetGateway(ec2, vpcId, { Name: 'campus-sns-dualstack-igw' });
  const eigw = await ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpcId }));
  const eigwId = eigw.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId ?? '';
  for (const [i, az] of ['ap-northeast-1a', 'ap-northeast-1c'].entries()) {
    const tags = { Name: `campus-sns-dualstack-public-${az.slice(-2)}` };
    info.publicSubnetIds?.push(
      await subnet(ec2, vpcId, { cidr: `10.0.${i}.0/24`, ipv6Cidr: ipv6Subnet(ipv6Cidr, i), az, tags }),
    );
  }
  info.publicSubnetId = info.publicSubnetIds?.[0];
  await routeTable(
    ec2,
    vpcId,
    { Name: 'campus-sns-dualstack-public' },
    [
      { destination: '0.0.0.0/0', gatewayId: info.internetGatewayId },
      { destination6: '::/0', gatewayId: info.internetGatewayId },
    ],
    info.publicSubnetIds ?? [],
  );
  info.natGatewayId = await natGateway(ec2, info.publicSubnetId ?? '', { Name: 'campus-sns-dualstack-nat' });
  for (const [i, az] of ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'].entries()) {
    const tags = { Name: `campus-sns-dualstack-private-${az.slice(-2)}` };
    info.privateSubnetIds.push(
      await subnet(ec2, vpcId, { cidr: `10.0.${11 + i}.0/24`, ipv6Cidr: ipv6Subnet(ipv6Cidr, 0x11 + i), az, tags }),
    );
  }
  await routeTable(
    ec2,
    vpcId,
    { Name: 'campus-sns-dualstack-private' },
    [
      { destination: '0.0.0.0/0', natGatewayId: info.natGatewayId },
      { destination6: '::/0', egressOnlyInternetGatewayId: eigwId },
    ],
    info.privateSubnetIds,
  );
  info.sgRdsId = await securityGroup(ec2, vpcId, {
    name: 'kyudai-db',
    description: 'PostgreSQL for kyudai-api',
    tags: { Name: 'sg-rds' },
  });
  info.appRunnerGroupId = await securityGroup(ec2, vpcId, {
    name: 'campus-sns-app-outbound',
    description: 'Outbound for the app, IPv4 and IPv6',
    tags: { Name: 'app-outbound' },
  });
  info.dbInstanceIdentifier = 'kyudai-db';
  info.dbSubnetGroupName = 'kyudai-db-dualstack';
  const db = await postgres(clients.rds, {
    identifier: info.dbInstanceIdentifier,
    subnetGroupName: info.dbSubnetGroupName,
    subnetIds: info.privateSubnetIds,
    groupIds: [info.sgRdsId],
    dbName: 'kyudai',
  });
  info.dbEndpoint = db.endpoint;
  info.dbPort = db.port;
  const service = await runningService(ctx, {
    name: 'kyudai-api',
    databaseUrl: databaseUrl(db, 'kyudai'),
    ipAddressType: 'DUAL_STACK',
  });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  return info;
}

export const dualStackSeed: SeedDefinition = {
  name: 'dual-stack',
  summary: 'A dual-stack VPC (Amazon IPv6 block, ::/0 routes and egress rules) and a DUAL_STACK service',
  create,
};
