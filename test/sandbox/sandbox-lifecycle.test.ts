// The asynchronous life of App Runner changes as the extension sees it through the SDK: UpdateService
// with VPC egress, its operation's progression, the state rules, connector revisions, and rollback.
import assert from 'node:assert/strict';
import * as ar from '@aws-sdk/client-apprunner';
import {
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { expectAwsError, getSandbox, sandboxClients, seed, waitFor, waitForServiceStatus } from './support';

function vpcEgress(arn: string): ar.NetworkConfiguration {
  return { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: arn } };
}

describe('sandbox App Runner lifecycle', function () {
  this.timeout(30_000);
  let appRunner: ar.AppRunnerClient;
  let ec2: EC2Client;
  let groupId = '';
  let connectorArn = '';
  const serviceArn = () => seed().serviceArn ?? '';

  before(async () => {
    await getSandbox().reset();
    ({ appRunner, ec2 } = sandboxClients());
    const sg = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'apprunner-connector',
        Description: 'lifecycle',
        VpcId: seed().vpcId,
      }),
    );
    groupId = sg.GroupId ?? '';
    const conn = await appRunner.send(
      new ar.CreateVpcConnectorCommand({
        VpcConnectorName: 'campus-sns-vpc-connector',
        Subnets: seed().privateSubnetIds.slice(0, 2),
        SecurityGroups: [groupId],
      }),
    );
    connectorArn = conn.VpcConnector?.VpcConnectorArn ?? '';
  });

  it('creates connectors ACTIVE with the documented ARN format', () => {
    assert.match(
      connectorArn,
      /^arn:aws:apprunner:ap-northeast-1:123456789012:vpcconnector\/campus-sns-vpc-connector\/1\/[0-9a-f]{32}$/,
    );
    assert.match(serviceArn(), /^arn:aws:apprunner:ap-northeast-1:123456789012:service\/kyudai-api\/[0-9a-f]{32}$/);
  });

  it('UpdateService with VPC egress: OPERATION_IN_PROGRESS, operation PENDING -> IN_PROGRESS -> SUCCEEDED, then RUNNING', async () => {
    const updated = await appRunner.send(
      new ar.UpdateServiceCommand({ ServiceArn: serviceArn(), NetworkConfiguration: vpcEgress(connectorArn) }),
    );
    assert.equal(updated.Service?.Status, 'OPERATION_IN_PROGRESS');
    const seen: string[] = [];
    await waitFor(
      'the update to finish',
      async () => {
        const ops = await appRunner.send(new ar.ListOperationsCommand({ ServiceArn: serviceArn() }));
        const op = ops.OperationSummaryList?.find((o) => o.Id === updated.OperationId);
        assert.equal(op?.Type, 'UPDATE_SERVICE');
        if (seen.at(-1) !== op?.Status) seen.push(op?.Status ?? '');
        return op?.Status === 'SUCCEEDED' ? true : undefined;
      },
      5_000,
      20,
    );
    assert.deepEqual(seen, ['PENDING', 'IN_PROGRESS', 'SUCCEEDED']);
    const service = await waitForServiceStatus(appRunner, serviceArn());
    assert.deepEqual(service.NetworkConfiguration?.EgressConfiguration, {
      EgressType: 'VPC',
      VpcConnectorArn: connectorArn,
    });
  });

  it('refuses a second UpdateService during the operation with InvalidStateException', async () => {
    await appRunner.send(
      new ar.UpdateServiceCommand({ ServiceArn: serviceArn(), InstanceConfiguration: { Cpu: '2048', Memory: '4096' } }),
    );
    await expectAwsError(
      appRunner.send(new ar.UpdateServiceCommand({ ServiceArn: serviceArn(), InstanceConfiguration: { Cpu: '1024' } })),
      'InvalidStateException',
      400,
    );
    const service = await waitForServiceStatus(appRunner, serviceArn());
    assert.equal(service.InstanceConfiguration?.Cpu, '2048');
  });

  it('refuses to delete a connector a service uses, and keeps it ACTIVE', async () => {
    await expectAwsError(
      appRunner.send(new ar.DeleteVpcConnectorCommand({ VpcConnectorArn: connectorArn })),
      'InvalidRequestException',
      400,
    );
    const out = await appRunner.send(new ar.DescribeVpcConnectorCommand({ VpcConnectorArn: connectorArn }));
    assert.equal(out.VpcConnector?.Status, 'ACTIVE');
  });

  it('after detaching: delete makes it INACTIVE, the name can be reused once, with the next revision', async () => {
    await appRunner.send(
      new ar.UpdateServiceCommand({
        ServiceArn: serviceArn(),
        NetworkConfiguration: { EgressConfiguration: { EgressType: 'DEFAULT' } },
      }),
    );
    await waitForServiceStatus(appRunner, serviceArn());
    const deleted = await appRunner.send(new ar.DeleteVpcConnectorCommand({ VpcConnectorArn: connectorArn }));
    assert.equal(deleted.VpcConnector?.Status, 'INACTIVE');
    assert.ok(deleted.VpcConnector?.DeletedAt instanceof Date);
    const input = {
      VpcConnectorName: 'campus-sns-vpc-connector',
      Subnets: seed().privateSubnetIds.slice(0, 2),
      SecurityGroups: [groupId],
    };
    const again = await appRunner.send(new ar.CreateVpcConnectorCommand(input));
    assert.equal(again.VpcConnector?.VpcConnectorRevision, 2);
    assert.match(again.VpcConnector?.VpcConnectorArn ?? '', /vpcconnector\/campus-sns-vpc-connector\/2\/[0-9a-f]{32}$/);
    await expectAwsError(appRunner.send(new ar.CreateVpcConnectorCommand(input)), 'InvalidRequestException', 400);
    connectorArn = again.VpcConnector?.VpcConnectorArn ?? '';
  });

  it("uses the VPC's default security group when none is given, as AWS does", async () => {
    const conn = await appRunner.send(
      new ar.CreateVpcConnectorCommand({
        VpcConnectorName: 'default-group-conn',
        Subnets: seed().privateSubnetIds.slice(0, 2),
      }),
    );
    const groups = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [seed().vpcId ?? ''] },
          { Name: 'group-name', Values: ['default'] },
        ],
      }),
    );
    assert.deepEqual(conn.VpcConnector?.SecurityGroups, [groups.SecurityGroups?.[0]?.GroupId]);
  });

  it('lets only one of two concurrent creates of the same connector name succeed', async () => {
    const input = {
      VpcConnectorName: 'racing-connector',
      Subnets: seed().privateSubnetIds.slice(0, 2),
      SecurityGroups: [groupId],
    };
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => appRunner.send(new ar.CreateVpcConnectorCommand(input))),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const listed = await appRunner.send(new ar.ListVpcConnectorsCommand({}));
    assert.equal(listed.VpcConnectors?.filter((c) => c.VpcConnectorName === 'racing-connector').length, 1);
  });

  it('fails the update and rolls back when the connector sits in an AZ App Runner does not support', async () => {
    const subnets = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: seed().privateSubnetIds.slice(2) }));
    const azId = subnets.Subnets?.[0]?.AvailabilityZoneId ?? '';
    await getSandbox().configure({ unsupportedAzIds: [azId] });
    try {
      const conn = await appRunner.send(
        new ar.CreateVpcConnectorCommand({
          VpcConnectorName: 'unsupported-az-conn',
          Subnets: seed().privateSubnetIds.slice(1),
          SecurityGroups: [groupId],
        }),
      );
      const arn = conn.VpcConnector?.VpcConnectorArn ?? '';
      const updated = await appRunner.send(
        new ar.UpdateServiceCommand({ ServiceArn: serviceArn(), NetworkConfiguration: vpcEgress(arn) }),
      );
      assert.equal(updated.Service?.NetworkConfiguration?.EgressConfiguration?.EgressType, 'VPC');
      const service = await waitForServiceStatus(appRunner, serviceArn());
      assert.deepEqual(
        service.NetworkConfiguration?.EgressConfiguration,
        { EgressType: 'DEFAULT' },
        'rolled back to the previous configuration',
      );
      const ops = await appRunner.send(new ar.ListOperationsCommand({ ServiceArn: serviceArn(), MaxResults: 1 }));
      assert.equal(ops.OperationSummaryList?.[0]?.Status, 'FAILED');
      assert.ok(ops.NextToken, 'older operations are on the next page');
    } finally {
      await getSandbox().configure({ unsupportedAzIds: [] });
    }
  });
});
