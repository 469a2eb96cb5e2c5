// App Runner's request metrics as the fake application serves: each answered request puts
// Requests, its status class, RequestLatency, ActiveInstances, CPU and memory under AWS/AppRunner with the
// ServiceName and ServiceID dimensions, into moto's CloudWatch, where GetMetricData reads them back.
import { PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import type { ServiceRecord } from '../apprunner/store';
import type { MotoClients } from '../motoClients';

export async function publishRequestMetrics(
  clients: MotoClients,
  service: ServiceRecord,
  status: number,
  latencyMs: number,
): Promise<void> {
  const Dimensions = [
    { Name: 'ServiceName', Value: service.name },
    { Name: 'ServiceID', Value: service.id },
  ];
  const Timestamp = new Date();
  const datum = (MetricName: string, Value: number, Unit: MetricDatum['Unit']): MetricDatum => ({
    MetricName,
    Value,
    Unit,
    Dimensions,
    Timestamp,
  });
  const statusClass = Math.floor(status / 100);
  const data: MetricDatum[] = [
    datum('Requests', 1, 'Count'),
    ...([2, 4, 5].includes(statusClass) ? [datum(`${statusClass}xxStatusResponses`, 1, 'Count')] : []),
    datum('RequestLatency', latencyMs, 'Milliseconds'),
    // One instance serves the sandbox; CPU and memory are the Node process's own share, honest if small.
    datum('ActiveInstances', 1, 'Count'),
    datum(
      'CPUUtilization',
      Math.min(100, (process.cpuUsage().user / 1e6 / Math.max(1, process.uptime())) * 100),
      'Percent',
    ),
    datum('MemoryUtilization', Math.min(100, (process.memoryUsage().rss / (2 * 1024 ** 3)) * 100), 'Percent'),
  ];
  await clients.cloudWatch.send(new PutMetricDataCommand({ Namespace: 'AWS/AppRunner', MetricData: data }));
}
