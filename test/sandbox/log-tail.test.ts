// Tail Application Log against the sandbox (runbook 6.2): the lines the running app prints
// (POST /_sandbox/app-log) come through pollLogTail over the real SDK once each, in order, across pages and
// CloudWatch's empty pages with a token; a throttled or denied FilterLogEvents reaches the loop as the error
// it classifies.
import assert from 'node:assert/strict';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { pollLogTail } from '../../src/aws/logTail';
import { applicationLogGroup } from '../../src/model/diagnosis/logScan';
import { formatTailLine, startCursor, tailErrorKind, type TailCursor } from '../../src/model/ops/logTail';
import { admin, callCounts, getSandbox, resetCallCounts, sandboxClients, seed } from './support';

describe('log tail against the sandbox', function () {
  this.timeout(30_000);
  let logs: CloudWatchLogsClient;
  let group = '';

  const appLog = (lines: string[], service = seed().serviceName ?? '') =>
    admin<{ logGroupName: string; logStreamName: string }>('POST', 'app-log', { service, lines });

  /** Polls until the cursor has no page pending, as the loop does over successive polls. */
  async function drain(cursor: TailCursor, pageSize?: number): Promise<{ messages: string[]; cursor: TailCursor }> {
    const messages: string[] = [];
    do {
      const result = await pollLogTail(logs, group, cursor, { pageSize, maxPages: 2 });
      messages.push(...result.fresh.map((e) => e.message));
      cursor = result.cursor;
    } while (cursor.nextToken);
    return { messages, cursor };
  }

  before(async () => {
    await getSandbox().reset();
    logs = sandboxClients().logs;
    group = applicationLogGroup({ name: seed().serviceName ?? '', id: seed().serviceId ?? '' });
  });

  afterEach(async () => {
    await getSandbox().clearFaults();
  });

  it('writes a line into the running service application log group, in a stream of its own', async () => {
    const written = await appLog(['hello from the app']);
    assert.equal(written.logGroupName, group);
    assert.match(written.logStreamName, /^instance\/[0-9a-f]{32}$/);
  });

  it('refuses an unknown service or empty lines with 400 and writes nothing', async () => {
    await assert.rejects(appLog(['x'], 'no-such-service'), /HTTP 400.*no service/);
    await assert.rejects(
      admin('POST', 'app-log', { service: seed().serviceName, lines: [] }),
      /HTTP 400.*lines must be a non-empty list/,
    );
  });

  it('shows each new line once, oldest first, poll after poll', async () => {
    let { cursor } = await drain(startCursor(Date.now()));
    await appLog(['Application startup', 'Successfully connected to database']);
    const first = await drain(cursor);
    assert.deepEqual(first.messages, ['Application startup', 'Successfully connected to database']);
    assert.equal(formatTailLine({ timestamp: Date.now(), message: first.messages[1] }).kind, 'connected');
    // The next request re-reads the lag window: the same lines come back from CloudWatch and are not shown.
    const again = await drain(first.cursor);
    assert.deepEqual(again.messages, []);
    await appLog(['ERROR: Failed to connect to database: timeout expired']);
    const third = await drain(again.cursor);
    assert.deepEqual(third.messages, ['ERROR: Failed to connect to database: timeout expired']);
    cursor = third.cursor;
    assert.ok(cursor.seen.size >= 3, 'the re-read window remembers what it showed');
  });

  it('loses no line across small pages and empty pages with a token, continuing at the next poll', async () => {
    const start = await drain(startCursor(Date.now()));
    const lines = Array.from({ length: 7 }, (_, i) => `line ${i + 1}`);
    await appLog(lines);
    await getSandbox().setFaults({ emptyLogPages: 1 });
    await resetCallCounts();
    const first = await pollLogTail(logs, group, start.cursor, { pageSize: 2, maxPages: 3 });
    assert.ok(first.cursor.nextToken, 'three pages do not hold the answer: the next poll goes on from the token');
    assert.equal(first.pages, 3);
    const rest = await drain(first.cursor, 2);
    assert.deepEqual(
      [...first.fresh.map((e) => e.message), ...rest.messages].filter((m) => m.startsWith('line ')),
      lines,
    );
    assert.ok((await callCounts()).operations.FilterLogEvents >= 3);
  });

  it('hands a throttled and a denied FilterLogEvents to the loop as the errors it backs off on and stops on', async () => {
    await getSandbox().setFaults({
      failNth: [
        {
          operation: 'FilterLogEvents',
          nth: 1,
          error: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
        },
        {
          operation: 'FilterLogEvents',
          nth: 2,
          error: {
            code: 'AccessDeniedException',
            status: 400,
            message: 'User is not authorized to perform: logs:FilterLogEvents',
          },
        },
      ],
    });
    const cursor = startCursor(Date.now());
    const throttled = await pollLogTail(logs, group, cursor).catch((e: unknown) => e as Error);
    assert.equal(tailErrorKind(throttled as Error), 'throttled', String(throttled));
    const denied = await pollLogTail(logs, group, cursor).catch((e: unknown) => e as Error);
    assert.equal(tailErrorKind(denied as Error), 'denied', String(denied));
  });

  it('reports a group that does not exist yet as missing (the loop waits for it)', async () => {
    const error = await pollLogTail(logs, '/aws/apprunner/none/0/application', startCursor(Date.now())).catch(
      (e: unknown) => e as Error,
    );
    assert.equal(tailErrorKind(error as Error), 'missing', String(error));
  });
});
