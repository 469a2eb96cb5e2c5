// A service whose application has no /db-health handler (runbook 6.3): the sandbox app
// answers 404 there when its environment says SANDBOX_APP_DB_HEALTH=absent. The setup's last step and
// Diagnose say the endpoint is missing (not "failed"), with the code the UI offers the snippet on.
import assert from 'node:assert/strict';
import path from 'node:path';
import { DescribeServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { applyPlan } from '../../src/engine/applyPlan';
import { DB_HEALTH_MISSING } from '../../src/engine/steps/health';
import { cli, setupPlan, useTestCredentials } from './engineSupport';
import { getSandbox, sandboxClients, seed, waitForServiceStatus } from './support';

/** Redeploys the seed's service with one more environment variable, as a user's UpdateService would. */
async function setAppEnvironment(name: string, value: string): Promise<void> {
  const appRunner = sandboxClients().appRunner;
  const arn = seed().serviceArn ?? '';
  const current = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
  const image = current?.SourceConfiguration?.ImageRepository;
  await appRunner.send(
    new UpdateServiceCommand({
      ServiceArn: arn,
      SourceConfiguration: {
        ...current?.SourceConfiguration,
        ImageRepository: {
          ...image,
          ImageIdentifier: image?.ImageIdentifier ?? '',
          ImageRepositoryType: image?.ImageRepositoryType ?? 'ECR_PUBLIC',
          ImageConfiguration: {
            ...image?.ImageConfiguration,
            RuntimeEnvironmentVariables: { ...image?.ImageConfiguration?.RuntimeEnvironmentVariables, [name]: value },
          },
        },
      },
    }),
  );
  await waitForServiceStatus(appRunner, arn, 'RUNNING', 30_000);
}

describe('an application without the db-health endpoint', function () {
  this.timeout(120_000);
  before(() => useTestCredentials());
  beforeEach(async () => {
    await getSandbox().reset();
    await setAppEnvironment('SANDBOX_APP_DB_HEALTH', 'absent');
  });
  after(() => getSandbox().reset());

  it('apply: the network steps are done and the last step says the endpoint is missing, at once, with its code', async () => {
    const { clients, plan: p } = await setupPlan();
    const started = Date.now();
    // A long retry window: a 404 must end the step at once (the app answered), not after the window.
    const result = await applyPlan(clients, p, { pollIntervalMs: 50, healthRetryForMs: 30_000 });
    assert.ok(Date.now() - started < 25_000, 'no retrying on a 404');
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.stepId, 'check-db-health');
    assert.equal(result.error?.code, DB_HEALTH_MISSING);
    assert.match(
      result.error?.message.en ?? '',
      /^DB health endpoint missing: GET http:\/\/127\.0\.0\.1:\d+\/.*\/api\/v1\/db-health answered 404 Not Found/,
    );
    assert.doesNotMatch(result.error?.message.en ?? '', /failed/i);
    assert.match(result.error?.message.ja ?? '', /エンドポイントがありません/);
    assert.equal(result.outcomes.at(-1)?.stepId, 'check-health', 'the health path itself answered');
  });

  it('diagnose --json: the DB health live check is "missing", not unhealthy', async () => {
    const run = await cli(['diagnose', '--json']);
    const doc = JSON.parse(run.stdout) as { live?: { dbHealth: { outcome: string; status?: number } } };
    assert.deepEqual(
      [doc.live?.dbHealth.outcome, doc.live?.dbHealth.status],
      ['missing', 404],
      run.stdout.slice(0, 2000),
    );
    const text = await cli(['diagnose']);
    assert.match(text.stdout, /endpoint missing/);
    // Run from a project without apprunner.yaml (the repository root): the fix names the action, not a runtime.
    assert.match(
      text.stdout,
      /Fix: Add a db-health endpoint\.\.\. writes the handler for the runtime in apprunner\.yaml/,
    );
    assert.deepEqual((JSON.parse(run.stdout) as { dbHealthEndpoint?: unknown }).dbHealthEndpoint, {
      action: 'add-db-health-endpoint',
    });
  });

  it("diagnose in a project whose apprunner.yaml says python311: the report offers the runbook's FastAPI handler file", async () => {
    const here = process.cwd();
    process.chdir(path.join(here, 'sample-workspace'));
    try {
      const text = await cli(['diagnose']);
      assert.match(
        text.stdout,
        /- ✘ \*\*DB health\*\* GET \S+\/api\/v1\/db-health → endpoint missing.*\n {2}- Fix: Add a db-health endpoint\.\.\. writes the FastAPI handler for runtime python311 as `backend\/app\/routers\/health\.py`/,
      );
      const doc = JSON.parse((await cli(['diagnose', '--json'])).stdout) as { dbHealthEndpoint?: unknown };
      assert.deepEqual(doc.dbHealthEndpoint, {
        action: 'add-db-health-endpoint',
        framework: 'FastAPI',
        fileName: 'backend/app/routers/health.py',
        runtime: 'python311',
      });
    } finally {
      process.chdir(here);
    }
  });
});
