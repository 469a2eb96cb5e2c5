// App Runner's CloudWatch metrics as the views read them: one GetMetricData call per service,
// window and store generation (a Refresh of the tree, a change made, or the view's own Refresh reads again; the
// polls during an operation and the partial snapshots of a load do not), at most MAX_AGE_MS old, shared by the
// Service Metrics view, the diagram's small chart and the checklist's "Performance metrics reviewed" item.
import * as vscode from 'vscode';
import type { ServiceMetricsRead } from '../../backend';
import type { MetricWindow, PerformanceThresholds, PerformanceVerdict } from '../../model/diagnosis/metrics';
import type { AppRunnerService } from '../../model/topology/topology';
import { loadAnalysis } from '../analysisLoader';
import { loadAwsSdk } from '../backend';
import { log } from '../log';
import type { ExtensionServices } from '../services';
import { SECTION } from '../settings';

/** The window the checklist judges when nothing else was read: runbook 9's checks are daily at the most. */
export const CHECKLIST_WINDOW: MetricWindow = '24h';

/** Settings apprunnerVpc.metrics.max5xxPercent and apprunnerVpc.metrics.maxP95LatencyMs. */
export function readThresholds(): PerformanceThresholds {
  const c = vscode.workspace.getConfiguration(SECTION);
  const num = (key: string, fallback: number): number => {
    const v = c.get<number>(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    max5xxPercent: num('metrics.max5xxPercent', loadAnalysis().DEFAULT_THRESHOLDS.max5xxPercent),
    maxP95LatencyMs: num('metrics.maxP95LatencyMs', loadAnalysis().DEFAULT_THRESHOLDS.maxP95LatencyMs),
  };
}

/** App Runner publishes one-minute points; a read older than this is read again on the next redraw. */
const MAX_AGE_MS = 5 * 60_000;

/** When a read was made: the store generation it belongs to and the time it started. */
interface Stamp {
  generation: number;
  atMs: number;
}

function current(stamp: Stamp | undefined, generation: number, nowMs: number): boolean {
  return !!stamp && stamp.generation === generation && nowMs - stamp.atMs < MAX_AGE_MS;
}

interface Entry extends Stamp {
  window: MetricWindow;
  read: Promise<ServiceMetricsRead>;
}

class ServiceMetrics implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** The latest successful read per service, whatever its window: what the checklist judges. */
  private readonly latest = new Map<string, Stamp & { read: ServiceMetricsRead }>();
  private readonly failed = new Map<string, Stamp>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the service name after a read finished (the checklist and the diagram redraw). */
  readonly onDidRead = this.changed.event;

  /** The metrics of `service` over `window`; read once per store generation unless `force` (the view's Refresh). */
  read(
    services: ExtensionServices,
    service: Pick<AppRunnerService, 'name' | 'id'>,
    window: MetricWindow,
    force = false,
  ): Promise<ServiceMetricsRead> {
    const target = services.connection.state.target;
    if (!target) return Promise.reject(new Error(vscode.l10n.t('Not connected to AWS.')));
    const stamp: Stamp = { generation: services.store.generation, atMs: Date.now() };
    const key = JSON.stringify([target, service.name, window]);
    const cached = this.entries.get(key);
    if (cached && !force && current(cached, stamp.generation, stamp.atMs)) return cached.read;
    const backend = loadAwsSdk();
    const read = backend.readMetricsForService(backend.getClients(target), service, window, new Date(stamp.atMs));
    this.entries.set(key, { ...stamp, window, read });
    read.then(
      (result) => {
        this.latest.set(JSON.stringify([target, service.name]), { ...stamp, read: result });
        this.failed.delete(JSON.stringify([target, service.name]));
        this.changed.fire(service.name);
      },
      (error: unknown) => {
        this.entries.delete(key);
        this.failed.set(JSON.stringify([target, service.name]), stamp);
        log.warn(`Metrics of ${service.name}: ${error instanceof Error ? error.name : String(error)}`);
      },
    );
    return read;
  }

  /**
   * The checklist's verdict for a service: from the latest read of this store generation, under the current
   * threshold settings. Without one, a read is started (once per generation, also after a failure) and the last
   * verdict (or undefined) is returned; the item shows it until onDidRead fires.
   */
  verdict(services: ExtensionServices, service: Pick<AppRunnerService, 'name' | 'id'>): PerformanceVerdict | undefined {
    const target = services.connection.state.target;
    if (!target) return undefined;
    const generation = services.store.generation;
    const nowMs = Date.now();
    const key = JSON.stringify([target, service.name]);
    const latest = this.latest.get(key);
    const settled = current(latest, generation, nowMs) || current(this.failed.get(key), generation, nowMs);
    // read() returns the one in flight for this generation, so a redraw while it runs starts no second call.
    if (!settled) void this.read(services, service, CHECKLIST_WINDOW).catch(() => undefined);
    if (!latest) return undefined;
    const verdict = loadAnalysis().performanceVerdict(latest.read.series, windowOf(latest.read), readThresholds());
    return { ...verdict, checkedAt: latest.read.readAt };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function windowOf(read: ServiceMetricsRead): MetricWindow {
  const hours = (read.request.endTime.getTime() - read.request.startTime.getTime()) / 3_600_000;
  return hours <= 1 ? '1h' : hours <= 6 ? '6h' : hours <= 24 ? '24h' : '7d';
}

/** One reader for the extension (module state, as the views share it). */
export const serviceMetrics = new ServiceMetrics();
