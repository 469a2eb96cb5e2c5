import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AppRunnerClient, CreateServiceCommand, PauseServiceCommand } from '@aws-sdk/client-apprunner';
import type { AwsTarget } from '../../src/model/common/awsTarget';
import type { ExtensionApi } from '../../src/vscode/api';
import { childrenOf, nodeAt, tooltipOf } from './explorerSupport';
import { sandboxAdmin } from './sandboxAdmin';
import { connectedToFreshWorld } from './setupSupport';
import { onSeed, setSetting, waitFor } from './support';

/**
 * The test's own App Runner client for changing the world behind the extension's back: not getClients, whose
 * requests carry the tool's user agent and would count as calls the tool makes in the IAM policy check.
 */
function fixtureAppRunner(target: AwsTarget): AppRunnerClient {
  return new AppRunnerClient({ region: target.region, endpoint: target.endpointUrl });
}

describe('Explorer tree', function () {
  this.timeout(180_000);
  let api: ExtensionApi;

  before(async () => {
    api = await connectedToFreshWorld();
  });

  after(async () => {
    await sandboxAdmin.clearFaults();
    await sandboxAdmin.configure({ operationDelayMs: 1500 });
  });

  it('shows the seeded world: account root, Services with kyudai-api RUNNING on DEFAULT egress, no connectors yet', async () => {
    const [root] = await childrenOf(api);
    assert.match(root.label, /ap-northeast-1$/);
    assert.equal(root.description, '123456789012');
    assert.deepEqual(
      (await childrenOf(api, root.node)).map((s) => s.label),
      ['Services', 'VPC Connectors'],
    );
    const service = await nodeAt(api, 'Services', 'kyudai-api');
    assert.equal(service.description, 'RUNNING');
    assert.equal(service.icon, 'pass-filled');
    assert.equal(service.contextValue, 'service.running.default');
    const tooltip = await tooltipOf(api, service);
    assert.match(tooltip, /arn:aws:apprunner:ap-northeast-1:123456789012:service\/kyudai-api\//);
    assert.match(tooltip, /Egress: `DEFAULT`/);
    const details = await childrenOf(api, service.node);
    assert.deepEqual(
      details.map((d) => d.label),
      ['Egress', 'URL', 'Last operation'],
    );
    assert.equal(details[0].description, 'DEFAULT');
    assert.match(details[1].description, /^http:\/\/127\.0\.0\.1:\d+\/_apps\/\w+$/);
    assert.match(details[2].description, /^(none in progress|CREATE_SERVICE · SUCCEEDED.*)$/);
    const connectors = await childrenOf(api, (await nodeAt(api, 'VPC Connectors')).node);
    assert.deepEqual(
      connectors.map((c) => [c.label, c.contextValue]),
      [['No VPC connectors in ap-northeast-1', 'empty']],
    );
  });

  it('shows a failed load as an error node with the normalised message and a retry, keeping the last snapshot', async () => {
    await sandboxAdmin.setFaults({
      failNth: [
        { operation: 'ListServices', nth: 1, error: { code: 'AccessDeniedException', status: 403, message: 'denied' } },
      ],
    });
    api.store.invalidate();
    await api.store.refresh({ force: true });
    const [root] = await childrenOf(api);
    const top = await childrenOf(api, root.node);
    assert.equal(top[0].contextValue, 'error');
    assert.equal(top[0].item.command?.command, 'apprunnerVpc.refresh');
    assert.match(top[0].label, /denied|permission|not allowed|authori/i);
    assert.deepEqual(
      top.slice(1).map((s) => s.label),
      ['Services', 'VPC Connectors'],
    );
    // The last snapshot's services stay on screen under the error, with their state.
    assert.equal((await nodeAt(api, 'Services', 'kyudai-api')).description, 'RUNNING');
    await sandboxAdmin.clearFaults();
    await vscode.commands.executeCommand('apprunnerVpc.refresh');
    assert.deepEqual(
      (await childrenOf(api, root.node)).map((s) => s.label),
      ['Services', 'VPC Connectors'],
    );
  });

  it('shows a spinner with the operation type while an operation runs, polls while the view is visible, and stops by itself', async () => {
    await setSetting('pollIntervalSeconds', 2);
    await sandboxAdmin.configure({ operationDelayMs: 5000 });
    await vscode.commands.executeCommand('workbench.view.extension.apprunnerVpc');
    await waitFor(() => api.explorer.view.visible || undefined, 'explorer visible');
    const arn = api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api')?.arn;
    const target = api.connection.state.target;
    assert.ok(arn && target);
    await fixtureAppRunner(target).send(new PauseServiceCommand({ ServiceArn: arn }));
    api.store.invalidate();
    await api.store.refresh({ force: true });
    const busy = await nodeAt(api, 'Services', 'kyudai-api');
    assert.equal(busy.icon, 'loading~spin');
    assert.equal(busy.description, 'OPERATION_IN_PROGRESS (PAUSE_SERVICE)');
    assert.equal(busy.contextValue, 'service.busy.default');
    assert.ok(api.store.isPolling, 'polling while the operation runs and the view is visible');
    await waitFor(
      () =>
        api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api')?.status === 'PAUSED' ? true : undefined,
      'PAUSED by polling',
      30_000,
    );
    // A poll's load may still be finishing when the partial snapshot already says PAUSED.
    await waitFor(() => (!api.store.isPolling && !api.store.state.loading ? true : undefined), 'polling stopped');
    assert.equal((await nodeAt(api, 'Services', 'kyudai-api')).description, 'PAUSED');
    assert.equal((await nodeAt(api, 'Services', 'kyudai-api', 'Last operation')).description, 'PAUSE_SERVICE · ended');
    await sandboxAdmin.resetCalls();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const calls = await sandboxAdmin.calls();
    assert.equal(calls.total, 0, `no calls once the operation has ended: ${JSON.stringify(calls.operations)}`);
    await sandboxAdmin.configure({ operationDelayMs: 1500 });
    await setSetting('pollIntervalSeconds', undefined);
  });

  it('shows 45 services as soon as the list arrives, then all their details as they stream in', async () => {
    await sandboxAdmin.reset();
    const target = api.connection.state.target;
    assert.ok(target);
    const appRunner = fixtureAppRunner(target);
    await Promise.all(
      Array.from({ length: 44 }, (_, i) =>
        appRunner.send(
          new CreateServiceCommand({
            ServiceName: `many-svc-${String(i + 1).padStart(2, '0')}`,
            SourceConfiguration: {
              ImageRepository: {
                ImageIdentifier: 'public.ecr.aws/aws-containers/hello-app-runner:latest',
                ImageRepositoryType: 'ECR_PUBLIC',
              },
              AutoDeploymentsEnabled: false,
            },
          }),
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 2000)); // past the sandbox's 1.5 s CREATE_SERVICE
    // One DescribeService answer is held for 3 s: the list shows at once and details stream in around it.
    await sandboxAdmin.setFaults({ failNth: [{ operation: 'DescribeService', nth: 1, replyDelayMs: 3000 }] });
    api.store.invalidate();
    const loading = api.store.refresh({ force: true });
    const early = await waitFor(async () => {
      const shown = api.store.state.loading ? await childrenOf(api, (await nodeAt(api, 'Services')).node) : [];
      // The held answer keeps one service loading for 3 s: the others' details stream in meanwhile.
      return shown.length === 45 &&
        shown.some((s) => s.description.includes('loading details')) &&
        shown.some((s) => s.description === 'RUNNING')
        ? shown
        : undefined;
    }, 'the 45 names with some details streamed in while one is still loading');
    assert.ok(
      early.some((s) => s.description.includes('loading details')),
      'a detail was still loading',
    );
    assert.ok(
      early.some((s) => s.description === 'RUNNING'),
      'some details already streamed in',
    );
    await loading;
    await sandboxAdmin.clearFaults();
    const services = await childrenOf(api, (await nodeAt(api, 'Services')).node);
    assert.equal(services.length, 45);
    assert.equal((await nodeAt(api, 'Services')).description, '45');
    for (const s of services) {
      assert.equal(s.description, 'RUNNING', s.label);
      const details = await childrenOf(api, s.node);
      assert.equal(details[0].description, 'DEFAULT', `${s.label} egress`);
      assert.match(details[1].description, /^http:\/\/127\.0\.0\.1:/, `${s.label} url`);
    }
  });
  it('on the scale seed, builds a connector row without its tooltip, and the tooltip names its users on hover', async () => {
    await onSeed(api, 'scale', async () => {
      // scaleSeed.ts: 50 services, 10 connectors; service i (every third) uses connector (i / 3) % 10 + 1.
      const connector = await nodeAt(api, 'VPC Connectors', 'scale-conn-001');
      const tooltip = await tooltipOf(api, connector);
      assert.match(tooltip, /Used by: scale-svc-0030$/m);
      assert.match(
        await tooltipOf(api, await nodeAt(api, 'VPC Connectors', 'scale-conn-002')),
        /Used by: scale-svc-0003, scale-svc-0033$/m,
      );
    });
  });

  it('on the dual-stack seed (non-runbook seed), shows kyudai-api with its IP address type DUAL_STACK', async () => {
    await onSeed(api, 'dual-stack', async () => {
      const services = await childrenOf(api, (await nodeAt(api, 'Services')).node);
      assert.deepEqual(
        services.map((s) => [s.label, s.description]),
        [['kyudai-api', 'RUNNING']],
      );
      const tooltip = await tooltipOf(api, services[0]);
      assert.match(tooltip, /IP address type: `DUAL_STACK`/);
      assert.equal((await nodeAt(api, 'Services', 'kyudai-api', 'Egress')).description, 'DEFAULT');
    });
    // Back on the runbook seed, the same service is IPv4 only.
    const tooltip = await tooltipOf(api, await nodeAt(api, 'Services', 'kyudai-api'));
    assert.doesNotMatch(tooltip, /DUAL_STACK/);
  });
});
