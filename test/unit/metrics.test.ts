// App Runner metrics model: the batched queries, series to small-chart data, and the
// checklist's performance item from the 5xx share and the worst p95 latency against the thresholds.
import assert from 'node:assert/strict';
import { evaluateChecklist } from '../../src/model/diagnosis/checklist';
import {
  chartData,
  DEFAULT_THRESHOLDS,
  METRICS,
  metricRequest,
  performanceVerdict,
  type MetricSeries,
} from '../../src/model/diagnosis/metrics';
import { analyze } from './fixtures/analyze';
import { afterSetup } from './fixtures/topologyBuilder';

const NOW = new Date('2026-11-30T12:00:30Z');
const def = (id: string) => METRICS.find((m) => m.id === id) ?? assert.fail(id);
const at = (min: number) => Date.parse('2026-11-30T11:00:00Z') + min * 60_000;
const series = (id: string, values: [number, number][]): MetricSeries => ({
  id,
  points: values.map(([m, v]) => ({ t: at(m), v })),
});

describe('metrics: the request', () => {
  it('asks for every App Runner metric of the service in one request, aligned to the period', () => {
    const r = metricRequest('kyudai-api', 'svc1', '1h', NOW);
    assert.deepEqual(
      r.queries.map((q) => `${q.metricName}:${q.stat}`),
      [
        'Requests:Sum',
        '2xxStatusResponses:Sum',
        '4xxStatusResponses:Sum',
        '5xxStatusResponses:Sum',
        'RequestLatency:p95',
        'RequestLatency:Average',
        'ActiveInstances:Maximum',
        'CPUUtilization:Average',
        'MemoryUtilization:Average',
      ],
    );
    assert.ok(r.queries.every((q) => q.namespace === 'AWS/AppRunner' && q.periodSeconds === 60));
    assert.deepEqual(r.queries[0].dimensions, [
      { name: 'ServiceName', value: 'kyudai-api' },
      { name: 'ServiceID', value: 'svc1' },
    ]);
    assert.equal(r.endTime.toISOString(), '2026-11-30T12:01:00.000Z');
    assert.equal(r.startTime.toISOString(), '2026-11-30T11:01:00.000Z');
    assert.equal(metricRequest('a', 'b', '7d', NOW).queries[0].periodSeconds, 3600);
  });
});

describe('metrics: chart data', () => {
  const window = { startTime: new Date(at(0)), endTime: new Date(at(60)) };

  it('maps time across the width and 0..max up the height, oldest first', () => {
    const c = chartData(
      def('requests'),
      series('requests', [
        [30, 5],
        [0, 10],
        [60, 0],
      ]),
      window,
      120,
      40,
    );
    assert.equal(c.points, '0,0 60,20 120,40');
    assert.deepEqual([c.min, c.max, c.last, c.empty], [0, 10, 0, false]);
  });

  it('no data: an empty chart, not a flat line at zero', () => {
    const c = chartData(def('s5xx'), undefined, window, 120, 40);
    assert.deepEqual([c.points, c.empty], ['', true]);
  });
});

describe('metrics: the checklist performance item', () => {
  const ok = [
    series('requests', [
      [0, 100],
      [1, 100],
    ]),
    series('s5xx', [[0, 1]]),
    series('latencyP95', [
      [0, 120],
      [1, 300],
    ]),
  ];

  it('passes under both thresholds, with the figures', () => {
    const v = performanceVerdict(ok, '1h', DEFAULT_THRESHOLDS);
    assert.equal(v.state, 'pass');
    assert.equal(v.fiveXxPercent, 0.5);
    assert.equal(v.p95LatencyMs, 300);
    assert.match(v.detail.en, /200 requests, 5xx 0\.5% \(limit 1%\), p95 latency 300 ms \(limit 1000 ms\)/);
  });

  it("fails on the 5xx share or on the worst period's p95, each against its setting", () => {
    assert.equal(performanceVerdict(ok, '1h', { ...DEFAULT_THRESHOLDS, max5xxPercent: 0.4 }).state, 'fail');
    assert.equal(performanceVerdict(ok, '1h', { ...DEFAULT_THRESHOLDS, maxP95LatencyMs: 250 }).state, 'fail');
  });

  it('no requests in the window: unknown, not a pass', () => {
    assert.equal(performanceVerdict([series('requests', [])], '24h', DEFAULT_THRESHOLDS).state, 'unknown');
  });

  it('the checklist item follows the verdict, and stays manual without metrics', () => {
    const t = afterSetup();
    const d = analyze(t);
    const item = (performance?: ReturnType<typeof performanceVerdict>) =>
      evaluateChecklist(t, d, { now: NOW.toISOString(), ...(performance ? { performance } : {}) }).find(
        (i) => i.id === 'performance-metrics',
      );
    assert.equal(item()?.state, 'manual');
    assert.equal(item(performanceVerdict(ok, '1h', DEFAULT_THRESHOLDS))?.state, 'pass');
    assert.equal(item(performanceVerdict(ok, '1h', { ...DEFAULT_THRESHOLDS, max5xxPercent: 0.1 }))?.state, 'fail');
  });
});
