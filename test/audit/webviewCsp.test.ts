import assert from 'node:assert/strict';
import type { CspViolation } from '../support/cspWatch';
import { readFreshLayerReport } from '../support/layerReports';
import { setFigure } from './figures';

describe('Audit: the webviews passed their Content Security Policy in the e2e run', () => {
  // What the browser refused in the webviews while the e2e layer clicked through the diagram (written by
  // test/support/cspWatch.ts from Chromium's console reports).
  it('the browser reported no CSP violation in any webview during the e2e run', () => {
    const report = readFreshLayerReport<{
      webviewFrames: number;
      violations: CspViolation[];
      otherViolations: CspViolation[];
      controlViolations?: number | null;
    }>('e2e-csp');
    assert.ok(report.webviewFrames > 0, 'the e2e run loaded at least one webview');
    // test/e2e/cspWatchControl.test.ts: a page that violates on purpose was seen, so the watcher can see one.
    assert.ok((report.controlViolations ?? 0) > 0, 'the watcher saw the positive control violate its policy');
    setFigure('webviewCspViolations', report.violations.length, report.webviewFrames);
    assert.deepEqual(report.violations, []);
  });
});
