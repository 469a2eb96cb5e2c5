// brownfield: the group with only 443, the wanted connector name taken by a connector on the public subnets
// that kyudai-admin uses, 5432 open to 0.0.0.0/0. Public subnets never reach the internet for App Runner.
import assert from 'node:assert/strict';
import { DescribeServiceCommand, DescribeVpcConnectorCommand } from '@aws-sdk/client-apprunner';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import {
  assertTruth,
  attachNewConnector,
  awsError,
  defaultRouteTarget,
  runbookEgress,
  runbookIngress,
  tagMap,
  useSeed,
} from './seedWorld';
import { sandboxClients, seed } from './support';

describe('seed brownfield', function () {
  this.timeout(300_000);
  useSeed('brownfield');

  it('has the App Runner group with only the 443 rule and the DB port open to 0.0.0.0/0', async () => {
    const { ec2 } = sandboxClients();
    const groups =
      (
        await ec2.send(
          new DescribeSecurityGroupsCommand({ GroupIds: [seed().appRunnerGroupId ?? '', seed().sgRdsId ?? ''] }),
        )
      ).SecurityGroups ?? [];
    const app = groups.find((g) => g.GroupId === seed().appRunnerGroupId);
    assert.equal(app?.GroupName, 'apprunner-connector');
    assert.equal(tagMap(app?.Tags).Name, 'sg-apprunner');
    assert.deepEqual(
      app?.IpPermissionsEgress?.map((p) => [p.IpProtocol, p.FromPort, p.IpRanges?.map((r) => r.CidrIp)]),
      [['tcp', 443, ['0.0.0.0/0']]],
    );
    const db = groups.find((g) => g.GroupId === seed().sgRdsId);
    assert.deepEqual(
      db?.IpPermissions?.map((p) => [p.IpProtocol, p.FromPort, p.IpRanges?.map((r) => r.CidrIp)]),
      [['tcp', 5432, ['0.0.0.0/0']]],
    );
  });

  it('has campus-sns-vpc-connector on the public subnets, used by kyudai-admin, while kyudai-api is DEFAULT', async () => {
    const { appRunner } = sandboxClients();
    const connector = (await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: seed().connectorArn })))
      .VpcConnector;
    assert.equal(connector?.VpcConnectorName, 'campus-sns-vpc-connector');
    assert.deepEqual(connector?.Subnets?.sort(), [...(seed().publicSubnetIds ?? [])].sort());
    for (const s of connector?.Subnets ?? [])
      assert.equal(await defaultRouteTarget(seed().vpcId ?? '', s), seed().internetGatewayId, `${s} is public`);
    const admin = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().extraServiceArns?.[0] })))
      .Service;
    assert.equal(admin?.ServiceName, 'kyudai-admin');
    assert.equal(admin?.NetworkConfiguration?.EgressConfiguration?.VpcConnectorArn, seed().connectorArn);
    const api = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
    assert.equal(api?.NetworkConfiguration?.EgressConfiguration?.EgressType, 'DEFAULT');
  });

  it('ground truth: public subnets give no internet; finishing the runbook on a new private connector reaches both', async () => {
    const api = seed().serviceArn ?? '';
    const admin = seed().extraServiceArns?.[0] ?? '';
    await assertTruth(api, { database: false, internet: true }, 'kyudai-api DEFAULT');
    const adminBefore = await assertTruth(
      admin,
      { database: false, internet: false },
      'kyudai-admin on the public subnets, no 5432 out',
    );
    assert.match(adminBefore.why, /no public IP/);
    const appGroup = seed().appRunnerGroupId ?? '';
    await runbookEgress(appGroup, seed().sgRdsId ?? '', ['5432', '53']);
    await runbookIngress(seed().sgRdsId ?? '', appGroup);
    const taken = await awsError(
      'apprunner',
      'create-vpc-connector',
      '--vpc-connector-name',
      'campus-sns-vpc-connector',
      '--subnets',
      JSON.stringify(seed().privateSubnetIds.slice(0, 2)),
      '--security-groups',
      JSON.stringify([appGroup]),
    );
    assert.match(taken, /InvalidRequestException/);
    await attachNewConnector(api, 'campus-sns-vpc-connector-private', seed().privateSubnetIds.slice(0, 2), [appGroup]);
    await assertTruth(api, { database: true, internet: true }, 'kyudai-api on the private connector');
    await assertTruth(admin, { database: true, internet: false }, 'kyudai-admin: DB now reachable, still no internet');
  });
});
