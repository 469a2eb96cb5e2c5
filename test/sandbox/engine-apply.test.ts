import assert from 'node:assert/strict';
import { assertRunbookState } from './runbookState';
import { accountState, awsCli, cli, useTestCredentials, writeCallCount } from './engineSupport';
import { getSandbox, resetCallCounts, seed } from './support';

describe('apprunner-vpc apply on the seeded world', function () {
  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
  });

  it('plan exits 2 and lists the whole runbook before anything is done', async () => {
    const run = await cli(['plan', '--json']);
    assert.equal(run.code, 2, run.stderr);
    const doc = JSON.parse(run.stdout) as { changes: boolean; plan: { steps: { id: string }[] } };
    assert.equal(doc.changes, true);
    assert.deepEqual(
      doc.plan.steps.map((s) => s.id),
      [
        'create-apprunner-sg',
        'authorize-egress-db',
        'authorize-egress-https',
        'authorize-egress-dns',
        'revoke-default-egress',
        'authorize-db-ingress',
        'create-connector',
        'attach-connector',
        'wait-for-service',
        'check-health',
        'check-db-health',
      ],
    );
    assert.equal((await accountState()).appRunnerGroupIds.length, 0, 'plan created nothing');
  });

  it('apply --yes leaves exactly the runbook state, with db-health connected', async () => {
    const run = await cli(['apply', '--yes']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\[11\/11\] ok: GET .*db-health: HTTP 200 .*"database":"connected"/);
    await assertRunbookState();
  });

  it('a second apply makes zero write calls and plan exits 0', async () => {
    await resetCallCounts();
    const again = await cli(['apply', '--yes']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /No changes/);
    const plan = await cli(['plan']);
    assert.equal(plan.code, 0, plan.stdout);
    assert.equal(await writeCallCount(), 0);
  });

  it('drift: a revoked 5432 ingress is the one planned step, and apply restores it', async () => {
    const state = await accountState();
    await awsCli([
      'ec2',
      'revoke-security-group-ingress',
      '--group-id',
      seed().sgRdsId ?? '',
      '--protocol',
      'tcp',
      '--port',
      '5432',
      '--source-group',
      state.appRunnerGroupIds[0],
    ]);
    const plan = await cli(['plan', '--json']);
    assert.equal(plan.code, 2);
    const steps = (JSON.parse(plan.stdout) as { plan: { steps: { id: string; mutating: boolean }[] } }).plan.steps;
    assert.deepEqual(
      steps.filter((s) => s.mutating).map((s) => s.id),
      ['authorize-db-ingress'],
    );
    assert.deepEqual(
      steps.map((s) => s.id),
      ['authorize-db-ingress', 'check-health', 'check-db-health'],
    );
    const apply = await cli(['apply', '--yes']);
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    await assertRunbookState();
    assert.equal((await cli(['plan'])).code, 0);
  });

  it('detach puts the service back on DEFAULT egress and keeps the connector; re-apply attaches it again', async () => {
    const detach = await cli(['detach', '--yes']);
    assert.equal(detach.code, 0, detach.stdout + detach.stderr);
    const state = await accountState();
    assert.equal(state.service.egressType, 'DEFAULT');
    assert.equal(state.activeConnectors.length, 1);
    const apply = await cli(['apply', '--yes']);
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    assert.match(apply.stdout, /\[1\/4\] Attach campus-sns-vpc-connector/);
    await assertRunbookState();
  });
});
