// Tail Application Log (runbook 6.2): one poll of the application log group, FilterLogEvents from the
// cursor (src/model/ops/logTail.ts), following nextToken for at most a few pages; the rest of a long answer
// is read at the next poll from the same token. No filter pattern: a tail shows every line.
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  advanceTail,
  TAIL_MAX_PAGES_PER_POLL,
  tailRequest,
  type TailCursor,
  type TailEvent,
} from '../model/ops/logTail';

export interface TailPollOptions {
  maxPages?: number;
  /** Events per page (FilterLogEvents' own default and maximum is 10,000). */
  pageSize?: number;
  signal?: AbortSignal;
}

/** Reads what is new since the cursor; throws the SDK's error (the caller decides: back off, stop, retry). */
export async function pollLogTail(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  cursor: TailCursor,
  options: TailPollOptions = {},
): Promise<{ fresh: TailEvent[]; cursor: TailCursor; pages: number }> {
  const fresh: TailEvent[] = [];
  const maxPages = options.maxPages ?? TAIL_MAX_PAGES_PER_POLL;
  let pages = 0;
  do {
    const page = await logs.send(
      new FilterLogEventsCommand({ logGroupName, ...tailRequest(cursor), limit: options.pageSize }),
      { abortSignal: options.signal },
    );
    pages++;
    const step = advanceTail(cursor, {
      events: (page.events ?? []).map((e) => ({
        eventId: e.eventId,
        timestamp: e.timestamp ?? 0,
        message: e.message ?? '',
        logStream: e.logStreamName,
      })),
      // CloudWatch documents empty pages that still carry a nextToken: only a missing token ends the answer.
      nextToken: page.nextToken || undefined,
    });
    fresh.push(...step.fresh);
    cursor = step.cursor;
  } while (cursor.nextToken && pages < maxPages && !options.signal?.aborted);
  return { fresh, cursor, pages };
}
