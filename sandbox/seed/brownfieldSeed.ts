// `brownfield`: a manual setup abandoned half way. The App Runner group exists (the product's default
// GroupName `apprunner-connector`, Name sg-apprunner) with only the 443 rule; a connector with the wanted
// name `campus-sns-vpc-connector` exists on the two PUBLIC subnets and another service, `kyudai-admin`,
// uses it; the DB's group accepts 5432 from 0.0.0.0/0. kyudai-api itself still has DEFAULT egress.
import { AuthorizeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { connector, permission, runningService, securityGroup } from './build';
import { plainVpc } from './plainVpc';
import type { SeedDefinition } from './registry';
import { SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

async function create(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const info: SeedInfo = { seed: 'brownfield', region: SEED_REGION, privateSubnetIds: [] };
  const url = await plainVpc(clients, info, 'campus-sns');
  info.appRunnerGroupId = await securityGroup(clients.ec2, info.vpcId ?? '', {
    name: 'apprunner-connector',
    description: 'Security group for App Runner VPC Connector',
    tags: { Name: 'sg-apprunner' },
    egress: [permission('tcp', 443, { cidrs: ['0.0.0.0/0'] })],
  });
  await clients.ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: info.sgRdsId,
      IpPermissions: [permission('tcp', 5432, { cidrs: ['0.0.0.0/0'] })],
    }),
  );
  const c = await connector(ctx, 'campus-sns-vpc-connector', info.publicSubnetIds ?? [], [info.appRunnerGroupId]);
  info.connectorArn = c.arn;
  const service = await runningService(ctx, { name: 'kyudai-api', databaseUrl: url });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  info.extraServiceArns = [
    (await runningService(ctx, { name: 'kyudai-admin', databaseUrl: url, connectorArn: c.arn })).arn,
  ];
  return info;
}

export const brownfieldSeed: SeedDefinition = {
  name: 'brownfield',
  summary:
    'A half-done manual setup: the group with only 443, the wanted connector on public subnets used by another service, 5432 open to 0.0.0.0/0',
  create,
};
