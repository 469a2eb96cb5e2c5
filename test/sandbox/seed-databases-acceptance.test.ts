// Acceptance on the database/service seeds: on aurora-proxy, secrets, mysql and
// private-service, `apprunner-vpc plan --json` works, `apply --yes` leaves db-health connected (or, for a
// private service, ends succeeded with health "not-checked" and the reason), and `diagnose --json` has no
// false database-url-mismatch / -missing finding. The secret's value appears in no output.
import assert from 'node:assert/strict';
import { DescribeSecurityGroupRulesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Sandbox, SeedInfo } from '../../sandbox/index';
import { cli, type CliRun, useTestCredentials } from './engineSupport';
import { assertConnected, dbHealth, startSeed } from './seedSupport';
import { TEST_CREDENTIALS, TEST_REGION } from './support';

interface PlanJson {
  desired: { dbInstanceId: string; dbPort: number; dbSecurityGroupId: string };
  plan: { warnings: { code: string }[]; notes: { en: string }[] };
}
interface ApplyJson {
  result: { status: string; outcomes: { stepId: string; status: string; detail: { en: string } }[] };
}
interface DiagnoseJson {
  findings: { id: string; message: { en: string } }[];
}

const FALSE_URL_FINDINGS = ['database-url-mismatch', 'database-url-missing'];

