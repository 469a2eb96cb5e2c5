// `shared-default`: someone created the connector by hand without choosing a security group, so App Runner
// gave it the VPC's `default` group, and attached it to kyudai-api. The same `default` group is on an EC2
// instance (RunInstances without groups) and on a Lambda function's network interface in the private
// subnets. Changing that group's rules changes what those interfaces can do too.
import { CreateNetworkInterfaceCommand, DescribeSecurityGroupsCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { connector, runningService, tagList } from './build';
import { plainVpc } from './plainVpc';
import type { SeedDefinition } from './registry';
import { SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

/** An Amazon Linux 2 image from moto's built-in list (no DescribeImages: moto loads every AMI for it). */
const AMAZON_LINUX_2 = 'ami-04681a1dbd79675a5';

async function create(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const info: SeedInfo = { seed: 'shared-default', region: SEED_REGION, privateSubnetIds: [] };
  const url = await plainVpc(clients, info, 'campus-sns');
  const ec2 = clients.ec2;
  const groups = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [info.vpcId ?? ''] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  info.defaultGroupId = groups.SecurityGroups?.[0]?.GroupId;
  const c = await connector(ctx, 'campus-sns-vpc-connector', info.privateSubnetIds.slice(0, 2), []);
  info.connectorArn = c.arn;
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: AMAZON_LINUX_2,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: info.privateSubnetIds[0],
      // What AWS shows for an instance launched without groups (moto would list none on the instance).
      SecurityGroupIds: [info.defaultGroupId ?? ''],
      TagSpecifications: [{ ResourceType: 'instance', Tags: tagList({ Name: 'campus-sns-batch' }) }],
    }),
  );
  info.instanceId = run.Instances?.[0]?.InstanceId;
  const eni = await ec2.send(
    new CreateNetworkInterfaceCommand({
      SubnetId: info.privateSubnetIds[1],
      Groups: [info.defaultGroupId ?? ''],
      Description: 'AWS Lambda VPC ENI-campus-sns-notifier-4f1d9c2e-8b7a-4c3d-9e6f-1a2b3c4d5e6f',
    }),
  );
  info.networkInterfaceIds = [
    run.Instances?.[0]?.NetworkInterfaces?.[0]?.NetworkInterfaceId ?? '',
    eni.NetworkInterface?.NetworkInterfaceId ?? '',
  ];
  const service = await runningService(ctx, { name: 'kyudai-api', databaseUrl: url, connectorArn: c.arn });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  return info;
}

export const sharedDefaultSeed: SeedDefinition = {
  name: 'shared-default',
  summary: "A hand-made connector on the VPC's default group, which an EC2 instance and a Lambda ENI also use",
  create,
};
