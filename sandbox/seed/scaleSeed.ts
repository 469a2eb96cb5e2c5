// The runbook world plus many services and connectors, for benchmarks and pagination: services
// `scale-svc-0001`.. (every third attached to a connector) and connectors `scale-conn-001`.. With `vpcs` > 1,
// VPCs `scale-vpc-02`.. beside the runbook's, each with two private subnets, a DB group and a PostgreSQL
// instance `scale-db-02`..; the connectors go round-robin over all VPCs (the runbook's first), so a topology
// load sees many VPCs at once (the bench's networkReads_20vpc).
import type { EmulatorContext } from '../apprunner/context';
import { addConnector } from '../apprunner/connectors';
import { newServiceConfig } from '../apprunner/serviceConfig';
import { addService } from '../apprunner/services';
import type { MotoClients } from '../motoClients';
import { postgres, securityGroup, subnet, vpc } from './build';
import { seedRunbook, SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

interface ScaleVpc {
  vpcId: string;
  subnetIds: string[];
  groupId: string;
}

/** One more VPC like the runbook's private half: two private subnets (1a, 1c), a DB group, a PostgreSQL instance. */
async function extraVpc(clients: MotoClients, n: number): Promise<ScaleVpc> {
  const name = `scale-vpc-${String(n).padStart(2, '0')}`;
  const { vpcId } = await vpc(clients.ec2, `10.${100 + n}.0.0/16`, { Name: name });
  const subnetIds = [
    await subnet(clients.ec2, vpcId, {
      az: 'ap-northeast-1a',
      cidr: `10.${100 + n}.11.0/24`,
      tags: { Name: `${name}-private-1a` },
    }),
    await subnet(clients.ec2, vpcId, {
      az: 'ap-northeast-1c',
      cidr: `10.${100 + n}.12.0/24`,
      tags: { Name: `${name}-private-1c` },
    }),
  ];
  const groupId = await securityGroup(clients.ec2, vpcId, {
    name: `${name}-db`,
    description: `DB group of ${name}`,
    tags: { Name: `${name}-db` },
  });
  const id = `scale-db-${String(n).padStart(2, '0')}`;
  await postgres(clients.rds, {
    identifier: id,
    subnetGroupName: `${id}-subnets`,
    subnetIds,
    groupIds: [groupId],
    dbName: 'app',
  });
  return { vpcId, subnetIds, groupId };
}

export async function seedScale(
  ctx: EmulatorContext,
  clients: MotoClients,
  services: number,
  connectors: number,
  vpcs = 1,
): Promise<SeedInfo> {
  const info = await seedRunbook(ctx, clients);
  info.seed = 'scale';
  const spread: ScaleVpc[] = [
    { vpcId: info.vpcId ?? '', subnetIds: info.privateSubnetIds.slice(0, 2), groupId: info.sgRdsId ?? '' },
  ];
  for (let n = 2; n <= vpcs; n++) spread.push(await extraVpc(clients, n));
  // Room for the seeded resources and a few more created by hand.
  ctx.settings.serviceQuota = Math.max(ctx.settings.serviceQuota, services + 10);
  ctx.settings.connectorQuota = Math.max(ctx.settings.connectorQuota, connectors + 10);
  info.connectorArns = [];
  for (let i = 1; i <= connectors; i++) {
    const home = spread[(i - 1) % spread.length];
    const c = await addConnector(ctx, SEED_REGION, {
      name: `scale-conn-${String(i).padStart(3, '0')}`,
      subnets: home.subnetIds,
      securityGroups: [home.groupId],
    });
    info.connectorArns.push(c.arn);
  }
  info.extraServiceArns = [];
  for (let i = 1; i <= services; i++) {
    const attached = connectors > 0 && i % 3 === 0 ? info.connectorArns[(i / 3) % connectors] : undefined;
    const config = newServiceConfig(ctx, SEED_REGION, {
      SourceConfiguration: {
        ImageRepository: {
          ImageIdentifier: 'public.ecr.aws/aws-containers/hello-app-runner:latest',
          ImageRepositoryType: 'ECR_PUBLIC',
        },
      },
      NetworkConfiguration: attached
        ? { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: attached } }
        : undefined,
    });
    info.extraServiceArns.push(addService(ctx, SEED_REGION, `scale-svc-${String(i).padStart(4, '0')}`, config).arn);
  }
  return info;
}
