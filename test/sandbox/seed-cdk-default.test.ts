// cdk-default: the AWS CDK ec2.Vpc layout (public / private-with-egress / isolated, a NAT per AZ), the DB in
// the isolated subnets. A connector there reaches the DB but not the internet; on the private ones, both.
import assert from 'node:assert/strict';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import {
  DescribeNatGatewaysCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, DescribeDBSubnetGroupsCommand } from '@aws-sdk/client-rds';
import {
  assertTruth,
  attachNewConnector,
  createRunbookGroup,
  defaultRouteTarget,
  runbookIngress,
  tagMap,
  useSeed,
} from './seedWorld';
import { sandboxClients, seed } from './support';

describe('seed cdk-default', function () {
  this.timeout(300_000);
  useSeed('cdk-default');

  it('has CDK’s three tiers over three AZs, each public subnet with its own NAT, and CloudFormation’s tags', async () => {
    const { ec2 } = sandboxClients();
    const vpcId = seed().vpcId ?? '';
    const vpc = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0];
    assert.equal(tagMap(vpc?.Tags)['aws:cloudformation:stack-name'], 'CampusSnsStack');
    assert.equal(tagMap(vpc?.Tags).Name, 'CampusSnsStack/Vpc');
    const subnets =
      (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets ?? [];
    const tier = (type: string) => subnets.filter((s) => tagMap(s.Tags)['aws-cdk:subnet-type'] === type);
    for (const type of ['Public', 'Private', 'Isolated']) {
      assert.deepEqual(
        tier(type)
          .map((s) => s.AvailabilityZone)
          .sort(),
        ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
        type,
      );
    }
    assert.deepEqual(
      tier('Private')
        .map((s) => s.SubnetId)
        .sort(),
      [...seed().privateSubnetIds].sort(),
    );
    assert.deepEqual(
      tier('Isolated')
        .map((s) => s.SubnetId)
        .sort(),
      [...(seed().isolatedSubnetIds ?? [])].sort(),
    );
    const nats =
      (await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NatGateways ??
      [];
    assert.equal(nats.length, 3, 'one NAT gateway per AZ');
    const azOf = (id?: string) => subnets.find((s) => s.SubnetId === id)?.AvailabilityZone;
    for (const s of tier('Public'))
      assert.equal(await defaultRouteTarget(vpcId, s.SubnetId ?? ''), seed().internetGatewayId);
    for (const s of tier('Private')) {
      const target = await defaultRouteTarget(vpcId, s.SubnetId ?? '');
      const natOfRoute = nats.find((n) => n.NatGatewayId === target);
      assert.ok(natOfRoute, `${s.SubnetId} routes to a NAT gateway`);
      assert.equal(azOf(natOfRoute.SubnetId), s.AvailabilityZone, 'the NAT of its own AZ');
      assert.equal(
        tier('Public').some((p) => p.SubnetId === natOfRoute.SubnetId),
        true,
        'the NAT sits in a public subnet',
      );
    }
    for (const s of tier('Isolated'))
      assert.equal(await defaultRouteTarget(vpcId, s.SubnetId ?? ''), undefined, 'isolated: no default route');
  });

  it('puts the PostgreSQL DB in the isolated subnets with its own generated group, and kyudai-api (DEFAULT egress) names it', async () => {
    const { ec2, rds, appRunner } = sandboxClients();
    const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: seed().dbInstanceIdentifier })))
      .DBInstances?.[0];
    assert.equal(db?.Engine, 'postgres');
    assert.equal(db?.Endpoint?.Port, 5432);
    const group = (
      await rds.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: db?.DBSubnetGroup?.DBSubnetGroupName }))
    ).DBSubnetGroups?.[0];
    assert.deepEqual(
      group?.Subnets?.map((s) => s.SubnetIdentifier).sort(),
      [...(seed().isolatedSubnetIds ?? [])].sort(),
    );
    const sgId = db?.VpcSecurityGroups?.[0]?.VpcSecurityGroupId ?? '';
    const sg = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [sgId] }))).SecurityGroups?.[0];
    assert.doesNotMatch(sg?.GroupName ?? '', /^sg-/i);
    assert.deepEqual(sg?.IpPermissions, []);
    assert.equal(tagMap(sg?.Tags)['aws:cloudformation:logical-id'], 'DatabaseSecurityGroup7319C0F6');
    const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
    assert.equal(service?.NetworkConfiguration?.EgressConfiguration?.EgressType, 'DEFAULT');
    const url = new URL(
      service?.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables?.DATABASE_URL ??
        '',
    );
    assert.equal(url.hostname, db?.Endpoint?.Address);
  });

  it('ground truth: isolated connector reaches the DB but not the internet; private-with-egress reaches both', async () => {
    const arn = seed().serviceArn ?? '';
    await assertTruth(arn, { database: false, internet: true }, 'DEFAULT egress');
    const appGroup = await createRunbookGroup(seed().vpcId ?? '', seed().sgRdsId ?? '');
    await runbookIngress(seed().sgRdsId ?? '', appGroup);
    await attachNewConnector(arn, 'isolated-connector', (seed().isolatedSubnetIds ?? []).slice(0, 2), [appGroup]);
    const isolated = await assertTruth(arn, { database: true, internet: false }, 'connector on the isolated subnets');
    assert.match(isolated.why, /no route to the internet/);
    await attachNewConnector(arn, 'campus-sns-vpc-connector', seed().privateSubnetIds.slice(0, 2), [appGroup]);
    await assertTruth(arn, { database: true, internet: true }, 'connector on the private-with-egress subnets');
  });
});
