// The live half of a diagnosis (runbook 6): GET the health and DB health paths on the service URL, and scan
// the latest application log events. Never throws: every failure becomes part of the result, because a
// diagnosis that cannot reach the service still has its analysis to show.
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { serviceEndpointUrl } from '../model/common/awsTarget';
import {
  BODY_EXCERPT_CHARS,
  judgeHealth,
  skippedHttp,
  type HttpCheck,
  type LiveChecks,
  type LogCheck,
} from '../model/diagnosis/liveChecks';
import {
  applicationLogGroup,
  logStartTime,
  RUNBOOK_LOG_FILTER,
  scanLogEvents,
  type LogEvent,
} from '../model/diagnosis/logScan';
import { maskSecrets } from '../model/common/secretMask';
import { snapshotSecretValues } from '../model/topology/secretValues';
import type { AppRunnerService } from '../model/topology/topology';
import { latestOperation } from './appRunnerOps';
import type { AwsClients } from './clients';

export type LiveFetch = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface LiveCheckOptions {
  healthCheckPath: string;
  dbHealthPath: string;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** How far back to read the application log (default 24 hours). */
  logLookbackMs?: number;
  /** At most this many log events are kept, the newest (default 2000). */
  maxLogEvents?: number;
  /** At most this many FilterLogEvents pages are read (default 100), */
  maxLogPages?: number;
  /** for at most this long (default 20 s); beyond either the result says it is truncated. */
  maxLogReadMs?: number;
  fetch?: LiveFetch;
  signal?: AbortSignal;
  /** Values to mask by value in bodies and log lines (the service's own secrets; runLiveChecks adds them). */
  secretValues?: readonly string[];
}

const message = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export async function checkHttp(
  serviceUrl: string,
  path: string,
  expectDatabase: boolean,
  options: LiveCheckOptions,
): Promise<HttpCheck> {
  const url = serviceEndpointUrl(serviceUrl, path);
  const doFetch = options.fetch ?? ((u, init) => fetch(u, init));
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const started = performance.now();
  try {
    const response = await doFetch(url, { signal });
    const body = await response.text();
    const durationMs = Math.round(performance.now() - started);
    const masked = maskSecrets(body, options.secretValues);
    const excerpt = masked.length > BODY_EXCERPT_CHARS ? `${masked.slice(0, BODY_EXCERPT_CHARS)}…` : masked;
    return {
      path,
      url,
      outcome: judgeHealth(response.status, body, expectDatabase),
      status: response.status,
      body: excerpt,
      durationMs,
    };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const why = timeout.aborted ? `no answer within ${options.timeoutMs ?? 10_000} ms` : message(error);
    return { path, url, outcome: 'unreachable', durationMs, error: maskSecrets(why, options.secretValues) };
  }
}

interface ReadLimits {
  maxEvents: number;
  maxPages: number;
  maxMs: number;
}

interface EventsRead {
  events: LogEvent[];
  truncated?: LogCheck['truncated'];
}

// CloudWatch Logs documents that a page may be empty while a nextToken remains (it searches the group in
// stretches): only a missing nextToken ends the result. Stopping at the first empty page lost the newest lines.
async function readEvents(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  startTime: number,
  limits: ReadLimits,
  signal?: AbortSignal,
): Promise<EventsRead> {
  const events: LogEvent[] = [];
  const started = Date.now();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    if (pages >= limits.maxPages) return { events, truncated: { reason: 'pages', pages } };
    if (Date.now() - started >= limits.maxMs) return { events, truncated: { reason: 'time', pages } };
    const page = await logs.send(
      new FilterLogEventsCommand({
        logGroupName,
        startTime,
        nextToken,
        filterPattern: RUNBOOK_LOG_FILTER,
        limit: 1000,
      }),
      { abortSignal: signal },
    );
    pages++;
    for (const e of page.events ?? [])
      events.push({ timestamp: e.timestamp ?? 0, message: e.message ?? '', logStream: e.logStreamName });
    // Pages come oldest first: keep reading and drop the oldest, so the newest `maxEvents` events remain.
    if (events.length > limits.maxEvents) events.splice(0, events.length - limits.maxEvents);
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return { events };
}

export async function readApplicationLog(
  clients: Pick<AwsClients, 'appRunner' | 'logs'>,
  service: AppRunnerService,
  options: LiveCheckOptions,
): Promise<LogCheck> {
  const logGroup = applicationLogGroup(service);
  try {
    // The current deployment started with the latest operation; older lines describe an older deployment.
    const operation = await latestOperation(clients.appRunner, service.arn).catch(() => undefined);
    const parsed = operation?.startedAt ? Date.parse(operation.startedAt) : undefined;
    const since = parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined;
    const startTime = logStartTime(Date.now(), since, options.logLookbackMs ?? 24 * 3_600_000);
    const limits = {
      maxEvents: options.maxLogEvents ?? 2000,
      maxPages: options.maxLogPages ?? 100,
      maxMs: options.maxLogReadMs ?? 20_000,
    };
    const { events, truncated } = await readEvents(clients.logs, logGroup, startTime, limits, options.signal);
    const scan = scanLogEvents(events, { since, secretValues: options.secretValues });
    return { logGroup, outcome: 'read', scan, ...(truncated ? { truncated } : {}) };
  } catch (error) {
    const missing = (error as { name?: string }).name === 'ResourceNotFoundException';
    return {
      logGroup,
      outcome: missing ? 'missing' : 'failed',
      error: maskSecrets(message(error), options.secretValues),
    };
  }
}

export async function runLiveChecks(
  clients: Pick<AwsClients, 'appRunner' | 'logs'>,
  service: AppRunnerService,
  options: LiveCheckOptions,
): Promise<LiveChecks> {
  const checkedAt = new Date().toISOString();
  options = {
    ...options,
    secretValues: [...(options.secretValues ?? []), ...snapshotSecretValues({ services: [service] })],
  };
  const healthPath = options.healthCheckPath || service.healthCheckPath || '/';
  const noUrl = `${service.name} has no service URL (status ${service.status})`;
  const [health, dbHealth, logs] = await Promise.all([
    service.url ? checkHttp(service.url, healthPath, false, options) : skippedHttp(healthPath, noUrl),
    service.url
      ? checkHttp(service.url, options.dbHealthPath, true, options)
      : skippedHttp(options.dbHealthPath, noUrl),
    readApplicationLog(clients, service, options),
  ]);
  return { checkedAt, health, dbHealth, logs };
}
