// Tail Application Log's pure half (runbook 6.2): the cursor over FilterLogEvents answers (pages, the re-read
// window, no line twice, none lost when it arrives late), the line format with the runbook's lines marked and
// secrets masked, and what an error means for the poll loop.
import assert from 'node:assert/strict';
import {
  advanceTail,
  eventKey,
  formatTailLine,
  startCursor,
  TAIL_LAG_MS,
  tailDelayMs,
  tailErrorKind,
  tailRequest,
  type TailCursor,
  type TailEvent,
  type TailPage,
} from '../../src/model/ops/logTail';

const T0 = Date.parse('2026-11-30T12:00:00Z');
const ev = (
  id: string,
  offsetMs: number,
  message = `line ${id}`,
  logStream = 'instance/0123456789abcdef',
): TailEvent => ({
  eventId: id,
  timestamp: T0 + offsetMs,
  message,
  logStream,
});

/** Feeds the pages in order, returning every line shown and the final cursor. */
function run(cursor: TailCursor, pages: TailPage[]): { shown: string[]; cursor: TailCursor } {
  const shown: string[] = [];
  for (const page of pages) {
    const step = advanceTail(cursor, page);
    shown.push(...step.fresh.map((e) => e.eventId ?? '?'));
    cursor = step.cursor;
  }
  return { shown, cursor };
}

describe('log tail cursor', () => {
  it('starts the backfill before now and asks for no token at first', () => {
    const cursor = startCursor(T0, 60_000);
    assert.deepEqual(tailRequest(cursor), { startTime: T0 - 60_000 });
  });

  it('follows nextToken within one request, then starts the next request lagMs before the newest line', () => {
    let cursor = startCursor(T0, 60_000);
    const first = advanceTail(cursor, { events: [ev('a', 1000), ev('b', 2000)], nextToken: 'page-2' });
    assert.deepEqual(
      first.fresh.map((e) => e.eventId),
      ['a', 'b'],
    );
    assert.deepEqual(tailRequest(first.cursor), { startTime: T0 - 60_000, nextToken: 'page-2' });
    cursor = first.cursor;
    const last = advanceTail(cursor, { events: [ev('c', 50_000)] });
    assert.deepEqual(tailRequest(last.cursor), { startTime: T0 + 50_000 - TAIL_LAG_MS });
  });

  it('never shows a line twice when the re-read window returns it again', () => {
    const { shown } = run(startCursor(T0, 0), [
      { events: [ev('a', 1000), ev('b', 1000), ev('c', 2000)] },
      // The next request starts before c (the lag window): a, b and c come back, d is new.
      { events: [ev('a', 1000), ev('b', 1000), ev('c', 2000), ev('d', 2000)] },
      { events: [ev('c', 2000), ev('d', 2000)] },
    ]);
    assert.deepEqual(shown, ['a', 'b', 'c', 'd']);
  });

  it('shows a line that CloudWatch accepted late, older than lines already shown', () => {
    const { shown } = run(startCursor(T0, 0), [
      { events: [ev('new', 20_000)] },
      // Another instance's stream delivered its line after: its timestamp is 15 s before the one shown.
      { events: [ev('late', 5_000), ev('new', 20_000)] },
    ]);
    assert.deepEqual(shown, ['new', 'late']);
  });

  it('orders a page oldest first, keeping CloudWatch order within one timestamp', () => {
    const step = advanceTail(startCursor(T0, 0), {
      events: [ev('z', 3000), ev('x', 1000), ev('y', 1000)],
    });
    assert.deepEqual(
      step.fresh.map((e) => e.eventId),
      ['x', 'y', 'z'],
    );
  });

  it('forgets ids older than the next start, so the seen set stays the size of the lag window', () => {
    let cursor = startCursor(T0, 0);
    for (let i = 0; i < 200; i++) cursor = advanceTail(cursor, { events: [ev(`e${i}`, i * 1000)] }).cursor;
    // One line a second: only the lines of the last TAIL_LAG_MS (and the one at its edge) are remembered.
    assert.equal(cursor.seen.size, TAIL_LAG_MS / 1000 + 1);
    assert.equal(cursor.startTime, T0 + 199_000 - TAIL_LAG_MS);
  });

  it('keeps its start when a request returns nothing (never moves past lines not yet accepted)', () => {
    const cursor = startCursor(T0, 10_000);
    const step = advanceTail(cursor, { events: [] });
    assert.deepEqual(step.fresh, []);
    assert.equal(step.cursor.startTime, T0 - 10_000);
  });

  it('keeps reading an empty page that still has a nextToken', () => {
    const step = advanceTail(startCursor(T0, 0), { events: [], nextToken: 'more' });
    assert.equal(tailRequest(step.cursor).nextToken, 'more');
  });

  it('tells events without an id apart by stream, time and text', () => {
    const a: TailEvent = { timestamp: T0, message: 'x', logStream: 's1' };
    const b: TailEvent = { timestamp: T0, message: 'x', logStream: 's2' };
    assert.notEqual(eventKey(a), eventKey(b));
    const step = advanceTail(startCursor(T0, 0), { events: [a, b, { ...a }] });
    assert.equal(step.fresh.length, 2);
  });
});

