// The `private-names` seed: two RDS databases and PostgreSQL on EC2 in one VPC, a Route 53 private hosted zone
// associated with it. `kyudai-api` names ledger-db through the zone's CNAME (DATABASE_URL), `legacy-pg` the EC2
// database by its address (PGHOST). For each: the real CLI's plan targets the right group and says which
// variable (and which zone) named it, and `apply --yes` ends with db-health connected. Before the apply the
// private name does not resolve at all (DEFAULT egress: App Runner's own network has no view of the zone), and
// with DNS hostnames off in the VPC the plan stops before its first write (`private-name-dns-off`).
import assert from 'node:assert/strict';
import type { SeedInfo } from '../../sandbox/seed/seedInfo';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { targetByHost } from '../../src/model/topology/databaseTargets';
import { accountState, awsCli, cli, useTestCredentials, writeCallCount } from './engineSupport';
import { assertConnected, assertNotConnected, dbHealth } from './seedSupport';
import { getSandbox, resetCallCounts, seed, TEST_REGION } from './support';

interface PlanJson {
  desired: {
    dbInstanceId: string;
    dbSecurityGroupId: string;
    dbPort: number;
    dbNamedBy?: {
      by: string;
      variable?: string;
      source?: string;
      form?: string;
      privateName?: { zoneId: string; zoneName: string; chain: string[] };
    };
  };
  plan: { warnings: { code: string; evidence: string[]; blocker?: unknown }[] };
}

describe('sandbox seed: private-names (a Route 53 private zone name, a database on EC2)', function () {
  this.timeout(240_000);
  let info: SeedInfo;

  before(async function () {
    this.timeout(120_000);
    useTestCredentials();
    await getSandbox().reset('private-names');
    info = seed();
  });

  after(async function () {
    this.timeout(120_000);
    await getSandbox().reset('runbook');
  });

  it('before the apply: the private name does not resolve on DEFAULT egress; the EC2 address times out', async () => {
    const dns = await dbHealth(getSandbox(), info.namingServices?.['private-zone'].id ?? '');
    assertNotConnected(dns, 'DEFAULT egress, private name', /private hosted zone internal\.example/);
    assert.equal(
      dns.body.error,
      'could not translate host name "db.internal.example" to address: Temporary failure in name resolution',
    );
    const ec2 = await dbHealth(getSandbox(), info.namingServices?.ec2.id ?? '');
    assertNotConnected(ec2, 'DEFAULT egress, EC2 address', /egress is DEFAULT/);
  });

  it("the region's snapshot (the extension's load) follows the zone and finds the EC2 database", async () => {
    const snapshot = await loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
    assert.equal(targetByHost(snapshot, 'db.internal.example')?.target.id, 'ledger-db');
    assert.equal(targetByHost(snapshot, info.ec2Database?.address ?? '')?.target.id, info.ec2Database?.instanceId);
  });

  it('private zone: the plan targets ledger-db through db.internal.example, and apply reaches db-health connected', async () => {
    await getSandbox().reset('private-names');
    info = seed();
    const service = info.namingServices?.['private-zone'];
    const planned = await cli(['plan', '--json', '--service', service?.name ?? '']);
    assert.equal(planned.code, 2, planned.stderr);
    const { desired } = JSON.parse(planned.stdout) as PlanJson;
    assert.deepEqual([desired.dbInstanceId, desired.dbSecurityGroupId], ['ledger-db', info.sgRdsId]);
    assert.deepEqual(
      [desired.dbNamedBy?.variable, desired.dbNamedBy?.source, desired.dbNamedBy?.form],
      ['DATABASE_URL', 'environment', 'url'],
    );
    assert.deepEqual(desired.dbNamedBy?.privateName, {
      zoneId: info.privateZoneId,
      zoneName: 'internal.example',
      chain: ['db.internal.example', info.dbEndpoint],
    });
    const applied = await cli(['apply', '--yes', '--json', '--service', service?.name ?? '']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assertConnected(await dbHealth(getSandbox(), service?.id ?? ''), 'private name after apply');
  });

  it("database on EC2: the plan targets the instance's group and port from PGHOST's address, and apply connects", async () => {
    await getSandbox().reset('private-names');
    info = seed();
    const service = info.namingServices?.ec2;
    const planned = await cli(['plan', '--json', '--service', service?.name ?? '']);
    assert.equal(planned.code, 2, planned.stderr);
    const { desired } = JSON.parse(planned.stdout) as PlanJson;
    assert.deepEqual(
      [desired.dbInstanceId, desired.dbSecurityGroupId, desired.dbPort],
      [info.ec2Database?.instanceId, info.ec2Database?.groupId, 5432],
    );
    assert.notEqual(desired.dbSecurityGroupId, info.sgRdsId);
    assert.deepEqual([desired.dbNamedBy?.variable, desired.dbNamedBy?.form], ['PGHOST', 'libpq']);
    const applied = await cli(['apply', '--yes', '--json', '--service', service?.name ?? '']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assertConnected(await dbHealth(getSandbox(), service?.id ?? ''), 'EC2 database after apply');
  });

  it('DNS hostnames off: the plan names the private name as a blocker and apply stops before its first write', async () => {
    await getSandbox().reset('private-names');
    info = seed();
    const vpc = info.vpcId ?? '';
    await awsCli(['ec2', 'modify-vpc-attribute', '--vpc-id', vpc, '--no-enable-dns-hostnames']);
    const named = ['--service', info.serviceName ?? ''];
    const planned = await cli(['plan', '--json', ...named]);
    assert.equal(planned.code, 2, planned.stderr);
    const blocker = (JSON.parse(planned.stdout) as PlanJson).plan.warnings.find(
      (w) => w.code === 'private-name-dns-off',
    );
    assert.ok(blocker?.blocker, planned.stdout);
    assert.deepEqual(blocker.evidence, [vpc, 'db.internal.example']);
    await resetCallCounts();
    const run = await cli(['apply', '--yes', ...named]);
    assert.equal(run.code, 4, run.stdout + run.stderr);
    assert.match(run.stdout, /Stopped before the first change: .*db\.internal\.example/);
    assert.equal(await writeCallCount(), 0, 'no write call reached AWS');
    assert.deepEqual((await accountState()).appRunnerGroupIds, [], 'no group created');
    // Going on anyway: the app, now behind the connector, still cannot resolve the name, as the plan said.
    const anyway = await cli(['apply', '--yes', '--ignore-blockers', ...named]);
    assert.equal(anyway.code, 1, anyway.stdout + anyway.stderr);
    const h = await dbHealth(getSandbox(), info.serviceId ?? '');
    assertNotConnected(h, 'DNS hostnames off', /DNS hostnames are off/);
  });
});
