// `iac-managed`: kyudai-api's connector and its App Runner group were created by a CloudFormation stack
// (`campus-sns-apprunner`: CloudFormation's `aws:cloudformation:*` tags on both, a generated GroupName,
// egress 5432 to the DB's group, 443 and UDP 53), and a second service `kyudai-worker` uses a connector and
// group made by Terraform (`ManagedBy=terraform`). The DB's group (hand-made, Name sg-rds) has no ingress
// yet: the stack's author left the DB side to the DB's owners.
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { connector, permission, runningService, securityGroup } from './build';
import { cloudFormationTags, terraformTags } from './iacTags';
import { plainVpc } from './plainVpc';
import type { SeedDefinition } from './registry';
import { SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

const STACK = 'campus-sns-apprunner';

async function create(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const info: SeedInfo = { seed: 'iac-managed', region: SEED_REGION, privateSubnetIds: [] };
  const url = await plainVpc(clients, info, 'campus-sns');
  const vpcId = info.vpcId ?? '';
  info.appRunnerGroupId = await securityGroup(clients.ec2, vpcId, {
    name: `${STACK}-AppRunnerSecurityGroup-1Q2W3E4R5T6Y7`,
    description: 'App Runner VPC connector',
    tags: { Name: 'sg-apprunner', ...cloudFormationTags(STACK, 'AppRunnerSecurityGroup') },
    egress: [
      permission('tcp', 5432, { groupIds: [info.sgRdsId ?? ''] }),
      permission('tcp', 443, { cidrs: ['0.0.0.0/0'] }),
      permission('udp', 53, { cidrs: ['0.0.0.0/0'] }),
    ],
  });
  const cfn = await connector(
    ctx,
    'campus-sns-vpc-connector',
    info.privateSubnetIds.slice(0, 2),
    [info.appRunnerGroupId],
    cloudFormationTags(STACK, 'VpcConnector'),
  );
  info.connectorArn = cfn.arn;
  const workerGroup = await securityGroup(clients.ec2, vpcId, {
    name: 'kyudai-worker-apprunner-20240611083015123400000002',
    description: 'Managed by Terraform',
    tags: { Name: 'kyudai-worker-apprunner', ...terraformTags() },
    egress: [permission('tcp', 443, { cidrs: ['0.0.0.0/0'] })],
  });
  const tf = await connector(
    ctx,
    'kyudai-worker-connector',
    info.privateSubnetIds.slice(1, 3),
    [workerGroup],
    terraformTags(),
  );
  info.connectorArns = [cfn.arn, tf.arn];
  const service = await runningService(ctx, { name: 'kyudai-api', databaseUrl: url, connectorArn: cfn.arn });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  info.extraServiceArns = [
    (await runningService(ctx, { name: 'kyudai-worker', databaseUrl: url, connectorArn: tf.arn })).arn,
  ];
  return info;
}

export const iacManagedSeed: SeedDefinition = {
  name: 'iac-managed',
  summary:
    'The connector and App Runner group owned by CloudFormation (aws:cloudformation:* tags), another pair by Terraform',
  create,
};
