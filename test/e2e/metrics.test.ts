import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { DescribeServiceCommand, ListServicesCommand } from '@aws-sdk/client-apprunner';
import { getClients } from '../../src/aws/clients';
import { openWorkbenchOnSandbox, type E2eWorkbench } from '../support/e2eWorkbench';
import { useTheme } from '../support/theme';
import { openActivity, runFromPalette, screenshot } from '../support/workbench';

// What a person sees: on the runbook seed after some traffic, "Show Service Metrics" opens a
// themed panel whose charts are drawn from the metrics the sandbox's app published to CloudWatch; the window
// picker reads another window; the diagram's service details show the small requests/5xx chart.

/** The frame (of any webview) that holds `selector`. */
async function frameWith(page: Page, selector: string, what: string): Promise<Frame> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`${what} did not appear`);
}

async function runWhenConnected(page: Page, title: string): Promise<void> {
  // The extension connects once its view is shown (quiet start); the command is offered once connected.
  await openActivity(page, 'App Runner VPC').catch(async (error: unknown) => {
    await screenshot(page, 'metrics-activity-blocked');
    throw error;
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await runFromPalette(page, title);
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        await screenshot(page, 'metrics-command-not-offered');
        throw error;
      }
    }
  }
}

describe('e2e: Service Metrics from the sandbox app, dark and light', function () {
  this.timeout(300_000);
  let session: E2eWorkbench;
  let page: Page;
  const cspViolations: string[] = [];

  before(async () => {
    session = await openWorkbenchOnSandbox('metrics', {
      shareCredentials: true,
      onPage: (p) =>
        p.on('console', (m) => {
          if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply|evaluate)/i.test(m.text()))
            cspViolations.push(m.text());
        }),
    });
    page = session.page;
    // Traffic on the seed's service, as its users make: 12 answered requests, each published as metrics.
    const appRunner = getClients({ region: 'ap-northeast-1', endpointUrl: session.aws.endpoint }).appRunner;
    const summary = (await appRunner.send(new ListServicesCommand({}))).ServiceSummaryList?.[0];
    const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: summary?.ServiceArn ?? '' })))
      .Service;
    for (let i = 0; i < 12; i++) {
      const answer = await fetch(`http://${service?.ServiceUrl ?? ''}/api/v1/health`);
      assert.equal(answer.status, 200);
    }
  });

  after(() => session?.close());

  it('Show Service Metrics draws the charts from the published metrics (dark and light screenshots)', async () => {
    await runWhenConnected(page, 'App Runner VPC: Show Service Metrics');
    // From the palette the service is picked in a quick pick.
    // The command is offered before the first connection: the pick comes once the account is loaded.
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'kyudai-api' })
      .first()
      .click({ timeout: 120_000 });
    const frame = await frameWith(page, 'svg.chart[data-chart="requests"]', 'the metrics chart');
    const requests = frame.locator('svg.chart[data-chart="requests"]');
    assert.ok(Number(await requests.getAttribute('data-points')) > 0, 'the requests chart has data points');
    assert.ok((await requests.locator('circle.point').count()) > 0, 'its points are drawn');
    // The traffic fell into one or two periods: the dots, not the line, are what shows them.
    assert.ok(await requests.locator('circle.point').first().isVisible(), 'a data point is visible');
    assert.match(
      await frame.locator('figure[data-panel="requests"] .legend').innerText(),
      /Requests: 12 in the window/,
    );
    assert.match(await frame.locator('#verdict').innerText(), /pass/);
    assert.match(
      await frame.locator('figure[data-panel="latency"] .legend').innerText(),
      /p95: not available from this endpoint/,
    );
    await useTheme(page, 'dark');
    await screenshot(page, 'metrics-dark');
    await useTheme(page, 'light');
    await screenshot(page, 'metrics-light');
  });

  it('the window picker reads another window', async () => {
    let frame = await frameWith(page, 'svg.chart[data-chart="requests"]', 'the metrics chart');
    await frame.locator('button[data-window="24h"]').click();
    frame = await frameWith(page, 'button[data-window="24h"][aria-pressed="true"]', 'the 24 hours window');
    await frame.locator('svg.chart[data-chart="requests"] circle.point').first().waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('#verdict').innerText(), /Last 24h/);
  });

  it("the diagram's service details show the requests/5xx sparkline", async () => {
    await useTheme(page, 'dark');
    await runFromPalette(page, 'App Runner VPC: Show Network Diagram');
    const frame = await frameWith(page, '#diagram g.node[data-id="service:kyudai-api"]', 'the diagram');
    await frame.locator('g.node[data-id="service:kyudai-api"]').focus();
    await page.keyboard.press('Enter');
    const sparkline = frame.locator('#details .sparkline');
    await sparkline.locator('svg.chart circle.point').first().waitFor({ timeout: 60_000 });
    assert.match(await sparkline.innerText(), /Last hour: 12 requests, 0 5xx responses/);
    await sparkline.scrollIntoViewIfNeeded();
    await screenshot(page, 'diagram-service-sparkline-dark');
  });

  it('the webviews ran without a single Content Security Policy violation', () => {
    assert.deepEqual(cspViolations, []);
  });
});
