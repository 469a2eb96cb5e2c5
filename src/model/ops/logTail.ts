// Tail Application Log (runbook 6.2): the pure half of following a CloudWatch Logs group by
// polling FilterLogEvents. The cursor says where the next request starts; the lines shown are told apart from
// the ones already shown by event id, because a poll deliberately reads a little of the past again: CloudWatch
// accepts events late (ingestion lags, several instance streams interleave), so a cursor that moved exactly to
// the newest timestamp would skip a line that arrived after its younger neighbours.
import { maskSecrets } from '../common/secretMask';
import { isConnectedLine, isErrorLine } from '../diagnosis/logScan';

export interface TailEvent {
  eventId?: string;
  /** Milliseconds since the epoch, as CloudWatch Logs reports it. */
  timestamp: number;
  message: string;
  logStream?: string;
}

export interface TailPage {
  events: readonly TailEvent[];
  nextToken?: string;
}

export interface TailCursor {
  /** startTime of the next request (ms since the epoch). */
  startTime: number;
  /** Set while one request's pages are being read: the next page of that same request. */
  nextToken?: string;
  /** Events already shown that a later request may return again (timestamp >= startTime), by key. */
  seen: ReadonlyMap<string, number>;
  /** The newest timestamp shown so far. */
  newest?: number;
}

/** How much before "now" the first request reads, so a tail opens with the latest lines (10 minutes). */
export const TAIL_BACKFILL_MS = 10 * 60_000;
/** How far behind the newest line shown each request starts again, for lines accepted late (30 seconds). */
export const TAIL_LAG_MS = 30_000;
/** The most pages one poll reads; the rest continue at the next poll from the same nextToken. */
export const TAIL_MAX_PAGES_PER_POLL = 10;
/** The longest wait between polls after throttling or a failure. */
export const TAIL_MAX_BACKOFF_MS = 60_000;

export function startCursor(now: number, backfillMs = TAIL_BACKFILL_MS): TailCursor {
  return { startTime: now - backfillMs, seen: new Map() };
}

/** The FilterLogEvents parameters the cursor asks for next. */
export function tailRequest(cursor: TailCursor): { startTime: number; nextToken?: string } {
  return cursor.nextToken
    ? { startTime: cursor.startTime, nextToken: cursor.nextToken }
    : { startTime: cursor.startTime };
}

/** The event's identity: CloudWatch's eventId; without one, what the event says and where (never merged). */
export function eventKey(event: TailEvent): string {
  return event.eventId ?? `${event.logStream ?? ''}\u0000${event.timestamp}\u0000${event.message}`;
}

/**
 * One page read: the events not shown before (oldest first) and the cursor after it. While the page has a
 * nextToken the request goes on where it is; at its end the next request starts `lagMs` before the newest
 * line shown (never earlier than now), and ids older than that start are forgotten, so the seen set stays the
 * size of that window.
 */
export function advanceTail(
  cursor: TailCursor,
  page: TailPage,
  lagMs = TAIL_LAG_MS,
): { fresh: TailEvent[]; cursor: TailCursor } {
  const seen = new Map(cursor.seen);
  const fresh: TailEvent[] = [];
  for (const event of page.events) {
    const key = eventKey(event);
    if (seen.has(key)) continue;
    seen.set(key, event.timestamp);
    fresh.push(event);
  }
  // Array.prototype.sort is stable: events of one timestamp keep the order CloudWatch gave them.
  fresh.sort((a, b) => a.timestamp - b.timestamp);
  const newest = fresh.reduce<number | undefined>(
    (max, e) => (max === undefined || e.timestamp > max ? e.timestamp : max),
    cursor.newest,
  );
  if (page.nextToken) return { fresh, cursor: { ...cursor, nextToken: page.nextToken, seen, newest } };
  const startTime = newest === undefined ? cursor.startTime : Math.max(cursor.startTime, newest - lagMs);
  for (const [key, at] of seen) if (at < startTime) seen.delete(key);
  return { fresh, cursor: { startTime, seen, newest } };
}

export type TailLineKind = 'connected' | 'error' | 'plain';

export interface TailLine {
  kind: TailLineKind;
  text: string;
}

/** The runbook's two lines stand out: the marker and a level word the output's log colouring knows. */
const MARKERS: Record<TailLineKind, string> = {
  connected: '✔ [connected] ',
  error: '✖ [error] ',
  plain: '',
};

/** The instance a stream belongs to, short: App Runner names streams `instance/<32 hex digits>`. */
function streamLabel(stream: string | undefined): string {
  if (!stream) return '';
  const last = stream.split('/').pop() ?? stream;
  return `[${last.slice(0, 8)}] `;
}

export function tailLineKind(message: string): TailLineKind {
  if (isConnectedLine(message)) return 'connected';
  if (isErrorLine(message)) return 'error';
  return 'plain';
}

/** One event as the output channel shows it: time (UTC), instance, marker, the message with secrets masked. */
export function formatTailLine(event: TailEvent, secretValues: readonly string[] = []): TailLine {
  const message = event.message.replace(/\s+$/, '');
  const kind = tailLineKind(message);
  const at = Number.isFinite(event.timestamp) ? new Date(event.timestamp).toISOString() : '?';
  return {
    kind,
    text: maskSecrets(`${at} ${streamLabel(event.logStream)}${MARKERS[kind]}${message}`, secretValues),
  };
}

export type TailErrorKind = 'throttled' | 'denied' | 'missing' | 'failed';

/** What a failed FilterLogEvents means for the tail: wait longer, stop, wait for the group, or retry. */
export function tailErrorKind(error: { name?: string; code?: string } | undefined): TailErrorKind {
  const name = error?.name ?? error?.code ?? '';
  if (
    /^(ThrottlingException|Throttling|TooManyRequestsException|LimitExceededException|RequestLimitExceeded)$/.test(name)
  )
    return 'throttled';
  if (/^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/.test(name)) return 'denied';
  if (name === 'ResourceNotFoundException') return 'missing';
  return 'failed';
}

/** The wait before the next poll: the interval, doubled for each failure in a row, at most the cap. */
export function tailDelayMs(intervalMs: number, failuresInRow: number, capMs = TAIL_MAX_BACKOFF_MS): number {
  if (failuresInRow <= 0) return intervalMs;
  return Math.min(Math.max(intervalMs, capMs), intervalMs * 2 ** Math.min(failuresInRow, 16));
}
