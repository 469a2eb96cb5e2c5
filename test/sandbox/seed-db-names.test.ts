// The `db-names` seed: two databases in one VPC, and four services that mean ledger-db without a DATABASE_URL
// (PGHOST/PGPORT, DB_HOST/DB_PORT, a CDK JSON secret key by key, SSM parameters). For each way: the fake
// application connects where its client would (its db-health names ledger-db's host), the real CLI's plan
// targets ledger-db's group and says which variable and source named it, and `apply --yes` ends with db-health
// connected. Without --read-secrets the secret-named service gets the candidates and the unread variables, and
// no output ever holds a seeded secret value (a password, the JSON secret).
import assert from 'node:assert/strict';
import type { SeedInfo } from '../../sandbox/seed/seedInfo';
import { cli, type CliRun, useTestCredentials } from './engineSupport';
import { assertConnected, assertNotConnected, dbHealth } from './seedSupport';
import { getSandbox, seed } from './support';

interface PlanJson {
  desired: {
    dbInstanceId: string;
    dbSecurityGroupId: string;
    dbNamedBy?: { by: string; variable?: string; source?: string; form?: string; portVariable?: string };
  };
}

const WAYS = [
  { way: 'libpq', variable: 'PGHOST', source: 'environment', form: 'libpq', secrets: false },
  { way: 'split', variable: 'DB_HOST', source: 'environment', form: 'split', secrets: false },
  { way: 'json-key', variable: 'DB_HOST', source: 'secret', form: 'split', secrets: true },
  { way: 'ssm', variable: 'PGHOST', source: 'secret', form: 'libpq', secrets: true },
] as const;

describe('sandbox seed: db-names (the database named without DATABASE_URL)', function () {
  this.timeout(180_000);
  const outputs: CliRun[] = [];
  let info: SeedInfo;

  async function run(argv: string[]): Promise<CliRun> {
    const r = await cli(argv);
    outputs.push(r);
    return r;
  }

  before(async function () {
    this.timeout(120_000);
    useTestCredentials();
    await getSandbox().reset('db-names');
    info = seed();
  });

  after(async function () {
    this.timeout(120_000);
    await getSandbox().reset('runbook');
  });

  it('has two databases in the region, each with its own group', () => {
    assert.equal(info.dbInstanceIdentifier, 'ledger-db');
    assert.equal(info.otherDbInstanceIdentifier, 'kyudai-db');
    assert.notEqual(info.sgRdsId, info.otherDbGroupId);
    assert.deepEqual(Object.keys(info.namingServices ?? {}).sort(), ['json-key', 'libpq', 'split', 'ssm']);
  });

  it("each service's application connects where its client would: ledger-db's host (not connected: DEFAULT egress)", async () => {
    for (const { way } of WAYS) {
      const service = info.namingServices?.[way];
      const h = await dbHealth(getSandbox(), service?.id ?? '');
      assertNotConnected(h, `${way}: DEFAULT egress`, /egress is DEFAULT/);
      assert.equal(
        h.body.error,
        `connection to server at "${info.dbEndpoint}", port 5432 failed: timeout expired`,
        `${way}: the app resolved ledger-db from its variables`,
      );
    }
  });

  it('without --read-secrets, the JSON-key service is ambiguous: the error lists both databases and the unread variables', async () => {
    const r = await run(['plan', '--json', '--service', info.namingServices?.['json-key'].name ?? '']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /Choose the database .*2 found in ap-northeast-1/);
    assert.match(r.stderr, new RegExp(`DB instance ledger-db: postgres, ${info.dbEndpoint}:5432, ${info.vpcId}`));
    assert.match(r.stderr, /DB instance kyudai-db: postgres, /);
    assert.match(r.stderr, /- DB_HOST is held in a secret that was not read/);
    assert.match(r.stderr, /- DB_PORT is held in a secret that was not read/);
    assert.doesNotMatch(r.stderr, /DB_PASSWORD|DB_USER/, 'credential variables are never offered for reading');
  });

  for (const w of WAYS) {
    it(`${w.way}: the plan targets ledger-db's group, names ${w.variable} (${w.source}), and apply reaches db-health connected`, async function () {
      this.timeout(240_000);
      await getSandbox().reset('db-names');
      info = seed();
      const service = info.namingServices?.[w.way];
      const flags = ['--service', service?.name ?? '', ...(w.secrets ? ['--read-secrets'] : [])];
      const planned = await run(['plan', '--json', ...flags]);
      assert.ok(planned.code === 0 || planned.code === 2, planned.stderr);
      const desired = (JSON.parse(planned.stdout) as PlanJson).desired;
      assert.equal(desired.dbInstanceId, 'ledger-db');
      assert.equal(desired.dbSecurityGroupId, info.sgRdsId);
      assert.deepEqual(
        [desired.dbNamedBy?.by, desired.dbNamedBy?.variable, desired.dbNamedBy?.source, desired.dbNamedBy?.form],
        ['variable', w.variable, w.source, w.form],
      );
      const applied = await run(['apply', '--yes', '--json', ...flags]);
      assert.equal(applied.code, 0, applied.stderr);
      assert.equal((JSON.parse(applied.stdout) as { result: { status: string } }).result.status, 'succeeded');
      assertConnected(await dbHealth(getSandbox(), service?.id ?? ''), `${w.way} after apply`);
    });
  }

  it('no output holds a seeded secret value (passwords, the JSON secret)', () => {
    assert.ok(outputs.length >= 9);
    const values = info.secretValues ?? [];
    assert.ok(values.length >= 3);
    for (const r of outputs)
      for (const v of values) assert.ok(!`${r.stdout}${r.stderr}`.includes(v), 'a secret value in a CLI output');
  });
});
