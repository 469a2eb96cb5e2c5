// Reads App Runner's CloudWatch metrics for one service: every series of the window in one GetMetricData call
// (issue 20 item 2), following NextToken. The queries and what the figures mean live in src/model/diagnosis/metrics.ts.
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricRequest, MetricSeries } from '../model/diagnosis/metrics';
import type { AwsClients } from './clients';

const byTarget = new WeakMap<AwsClients, CloudWatchClient>();

/**
 * A CloudWatch client beside the others, with their region and credentials. Its endpoint is the target's
 * general endpoint URL (the sandbox, LocalStack); per-service endpoint overrides do not name CloudWatch yet.
 */
export function cloudWatchFor(clients: AwsClients): CloudWatchClient {
  let client = byTarget.get(clients);
  if (!client) {
    client = new CloudWatchClient({
      region: clients.target.region,
      credentials: clients.logs.config.credentials,
      endpoint: clients.target.endpointUrl || undefined,
      customUserAgent: [['apprunner-vpc']],
      maxAttempts: 3,
    });
    byTarget.set(clients, client);
  }
  return client;
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
