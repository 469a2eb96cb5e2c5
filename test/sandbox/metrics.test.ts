// App Runner metrics: the sandbox's fake application publishes AWS/AppRunner metrics to
// moto's CloudWatch as it serves requests; src/aws reads them back in one GetMetricData call per page, and
// the checklist's performance verdict turns from pass to fail when the app is told to answer 5xx.
import assert from 'node:assert/strict';
import { DescribeServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { getClients } from '../../src/aws/clients';
import { cloudWatchFor, readMetricsForService, readServiceMetrics } from '../../src/aws/metrics';
import { evaluateChecklist } from '../../src/model/diagnosis/checklist';
import {
  DEFAULT_THRESHOLDS,
  metricRequest,
  performanceVerdict,
  type MetricSeries,
} from '../../src/model/diagnosis/metrics';
import { analyzeService } from '../../src/model/diagnosis/reachability';
import { emptyTopology } from '../../src/model/topology/topology';
import {
  callCounts,
  getSandbox,
  resetCallCounts,
  sandboxClients,
  seed,
  TEST_REGION,
  waitForServiceStatus,
} from './support';

async function request(times: number): Promise<number[]> {
  const service = (
    await sandboxClients().appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn ?? '' }))
  ).Service;
  const statuses: number[] = [];
  for (let i = 0; i < times; i++)
    statuses.push((await fetch(`http://${service?.ServiceUrl ?? ''}/api/v1/health`)).status);
  return statuses;
}

/**
 * The product's request, less the p95 latency query: moto 5.2.1 computes no percentile statistic (its
 * GetMetricData fails with HTTP 500 on Stat p95) and the sandbox does not serve percentiles itself yet, so p95
 * is checked by the unit tests only (a known gap, docs/sandbox.md).
 */
async function read(): Promise<MetricSeries[]> {
  const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint });
  const req = metricRequest(seed().serviceName ?? '', seed().serviceId ?? '', '1h', new Date());
  assert.ok(
    req.queries.some((q) => q.stat === 'p95'),
    'the product asks for p95',
  );
  return readServiceMetrics(cloudWatchFor(clients), {
    ...req,
    queries: req.queries.filter((q) => !/^p\d/.test(q.stat)),
  });
}

const total = (series: MetricSeries[], id: string): number =>
  (series.find((s) => s.id === id)?.points ?? []).reduce((a, p) => a + p.v, 0);

describe('App Runner metrics from the sandbox app', function () {
  this.timeout(120_000);
  before(() => getSandbox().reset());
  after(() => getSandbox().reset());

  it('requests served are read back as Requests and 2xxStatusResponses, in one GetMetricData call', async () => {
    const statuses = await request(5);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
    await resetCallCounts();
    const series = await read();
    assert.equal((await callCounts()).operations.GetMetricData, 1, 'all series in one call');
    assert.equal(total(series, 'requests'), 5);
    assert.equal(total(series, 's2xx'), 5);
    assert.equal(total(series, 's5xx'), 0);
    assert.ok((series.find((s) => s.id === 'instances')?.points.length ?? 0) > 0, 'ActiveInstances published');
    assert.ok((series.find((s) => s.id === 'latencyAvg')?.points.length ?? 0) > 0, 'RequestLatency published');
    const verdict = performanceVerdict(series, '1h', DEFAULT_THRESHOLDS);
    assert.equal(verdict.state, 'pass', verdict.detail.en);
  });

  it("the views' reader asks for p95 too; on the endpoint that cannot compute it, reads the rest and says p95 is unavailable", async () => {
    const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint });
    await resetCallCounts();
    const read = await readMetricsForService(
      clients,
      { name: seed().serviceName ?? '', id: seed().serviceId ?? '' },
      '1h',
      new Date(),
    );
    assert.deepEqual(read.unavailable, ['latencyP95']);
    assert.equal(total(read.series, 'requests'), 5, 'the requests of the test before');
    assert.deepEqual(read.series.find((s) => s.id === 'latencyP95')?.points, []);
    // The first call (with p95) failed on the server side, the second (without) answered.
    assert.ok(((await callCounts()).operations.GetMetricData ?? 0) >= 2);
  });

  it("told to answer 5xx, the app's 5xx share fails the checklist's performance item", async () => {
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
              RuntimeEnvironmentVariables: {
                ...image?.ImageConfiguration?.RuntimeEnvironmentVariables,
                SANDBOX_APP_ANSWERS_5XX: 'true',
              },
            },
          },
        },
      }),
    );
    await waitForServiceStatus(appRunner, arn, 'RUNNING', 30_000);
    assert.deepEqual(await request(5), [500, 500, 500, 500, 500]);
    const series = await read();
    assert.equal(total(series, 's5xx'), 5);
    const verdict = performanceVerdict(series, '1h', DEFAULT_THRESHOLDS);
    assert.equal(verdict.state, 'fail', verdict.detail.en);
    const t = emptyTopology(TEST_REGION);
    const items = evaluateChecklist(t, analyzeService(t, 'x'), { now: new Date().toISOString(), performance: verdict });
    const item = items.find((i) => i.id === 'performance-metrics');
    assert.equal(item?.state, 'fail');
    assert.match(item?.detail.en ?? '', /5xx 50\.0% \(limit 1%\)/);
  });
});
