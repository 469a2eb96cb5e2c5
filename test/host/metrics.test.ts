// Service Metrics inside VS Code: the sandbox's app publishes App Runner's metrics as it
// serves; the checklist view's "Performance metrics reviewed" is evaluated from them (not left to a person),
// turns from pass to fail when the app is told to answer 5xx, follows the threshold settings, and the Service
// Metrics panel draws the same figures.
import assert from 'node:assert/strict';
import { DescribeServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import * as vscode from 'vscode';
import { getClients } from '../../src/aws/clients';
import type { ChecklistItem } from '../../src/model/diagnosis/checklist';
import type { ExtensionApi } from '../../src/vscode/api';
import type { MetricsPanel } from '../../src/vscode/metrics/metricsPanel';
import { extensionApi, setSetting, startFromSeed, waitFor } from './support';

const SERVICE = 'kyudai-api';

function serviceUrl(api: ExtensionApi): string {
  const url = api.store.state.snapshot?.services.find((s) => s.name === SERVICE)?.url;
  assert.ok(url, 'the service has a URL');
  return `http://${url}`;
}

async function requests(api: ExtensionApi, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await fetch(`${serviceUrl(api)}/api/v1/health`)).status);
  return statuses;
}

/** A new snapshot (as the tree's Refresh makes), then the checklist's item once its metrics were read. */
async function performanceItemAfterRefresh(api: ExtensionApi, state: string): Promise<ChecklistItem> {
  const since = new Date().toISOString();
  api.store.invalidate();
  await api.store.refresh({ force: true });
  return waitFor(
    () => {
      const item = api.diagnose.checklist().find((i) => i.id === 'performance-metrics');
      // Only a verdict from metrics read after this refresh counts (the item shows the last one until then).
      return item?.state === state && (item.lastChecked?.at ?? '') >= since ? item : undefined;
    },
    `the performance item to be ${state}`,
    30_000,
  );
}

describe('Service Metrics: the checklist item from App Runner metrics, and the metrics panel', function () {
  this.timeout(180_000);
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
  });

  after(async () => {
    await setSetting('metrics.max5xxPercent', undefined);
    await startFromSeed(api);
  });

  it('after healthy traffic the checklist item passes, evaluated from CloudWatch with when and by what', async () => {
    assert.deepEqual(await requests(api, 5), [200, 200, 200, 200, 200]);
    const item = await performanceItemAfterRefresh(api, 'pass');
    assert.match(item.detail.en, /5 requests, 5xx 0\.0% \(limit 1%\)/);
    assert.match(item.detail.en, /From CloudWatch \(AWS\/AppRunner\)/);
    assert.ok(item.lastChecked, 'says when it was checked');
    assert.match(item.lastChecked.by.en, /App Runner metrics/);
  });

  it('told to answer 5xx (SANDBOX_APP_ANSWERS_5XX), the app fails the item; the 5xx threshold setting decides', async () => {
    const target = api.connection.state.target;
    assert.ok(target);
    const appRunner = getClients(target).appRunner;
    const arn = api.store.state.snapshot?.services.find((s) => s.name === SERVICE)?.arn ?? '';
    const current = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
    const image = current?.SourceConfiguration?.ImageRepository;
    assert.ok(image, 'the seed service deploys an image');
    await appRunner.send(
      new UpdateServiceCommand({
        ServiceArn: arn,
        SourceConfiguration: {
          ...current?.SourceConfiguration,
          ImageRepository: {
            ...image,
            ImageConfiguration: {
              ...image.ImageConfiguration,
              RuntimeEnvironmentVariables: {
                ...image.ImageConfiguration?.RuntimeEnvironmentVariables,
                SANDBOX_APP_ANSWERS_5XX: 'true',
              },
            },
          },
        },
      }),
    );
    await waitFor(
      async () => {
        api.store.invalidate();
        const s = await api.store.refresh({ force: true });
        return s?.services.find((x) => x.name === SERVICE)?.status === 'RUNNING' ? true : undefined;
      },
      'the redeploy',
      60_000,
    );
    assert.deepEqual(await requests(api, 5), [500, 500, 500, 500, 500]);
    const failed = await performanceItemAfterRefresh(api, 'fail');
    assert.match(failed.detail.en, /10 requests, 5xx 50\.0% \(limit 1%\)/);
    // The thresholds apply when the item is shown: a looser setting passes the same figures, without a new read.
    await setSetting('metrics.max5xxPercent', 60);
    const loose = api.diagnose.checklist().find((i) => i.id === 'performance-metrics');
    assert.equal(loose?.state, 'pass');
    assert.match(loose?.detail.en ?? '', /5xx 50\.0% \(limit 60%\)/);
  });

  it('Show Service Metrics draws the same figures; p95, which the sandbox cannot compute, is said unavailable', async () => {
    const panel = await vscode.commands.executeCommand<MetricsPanel>('apprunnerVpc.showServiceMetrics', SERVICE);
    assert.ok(panel, 'the command returns its panel');
    await waitFor(() => (panel.currentState.kind !== 'loading' ? true : undefined), 'the metrics read', 30_000);
    const state = panel.currentState;
    assert.equal(state.kind, 'data', JSON.stringify(state));
    if (state.kind !== 'data') return;
    const total = (id: string) => state.series.find((s) => s.id === id)?.points.reduce((a, p) => a + p.v, 0);
    assert.equal(total('requests'), 10);
    assert.equal(total('s5xx'), 5);
    assert.equal(total('s2xx'), 5);
    assert.deepEqual(state.unavailable, ['latencyP95']);
    assert.equal(state.verdict.state, 'pass', 'the panel judges with the same (loosened) threshold');
    panel.dispose();
  });
});
