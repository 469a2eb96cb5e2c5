// The application log scan follows nextToken to the end. CloudWatch Logs may answer empty
// pages with a nextToken; moto never does, so the sandbox's `emptyLogPages` fault puts such pages in front of
// each of moto's (sandbox/logPaging.ts). The newest line must still be found, and the caps must say so.
import assert from 'node:assert/strict';
import { CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { readApplicationLog } from '../../src/aws/liveChecks';
import { applicationLogGroup } from '../../src/model/diagnosis/logScan';
import type { AppRunnerService } from '../../src/model/topology/topology';
import { useTestCredentials } from './engineSupport';
import { callCounts, getSandbox, resetCallCounts, sandboxClients, seed } from './support';

const PATHS = { healthCheckPath: '/api/v1/health', dbHealthPath: '/api/v1/db-health' };

function service(): AppRunnerService {
  const s = seed();
  return {
    arn: s.serviceArn ?? '',
    name: s.serviceName ?? 'kyudai-api',
    id: s.serviceId ?? '',
    status: 'RUNNING',
    detailsLoaded: true,
  };
}

describe('application log scan: paging as CloudWatch Logs pages', function () {
  this.timeout(60_000);
  const logGroupName = (): string => applicationLogGroup(service());

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    // 2,400 older error lines (three of moto's pages at limit 1000), then the newest line: connected.
    const logs = sandboxClients().logs;
    const logStreamName = 'instance/log-paging';
    await logs.send(new CreateLogStreamCommand({ logGroupName: logGroupName(), logStreamName }));
    const now = Date.now();
    const lines = Array.from({ length: 2400 }, (_, i) => ({
      timestamp: now - 60_000 + i,
      message: `ERROR: Failed to connect to database: attempt ${i}`,
    }));
    for (let i = 0; i < lines.length; i += 800)
      await logs.send(
        new PutLogEventsCommand({ logGroupName: logGroupName(), logStreamName, logEvents: lines.slice(i, i + 800) }),
      );
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: logGroupName(),
        logStreamName,
        logEvents: [{ timestamp: now, message: 'Successfully connected to database' }],
      }),
    );
  });
  afterEach(() => getSandbox().clearFaults());

  it('the sandbox answers empty pages with a nextToken, as CloudWatch Logs may', async () => {
    await getSandbox().setFaults({ emptyLogPages: 2 });
    const page = await sandboxClients().logs.send(
      new FilterLogEventsCommand({ logGroupName: logGroupName(), limit: 1000 }),
    );
    assert.deepEqual(page.events, []);
    assert.ok(page.nextToken, 'an empty page still has a nextToken');
  });

  it('reads past empty pages to the newest line, with the runbook filter pattern', async () => {
    await getSandbox().setFaults({ emptyLogPages: 3 });
    await resetCallCounts();
    const check = await readApplicationLog(sandboxClients(), service(), { ...PATHS, maxLogEvents: 5000 });
    assert.equal(check.outcome, 'read', check.error);
    assert.equal(check.truncated, undefined);
    assert.equal(check.scan?.connectedLineSeen, true, 'the newest line, after three pages and their empty pages');
    assert.equal(check.scan?.latestDatabaseLine, 'connected');
    assert.ok((check.scan?.eventsScanned ?? 0) >= 2401);
    // 3 of moto's pages (and the last), each behind 3 empty ones.
    assert.ok(((await callCounts()).operations.FilterLogEvents ?? 0) >= 12);
  });

  it('stops at the page cap and says the result is truncated', async () => {
    await getSandbox().setFaults({ emptyLogPages: 3 });
    const check = await readApplicationLog(sandboxClients(), service(), { ...PATHS, maxLogPages: 5 });
    assert.equal(check.outcome, 'read');
    assert.deepEqual(check.truncated, { reason: 'pages', pages: 5 });
  });

  it('stops at the time cap', async () => {
    await getSandbox().setFaults({ emptyLogPages: 3, latencyMs: 60 });
    const check = await readApplicationLog(sandboxClients(), service(), { ...PATHS, maxLogReadMs: 150 });
    assert.equal(check.truncated?.reason, 'time');
  });
});
