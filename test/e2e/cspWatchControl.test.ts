// The positive control of the CSP watcher (test/support/cspWatch.ts): a page shaped like a VS Code webview (an
// iframe from another site under /webview/, holding an inner frame with a strict policy) breaks its policy on
// purpose with an inline script, an inline style and an image. The watcher must see those violations, or the
// reliability figure webviewCspViolations = 0 would mean nothing; the count goes into the e2e-csp report, and
// test/reliability/webviewCsp.test.ts requires it.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { newCspTally, recordCspControl, watchCsp, writeCspReport } from '../support/cspWatch';

const OUTER = (port: number): string =>
  `<!doctype html><title>outer</title><iframe src="http://localhost:${port}/webview/pre/index.html"></iframe>`;
const PRE = '<!doctype html><title>pre</title><iframe src="fake.html"></iframe>';
const VIOLATING =
  '<!doctype html><title>fake</title><style>body { color: red }</style>' +
  '<script>document.title = "ran"</script><img src="/image.png"><p>violates its CSP on purpose</p>';

describe('the CSP watcher sees a webview that violates its policy (positive control)', function () {
  this.timeout(60_000);
  let server: Server | undefined;
  let browser: Browser | undefined;

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('counts the violations of the page and its webview frames', async () => {
    server = createServer((req, res) => {
      const port = (server?.address() as AddressInfo).port;
      if (req.url === '/webview/pre/fake.html') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "default-src 'none'" });
        res.end(VIOLATING);
      } else if (req.url === '/webview/pre/index.html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(PRE);
      } else if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(OUTER(port));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    browser = await launchChromium();
    const page = await browser.newPage();
    const tally = newCspTally();
    watchCsp(page, tally);
    await page.goto(`http://127.0.0.1:${port}/`);
    const deadline = Date.now() + 15_000;
    while (tally.violations.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    recordCspControl(tally);
    writeCspReport();
    assert.ok(tally.webviewFrames.size >= 2, `webview frames seen: ${[...tally.webviewFrames].join(', ')}`);
    assert.ok(
      tally.violations.length >= 3,
      `the inline script, the inline style and the image were reported as webview violations: ${JSON.stringify(tally)}`,
    );
  });
});
