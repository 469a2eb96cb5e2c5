// shared-default: a connector made without groups carries the VPC's `default` group, which an EC2
// instance and a Lambda ENI also use. The runbook's own group and connector fix the service without it.
import assert from 'node:assert/strict';
import { DescribeServiceCommand, DescribeVpcConnectorCommand } from '@aws-sdk/client-apprunner';
import {
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
} from '@aws-sdk/client-ec2';
import { assertTruth, attachNewConnector, createRunbookGroup, runbookIngress, useSeed } from './seedWorld';
import { sandboxClients, seed } from './support';

describe('seed shared-default', function () {
  this.timeout(300_000);
  useSeed('shared-default');

  it("attaches a connector whose only group is the VPC's default group", async () => {
    const { appRunner, ec2 } = sandboxClients();
    const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
    const connectorArn = service?.NetworkConfiguration?.EgressConfiguration?.VpcConnectorArn;
    assert.equal(connectorArn, seed().connectorArn);
    const connector = (await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: connectorArn })))
      .VpcConnector;
    assert.equal(connector?.SecurityGroups?.length, 1);
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: connector?.SecurityGroups })))
      .SecurityGroups?.[0];
    assert.equal(group?.GroupName, 'default');
    assert.equal(group?.VpcId, seed().vpcId);
  });

  it('shares that group with an EC2 instance and a Lambda network interface', async () => {
    const { ec2 } = sandboxClients();
    const enis =
      (
        await ec2.send(
          new DescribeNetworkInterfacesCommand({
            Filters: [{ Name: 'group-id', Values: [seed().defaultGroupId ?? ''] }],
          }),
        )
      ).NetworkInterfaces ?? [];
    assert.ok(
      enis.some((e) => e.Attachment?.InstanceId === seed().instanceId),
      "the instance's interface",
    );
    assert.ok(
      enis.some((e) => /^AWS Lambda VPC ENI-/.test(e.Description ?? '')),
      'a Lambda ENI',
    );
    const instance = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [seed().instanceId ?? ''] })))
      .Reservations?.[0]?.Instances?.[0];
    assert.deepEqual(
      instance?.SecurityGroups?.map((g) => g.GroupId),
      [seed().defaultGroupId],
    );
  });

  it('ground truth: the default group reaches the internet but not the DB; the runbook group and a new connector reach both', async () => {
    const { ec2 } = sandboxClients();
    const arn = seed().serviceArn ?? '';
    const before = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [seed().defaultGroupId ?? ''] })))
      .SecurityGroups?.[0];
    await assertTruth(arn, { database: false, internet: true }, 'default group: allow-all out, DB accepts nothing');
    const appGroup = await createRunbookGroup(seed().vpcId ?? '', seed().sgRdsId ?? '');
    await runbookIngress(seed().sgRdsId ?? '', appGroup);
    await attachNewConnector(arn, 'kyudai-api-connector', seed().privateSubnetIds.slice(0, 2), [appGroup]);
    await assertTruth(arn, { database: true, internet: true }, 'the runbook group on its own connector');
    const after = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [seed().defaultGroupId ?? ''] })))
      .SecurityGroups?.[0];
    assert.deepEqual(
      [after?.IpPermissions, after?.IpPermissionsEgress],
      [before?.IpPermissions, before?.IpPermissionsEgress],
      'default group untouched',
    );
  });
});
