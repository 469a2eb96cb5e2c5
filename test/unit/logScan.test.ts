import assert from 'node:assert/strict';
import { applicationLogGroup, isErrorLine, scanLogEvents } from '../../src/model/diagnosis/logScan';
import { maskSecrets } from '../../src/model/common/secretMask';

const at = (iso: string): number => Date.parse(iso);

describe('application log scan (runbook 6.2)', () => {
  it('finds "Successfully connected to database" and no errors in a healthy deployment', () => {
    const scan = scanLogEvents([
      { timestamp: at('2026-11-28T10:00:00Z'), message: 'Application startup' },
      { timestamp: at('2026-11-28T10:00:01Z'), message: 'Successfully connected to database' },
    ]);
    assert.equal(scan.connectedLineSeen, true);
    assert.equal(scan.lastConnectedAt, '2026-11-28T10:00:01.000Z');
    assert.equal(scan.errorLines, 0);
    assert.equal(scan.latestDatabaseLine, 'connected');
    assert.equal(scan.eventsScanned, 2);
  });

  it('counts error lines of the current deployment and keeps them as evidence, errors before it apart', () => {
    const since = at('2026-11-28T10:00:00Z');
    const scan = scanLogEvents(
      [
        {
          timestamp: since - 60_000,
          message: 'ERROR: Failed to connect to database: timeout expired',
          logStream: 'instance/old',
        },
        {
          timestamp: since + 2_000,
          message: 'ERROR: Failed to connect to database: connection to server at "db", port 5432 failed',
          logStream: 'instance/new',
        },
        { timestamp: since + 1_000, message: 'Application startup' },
      ],
      { since },
    );
    assert.equal(scan.errorLines, 1);
    assert.equal(scan.earlierErrorLines, 1);
    assert.equal(scan.connectedLineSeen, false);
    assert.equal(scan.latestDatabaseLine, 'error');
    assert.deepEqual(
      scan.errors.map((e) => [e.at, e.logStream]),
      [['2026-11-28T10:00:02.000Z', 'instance/new']],
    );
  });

  it('an old connected line does not count for the current deployment', () => {
    const since = at('2026-11-28T10:00:00Z');
    const scan = scanLogEvents([{ timestamp: since - 1, message: 'Successfully connected to database' }], { since });
    assert.equal(scan.connectedLineSeen, false);
    assert.equal(scan.latestDatabaseLine, undefined);
  });

  it('the latest database line wins: a reconnect after an error reads as connected', () => {
    const scan = scanLogEvents([
      { timestamp: 3, message: 'Successfully connected to database' },
      { timestamp: 1, message: 'psycopg.OperationalError: connection to server at "db" failed' },
    ]);
    assert.equal(scan.latestDatabaseLine, 'connected');
    assert.equal(scan.errorLines, 1);
  });

  it('keeps only the newest error lines as evidence', () => {
    const events = Array.from({ length: 8 }, (_, i) => ({ timestamp: i, message: `ERROR line ${i}` }));
    const scan = scanLogEvents(events, { maxErrors: 3 });
    assert.equal(scan.errorLines, 8);
    assert.deepEqual(
      scan.errors.map((e) => e.message),
      ['ERROR line 5', 'ERROR line 6', 'ERROR line 7'],
    );
  });

  it('recognises common error line shapes and ignores lines that only mention errors', () => {
    for (const line of [
      'ERROR:    Exception in ASGI application',
      '{"level":"error","msg":"db down"}',
      'time=2026 level=error msg="boom"',
      'Traceback (most recent call last):',
      'sqlalchemy.exc.OperationalError: could not connect',
      'CRITICAL worker died',
      'could not translate host name "db" to address: Name or service not known',
    ])
      assert.equal(isErrorLine(line), true, line);
    for (const line of [
      'INFO: 0 errors so far',
      'GET /api/v1/health 200',
      'error_count=0',
      'Successfully connected to database',
    ]) {
      assert.equal(isErrorLine(line), false, line);
    }
  });

  it('masks passwords in URLs and AWS keys in the error lines it keeps', () => {
    const scan = scanLogEvents([
      {
        timestamp: 1,
        message: 'ERROR: cannot use postgresql://app:s3cr3t-pw@db.example:5432/kyudai (key AKIAABCDEFGHIJKLMNOP)',
      },
    ]);
    assert.equal(scan.errors[0].message, 'ERROR: cannot use postgresql://app:***@db.example:5432/kyudai (key ***)');
    assert.equal(
      maskSecrets('see https://example.com/path and postgres://u@h/db'),
      'see https://example.com/path and postgres://u@h/db',
    );
  });

  it('names the application log group as App Runner does', () => {
    assert.equal(
      applicationLogGroup({ name: 'kyudai-api', id: 'abc123' }),
      '/aws/apprunner/kyudai-api/abc123/application',
    );
  });
});
