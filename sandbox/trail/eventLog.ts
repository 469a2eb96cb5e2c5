// The sandbox's CloudTrail event history: every recorded write call, kept in order, looked up as
// `cloudtrail:LookupEvents` answers (newest first, one lookup attribute, a time range, pages of at most 50).
// Emptied on reset, like the rest of the world. Bounded, as the real history is (90 days there).
import { createHash } from 'node:crypto';
import type { TrailEvent } from './trailEvent';

const KEEP = 20_000;
export const LOOKUP_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
export type LookupKey = (typeof LOOKUP_KEYS)[number];

export interface LookupQuery {
  attribute?: { key: LookupKey; value: string };
  /** Epoch ms, inclusive. */
  startTime?: number;
  endTime?: number;
  maxResults: number;
  nextToken?: string;
}

export class LookupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function matches(e: TrailEvent, attribute: LookupQuery['attribute']): boolean {
  if (!attribute) return true;
  const v = attribute.value;
  switch (attribute.key) {
    case 'ResourceName':
      return e.Resources.some((r) => r.ResourceName === v);
    case 'ResourceType':
      return e.Resources.some((r) => r.ResourceType === v);
    default:
      return String(e[attribute.key]) === v;
  }
}

/** A token only means something with the query it came from (AWS: "must be passed in with the same parameters"). */
function queryHash(q: LookupQuery): string {
  return createHash('sha256')
    .update(JSON.stringify([q.attribute, q.startTime, q.endTime]))
    .digest('hex')
    .slice(0, 16);
}

export class EventLog {
  private events: TrailEvent[] = [];
  private sequence = 0;
  private readonly order = new Map<string, number>();

  record(e: TrailEvent): void {
    this.events.push(e);
    this.order.set(e.EventId, this.sequence++);
    if (this.events.length > KEEP) {
      const dropped = this.events.splice(0, this.events.length - KEEP);
      for (const d of dropped) this.order.delete(d.EventId);
    }
  }

  clear(): void {
    this.events = [];
    this.order.clear();
  }

  /** Everything recorded, in the order the calls were made (for tests: GET /_sandbox/events). */
  all(): TrailEvent[] {
    return [...this.events];
  }

  /** Newest first: by event time, then by arrival for calls in the same millisecond. */
  private newestFirst(): TrailEvent[] {
    return [...this.events].sort(
      (a, b) => b.EventTime - a.EventTime || (this.order.get(b.EventId) ?? 0) - (this.order.get(a.EventId) ?? 0),
    );
  }

  lookup(q: LookupQuery): { events: TrailEvent[]; nextToken?: string } {
    const hash = queryHash(q);
    let skip = 0;
    if (q.nextToken !== undefined) {
      const m = /^([0-9a-f]{16})\.(\d+)$/.exec(Buffer.from(q.nextToken, 'base64url').toString('utf8'));
      if (!m || m[1] !== hash)
        throw new LookupError('InvalidNextTokenException', 'Invalid NextToken: it does not belong to this query.');
      skip = Number(m[2]);
    }
    const found = this.newestFirst().filter(
      (e) =>
        matches(e, q.attribute) &&
        (q.startTime === undefined || e.EventTime >= q.startTime) &&
        (q.endTime === undefined || e.EventTime <= q.endTime),
    );
    const page = found.slice(skip, skip + q.maxResults);
    const next = skip + page.length;
    return {
      events: page,
      nextToken: next < found.length ? Buffer.from(`${hash}.${next}`, 'utf8').toString('base64url') : undefined,
    };
  }
}
