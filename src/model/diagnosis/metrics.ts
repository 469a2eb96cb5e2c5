// App Runner's CloudWatch metrics for one service (runbook 9): which ones, over which window,
// the batched GetMetricData queries, series to small-chart data, and the checklist's performance verdict.
// Pure: src/aws/metrics.ts runs the queries, the views draw the charts.
import type { LocalizedText } from './diagnosis';
import { msg } from '../l10n/text';

/** Namespace and dimensions App Runner publishes under (App Runner developer guide, "Viewing metrics"). */
export const APP_RUNNER_NAMESPACE = 'AWS/AppRunner';

export type MetricName =
  | 'Requests'
  | '2xxStatusResponses'
  | '4xxStatusResponses'
  | '5xxStatusResponses'
  | 'RequestLatency'
  | 'ActiveInstances'
  | 'CPUUtilization'
  | 'MemoryUtilization';

export interface MetricDefinition {
  id: string; // GetMetricData query id: lower-case start, letters and digits
  name: MetricName;
  stat: string;
  unit: string;
  title: LocalizedText;
}

export const METRICS: readonly MetricDefinition[] = [
  { id: 'requests', name: 'Requests', stat: 'Sum', unit: 'count', title: msg('Requests') },
  { id: 's2xx', name: '2xxStatusResponses', stat: 'Sum', unit: 'count', title: msg('2xx responses') },
  { id: 's4xx', name: '4xxStatusResponses', stat: 'Sum', unit: 'count', title: msg('4xx responses') },
  { id: 's5xx', name: '5xxStatusResponses', stat: 'Sum', unit: 'count', title: msg('5xx responses') },
  { id: 'latencyP95', name: 'RequestLatency', stat: 'p95', unit: 'ms', title: msg('Request latency p95') },
  { id: 'latencyAvg', name: 'RequestLatency', stat: 'Average', unit: 'ms', title: msg('Request latency (average)') },
  { id: 'instances', name: 'ActiveInstances', stat: 'Maximum', unit: 'count', title: msg('Active instances') },
  { id: 'cpu', name: 'CPUUtilization', stat: 'Average', unit: '%', title: msg('CPU') },
  { id: 'memory', name: 'MemoryUtilization', stat: 'Average', unit: '%', title: msg('Memory') },
];

export type MetricWindow = '1h' | '6h' | '24h' | '7d';
export const METRIC_WINDOWS: readonly MetricWindow[] = ['1h', '6h', '24h', '7d'];

/** Window length and the period that keeps each series at 60 to 168 points (CloudWatch periods are multiples of 60 s). */
const WINDOW: Record<MetricWindow, { ms: number; periodSeconds: number }> = {
  '1h': { ms: 3_600_000, periodSeconds: 60 },
  '6h': { ms: 6 * 3_600_000, periodSeconds: 300 },
  '24h': { ms: 24 * 3_600_000, periodSeconds: 900 },
  '7d': { ms: 7 * 24 * 3_600_000, periodSeconds: 3_600 },
};

export function isMetricWindow(value: unknown): value is MetricWindow {
  return typeof value === 'string' && (METRIC_WINDOWS as readonly string[]).includes(value);
}

export interface MetricQuery {
  id: string;
  namespace: string;
  metricName: MetricName;
  dimensions: { name: string; value: string }[];
  stat: string;
  periodSeconds: number;
}

export interface MetricRequest {
  startTime: Date;
  endTime: Date;
  queries: MetricQuery[];
}

/** One GetMetricData call for every metric of the service (at most 500 queries a call; we need 9). */
export function metricRequest(serviceName: string, serviceId: string, window: MetricWindow, now: Date): MetricRequest {
  const { ms, periodSeconds } = WINDOW[window];
  // Aligned to the period so a refresh a few seconds later asks for the same buckets.
  const end = Math.ceil(now.getTime() / (periodSeconds * 1000)) * periodSeconds * 1000;
  const dimensions = [
    { name: 'ServiceName', value: serviceName },
    { name: 'ServiceID', value: serviceId },
  ];
  return {
    startTime: new Date(end - ms),
    endTime: new Date(end),
    queries: METRICS.map((m) => ({
      id: m.id,
      namespace: APP_RUNNER_NAMESPACE,
      metricName: m.name,
      dimensions,
      stat: m.stat,
      periodSeconds,
    })),
  };
}