describe('log tail lines', () => {
  it('marks the runbook 6.2 connected line', () => {
    const line = formatTailLine(ev('a', 0, 'Successfully connected to database'));
    assert.equal(line.kind, 'connected');
    assert.equal(line.text, '2026-11-30T12:00:00.000Z [01234567] ✔ [connected] Successfully connected to database');
  });

  it('marks connection errors, as the log scan counts them', () => {
    for (const message of [
      'ERROR: Failed to connect to database: connection to server at "db", port 5432 failed: timeout expired',
      'psycopg.OperationalError: could not translate host name "db" to address',
      'Traceback (most recent call last)',
    ]) {
      const line = formatTailLine(ev('a', 0, message));
      assert.equal(line.kind, 'error', message);
      assert.match(line.text, /✖ \[error\] /);
    }
  });

  it('leaves other lines plain and trims the trailing newline', () => {
    const line = formatTailLine(ev('a', 0, 'INFO:     GET /api/v1/health 200 (0 errors)\n'));
    assert.equal(line.kind, 'plain');
    assert.equal(line.text, '2026-11-30T12:00:00.000Z [01234567] INFO:     GET /api/v1/health 200 (0 errors)');
  });

  it('masks secrets in the line: a DSN password, and values known to be secret', () => {
    const dsn = formatTailLine(ev('a', 0, 'Connecting to postgresql://app:hunter2pass@db.internal:5432/app'));
    assert.doesNotMatch(dsn.text, /hunter2pass/);
    assert.match(dsn.text, /db\.internal/);
    const known = formatTailLine(ev('b', 0, 'token is s3cr3t-value-123'), ['s3cr3t-value-123']);
    assert.doesNotMatch(known.text, /s3cr3t-value-123/);
  });

  it('shows a line without a stream without the instance column', () => {
    const line = formatTailLine({ timestamp: T0, message: 'hello' });
    assert.equal(line.text, '2026-11-30T12:00:00.000Z hello');
  });
});

describe('log tail errors and backoff', () => {
  it('classifies throttling, denied access and a missing group', () => {
    assert.equal(tailErrorKind({ name: 'ThrottlingException' }), 'throttled');
    assert.equal(tailErrorKind({ name: 'AccessDeniedException' }), 'denied');
    assert.equal(tailErrorKind({ name: 'ResourceNotFoundException' }), 'missing');
    assert.equal(tailErrorKind({ name: 'ServiceUnavailableException' }), 'failed');
    assert.equal(tailErrorKind(undefined), 'failed');
  });

  it('doubles the wait per failure in a row, up to the cap, and returns to the interval', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 10].map((n) => tailDelayMs(5000, n, 60_000)),
      [5000, 10_000, 20_000, 40_000, 60_000, 60_000],
    );
    // An interval longer than the cap is never shortened by a failure.
    assert.equal(tailDelayMs(90_000, 3, 60_000), 90_000);
  });
});
