// The `mysql` seed: a MySQL instance on 3306 with two security groups, one of them shared with another
// tenant (an EC2 instance uses it, and it allows 3306 from that tenant's network). Its shape through the
// AWS API, and db-health before and after the runbook's rules (on 3306, with the real aws CLI).
import assert from 'node:assert/strict';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import type { Sandbox } from '../../sandbox/index';
import { OTHER_TENANT_CIDR } from '../../sandbox/seed/mysqlSeed';
import {
  allowFrom,
  assertConnected,
  assertNotConnected,
  attachConnector,
  awsCli,
  clientsOf,
  dbHealth,
  nameOf,
  runbookRules,
  startSeed,
} from './seedSupport';
import { waitFor } from './support';

describe('sandbox seed: mysql', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;

  before(async function () {
    this.timeout(180_000);
    sandbox = await startSeed('mysql');
  });

  after(async () => {
    await sandbox?.stop();
  });

  it("has a MySQL instance on 3306 in two groups, one of them also on another tenant's EC2 instance", async () => {
    const { ec2, rds } = clientsOf(sandbox);
    const info = sandbox.seedInfo();
    const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'kyudai-mysql' })))
      .DBInstances?.[0];
    assert.equal(db?.Engine, 'mysql');
    assert.equal(db?.Endpoint?.Port, 3306);
    assert.equal(db?.DBInstanceStatus, 'available');
    assert.equal(db?.PubliclyAccessible, false);
    assert.deepEqual(
      db?.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId).sort(),
      [info.sgRdsId, info.sgSharedId].sort(),
    );
    const subnets = await ec2.send(
      new DescribeSubnetsCommand({ SubnetIds: db?.DBSubnetGroup?.Subnets?.map((s) => s.SubnetIdentifier ?? '') }),
    );
    assert.deepEqual(subnets.Subnets?.map((s) => s.AvailabilityZone).sort(), [
      'ap-northeast-1a',
      'ap-northeast-1c',
      'ap-northeast-1d',
    ]);

    const groups =
      (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [info.sgRdsId ?? '', info.sgSharedId ?? ''] })))
        .SecurityGroups ?? [];
    const own = groups.find((g) => g.GroupId === info.sgRdsId);
    const shared = groups.find((g) => g.GroupId === info.sgSharedId);
    assert.equal(nameOf(own?.Tags), 'sg-mysql');
    assert.equal(nameOf(shared?.Tags), 'sg-shared');
    for (const g of groups) assert.doesNotMatch(g.GroupName ?? '', /^sg-/i, 'EC2 refuses GroupNames starting with sg-');
    assert.deepEqual(own?.IpPermissions, []);
    assert.deepEqual(
      shared?.IpPermissions?.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges?.map((r) => r.CidrIp)]),
      [['tcp', 3306, 3306, [OTHER_TENANT_CIDR]]],
    );
    const users = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance.group-id', Values: [info.sgSharedId ?? ''] }] }),
    );
    const instances = users.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    assert.deepEqual(
      instances.map((i) => i.InstanceId),
      [info.sharedInstanceId],
    );
    assert.equal(nameOf(instances[0]?.Tags), 'tenant-b-worker');
  });

  it('points the service at the MySQL endpoint with a mysql:// URL on 3306', async () => {
    const info = sandbox.seedInfo();
    const out = await awsCli<{
      Service: {
        Status: string;
        SourceConfiguration: {
          ImageRepository: { ImageConfiguration: { RuntimeEnvironmentVariables: Record<string, string> } };
        };
      };
    }>(sandbox, ['apprunner', 'describe-service', '--service-arn', info.serviceArn ?? '']);
    assert.equal(out.Service.Status, 'RUNNING');
    const url = new URL(
      out.Service.SourceConfiguration.ImageRepository.ImageConfiguration.RuntimeEnvironmentVariables.DATABASE_URL ?? '',
    );
    assert.deepEqual([url.protocol, url.hostname, url.port], ['mysql:', info.dbEndpoint, '3306']);
  });

  it('is unreachable before the rules (MySQL client wording), reachable after the runbook rules on 3306', async () => {
    const info = sandbox.seedInfo();
    const serviceId = info.serviceId ?? '';
    const before = await dbHealth(sandbox, serviceId);
    assertNotConnected(before, 'DEFAULT egress', /egress is DEFAULT/);
    assert.equal(before.body.error, `(2003, "Can't connect to MySQL server on '${info.dbEndpoint}' (timed out)")`);

    // The rules the runbook writes for 5432 do nothing for a MySQL DB.
    const wrongPort = await runbookRules(sandbox, {
      vpcId: info.vpcId ?? '',
      dbGroupId: info.sgRdsId ?? '',
      port: 5432,
      subnets: info.privateSubnetIds,
    });
    await attachConnector(sandbox, info.serviceArn ?? '', wrongPort.connectorArn);
    assertNotConnected(await dbHealth(sandbox, serviceId), 'rules on 5432 for a DB on 3306', /outbound TCP 3306/);

    await awsCli(sandbox, [
      'ec2',
      'authorize-security-group-egress',
      '--group-id',
      wrongPort.appGroupId,
      '--protocol',
      'tcp',
      '--port',
      '3306',
      '--source-group',
      info.sgRdsId ?? '',
    ]);
    assertNotConnected(await dbHealth(sandbox, serviceId), 'egress on 3306, no ingress yet', /inbound TCP 3306/);
    await allowFrom(sandbox, info.sgRdsId ?? '', 3306, wrongPort.appGroupId);
    assertConnected(await dbHealth(sandbox, serviceId), "egress and ingress on 3306 through the DB's own group");

    // The deployment that follows logs the MySQL connection.
    await awsCli(sandbox, ['apprunner', 'start-deployment', '--service-arn', info.serviceArn ?? '']);
    const { logs } = clientsOf(sandbox);
    await waitFor(
      'the connected log line',
      async () => {
        const events = await logs.send(
          new FilterLogEventsCommand({ logGroupName: `/aws/apprunner/kyudai-api/${serviceId}/application` }),
        );
        return events.events?.some((e) => e.message === 'Successfully connected to database') ? true : undefined;
      },
      20_000,
      200,
    );
  });

  it('counts a 3306 rule on the shared group too, and only one that covers the connector', async () => {
    await sandbox.reset();
    const info = sandbox.seedInfo();
    const serviceId = info.serviceId ?? '';
    const ids = await runbookRules(sandbox, {
      vpcId: info.vpcId ?? '',
      dbGroupId: info.sgSharedId ?? '',
      port: 3306,
      subnets: info.privateSubnetIds,
    });
    // Undo the ingress on the shared group; the other tenant's CIDR rule alone does not cover our subnets.
    await awsCli(sandbox, [
      'ec2',
      'revoke-security-group-ingress',
      '--group-id',
      info.sgSharedId ?? '',
      '--protocol',
      'tcp',
      '--port',
      '3306',
      '--source-group',
      ids.appGroupId,
    ]);
    await attachConnector(sandbox, info.serviceArn ?? '', ids.connectorArn);
    assertNotConnected(
      await dbHealth(sandbox, serviceId),
      "the shared group allows only the other tenant's network",
      /inbound TCP 3306/,
    );
    await allowFrom(sandbox, info.sgSharedId ?? '', 3306, ids.appGroupId);
    assertConnected(await dbHealth(sandbox, serviceId), "any of the DB's groups may carry the rule (as on AWS)");
  });
});
