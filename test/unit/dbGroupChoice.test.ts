// The DB group to change among several, on snapshots shaped like the `mysql` seed: the DB's
// own group (no other interface uses it) is chosen and the shared one is named in the plan; when that is still
// ambiguous the setup refuses with the groups and the setting or flag to choose one.
import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import type { Topology } from '../../src/model/topology/topology';
import { mysqlBefore } from './fixtures/databaseWorlds';
import { IDS } from './fixtures/topologyBuilder';

const SHARED = 'sg-shared1';

/** The mysql seed's shape: the DB on its own group (not called sg-rds) and a group shared with an EC2 worker. */
function mysqlTwoGroups(workerOnOwnGroupToo = false): Topology {
  const t = mysqlBefore();
  const own = t.securityGroups.find((g) => g.id === IDS.sgDb);
  if (!own) throw new Error('fixture without the DB group');
  own.name = 'kyudai-mysql-db';
  own.tags = { Name: 'sg-mysql' };
  t.securityGroups.push({
    id: SHARED,
    name: 'shared-tenants',
    description: 'Shared by the tenants of this VPC',
    vpcId: IDS.vpc,
    tags: { Name: 'sg-shared' },
    rules: [],
  });
  t.dbInstances[0].securityGroupIds = [IDS.sgDb, SHARED];
  t.networkInterfaces = [
    {
      id: 'eni-rds',
      vpcId: IDS.vpc,
      groupIds: [IDS.sgDb, SHARED],
      description: 'RDSNetworkInterface',
      requesterManaged: true,
    },
    {
      id: 'eni-worker',
      vpcId: IDS.vpc,
      groupIds: workerOnOwnGroupToo ? [SHARED, IDS.sgDb] : [SHARED],
      interfaceType: 'interface',
      description: '',
      requesterManaged: false,
    },
  ];
  return t;
}

describe('the DB group among several', () => {
  it('picks the group only the DB uses, and the plan names the shared one as left unchanged', () => {
    const t = mysqlTwoGroups();
    const r = resolveDesired(t, DEFAULT_SETUP_SETTINGS);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    assert.equal(r.desired.dbSecurityGroupId, IDS.sgDb);
    assert.equal(r.desired.dbPort, 3306);
    const p = plan(t, r.desired);
    const note = p.notes.map((n) => n.en).find((n) => n.includes(SHARED));
    assert.ok(note, p.notes.map((n) => n.en).join('\n'));
    assert.match(
      note,
      /the inbound rule goes on sg-mysql \(kyudai-mysql-db\) \(sg-rds1\), which only the database uses; sg-shared \(shared-tenants\) \(sg-shared1, also used by eni-worker \(interface\)\) is left unchanged/,
    );
    assert.match(note, /apprunnerVpc\.databaseSecurityGroupName \(CLI: --db-security-group-name\)/);
    const touched = p.steps.flatMap((s) => JSON.stringify(s).match(/sg-shared1/g) ?? []);
    assert.deepEqual(touched, [], 'no step touches the shared group');
  });

  it('a configured name still decides, by GroupName or Name tag', () => {
    const r = resolveDesired(mysqlTwoGroups(), { ...DEFAULT_SETUP_SETTINGS, databaseSecurityGroupName: 'sg-shared' });
    assert.ok(r.ok && r.desired.dbSecurityGroupId === SHARED && r.desired.dbGroupNote === undefined);
  });

  it('refuses, listing the groups and how to choose, when every group is shared (or several are not)', () => {
    const r = resolveDesired(mysqlTwoGroups(true), DEFAULT_SETUP_SETTINGS);
    assert.ok(!r.ok);
    assert.equal(r.issues[0].code, 'db-group-unknown');
    assert.match(
      r.issues[0].message.en,
      /no security group named "sg-rds" and 2 groups to choose from \(sg-mysql \(kyudai-mysql-db\) sg-rds1, sg-shared \(shared-tenants\) sg-shared1\); every one of them is also used by other resources/,
    );
    assert.match(r.issues[0].message.en, /--db-security-group-name/);
    assert.match(r.issues[0].message.ja, /--db-security-group-name/);
    const unshared = mysqlTwoGroups();
    unshared.networkInterfaces = [];
    const both = resolveDesired(unshared, DEFAULT_SETUP_SETTINGS);
    assert.ok(!both.ok && /2 of them are used only by the database/.test(both.issues[0].message.en));
  });
});
