// DNS egress on the sandbox: with `--dns-egress vpcResolverOnly` the CLI's apply and the exported
// script set up the runbook without any port 53 rule, converge, and db-health still connects (the VPC's Amazon
// resolver is not filtered by security groups, and the sandbox's ground truth follows AWS there). A runbook
// setup already in place keeps its 53 rule: the setting never revokes it; the diagnosis names it in a note.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accountState, cli, execFileAsync, ruleKey, useTestCredentials } from './engineSupport';
import { assertConnected, dbHealth } from './seedSupport';
import { getSandbox, sandboxEnv, seed } from './support';

const NARROW = ['--dns-egress', 'vpcResolverOnly'];

interface ApplyJson {
  result: { status: string; outcomes: { stepId: string; status: string }[] };
}
interface PlanJson {
  plan: { steps: { id: string }[]; notes: { en: string }[] };
}
interface DiagnoseJson {
  findings: { id: string }[];
  notes: { en: string }[];
}

async function json<T>(argv: string[], codes: number[]): Promise<T> {
  const run = await cli([...argv, '--json']);
  assert.ok(codes.includes(run.code), `${argv.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

const port53 = (rules: { FromPort?: number; ToPort?: number }[]): string[] =>
  rules
    .filter((r) => (r.FromPort ?? 0) <= 53 && 53 <= (r.ToPort ?? 0) && r.FromPort !== -1)
    .map((r) => ruleKey(r as never));

describe('dnsEgress = vpcResolverOnly against the sandbox', function () {
  this.timeout(240_000);

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
  });

  it('apply --yes: succeeds with no port 53 rule; db-health connected; the plan is then empty (converged)', async () => {
    const planned = await json<PlanJson>(['plan', ...NARROW], [2]);
    assert.ok(!planned.plan.steps.some((s) => s.id.startsWith('authorize-egress-dns')));
    assert.ok(planned.plan.notes.some((n) => n.en.includes('dnsEgress = vpcResolverOnly')));
    const applied = await json<ApplyJson>(['apply', '--yes', ...NARROW], [0]);
    assert.equal(applied.result.status, 'succeeded');
    assert.equal(applied.result.outcomes.find((o) => o.stepId === 'check-db-health')?.status, 'done');
    const state = await accountState();
    assert.deepEqual(port53(state.appRunnerEgress), [], 'no UDP/TCP 53 egress rule');
    assert.deepEqual(
      state.appRunnerEgress.map(ruleKey).sort(),
      [`tcp 443 443 0.0.0.0/0`, `tcp 5432 5432 ${seed().sgRdsId}`].sort(),
    );
    assertConnected(await dbHealth(getSandbox(), seed().serviceId ?? ''), 'kyudai-api with no port 53 rule');
    assert.deepEqual((await json<PlanJson>(['plan', ...NARROW], [0])).plan.steps, []);
    // The runbook's setting would add exactly the 53 rule: the two differ in that rule only.
    assert.deepEqual(
      (await json<PlanJson>(['plan'], [2])).plan.steps.map((s) => s.id).filter((id) => !id.startsWith('check-')),
      ['authorize-egress-dns'],
    );
  });

  it('diagnose: no missing-DNS warning under the setting, a note with the reason; the warning without it', async () => {
    const chosen = await json<DiagnoseJson>(['diagnose', ...NARROW], [0, 3]);
    assert.ok(!chosen.findings.some((f) => f.id === 'sg-egress-missing-dns'));
    assert.ok(chosen.notes.some((n) => n.en.includes('as the setting dnsEgress = vpcResolverOnly chose')));
    const runbook = await json<DiagnoseJson>(['diagnose'], [0, 3]);
    assert.ok(runbook.findings.some((f) => f.id === 'sg-egress-missing-dns'));
  });

  it('the exported script with the setting: runs with the aws CLI, adds no 53 rule, db-health connected', async () => {
    await getSandbox().reset();
    const exported = await cli(['export-script', ...NARROW]);
    assert.equal(exported.code, 0, exported.stderr);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dns-egress-')), 'setup.sh');
    writeFileSync(file, exported.stdout);
    const { stdout } = await execFileAsync('bash', [file], {
      env: { ...sandboxEnv(), POLL_SECONDS: '1' },
      timeout: 170_000,
    });
    assert.match(stdout, /"database": ?"connected"/);
    assert.deepEqual(port53((await accountState()).appRunnerEgress), []);
  });

  it('a runbook setup in place: the setting plans nothing and leaves the 53 rule; diagnose names the narrower option', async () => {
    await getSandbox().reset();
    await json<ApplyJson>(['apply', '--yes'], [0]);
    const before = port53((await accountState()).appRunnerEgress);
    assert.deepEqual(before, ['udp 53 53 0.0.0.0/0']);
    assert.deepEqual((await json<PlanJson>(['plan', ...NARROW], [0])).plan.steps, []);
    await json<ApplyJson>(['apply', '--yes', ...NARROW], [0]);
    assert.deepEqual(port53((await accountState()).appRunnerEgress), before, 'not revoked');
    const diagnosed = await json<DiagnoseJson>(['diagnose'], [0, 3]);
    assert.ok(
      diagnosed.notes.some((n) => n.en.includes('allow UDP 53 to any address') && n.en.includes('docs.aws.amazon.com')),
    );
  });
});
