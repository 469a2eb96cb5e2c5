// The `aurora-proxy` seed: an Aurora PostgreSQL cluster (writer and reader endpoints, two instances) behind
// an RDS Proxy with its own group. Its shape through the AWS API (DescribeDBProxyTargets as RDS answers it,
// checked against botocore's rds model), and db-health over the real path: kyudai-api -> proxy -> cluster,
// kyudai-batch -> cluster writer endpoint, before and after the runbook's rules added with the aws CLI.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import {
  DeregisterDBProxyTargetsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBProxiesCommand,
  RegisterDBProxyTargetsCommand,
} from '@aws-sdk/client-rds';
import { botocoreDataDir, validateShape, type ServiceModel } from '../../sandbox/apprunner/model';
import type { Sandbox } from '../../sandbox/index';
import {
  allowFrom,
  assertConnected,
  assertNotConnected,
  attachConnector,
  awsCli,
  awsCliError,
  clientsOf,
  dbHealth,
  nameOf,
  runbookRules,
  startSeed,
} from './seedSupport';

function rdsModel(): ServiceModel {
  const file = path.join(botocoreDataDir(), 'rds', '2014-10-31', 'service-2.json');
  const text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString('utf8');
  return JSON.parse(text) as ServiceModel;
}

interface ProxyTarget {
  Type: string;
  RdsResourceId: string;
  TrackedClusterId?: string;
  Role?: string;
  Endpoint?: string;
  Port?: number;
  TargetHealth?: { State?: string };
}

