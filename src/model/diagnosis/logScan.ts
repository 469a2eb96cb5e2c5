// Runbook 6.2 as code: read the application log for "Successfully connected to database" and for error
// lines. Lines from before the current deployment are counted apart, because an old failure (the first
// deployment with DEFAULT egress, say) says nothing about the service as it runs now.
import { maskSecrets } from '../common/secretMask';

export interface LogEvent {
  /** Milliseconds since the epoch, as CloudWatch Logs reports it. */
  timestamp: number;
  message: string;
  logStream?: string;
}

export interface LogLine {
  at: string;
  message: string;
  logStream?: string;
}

export interface LogScan {
  eventsScanned: number;
  /** "Successfully connected to database" in the current deployment's lines. */
  connectedLineSeen: boolean;
  lastConnectedAt?: string;
  /** Error lines in the current deployment's lines. */
  errorLines: number;
  /** Error lines before the current deployment started (shown, not counted against the service). */
  earlierErrorLines: number;
  /** The newest error lines of the current deployment, oldest first. */
  errors: LogLine[];
  /** Whichever came last in the current deployment: a connected line or a database error. */
  latestDatabaseLine?: 'connected' | 'error';
}

export interface LogScanOptions {
  /** Start of the current deployment (ms since the epoch); everything counts as current when absent. */
  since?: number;
  /** How many error lines to keep as evidence (default 5). */
  maxErrors?: number;
  /** Values to mask in the kept lines (the service's own secrets). */
  secretValues?: readonly string[];
}

const CONNECTED = /successfully connected to (the )?database/i;
// Log levels as written by common loggers (uvicorn, logging, pino's JSON) and Python tracebacks; a plain
// "0 errors" or "error_count" must not count.
const ERROR_PATTERNS = [
  /\b(ERROR|FATAL|CRITICAL|PANIC)\b/,
  /"level"\s*:\s*"(error|fatal|critical)"/i,
  /\blevel=(error|fatal|critical)\b/i,
  /^Traceback \(most recent call last\)/,
  /^\s*[\w.]*(Error|Exception):\s/,
  /\b(failed to connect|could not connect|connection refused|could not translate host name)\b/i,
];
const DATABASE_ERROR = /database|postgres|psycopg|connection to server|could not translate host name|5432/i;

export function isErrorLine(message: string): boolean {
  return ERROR_PATTERNS.some((p) => p.test(message));
}

export function isConnectedLine(message: string): boolean {
  return CONNECTED.test(message);
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function scanLogEvents(events: readonly LogEvent[], options: LogScanOptions = {}): LogScan {
  const ordered = [...events].sort((a, b) => a.timestamp - b.timestamp);
  const since = options.since ?? Number.NEGATIVE_INFINITY;
  const maxErrors = options.maxErrors ?? 5;
  const scan: LogScan = {
    eventsScanned: ordered.length,
    connectedLineSeen: false,
    errorLines: 0,
    earlierErrorLines: 0,
    errors: [],
  };
  for (const event of ordered) {
    const message = event.message.replace(/\s+$/, '');
    const current = event.timestamp >= since;
    if (isConnectedLine(message)) {
      if (!current) continue;
      scan.connectedLineSeen = true;
      scan.lastConnectedAt = iso(event.timestamp);
      scan.latestDatabaseLine = 'connected';
    } else if (isErrorLine(message)) {
      if (!current) {
        scan.earlierErrorLines++;
        continue;
      }
      scan.errorLines++;
      scan.errors.push({
        at: iso(event.timestamp),
        message: maskSecrets(message, options.secretValues).slice(0, 300),
        logStream: event.logStream,
      });
      if (scan.errors.length > maxErrors) scan.errors.shift();
      if (DATABASE_ERROR.test(message)) scan.latestDatabaseLine = 'error';
    }
  }
  return scan;
}

/**
 * CloudWatch Logs filter pattern for the runbook's lines (6.2): the connected line and error lines. Terms
 * are case-sensitive in CloudWatch, so each is listed in the spellings loggers use; the scan above still
 * decides what counts, the pattern only spares reading the rest.
 */
export const RUNBOOK_LOG_FILTER = [
  '"Successfully connected"',
  '"successfully connected"',
  'ERROR',
  'Error',
  'error',
  'FATAL',
  'Fatal',
  'fatal',
  'CRITICAL',
  'critical',
  'PANIC',
  'Exception',
  'Traceback',
  '"failed to connect"',
  '"Failed to connect"',
  '"could not connect"',
  '"Could not connect"',
  '"connection refused"',
  '"Connection refused"',
  '"could not translate host name"',
]
  .map((term) => `?${term}`)
  .join(' ');

/** How far before the deployment's start the log is read: clocks differ and the first lines come early. */
export const LOG_START_MARGIN_MS = 5 * 60_000;

/** Where the log scan starts: the deployment's start minus the margin when known, else `lookbackMs` ago. */
export function logStartTime(now: number, deploymentStartedAt: number | undefined, lookbackMs: number): number {
  const fallback = now - lookbackMs;
  if (deploymentStartedAt === undefined || !Number.isFinite(deploymentStartedAt)) return fallback;
  return Math.max(fallback, deploymentStartedAt - LOG_START_MARGIN_MS);
}

/** Where App Runner writes the application's stdout: /aws/apprunner/<service>/<service-id>/application. */
export function applicationLogGroup(service: { name: string; id: string }): string {
  return `/aws/apprunner/${service.name}/${service.id}/application`;
}
