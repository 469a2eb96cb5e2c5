// What the diagnose command saw live, beside the snapshot analysis: the runbook's two health endpoints
// (6.1, 6.3) and the application log (6.2). Plain values, filled in by src/aws/liveChecks.ts.
import type { LogScan } from './logScan';
import { maskSecrets } from '../common/secretMask';

/** `missing`: the DB health path answered 404, the application has no such handler (runbook 6.3). */
export type HttpOutcome = 'healthy' | 'unhealthy' | 'missing' | 'unreachable' | 'skipped';

export interface HttpCheck {
  path: string;
  url?: string;
  outcome: HttpOutcome;
  status?: number;
  /** The start of the response body (at most BODY_EXCERPT_CHARS characters). */
  body?: string;
  durationMs?: number;
  /** Why there was no answer, or why the check was skipped. */
  error?: string;
}

export type LogOutcome = 'read' | 'missing' | 'failed' | 'skipped';

export interface LogCheck {
  logGroup?: string;
  outcome: LogOutcome;
  scan?: LogScan;
  error?: string;
  /** Set when reading stopped at the page or time cap before the last page: the newest lines may be missing. */
  truncated?: { reason: 'pages' | 'time'; pages: number };
}

export interface LiveChecks {
  checkedAt: string;
  health: HttpCheck;
  dbHealth: HttpCheck;
  logs: LogCheck;
}

export const BODY_EXCERPT_CHARS = 500;

/**
 * The runbook's expected answers: `{"status":"healthy"}` for the health path and, for the DB health path,
 * `{"status":"healthy","database":"connected"}` (6.3). Anything else, including a 200 that says
 * "unhealthy", is unhealthy.
 */
export function judgeHealth(
  status: number,
  body: string,
  expectDatabase: boolean,
): 'healthy' | 'unhealthy' | 'missing' {
  // A 404 on the DB health path: the endpoint is missing, not failing (the app answered; it has no handler).
  if (expectDatabase && status === 404) return 'missing';
  if (status < 200 || status > 299) return 'unhealthy';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'unhealthy';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'unhealthy';
  const value = parsed as { status?: unknown; database?: unknown };
  if (value.status !== 'healthy') return 'unhealthy';
  return !expectDatabase || value.database === 'connected' ? 'healthy' : 'unhealthy';
}

/** How long the engine's one-line health summary may be (it reaches notifications and CLI lines). */
export const HEALTH_SUMMARY_CHARS = 160;

/**
 * One short, masked line for what a health path answered, for step details and errors (never the raw
 * body). A JSON body is reduced to the runbook's fields (status, database, and the error text);
 * anything else to its masked start.
 */
export function healthBodySummary(status: number, body: string, secrets: readonly string[] = []): string {
  let shown: string;
  try {
    const parsed = JSON.parse(body) as unknown;
    const value =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    const picked = Object.fromEntries(
      ['status', 'database', 'error', 'message', 'detail']
        .filter((k) => typeof value[k] === 'string')
        .map((k) => [k, value[k]]),
    );
    shown = Object.keys(picked).length > 0 ? JSON.stringify(picked) : `${body.length} bytes of JSON`;
  } catch {
    shown = body.replace(/\s+/g, ' ').trim();
  }
  const masked = maskSecrets(shown, secrets);
  const line = `HTTP ${status}${masked ? ` ${masked}` : ''}`;
  return line.length > HEALTH_SUMMARY_CHARS ? `${line.slice(0, HEALTH_SUMMARY_CHARS - 1)}…` : line;
}

export function skippedHttp(path: string, why: string): HttpCheck {
  return { path, outcome: 'skipped', error: why };
}
