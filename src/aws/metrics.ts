// Reads App Runner's CloudWatch metrics for one service: every series of the window in one GetMetricData call
// following NextToken. The queries and what the figures mean live in src/model/diagnosis/metrics.ts.
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { metricRequest, type MetricRequest, type MetricSeries, type MetricWindow } from '../model/diagnosis/metrics';
import type { AwsClients } from './clients';

/**
 * The CloudWatch client of the target: made in clients.ts like every other, with the profile, the request log
 * and the endpoint resolved (AWS_ENDPOINT_URL_CLOUDWATCH, the profile's `cloudwatch` service) and checked by
 * the endpoint policy before any call.
 */
export function cloudWatchFor(clients: AwsClients): CloudWatchClient {
  return clients.cloudWatch;
}

function toQuery(q: MetricRequest['queries'][number]): MetricDataQuery {
  return {
    Id: q.id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: q.namespace,
        MetricName: q.metricName,
        Dimensions: q.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      },
      Period: q.periodSeconds,
      Stat: q.stat,
    },
  };
}

export async function readServiceMetrics(
  cloudWatch: CloudWatchClient,
  request: MetricRequest,
  signal?: AbortSignal,
): Promise<MetricSeries[]> {
  const series = new Map<string, MetricSeries>(request.queries.map((q) => [q.id, { id: q.id, points: [] }]));
  let nextToken: string | undefined;
  do {
    const page = await cloudWatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: request.queries.map(toQuery),
        StartTime: request.startTime,
        EndTime: request.endTime,
        ScanBy: 'TimestampAscending',
        NextToken: nextToken,
      }),
      { abortSignal: signal },
    );
    for (const result of page.MetricDataResults ?? []) {
      const target = result.Id ? series.get(result.Id) : undefined;
      if (!target) continue;
      const times = result.Timestamps ?? [];
      (result.Values ?? []).forEach((v, i) => {
        const t = times[i]?.getTime();
        // A statistic the endpoint cannot compute comes back empty or null: no point rather than a zero.
        if (t !== undefined && typeof v === 'number' && Number.isFinite(v)) target.points.push({ t, v });
      });
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return [...series.values()];
}

export interface ServiceMetricsRead {
  request: MetricRequest;
  series: MetricSeries[];
  /** Query ids the endpoint could not compute (their series are empty): said in the view, not drawn as zero. */
  unavailable: string[];
  /** ISO time of the read. */
  readAt: string;
}

const isPercentile = (stat: string): boolean => /^(p|tm|wm|tc|ts)\d/i.test(stat);

function isServerFault(error: unknown): boolean {
  const e = error as { $fault?: string; $metadata?: { httpStatusCode?: number } };
  return e?.$fault === 'server' || (e?.$metadata?.httpStatusCode ?? 0) >= 500;
}

/**
 * The service's metrics for a window, as the views show them. AWS computes percentiles; an endpoint that fails
 * on them with a server error (moto 5.2.1 answers HTTP 500 to `Stat: p95`, docs/sandbox.md) gets the same call
 * again without the percentile queries, and those series are reported unavailable rather than failing the rest.
 * Client errors (a missing cloudwatch:GetMetricData permission) are thrown as they are.
 */
export async function readMetricsForService(
  clients: AwsClients,
  service: { name: string; id: string },
  window: MetricWindow,
  now: Date,
  signal?: AbortSignal,
): Promise<ServiceMetricsRead> {
  const request = metricRequest(service.name, service.id, window, now);
  const cloudWatch = cloudWatchFor(clients);
  try {
    const series = await readServiceMetrics(cloudWatch, request, signal);
    return { request, series, unavailable: [], readAt: new Date().toISOString() };
  } catch (error) {
    const percentiles = request.queries.filter((q) => isPercentile(q.stat));
    if (!isServerFault(error) || percentiles.length === 0) throw error;
    const rest = request.queries.filter((q) => !isPercentile(q.stat));
    const series = await readServiceMetrics(cloudWatch, { ...request, queries: rest }, signal);
    return {
      request,
      series: [...series, ...percentiles.map((q) => ({ id: q.id, points: [] }))],
      unavailable: percentiles.map((q) => q.id),
      readAt: new Date().toISOString(),
    };
  }
}