export interface MetricPoint {
  t: number; // epoch ms
  v: number;
}

export interface MetricSeries {
  id: string;
  points: MetricPoint[];
}

export interface ChartData {
  id: string;
  title: LocalizedText;
  unit: string;
  /** SVG polyline points in a width x height box (y grows downwards), oldest first. */
  points: string;
  min: number;
  max: number;
  last?: number;
  /** No data point in the window: the chart says so instead of drawing a flat line. */
  empty: boolean;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** A series as a small chart: x spans the window, y spans 0..max (counts and percentages start at zero). */
export function chartData(
  def: MetricDefinition,
  series: MetricSeries | undefined,
  request: Pick<MetricRequest, 'startTime' | 'endTime'>,
  width: number,
  height: number,
): ChartData {
  const points = [...(series?.points ?? [])].filter((p) => Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
  const base = { id: def.id, title: def.title, unit: def.unit };
  if (points.length === 0) return { ...base, points: '', min: 0, max: 0, empty: true };
  const t0 = request.startTime.getTime();
  const span = Math.max(1, request.endTime.getTime() - t0);
  const max = Math.max(...points.map((p) => p.v));
  const min = Math.min(...points.map((p) => p.v));
  const top = max > 0 ? max : 1;
  const xy = points.map(
    (p) => `${round(((p.t - t0) / span) * width)},${round(height - (Math.max(0, p.v) / top) * height)}`,
  );
  return { ...base, points: xy.join(' '), min, max, last: points[points.length - 1]?.v, empty: false };
}

export interface PerformanceThresholds {
  /** Setting apprunnerVpc.metrics.max5xxPercent: the share of 5xx responses above which the item fails. */
  max5xxPercent: number;
  /** Setting apprunnerVpc.metrics.maxP95LatencyMs: the highest p95 latency of any period that passes. */
  maxP95LatencyMs: number;
}

export const DEFAULT_THRESHOLDS: PerformanceThresholds = { max5xxPercent: 1, maxP95LatencyMs: 1_000 };

export interface PerformanceVerdict {
  state: 'pass' | 'fail' | 'unknown';
  window: MetricWindow;
  requests: number;
  fiveXxPercent?: number;
  p95LatencyMs?: number;
  detail: LocalizedText;
  /** ISO time the metrics were read (the checklist's "last checked"); set by the caller that read them. */
  checkedAt?: string;
}

const sum = (s: MetricSeries | undefined): number => (s?.points ?? []).reduce((a, p) => a + p.v, 0);

/**
 * Runbook 9's performance check from the metrics: the 5xx share of all requests in the window and the worst
 * period's p95 latency, against the thresholds. No request in the window: unknown, not a pass.
 */
export function performanceVerdict(
  series: readonly MetricSeries[],
  window: MetricWindow,
  thresholds: PerformanceThresholds,
): PerformanceVerdict {
  const byId = new Map(series.map((s) => [s.id, s]));
  const requests = sum(byId.get('requests'));
  const latencies = (byId.get('latencyP95')?.points ?? []).map((p) => p.v).filter(Number.isFinite);
  const p95LatencyMs = latencies.length > 0 ? Math.max(...latencies) : undefined;
  if (requests <= 0) {
    return {
      state: 'unknown',
      window,
      requests,
      detail: msg('No requests in the last {0}: nothing to judge.', window),
    };
  }
  const fiveXxPercent = (sum(byId.get('s5xx')) / requests) * 100;
  const badShare = fiveXxPercent > thresholds.max5xxPercent;
  const slow = p95LatencyMs !== undefined && p95LatencyMs > thresholds.maxP95LatencyMs;
  const share = `${fiveXxPercent.toFixed(1)}%`;
  const latency =
    p95LatencyMs === undefined
      ? msg('p95 latency not available')
      : msg('p95 latency {0} ms (limit {1} ms)', Math.round(p95LatencyMs), thresholds.maxP95LatencyMs);
  return {
    state: badShare || slow ? 'fail' : 'pass',
    window,
    requests,
    fiveXxPercent,
    ...(p95LatencyMs !== undefined ? { p95LatencyMs } : {}),
    detail: msg(
      'Last {0}: {1} requests, 5xx {2} (limit {3}%), {4}. From CloudWatch (AWS/AppRunner).',
      window,
      requests,
      share,
      thresholds.max5xxPercent,
      latency,
    ),
  };
}
