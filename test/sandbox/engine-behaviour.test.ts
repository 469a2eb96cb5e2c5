import assert from 'node:assert/strict';
import { CreateVpcConnectorCommand, StartDeploymentCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { applyPlan } from '../../src/engine/applyPlan';
import { assertRunbookState } from './runbookState';
import { accountState, awsCli, cli, setupPlan, useTestCredentials } from './engineSupport';
import { getSandbox, sandboxClients, seed, waitForServiceStatus } from './support';

describe('apply engine behaviour', function () {
  before(() => useTestCredentials());
  beforeEach(() => getSandbox().reset());

  it('reports a failed deployment that App Runner rolled back (connector in an unsupported AZ)', async () => {
    const subnets = await sandboxClients().ec2.send(
      new DescribeSubnetsCommand({ SubnetIds: [seed().privateSubnetIds[0]] }),
    );
    await getSandbox().configure({ unsupportedAzIds: [subnets.Subnets?.[0]?.AvailabilityZoneId ?? ''] });
    const run = await cli(['apply', '--yes', '--json']);
    assert.equal(run.code, 1);
    const doc = JSON.parse(run.stdout) as {
      result: { error: { stepId: string; kind: string; message: { en: string } } };
    };
    assert.equal(doc.result.error.stepId, 'wait-for-service');
    assert.equal(doc.result.error.kind, 'rollback');
    assert.match(doc.result.error.message.en, /deployment of kyudai-api failed .*rolled back/);
    assert.equal((await accountState()).service.egressType, 'DEFAULT');
  });

  it('waits for an operation already in progress instead of fighting it', async () => {
    await getSandbox().configure({ operationDelayMs: 3_000 });
    await sandboxClients().appRunner.send(new StartDeploymentCommand({ ServiceArn: seed().serviceArn }));
    const run = await cli(['apply', '--yes']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\[8\/11\] Attach[^\n]*\n\s+Waiting for kyudai-api: an operation is in progress/);
    await assertRunbookState();
  });

  it('applies after "y" at the prompt in a terminal', async () => {
    const run = await cli(['apply'], { tty: true, stdin: 'y\n' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stderr, /Apply these 8 changes\? \[y\/N\]/);
    await assertRunbookState();
  });

  it('stops between steps when cancelled, and a re-run finishes the job', async () => {
    const { clients, plan: p } = await setupPlan();
    const controller = new AbortController();
    const result = await applyPlan(clients, p, {
      signal: controller.signal,
      pollIntervalMs: 50,
      onProgress: (e) => {
        if (e.type === 'step-finished' && e.step.id === 'authorize-egress-https') controller.abort();
      },
    });
    assert.equal(result.status, 'cancelled');
    assert.deepEqual(
      result.outcomes.map((o) => o.stepId),
      ['create-apprunner-sg', 'authorize-egress-db', 'authorize-egress-https'],
    );
    assert.equal((await accountState()).appRunnerEgress.length, 3, 'allow-all still there, DNS rule not added yet');
    assert.equal((await cli(['apply', '--yes'])).code, 0);
    await assertRunbookState();
  });

  it('reports a failing DB health check with the answer, after the network steps are done', async () => {
    await awsCli(['rds', 'stop-db-instance', '--db-instance-identifier', seed().dbInstanceIdentifier ?? '']);
    const { clients, plan: p } = await setupPlan();
    // A stopped database is a blocker the plan names (test/sandbox/plan-blockers.test.ts); going on anyway, as
    // a user may, the network steps run and the health check reports the application's answer.
    const result = await applyPlan(clients, p, { pollIntervalMs: 50, healthRetryForMs: 300, ignoreBlockers: true });
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.stepId, 'check-db-health');
    assert.equal(result.error?.kind, 'health');
    assert.match(
      result.error?.message.en ?? '',
      /^Health check failed: GET http:\/\/127\.0\.0\.1:\d+\/.*\/api\/v1\/db-health answered HTTP 200 .*unhealthy/,
    );
    assert.match(result.error?.doneSoFar.en ?? '', /Attach campus-sns-vpc-connector to kyudai-api/);
    assert.equal(result.outcomes.at(-1)?.stepId, 'check-health');
  });

  it('replaces a mismatched connector with <name>-2 and deletes the old one once unused', async () => {
    assert.equal((await cli(['apply', '--yes'])).code, 0);
    // Someone moved the service to a hand-made connector of the wanted name over other subnets: simulate by
    // recreating the runbook's name with one subnet fewer after detaching.
    assert.equal((await cli(['detach', '--yes'])).code, 0);
    assert.equal((await cli(['delete-connector', '--yes'])).code, 0);
    const { appRunner } = sandboxClients();
    const state = await accountState();
    const odd = await appRunner.send(
      new CreateVpcConnectorCommand({
        VpcConnectorName: 'campus-sns-vpc-connector',
        Subnets: seed().privateSubnetIds.slice(0, 2),
        SecurityGroups: state.appRunnerGroupIds,
      }),
    );
    await appRunner.send(
      new UpdateServiceCommand({
        ServiceArn: seed().serviceArn,
        NetworkConfiguration: {
          EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: odd.VpcConnector?.VpcConnectorArn },
        },
      }),
    );
    await waitForServiceStatus(appRunner, seed().serviceArn ?? '');
    const run = await cli(['apply', '--yes', '--subnets', seed().privateSubnetIds.join(',')]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /Create VPC connector campus-sns-vpc-connector-2/);
    assert.match(run.stdout, /ok: Deleted campus-sns-vpc-connector\./);
    const after = await accountState();
    assert.deepEqual(
      after.activeConnectors.map((c) => c.name),
      ['campus-sns-vpc-connector-2'],
    );
    assert.equal(after.service.connectorArn, after.activeConnectors[0].arn);
  });
});
