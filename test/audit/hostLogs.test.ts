// The audit of the host layer's logs: the host runner scanned every log the VS Code host wrote (log channel,
// webview console, server log) for credentials and seeded secrets, and wrote test-results/host-secrets.json
// (the minimum VS Code) and host-secrets-current.json (the current one, docs/compatibility.md).
import assert from 'node:assert/strict';
import { readFreshLayerReport } from '../support/layerReports';
import type { SecretHit } from '../support/secretScan';
import { setFigure } from './figures';

interface HostSecretsReport {
  secretsFound: number;
  filesScanned: number;
  requestLogLines: number;
  seedSecretsLookedFor: number;
  hits: SecretHit[];
}

// The current VS Code's run is scanned when npm test ran it (TEST_LAYERS=...,host-current; docs/compatibility.md).
const RUNS = [
  { title: 'the minimum VS Code', report: 'host-secrets' },
  ...(process.env.TEST_LAYERS?.split(',').includes('host-current')
    ? [{ title: 'the current VS Code', report: 'host-secrets-current' } as const]
    : []),
] as const;

describe('Audit: credentials and seeded secrets never appear in the host logs', () => {
  const found = { secrets: 0, files: 0 };
  after(() => setFigure('secretsInHostLogs', found.secrets, found.files));

  for (const run of RUNS) {
    it(`every log of the last host run on ${run.title} (log channel, webview console, server log)`, () => {
      // Written by the host runner after it scanned the extension host's logs (npm test runs host before this).
      const report = readFreshLayerReport<HostSecretsReport>(run.report);
      assert.ok(report.seedSecretsLookedFor > 0, 'the seeded secrets were looked for');
      assert.ok(report.filesScanned > 0, 'the host wrote logs');
      found.secrets += report.secretsFound;
      found.files += report.filesScanned;
      assert.deepEqual(report.hits, []);
    });
  }
});
