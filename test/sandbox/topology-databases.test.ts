// Databases as real accounts have them: an Aurora PostgreSQL cluster with a member instance and an RDS Proxy
// targeting it, created with the SDK in the runbook world, then read by loadTopology (one paginated call per
// kind, DescribeDBProxyTargets once per proxy) and analysed: a DATABASE_URL at the proxy is no mismatch and
// the proxy -> cluster hop is checked.
import assert from 'node:assert/strict';
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  CreateDBProxyCommand,
  RegisterDBProxyTargetsCommand,
} from '@aws-sdk/client-rds';
import { getClients } from '../../src/aws/clients';
import { onAwsRequest } from '../../src/aws/requestLog';
import { loadTopology } from '../../src/aws/topologyLoader';
import { targetByHost } from '../../src/model/topology/databaseTargets';
import { analyzeService } from '../../src/model/diagnosis/reachability';
import type { Topology } from '../../src/model/topology/topology';
import { useTestCredentials } from './engineSupport';
import { getSandbox, sandboxClients, seed, TEST_REGION } from './support';

describe('loadTopology: DB clusters and RDS Proxies', function () {
  this.timeout(60_000);
  let snapshot: Topology;
  let proxyGroupId = '';
  const operations: string[] = [];

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    const { ec2, rds } = sandboxClients();
    const info = seed();
    const proxyGroup = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'kyudai-proxy',
        Description: 'RDS Proxy',
        VpcId: info.vpcId,
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: 'sg-proxy' }] }],
      }),
    );
    proxyGroupId = proxyGroup.GroupId ?? '';
    await ec2.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: proxyGroupId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: info.sgRdsId }] },
        ],
      }),
    );
    await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: 'kyudai-aurora',
        Engine: 'aurora-postgresql',
        MasterUsername: 'app',
        MasterUserPassword: 'not-a-real-password-1',
        DBSubnetGroupName: info.dbSubnetGroupName,
        VpcSecurityGroupIds: [info.sgRdsId ?? ''],
        Port: 5432,
      }),
    );
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'kyudai-aurora-1',
        DBClusterIdentifier: 'kyudai-aurora',
        Engine: 'aurora-postgresql',
        DBInstanceClass: 'db.r6g.large',
        DBSubnetGroupName: info.dbSubnetGroupName,
      }),
    );
    await rds.send(
      new CreateDBProxyCommand({
        DBProxyName: 'kyudai-proxy',
        EngineFamily: 'POSTGRESQL',
        RoleArn: 'arn:aws:iam::123456789012:role/proxy',
        Auth: [
          {
            AuthScheme: 'SECRETS',
            SecretArn: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:proxy-abc',
            IAMAuth: 'DISABLED',
          },
        ],
        VpcSubnetIds: info.privateSubnetIds.slice(0, 2),
        VpcSecurityGroupIds: [proxyGroupId],
      }),
    );
    await rds.send(
      new RegisterDBProxyTargetsCommand({ DBProxyName: 'kyudai-proxy', DBClusterIdentifiers: ['kyudai-aurora'] }),
    );
    const listening = onAwsRequest((r) => operations.push(r.operation));
    try {
      snapshot = await loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
    } finally {
      listening.dispose();
    }
  });

  after(async () => {
    await getSandbox().reset();
  });

  it('reads the cluster with its endpoints, port, groups and members, and the member instance as part of it', () => {
    const cluster = snapshot.dbClusters.find((c) => c.id === 'kyudai-aurora');
    assert.ok(cluster);
    assert.equal(cluster.port, 5432);
    assert.deepEqual(cluster.securityGroupIds, [seed().sgRdsId]);
    assert.ok(cluster.endpointAddress && cluster.readerEndpointAddress, 'writer and reader endpoints');
    assert.deepEqual(cluster.memberIds, ['kyudai-aurora-1']);
    assert.equal(cluster.vpcId, seed().vpcId, "the VPC comes from the member instance's subnet group");
    assert.equal(snapshot.dbInstances.find((d) => d.id === 'kyudai-aurora-1')?.clusterId, 'kyudai-aurora');
    assert.equal(targetByHost(snapshot, cluster.readerEndpointAddress ?? '')?.target.id, 'kyudai-aurora');
  });

  it('reads the proxy with its groups, subnets and its target cluster', () => {
    const proxy = snapshot.dbProxies.find((p) => p.name === 'kyudai-proxy');
    assert.ok(proxy);
    assert.deepEqual(proxy.securityGroupIds, [proxyGroupId]);
    assert.equal(proxy.vpcId, seed().vpcId);
    assert.ok(
      proxy.targets.some((t) => t.type === 'TRACKED_CLUSTER' && t.id === 'kyudai-aurora'),
      JSON.stringify(proxy.targets),
    );
    assert.equal(targetByHost(snapshot, proxy.endpointAddress ?? '')?.target.behind?.id, 'kyudai-aurora');
  });

  it('one paginated call per kind for the region, DescribeDBProxyTargets once per proxy', () => {
    const count = (op: string): number => operations.filter((o) => o === op).length;
    for (const op of ['DescribeDBInstances', 'DescribeDBClusters', 'DescribeDBProxies']) assert.equal(count(op), 1, op);
    assert.equal(count('DescribeDBProxyTargets'), snapshot.dbProxies.length);
  });

  it('a DATABASE_URL at the proxy is matched, and the closed proxy -> cluster hop is reported on the real rules', async () => {
    const proxy = snapshot.dbProxies[0];
    const t: Topology = structuredClone(snapshot);
    const service = t.services.find((s) => s.name === seed().serviceName);
    assert.ok(service?.source);
    service.source.environment = { DATABASE_URL: `postgresql://app:pw@${proxy.endpointAddress}:5432/kyudai` };
    const before = analyzeService(t, service.name, {});
    assert.equal(before.dbKind, 'proxy');
    assert.ok(!before.findings.some((f) => f.id === 'database-url-mismatch'));
    assert.ok(
      before.findings.some((f) => f.id === 'proxy-target-ingress-missing'),
      JSON.stringify(before.findings.map((f) => f.id)),
    );
    // Let the proxy into the cluster's group, as RDS Proxy's setup says, and read the account again.
    await sandboxClients().ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: seed().sgRdsId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: proxyGroupId }] },
        ],
      }),
    );
    const again = await loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
    const s2 = again.services.find((s) => s.name === service.name);
    if (s2?.source) s2.source.environment = service.source.environment;
    const after = analyzeService(again, service.name, {});
    assert.ok(!after.findings.some((f) => f.id.startsWith('proxy-')), JSON.stringify(after.findings.map((f) => f.id)));
  });
});
