// Export Setup's bash script, run with bash and the real aws CLI against the seeded world: it must leave the
// runbook's state, converge when run again or after drift, and stop with a clear message where the extension
// would make a choice the script does not (a mismatched connector) or in another account.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { resolveDesired } from '../../src/model/plan/desired';
import { setupFromService } from '../../src/model/plan/setupFromService';
import { plan } from '../../src/model/plan/plan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { setupScriptFor } from '../../src/model/plan/setupScript';
import { assertRunbookState } from './runbookState';
import { accountState, awsCli, cli, execFileAsync, ruleKey, useTestCredentials, writeCallCount } from './engineSupport';
import { getSandbox, resetCallCounts, sandboxEnv, seed, TEST_REGION } from './support';

interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `apprunner-vpc export-script`, the CLI's copy of the extension's Export Setup. */
async function exportScript(): Promise<string> {
  const run = await cli(['export-script']);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

/** The model directly, for an account id the sandbox cannot have. */
async function exportScriptFor(accountId: string): Promise<string> {
  const snapshot = await loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
  const desired = setupFromService(snapshot, DEFAULT_SETUP_SETTINGS, 'kyudai-api');
  if (!desired.ok) throw new Error(desired.issues[0].message.en);
  return setupScriptFor(snapshot, desired.desired, {
    accountId,
    generatedAt: '2026-11-28T00:00:00Z',
    lang: 'en',
    basis: desired.basis,
  });
}

async function runScript(script: string): Promise<ScriptRun> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'export-script-')), 'setup.sh');
  writeFileSync(file, script);
  try {
    const { stdout, stderr } = await execFileAsync('bash', [file], {
      env: { ...sandboxEnv(), POLL_SECONDS: '1' },
      timeout: 170_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function operationCount(): Promise<number> {
  const out = JSON.parse(await awsCli(['apprunner', 'list-operations', '--service-arn', seed().serviceArn ?? ''])) as {
    OperationSummaryList: unknown[];
  };
  return out.OperationSummaryList.length;
}

describe('Export Setup: the bash script run with the aws CLI', function () {
  this.timeout(180_000);

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
  });

  it('is valid bash that names every runbook section, and says it is what apply would set up', async () => {
    const script = await exportScript();
    assert.match(
      script,
      /kyudai-api has no active VPC connector attached: this is the setup Set Up VPC Connector proposes/,
    );
    assert.match(script, /if \[ "\$account" != 123456789012 \]/);
    await execFileAsync('bash', ['-n', '-c', script]);
    for (const section of [
      '# 3.1 sg-apprunner',
      '# 3.2 sg-rds',
      '# 4 campus-sns-vpc-connector',
      '# 5.1 kyudai-api',
      '# 6',
    ]) {
      assert.ok(script.includes(section), section);
    }
  });

  it('on the fresh world: leaves exactly the runbook state, db-health connected, and the plan empty', async () => {
    const run = await runScript(await exportScript());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /"database": ?"connected"/);
    await assertRunbookState();
    const snapshot = await loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
    const desired = resolveDesired(snapshot, DEFAULT_SETUP_SETTINGS);
    assert.ok(desired.ok);
    assert.deepEqual(
      plan(snapshot, desired.desired).steps.map((s) => s.id),
      [],
      'the extension sees nothing left to do',
    );
  });

  it('run again (exported now from the attached connector): changes nothing and does not redeploy the service', async () => {
    const before = await accountState();
    const operations = await operationCount();
    const script = await exportScript();
    assert.match(script, /The setup kyudai-api uses now: connector campus-sns-vpc-connector/);
    const run = await runScript(script);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /already so/);
    const after = await assertRunbookState();
    assert.deepEqual(after.appRunnerEgress.map(ruleKey).sort(), before.appRunnerEgress.map(ruleKey).sort());
    assert.deepEqual(after.activeConnectors, before.activeConnectors);
    assert.equal(await operationCount(), operations, 'no UpdateService');
  });

  it('after drift (the DB ingress revoked with the aws CLI): restores exactly that rule', async () => {
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
    const run = await runScript(await exportScript());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    await assertRunbookState();
  });

  it('in another account: stops before any change and says which account the ids belong to', async () => {
    await resetCallCounts();
    const run = await runScript(await exportScriptFor('999999999999'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /These ids belong to account 999999999999; the credentials are for account 123456789012/);
    assert.equal(await writeCallCount(), 0);
  });

  it('a connector of that name with other groups, made after the export: stops with the way out, the service untouched', async () => {
    await getSandbox().reset();
    const info = seed();
    // Exported first: at export time a mismatched connector would give the script the plan's <name>-2 instead.
    const script = await exportScript();
    await awsCli([
      'apprunner',
      'create-vpc-connector',
      '--vpc-connector-name',
      'campus-sns-vpc-connector',
      '--subnets',
      ...info.privateSubnetIds.slice(0, 2),
      '--security-groups',
      info.sgRdsId ?? '',
    ]);
    const operations = await operationCount();
    const run = await runScript(script);
    assert.equal(run.code, 1, run.stdout);
    assert.match(
      run.stderr,
      /Connector campus-sns-vpc-connector exists with other subnets or groups, and connectors cannot be changed/,
    );
    assert.equal((await accountState()).service.egressType, 'DEFAULT');
    assert.equal(await operationCount(), operations, 'no UpdateService');
  });
});
