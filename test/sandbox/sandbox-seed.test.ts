// The seeded worlds: `runbook` matches the runbook's preconditions (section 2) as describe calls see
// them; `scale` adds many services across pages and connectors, some attached.
import assert from 'node:assert/strict';
import * as ar from '@aws-sdk/client-apprunner';
import {
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, DescribeDBSubnetGroupsCommand } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startSandbox } from '../../sandbox/index';
import { getSandbox, sandboxClients, seed, TEST_CREDENTIALS } from './support';

describe('sandbox seeds', function () {
  this.timeout(60_000);

  before(async () => {
    await getSandbox().reset();
  });

  it('runbook: a VPC with DNS support and hostnames, private subnets in 1a/1c/1d routed to a NAT in a public subnet', async () => {
    const { ec2 } = sandboxClients();
    const vpcId = seed().vpcId ?? '';
    const vpc = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
    assert.equal(vpc.Vpcs?.[0]?.CidrBlock, '10.0.0.0/16');
    assert.ok(vpc.Vpcs?.[0]?.Tags?.some((t) => t.Key === 'Name'));
    for (const Attribute of ['enableDnsSupport', 'enableDnsHostnames'] as const) {
      const attr = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute }));
      assert.equal((attr.EnableDnsSupport ?? attr.EnableDnsHostnames)?.Value, true, Attribute);
    }
    const subnets = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: seed().privateSubnetIds }));
    assert.deepEqual(subnets.Subnets?.map((s) => s.AvailabilityZone).sort(), [
      'ap-northeast-1a',
      'ap-northeast-1c',
      'ap-northeast-1d',
    ]);
    const tables = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    const routeOf = (subnetId: string) =>
      tables.RouteTables?.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId))?.Routes?.find(
        (r) => r.DestinationCidrBlock === '0.0.0.0/0',
      );
    for (const id of seed().privateSubnetIds) assert.equal(routeOf(id)?.NatGatewayId, seed().natGatewayId);
    assert.equal(routeOf(seed().publicSubnetId ?? '')?.GatewayId, seed().internetGatewayId);
    const nat = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [seed().natGatewayId ?? ''] }));
    assert.equal(nat.NatGateways?.[0]?.SubnetId, seed().publicSubnetId);
    assert.equal(nat.NatGateways?.[0]?.State, 'available');
  });

  it('runbook: sg-rds without ingress, and kyudai-db (PostgreSQL, 5432) in it over the private subnets', async () => {
    const { ec2, rds } = sandboxClients();
    const sg = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [seed().sgRdsId ?? ''] }));
    // EC2 refuses sg- GroupNames: the runbook's sg-rds is the Name tag, as the console shows it.
    assert.equal(sg.SecurityGroups?.[0]?.GroupName, 'kyudai-db-sg');
    assert.deepEqual(sg.SecurityGroups?.[0]?.Tags, [{ Key: 'Name', Value: 'sg-rds' }]);
    assert.deepEqual(sg.SecurityGroups?.[0]?.IpPermissions, []);
    const group = await rds.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: seed().dbSubnetGroupName }));
    assert.deepEqual(
      group.DBSubnetGroups?.[0]?.Subnets?.map((s) => s.SubnetIdentifier).sort(),
      [...seed().privateSubnetIds].sort(),
    );
    const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'kyudai-db' }))).DBInstances?.[0];
    assert.equal(db?.Engine, 'postgres');
    assert.equal(db?.Endpoint?.Port, 5432);
    assert.equal(db?.DBInstanceStatus, 'available');
    assert.deepEqual(
      db?.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId),
      [seed().sgRdsId],
    );
    assert.equal(db?.PubliclyAccessible, false);
  });

  it('runbook: kyudai-api RUNNING with DEFAULT egress and DATABASE_URL pointing at the DB endpoint', async () => {
    const { appRunner, sts } = sandboxClients();
    const service = (await appRunner.send(new ar.DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
    assert.equal(service?.ServiceName, 'kyudai-api');
    assert.equal(service?.Status, 'RUNNING');
    assert.deepEqual(service?.NetworkConfiguration?.EgressConfiguration, { EgressType: 'DEFAULT' });
    const env = service?.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {};
    const url = new URL(env.DATABASE_URL ?? '');
    assert.equal(url.protocol, 'postgresql:');
    assert.equal(url.hostname, seed().dbEndpoint);
    assert.equal(url.port, '5432');
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '123456789012');
  });

  it('scale: many services across pages and connectors, some attached', async () => {
    const scale = await startSandbox({ seed: 'scale', services: 44, connectors: 3, quiet: true, operationDelayMs: 0 });
    try {
      const client = new ar.AppRunnerClient({
        region: 'ap-northeast-1',
        endpoint: scale.endpoint,
        credentials: TEST_CREDENTIALS,
      });
      const names: string[] = [];
      for await (const page of ar.paginateListServices({ client, pageSize: 20 }, {}))
        names.push(...(page.ServiceSummaryList ?? []).map((s) => s.ServiceName ?? ''));
      assert.equal(names.length, 45);
      const connectors = await client.send(new ar.ListVpcConnectorsCommand({}));
      assert.equal(connectors.VpcConnectors?.length, 3);
      const attached = await client.send(
        new ar.DescribeServiceCommand({ ServiceArn: scale.seedInfo().extraServiceArns?.[2] }),
      );
      assert.equal(attached.Service?.NetworkConfiguration?.EgressConfiguration?.EgressType, 'VPC');
    } finally {
      await scale.stop();
    }
  });

  it('empty: no App Runner resources and only the default VPC', async () => {
    const empty = await startSandbox({ seed: 'empty', quiet: true });
    try {
      const config = { region: 'ap-northeast-1', endpoint: empty.endpoint, credentials: TEST_CREDENTIALS };
      const services = await new ar.AppRunnerClient(config).send(new ar.ListServicesCommand({}));
      assert.deepEqual(services.ServiceSummaryList, []);
      const vpcs = await new EC2Client(config).send(new DescribeVpcsCommand({}));
      assert.deepEqual(
        vpcs.Vpcs?.map((v) => v.IsDefault),
        [true],
      );
    } finally {
      await empty.stop();
    }
  });
});
