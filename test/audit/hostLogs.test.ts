// The audit of the host layer's logs: the host runner scanned every log the VS Code host wrote (log channel,
// webview console, server log) for credentials and seeded secrets, and wrote test-results/host-secrets.json.
import assert from 'node:assert/strict';
import { readFreshLayerReport } from '../support/layerReports';
import type { SecretHit } from '../support/secretScan';
import { setFigure } from './figures';

describe('Audit: credentials and seeded secrets never appear in the host logs', () => {
  it('every log of the last host run (log channel, webview console, server log)', () => {
    // Written by the host runner after it scanned the extension host's logs (npm test runs host before this).
    const report = readFreshLayerReport<{
      secretsFound: number;
      filesScanned: number;
      requestLogLines: number;
      seedSecretsLookedFor: number;
      hits: SecretHit[];
    }>('host-secrets');
    assert.ok(report.seedSecretsLookedFor > 0, 'the seeded secrets were looked for');
    assert.ok(report.filesScanned > 0, 'the host wrote logs');
    setFigure('secretsInHostLogs', report.secretsFound, report.filesScanned);
    assert.deepEqual(report.hits, []);
  });
});