describe('sandbox seed: aurora-proxy', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;

  before(async function () {
    this.timeout(180_000);
    sandbox = await startSeed('aurora-proxy');
  });

  after(async () => {
    await sandbox?.stop();
  });

  it('has an Aurora PostgreSQL cluster with writer and reader endpoints and a writer and a reader instance', async () => {
    const { rds } = clientsOf(sandbox);
    const info = sandbox.seedInfo();
    const cluster = (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: info.dbClusterIdentifier })))
      .DBClusters?.[0];
    assert.equal(cluster?.Engine, 'aurora-postgresql');
    assert.equal(cluster?.Status, 'available');
    assert.equal(cluster?.Port, 5432);
    assert.equal(cluster?.Endpoint, info.dbClusterEndpoint);
    assert.equal(cluster?.ReaderEndpoint, info.dbClusterReaderEndpoint);
    assert.match(cluster?.Endpoint ?? '', /^kyudai-aurora\.cluster-[a-z0-9]+\.ap-northeast-1\.rds\.amazonaws\.com$/);
    assert.match(
      cluster?.ReaderEndpoint ?? '',
      /^kyudai-aurora\.cluster-ro-[a-z0-9]+\.ap-northeast-1\.rds\.amazonaws\.com$/,
    );
    assert.deepEqual(
      cluster?.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId),
      [info.sgRdsId],
    );
    assert.deepEqual(cluster?.DBClusterMembers?.map((m) => [m.DBInstanceIdentifier, m.IsClusterWriter]).sort(), [
      ['kyudai-aurora-1', true],
      ['kyudai-aurora-2', false],
    ]);
    const instances =
      (
        await rds.send(
          new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['kyudai-aurora'] }] }),
        )
      ).DBInstances ?? [];
    assert.deepEqual(instances.map((i) => [i.DBInstanceIdentifier, i.Engine, i.DBInstanceStatus]).sort(), [
      ['kyudai-aurora-1', 'aurora-postgresql', 'available'],
      ['kyudai-aurora-2', 'aurora-postgresql', 'available'],
    ]);
  });

  it("has an RDS Proxy in its own group, allowed into the cluster's group on 5432, authenticating with a secret", async () => {
    const { ec2, rds } = clientsOf(sandbox);
    const info = sandbox.seedInfo();
    const proxy = (await rds.send(new DescribeDBProxiesCommand({ DBProxyName: 'kyudai-proxy' }))).DBProxies?.[0];
    assert.equal(proxy?.EngineFamily, 'POSTGRESQL');
    assert.equal(proxy?.Status, 'available');
    assert.equal(proxy?.Endpoint, info.dbProxyEndpoint);
    assert.equal(proxy?.VpcId, info.vpcId);
    assert.deepEqual(proxy?.VpcSecurityGroupIds, [info.sgProxyId]);
    assert.deepEqual(
      proxy?.Auth?.map((a) => [a.AuthScheme, a.SecretArn]),
      [['SECRETS', info.secretArn]],
    );
    const secret = await awsCli<{ Name: string }>(sandbox, [
      'secretsmanager',
      'describe-secret',
      '--secret-id',
      info.secretArn ?? '',
    ]);
    assert.equal(secret.Name, 'kyudai/aurora/app');

    const groups =
      (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [info.sgRdsId ?? '', info.sgProxyId ?? ''] })))
        .SecurityGroups ?? [];
    const cluster = groups.find((g) => g.GroupId === info.sgRdsId);
    const proxyGroup = groups.find((g) => g.GroupId === info.sgProxyId);
    assert.deepEqual([nameOf(cluster?.Tags), nameOf(proxyGroup?.Tags)], ['sg-aurora', 'sg-rds-proxy']);
    for (const g of groups) assert.doesNotMatch(g.GroupName ?? '', /^sg-/i);
    assert.deepEqual(
      cluster?.IpPermissions?.map((p) => [
        p.IpProtocol,
        p.FromPort,
        p.ToPort,
        p.UserIdGroupPairs?.map((u) => u.GroupId),
      ]),
      [['tcp', 5432, 5432, [info.sgProxyId]]],
    );
    assert.deepEqual(proxyGroup?.IpPermissions, [], 'nothing may reach the proxy yet');
  });

  it('points kyudai-api at the proxy endpoint and kyudai-batch at the cluster writer endpoint', async () => {
    const info = sandbox.seedInfo();
    const hostOf = async (arn: string) => {
      const out = await awsCli<{
        Service: {
          SourceConfiguration: {
            ImageRepository: { ImageConfiguration: { RuntimeEnvironmentVariables: Record<string, string> } };
          };
        };
      }>(sandbox, ['apprunner', 'describe-service', '--service-arn', arn]);
      return new URL(
        out.Service.SourceConfiguration.ImageRepository.ImageConfiguration.RuntimeEnvironmentVariables.DATABASE_URL ??
          '',
      ).hostname;
    };
    assert.equal(await hostOf(info.serviceArn ?? ''), info.dbProxyEndpoint);
    assert.equal(await hostOf(info.secondServiceArn ?? ''), info.dbClusterEndpoint);
  });

  it("lists the proxy targets as RDS does (tracked cluster plus writer and reader instances), in the rds model's shape", async () => {
    const info = sandbox.seedInfo();
    const out = await awsCli<{ Targets: ProxyTarget[] }>(sandbox, [
      'rds',
      'describe-db-proxy-targets',
      '--db-proxy-name',
      'kyudai-proxy',
    ]);
    const model = rdsModel();
    assert.deepEqual(
      validateShape(model, 'DescribeDBProxyTargetsResponse', out, 'DescribeDBProxyTargets', {
        rejectUnknownMembers: true,
      }),
      [],
    );
    const summary = out.Targets.map((t) => [t.Type, t.RdsResourceId, t.TrackedClusterId, t.Role ?? null, t.Port]);
    assert.deepEqual(summary, [
      ['TRACKED_CLUSTER', 'kyudai-aurora', 'kyudai-aurora', null, 5432],
      ['RDS_INSTANCE', 'kyudai-aurora-1', 'kyudai-aurora', 'READ_WRITE', 5432],
      ['RDS_INSTANCE', 'kyudai-aurora-2', 'kyudai-aurora', 'READ_ONLY', 5432],
    ]);
    assert.equal(out.Targets[0]?.Endpoint, info.dbClusterEndpoint);
    assert.deepEqual(
      out.Targets.slice(1).map((t) => t.TargetHealth?.State),
      ['AVAILABLE', 'AVAILABLE'],
    );

    // The raw XML: every element of a target is a member the model knows (the CLI would drop unknown ones).
    const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const res = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        authorization: `AWS4-HMAC-SHA256 Credential=testing/${date}/ap-northeast-1/rds/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: 'Action=DescribeDBProxyTargets&Version=2014-10-31&DBProxyName=kyudai-proxy',
    });
    const xml = await res.text();
    assert.equal(res.status, 200);
    const known = new Set([
      'member',
      ...Object.keys(model.shapes.DBProxyTarget?.members ?? {}),
      ...Object.keys(model.shapes.TargetHealth?.members ?? {}),
    ]);
    const inside = /<Targets>([\s\S]*)<\/Targets>/.exec(xml)?.[1] ?? '';
    const tags = [...inside.matchAll(/<([A-Za-z]+)>/g)].map((m) => m[1] ?? '');
    assert.ok(tags.length > 10, xml);
    assert.deepEqual(
      tags.filter((t) => !known.has(t)),
      [],
    );
  });

  it("refuses DescribeDBProxyTargets for an unknown proxy or target group with RDS's error codes", async () => {
    assert.equal(
      await awsCliError(sandbox, ['rds', 'describe-db-proxy-targets', '--db-proxy-name', 'no-such-proxy']),
      'DBProxyNotFoundFault',
    );
    assert.equal(
      await awsCliError(sandbox, [
        'rds',
        'describe-db-proxy-targets',
        '--db-proxy-name',
        'kyudai-proxy',
        '--target-group-name',
        'no-such-group',
      ]),
      'DBProxyTargetGroupNotFoundFault',
    );
  });

  it('db-health follows service -> proxy -> cluster for kyudai-api and service -> cluster for kyudai-batch', async () => {
    const info = sandbox.seedInfo();
    const api = info.serviceId ?? '';
    const batch = info.secondServiceId ?? '';
    assertNotConnected(await dbHealth(sandbox, api), 'kyudai-api on DEFAULT egress', /egress is DEFAULT/);
    assertNotConnected(await dbHealth(sandbox, batch), 'kyudai-batch on DEFAULT egress', /egress is DEFAULT/);

    // The runbook's rules aimed at the proxy's group (the DB kyudai-api talks to).
    const ids = await runbookRules(sandbox, {
      vpcId: info.vpcId ?? '',
      dbGroupId: info.sgProxyId ?? '',
      port: 5432,
      subnets: info.privateSubnetIds,
    });
    await Promise.all([
      attachConnector(sandbox, info.serviceArn ?? '', ids.connectorArn),
      attachConnector(sandbox, info.secondServiceArn ?? '', ids.connectorArn),
    ]);
    assertConnected(await dbHealth(sandbox, api), 'connector -> proxy allowed, proxy -> cluster allowed by the seed');
    assertNotConnected(
      await dbHealth(sandbox, batch),
      'rules for the proxy do not open the cluster',
      /outbound TCP 5432 to the DB cluster's security group/,
    );

    await awsCli(sandbox, [
      'ec2',
      'authorize-security-group-egress',
      '--group-id',
      ids.appGroupId,
      '--protocol',
      'tcp',
      '--port',
      '5432',
      '--source-group',
      info.sgRdsId ?? '',
    ]);
    assertNotConnected(
      await dbHealth(sandbox, batch),
      'egress to the cluster, no ingress yet',
      /no DB cluster security group allows inbound TCP 5432/,
    );
    await allowFrom(sandbox, info.sgRdsId ?? '', 5432, ids.appGroupId);
    assertConnected(await dbHealth(sandbox, batch), "the cluster's group now allows the connector's group");

    // The proxy's own path to the cluster: revoke it and kyudai-api loses the database (kyudai-batch does not).
    await awsCli(sandbox, [
      'ec2',
      'revoke-security-group-ingress',
      '--group-id',
      info.sgRdsId ?? '',
      '--protocol',
      'tcp',
      '--port',
      '5432',
      '--source-group',
      info.sgProxyId ?? '',
    ]);
    assertNotConnected(
      await dbHealth(sandbox, api),
      'the cluster no longer lets the proxy in',
      /proxy target DB cluster security group allows inbound TCP 5432 from the RDS Proxy/,
    );
    assertConnected(await dbHealth(sandbox, batch), 'direct path unaffected');
    await allowFrom(sandbox, info.sgRdsId ?? '', 5432, info.sgProxyId ?? '');
    assertConnected(await dbHealth(sandbox, api), 'the proxy is allowed in again');
  });

  it('a proxy with no registered target does not reach the database', async () => {
    const { rds } = clientsOf(sandbox);
    const info = sandbox.seedInfo();
    await rds.send(
      new DeregisterDBProxyTargetsCommand({ DBProxyName: 'kyudai-proxy', DBClusterIdentifiers: ['kyudai-aurora'] }),
    );
    try {
      assertNotConnected(await dbHealth(sandbox, info.serviceId ?? ''), 'no targets', /no registered target/);
    } finally {
      await rds.send(
        new RegisterDBProxyTargetsCommand({ DBProxyName: 'kyudai-proxy', DBClusterIdentifiers: ['kyudai-aurora'] }),
      );
    }
  });
});
