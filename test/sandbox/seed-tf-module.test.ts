// tf-module: terraform-aws-modules/vpc with one NAT gateway for every private subnet and a database route
// table without a default route; a connector on private subnets in other AZs still goes out through it.
import assert from 'node:assert/strict';
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
  routeTableOf,
  runbookIngress,
  tagMap,
  useSeed,
} from './seedWorld';
import { sandboxClients, seed } from './support';

describe('seed tf-module', function () {
  this.timeout(300_000);
  useSeed('tf-module');

  it("has the module's public, private and db subnets, ONE NAT gateway in 1a for all private subnets, and Terraform's tags", async () => {
    const { ec2 } = sandboxClients();
    const vpcId = seed().vpcId ?? '';
    const vpc = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0];
    assert.deepEqual(tagMap(vpc?.Tags), {
      Name: 'campus-sns',
      ManagedBy: 'terraform',
      Terraform: 'true',
      Environment: 'dev',
    });
    const subnets =
      (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets ?? [];
    const tier = (suffix: string) =>
      subnets.filter((s) => tagMap(s.Tags).Name?.startsWith(`campus-sns-${suffix}-`)).map((s) => s.SubnetId ?? '');
    assert.deepEqual(tier('private').sort(), [...seed().privateSubnetIds].sort());
    assert.deepEqual(tier('db').sort(), [...(seed().isolatedSubnetIds ?? [])].sort());
    assert.equal(tier('public').length, 3);
    const nats =
      (await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NatGateways ??
      [];
    assert.equal(nats.length, 1, 'single_nat_gateway');
    assert.equal(subnets.find((s) => s.SubnetId === nats[0]?.SubnetId)?.AvailabilityZone, 'ap-northeast-1a');
    const privateTables = new Set<string>();
    for (const id of tier('private')) {
      assert.equal(await defaultRouteTarget(vpcId, id), nats[0]?.NatGatewayId);
      privateTables.add((await routeTableOf(vpcId, id))?.RouteTableId ?? '');
    }
    assert.equal(privateTables.size, 1, 'one campus-sns-private route table');
    for (const id of tier('db')) {
      assert.equal(await defaultRouteTarget(vpcId, id), undefined);
      assert.equal(tagMap((await routeTableOf(vpcId, id))?.Tags).Name, 'campus-sns-db');
    }
    for (const id of tier('public')) assert.equal(await defaultRouteTarget(vpcId, id), seed().internetGatewayId);
  });

  it('puts the DB in the database subnet group, in a Terraform group without egress or ingress', async () => {
    const { ec2, rds } = sandboxClients();
    const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'campus-sns-postgres' })))
      .DBInstances?.[0];
    assert.equal(db?.DBSubnetGroup?.DBSubnetGroupName, 'campus-sns');
    const group = (await rds.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: 'campus-sns' })))
      .DBSubnetGroups?.[0];
    assert.deepEqual(
      group?.Subnets?.map((s) => s.SubnetIdentifier).sort(),
      [...(seed().isolatedSubnetIds ?? [])].sort(),
    );
    const sg = (
      await ec2.send(
        new DescribeSecurityGroupsCommand({ GroupIds: [db?.VpcSecurityGroups?.[0]?.VpcSecurityGroupId ?? ''] }),
      )
    ).SecurityGroups?.[0];
    assert.deepEqual([sg?.IpPermissions, sg?.IpPermissionsEgress], [[], []]);
    assert.equal(tagMap(sg?.Tags).ManagedBy, 'terraform');
  });

  it('ground truth: a connector on the private subnets of 1c and 1d reaches the DB and, through the NAT in 1a, the internet', async () => {
    const arn = seed().serviceArn ?? '';
    await assertTruth(arn, { database: false, internet: true }, 'DEFAULT egress');
    const appGroup = await createRunbookGroup(seed().vpcId ?? '', seed().sgRdsId ?? '');
    await attachNewConnector(arn, 'campus-sns-vpc-connector', seed().privateSubnetIds.slice(1, 3), [appGroup]);
    await assertTruth(arn, { database: false, internet: true }, 'attached, before the DB accepts 5432');
    await runbookIngress(seed().sgRdsId ?? '', appGroup);
    await assertTruth(arn, { database: true, internet: true }, 'with the runbook rules');
  });
});
