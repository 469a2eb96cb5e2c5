// The live half of a diagnosis (runbook 6): GET the health and DB health paths on the service URL, and scan
// the latest application log events. Never throws: every failure becomes part of the result, because a
// diagnosis that cannot reach the service still has its analysis to show.
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { serviceEndpointUrl } from '../model/awsTarget';
import { BODY_EXCERPT_CHARS, judgeHealth, skippedHttp, type HttpCheck, type LiveChecks, type LogCheck } from '../model/liveChecks';
import { applicationLogGroup, scanLogEvents, type LogEvent } from '../model/logScan';
import { maskSecrets } from '../model/secretMask';
import { snapshotSecretValues } from '../model/secretValues';
import type { AppRunnerService } from '../model/topology';
import { latestOperation } from './appRunnerOps';
import type { AwsClients } from './clients';

export type LiveFetch = (url: string, init: { signal: AbortSignal }) => Promise<{ status: number; text(): Promise<string> }>;

export interface LiveCheckOptions {
  healthCheckPath: string;
  dbHealthPath: string;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** How far back to read the application log (default 24 hours). */
  logLookbackMs?: number;
  /** At most this many log events are read, the newest kept (default 2000). */
  maxLogEvents?: number;
  fetch?: LiveFetch;
  signal?: AbortSignal;
  /** Values to mask by value in bodies and log lines (the service's own secrets; runLiveChecks adds them). */
  secretValues?: readonly string[];
}

const message = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export async function checkHttp(serviceUrl: string, path: string, expectDatabase: boolean, options: LiveCheckOptions): Promise<HttpCheck> {
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
    return { path, url, outcome: judgeHealth(response.status, body, expectDatabase), status: response.status, body: excerpt, durationMs };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const why = timeout.aborted ? `no answer within ${options.timeoutMs ?? 10_000} ms` : message(error);
    return { path, url, outcome: 'unreachable', durationMs, error: maskSecrets(why, options.secretValues) };
  }
}

async function readEvents(logs: CloudWatchLogsClient, logGroupName: string, startTime: number, max: number, signal?: AbortSignal): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ logGroupName, startTime, nextToken, limit: 1000 }), { abortSignal: signal });
    for (const e of page.events ?? []) events.push({ timestamp: e.timestamp ?? 0, message: e.message ?? '', logStream: e.logStreamName });
    // Pages come oldest first: keep reading and drop the oldest, so the newest `max` events remain.
    if (events.length > max) events.splice(0, events.length - max);
    nextToken = page.nextToken && page.events && page.events.length > 0 ? page.nextToken : undefined;
  } while (nextToken);
  return events;
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
    const since = operation?.startedAt ? Date.parse(operation.startedAt) : undefined;
    const startTime = Date.now() - (options.logLookbackMs ?? 24 * 3_600_000);
    const events = await readEvents(clients.logs, logGroup, startTime, options.maxLogEvents ?? 2000, options.signal);
    return { logGroup, outcome: 'read', scan: scanLogEvents(events, { since: Number.isFinite(since) ? since : undefined, secretValues: options.secretValues }) };
  } catch (error) {
    const missing = (error as { name?: string }).name === 'ResourceNotFoundException';
    return { logGroup, outcome: missing ? 'missing' : 'failed', error: maskSecrets(message(error), options.secretValues) };
  }
}

export async function runLiveChecks(
  clients: Pick<AwsClients, 'appRunner' | 'logs'>,
  service: AppRunnerService,
  options: LiveCheckOptions,
): Promise<LiveChecks> {
  const checkedAt = new Date().toISOString();
  options = { ...options, secretValues: [...(options.secretValues ?? []), ...snapshotSecretValues({ services: [service] })] };
  const healthPath = options.healthCheckPath || service.healthCheckPath || '/';
  const noUrl = `${service.name} has no service URL (status ${service.status})`;
  const [health, dbHealth, logs] = await Promise.all([
    service.url ? checkHttp(service.url, healthPath, false, options) : skippedHttp(healthPath, noUrl),
    service.url ? checkHttp(service.url, options.dbHealthPath, true, options) : skippedHttp(options.dbHealthPath, noUrl),
    readApplicationLog(clients, service, options),
  ]);
  return { checkedAt, health, dbHealth, logs };
}
