// An Aurora cluster with no member instance listed (created with the plain `aws` CLI, as a new cluster is
// before its first instance) is still in a VPC: its own DBSubnetGroup gives it (DescribeDBSubnetGroups), so
// the plan targets it there instead of answering "not in a VPC".
import assert from 'node:assert/strict';
import type { DesiredSetup } from '../../src/model/plan/desired';
import { awsCli, cli, useTestCredentials } from './engineSupport';
import { getSandbox, seed } from './support';

describe('an Aurora cluster without a listed member (sandbox)', () => {
  before(() => useTestCredentials());
  beforeEach(() => getSandbox().reset());

  it('plans in the VPC of the cluster own DB subnet group', async () => {
    await awsCli([
      'rds',
      'create-db-cluster',
      '--db-cluster-identifier',
      'kyudai-aurora-new',
      '--engine',
      'aurora-postgresql',
      '--master-username',
      'kyudai',
      '--master-user-password',
      'not-a-real-password-1',
      '--db-subnet-group-name',
      seed().dbSubnetGroupName ?? '',
      '--vpc-security-group-ids',
      seed().sgRdsId ?? '',
    ]);
    const run = await cli(['plan', '--json', '--db-instance', 'kyudai-aurora-new']);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    const doc = JSON.parse(run.stdout) as { desired: DesiredSetup };
    assert.equal(doc.desired.dbInstanceId, 'kyudai-aurora-new');
    assert.equal(doc.desired.vpcId, seed().vpcId);
    assert.equal(doc.desired.dbSecurityGroupId, seed().sgRdsId);
  });

  it("an instance created into the cluster reports the cluster's DB subnet group with its VPC, as RDS does", async () => {
    await awsCli([
      'rds',
      'create-db-cluster',
      '--db-cluster-identifier',
      'kyudai-aurora-new',
      '--engine',
      'aurora-postgresql',
      '--master-username',
      'kyudai',
      '--master-user-password',
      'not-a-real-password-1',
      '--db-subnet-group-name',
      seed().dbSubnetGroupName ?? '',
    ]);
    await awsCli([
      'rds',
      'create-db-instance',
      '--db-instance-identifier',
      'kyudai-aurora-new-1',
      '--db-cluster-identifier',
      'kyudai-aurora-new',
      '--engine',
      'aurora-postgresql',
      '--db-instance-class',
      'db.r6g.large',
    ]);
    const out = JSON.parse(
      await awsCli(['rds', 'describe-db-instances', '--db-instance-identifier', 'kyudai-aurora-new-1']),
    ) as { DBInstances: { DBSubnetGroup?: { DBSubnetGroupName?: string; VpcId?: string; Subnets?: unknown[] } }[] };
    const group = out.DBInstances[0]?.DBSubnetGroup;
    assert.equal(group?.DBSubnetGroupName, seed().dbSubnetGroupName);
    assert.equal(group?.VpcId, seed().vpcId);
    assert.equal(group?.Subnets?.length, seed().privateSubnetIds.length);
  });
});
