// A private service (IsPubliclyAccessible=false) answers only inside its VPC, so a correct setup must not end
// "failed" because the workstation cannot reach its URL: the plan says the health steps are not checked from
// here, and apply ends succeeded with both health outcomes "not-checked" and the reason.
import assert from 'node:assert/strict';
import { UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { cli, useTestCredentials } from './engineSupport';
import { getSandbox, sandboxClients, seed, TEST_REGION, waitForServiceStatus } from './support';

interface ApplyJson {
  plan: { warnings: { code: string }[] };
  result: { status: string; outcomes: { stepId: string; status: string; detail: { en: string } }[] };
}

describe('a private service: health not checked from here', function () {
  this.timeout(120_000);

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    const { appRunner } = sandboxClients();
    await appRunner.send(
      new UpdateServiceCommand({
        ServiceArn: seed().serviceArn,
        NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: false } },
      }),
    );
    await waitForServiceStatus(appRunner, seed().serviceArn ?? '', 'RUNNING', 30_000);
  });

  after(async () => {
    await getSandbox().reset();
  });

  it('the snapshot reads the ingress configuration', async () => {
    const t = await loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
    assert.equal(t.services.find((s) => s.name === seed().serviceName)?.isPubliclyAccessible, false);
  });

  it('plan warns; apply --json succeeds with both health steps "not-checked" and the reason', async () => {
    const planned = await cli(['plan', '--json']);
    const planJson = JSON.parse(planned.stdout) as ApplyJson;
    assert.ok(
      planJson.plan.warnings.some((w) => w.code === 'health-not-checked-private'),
      planned.stdout,
    );
    const applied = await cli(['apply', '--yes', '--json']);
    const out = JSON.parse(applied.stdout) as ApplyJson;
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(out.result.status, 'succeeded');
    const health = out.result.outcomes.filter((o) => o.stepId === 'check-health' || o.stepId === 'check-db-health');
    assert.deepEqual(
      health.map((o) => o.status),
      ['not-checked', 'not-checked'],
    );
    assert.match(health[0].detail.en, /not checked from here \(private service\).*CloudWatch log scan/);
  });

  it('the text output says "not checked" with the reason, and exits 0', async () => {
    await getSandbox().reset();
    const { appRunner } = sandboxClients();
    await appRunner.send(
      new UpdateServiceCommand({
        ServiceArn: seed().serviceArn,
        NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: false } },
      }),
    );
    await waitForServiceStatus(appRunner, seed().serviceArn ?? '', 'RUNNING', 30_000);
    const run = await cli(['apply', '--yes']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /not checked: GET \/api\/v1\/db-health: not checked from here \(private service\)/);
    assert.doesNotMatch(run.stdout, /FAILED/);
  });
});