function json<T>(run: CliRun, what: string): T {
  assert.ok([0, 2, 3].includes(run.code), `${what} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

function withSeed(
  name: Parameters<typeof startSeed>[0],
  body: (get: () => { sandbox: Sandbox; info: SeedInfo; outputs: string[] }) => void,
): void {
  describe(`seed ${name}`, function () {
    this.timeout(240_000);
    let sandbox: Sandbox | undefined;
    let info: SeedInfo;
    const outputs: string[] = [];
    before(async () => {
      useTestCredentials();
      sandbox = await startSeed(name);
      info = sandbox.seedInfo();
    });
    after(async () => {
      await sandbox?.stop();
    });
    body(() => ({ sandbox: sandbox as Sandbox, info, outputs }));
  });
}

/** The group's rules as DescribeSecurityGroupRules gives them (ids and permissions), sorted. */
async function groupRules(ctx: { sandbox: Sandbox }, groupId: string): Promise<string[]> {
  const ec2 = new EC2Client({ region: TEST_REGION, endpoint: ctx.sandbox.endpoint, credentials: TEST_CREDENTIALS });
  const out = await ec2.send(
    new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }),
  );
  return (out.SecurityGroupRules ?? [])
    .map((r) =>
      JSON.stringify([
        r.SecurityGroupRuleId,
        r.IsEgress,
        r.IpProtocol,
        r.FromPort,
        r.ToPort,
        r.CidrIpv4,
        r.ReferencedGroupInfo?.GroupId,
      ]),
    )
    .sort();
}

async function run(ctx: { sandbox: Sandbox; outputs: string[] }, argv: string[]): Promise<CliRun> {
  const r = await cli(argv, { endpoint: ctx.sandbox.endpoint });
  ctx.outputs.push(r.stdout, r.stderr);
  return r;
}

withSeed('aurora-proxy', (get) => {
  it('plan names the proxy and its group; apply connects through the proxy; diagnose finds no URL mismatch', async () => {
    const ctx = get();
    const planned = json<PlanJson>(await run(ctx, ['plan', '--json']), 'plan');
    assert.equal(planned.desired.dbInstanceId, ctx.info.dbProxyName);
    assert.equal(planned.desired.dbSecurityGroupId, ctx.info.sgProxyId);
    const applied = json<ApplyJson>(await run(ctx, ['apply', '--yes', '--json']), 'apply');
    assert.equal(applied.result.status, 'succeeded');
    assertConnected(await dbHealth(ctx.sandbox, ctx.info.serviceId ?? ''), 'kyudai-api through the proxy');
    const diagnosed = json<DiagnoseJson>(await run(ctx, ['diagnose', '--json']), 'diagnose');
    const ids = diagnosed.findings.map((f) => f.id);
    assert.ok(!ids.some((id) => FALSE_URL_FINDINGS.includes(id) || id.startsWith('proxy-')), ids.join(', '));
  });

  it('the second service at the cluster writer endpoint: the cluster is chosen, apply connects it', async () => {
    const ctx = get();
    const name = ctx.info.secondServiceName ?? '';
    const planned = json<PlanJson>(await run(ctx, ['plan', '--json', '--service', name]), 'plan batch');
    assert.equal(planned.desired.dbInstanceId, ctx.info.dbClusterIdentifier);
    const applied = json<ApplyJson>(await run(ctx, ['apply', '--yes', '--json', '--service', name]), 'apply batch');
    assert.equal(applied.result.status, 'succeeded');
    assertConnected(await dbHealth(ctx.sandbox, ctx.info.secondServiceId ?? ''), 'kyudai-batch at the writer endpoint');
    const ids = json<DiagnoseJson>(
      await run(ctx, ['diagnose', '--json', '--service', name]),
      'diagnose batch',
    ).findings.map((f) => f.id);
    assert.ok(!ids.some((id) => FALSE_URL_FINDINGS.includes(id)), ids.join(', '));
  });
});

withSeed('secrets', (get) => {
  it('Set Up proceeds without reading the secret (one database), apply connects, diagnose names the secret', async () => {
    const ctx = get();
    json<PlanJson>(await run(ctx, ['plan', '--json']), 'plan');
    const applied = json<ApplyJson>(await run(ctx, ['apply', '--yes', '--json']), 'apply');
    assert.equal(applied.result.status, 'succeeded');
    assertConnected(
      await dbHealth(ctx.sandbox, ctx.info.serviceId ?? ''),
      'kyudai-api with its URL in Secrets Manager',
    );
    const findings = json<DiagnoseJson>(await run(ctx, ['diagnose', '--json']), 'diagnose').findings;
    assert.ok(!findings.some((f) => FALSE_URL_FINDINGS.includes(f.id)), findings.map((f) => f.id).join(', '));
    assert.ok(findings.find((f) => f.id === 'database-url-in-secret')?.message.en.includes(ctx.info.secretArn ?? '?'));
  });

  it('with --read-secrets the host is compared; the secret value is in no output', async () => {
    const ctx = get();
    const ids = json<DiagnoseJson>(await run(ctx, ['diagnose', '--json', '--read-secrets']), 'diagnose').findings.map(
      (f) => f.id,
    );
    assert.ok(!ids.some((id) => id.startsWith('database-url')), ids.join(', '));
    await run(ctx, ['plan', '--read-secrets']);
    await run(ctx, ['diagnose', '--read-secrets']);
    const sm = new SecretsManagerClient({
      region: TEST_REGION,
      endpoint: ctx.sandbox.endpoint,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    });
    const value = (await sm.send(new GetSecretValueCommand({ SecretId: ctx.info.secretArn }))).SecretString ?? '';
    const password = /:\/\/[^:]+:([^@]+)@/.exec(value)?.[1];
    assert.ok(password && password.length > 8, 'the seed secret holds a password');
    for (const text of ctx.outputs) {
      assert.ok(!text.includes(password) && !text.includes(value), 'the secret value leaked into an output');
    }
  });
});

withSeed('mysql', (get) => {
  it("port 3306 is followed; the DB's own group is chosen without a flag and the shared one named; db-health connected", async () => {
    const ctx = get();
    // Two groups on the DB, neither called sg-rds: the one only the DB uses is chosen; the shared one stays as it is.
    const sharedBefore = await groupRules(ctx, ctx.info.sgSharedId ?? '');
    const planned = json<PlanJson>(await run(ctx, ['plan', '--json']), 'plan');
    assert.equal(planned.desired.dbPort, 3306);
    assert.equal(planned.desired.dbSecurityGroupId, ctx.info.sgRdsId);
    const note = planned.plan.notes.map((n) => n.en).find((n) => n.includes(ctx.info.sgSharedId ?? '?'));
    assert.match(
      note ?? '',
      new RegExp(
        `the inbound rule goes on sg-mysql \\(kyudai-mysql-db\\) \\(${ctx.info.sgRdsId}\\), which only the database uses; sg-shared \\(shared-tenants\\) \\(${ctx.info.sgSharedId}, also used by eni-`,
      ),
    );
    const applied = json<ApplyJson>(await run(ctx, ['apply', '--yes', '--json']), 'apply');
    assert.equal(applied.result.status, 'succeeded');
    assertConnected(await dbHealth(ctx.sandbox, ctx.info.serviceId ?? ''), 'kyudai-api to MySQL');
    assert.deepEqual(await groupRules(ctx, ctx.info.sgSharedId ?? ''), sharedBefore, 'the shared group is unchanged');
    const ids = json<DiagnoseJson>(await run(ctx, ['diagnose', '--json']), 'diagnose').findings.map((f) => f.id);
    assert.ok(!ids.some((id) => FALSE_URL_FINDINGS.includes(id) || id.endsWith('db-port')), ids.join(', '));
  });
});

withSeed('private-service', (get) => {
  it('apply ends succeeded with both health checks "not-checked" and the reason', async () => {
    const ctx = get();
    const planned = json<PlanJson>(await run(ctx, ['plan', '--json']), 'plan');
    assert.ok(planned.plan.warnings.some((w) => w.code === 'health-not-checked-private'));
    const r = await run(ctx, ['apply', '--yes', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const applied = JSON.parse(r.stdout) as ApplyJson;
    assert.equal(applied.result.status, 'succeeded');
    const health = applied.result.outcomes.filter((o) => o.stepId === 'check-health' || o.stepId === 'check-db-health');
    assert.deepEqual(
      health.map((o) => o.status),
      ['not-checked', 'not-checked'],
    );
    assert.match(health[1].detail.en, /not checked from here \(private service\)/);
  });
});
