import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { getClients } from '../../src/aws/clients';
import { applyPlan } from '../../src/engine/applyPlan';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { loadTopology } from '../../src/aws/topologyLoader';
import { openWorkbenchOnSandbox, type E2eWorkbench } from '../support/e2eWorkbench';
import type { LocalAws } from '../support/localAws';
import { useTheme } from '../support/theme';
import { openActivity, runFromPalette, screenshot, waitForWorkbench } from '../support/workbench';

/** The webview's inner frame: the one that holds our <svg id="diagram">. */
async function diagramFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.$('#diagram g.node').catch(() => null)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the diagram webview did not appear');
}

async function edgeState(frame: Frame, id: string): Promise<string | null> {
  return frame.locator(`g.edge[data-id="${id}"]`).getAttribute('data-state');
}

async function showDiagramWhenConnected(page: Page): Promise<void> {
  // The extension connects once its view is shown (quiet start), as a person opens it before the diagram.
  await openActivity(page, 'App Runner VPC');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await runFromPalette(page, 'App Runner VPC: Show Network Diagram');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        await screenshot(page, 'diagram-not-offered');
        throw error;
      }
    }
  }
}

describe('e2e: the network diagram, before and after setup, dark and light', function () {
  this.timeout(300_000);
  let session: E2eWorkbench;
  let page: Page;
  let aws: LocalAws;
  const cspViolations: string[] = [];

  before(async () => {
    session = await openWorkbenchOnSandbox('diagram', {
      // The test itself applies the setup with the same credentials the extension uses.
      shareCredentials: true,
      onPage: (p) =>
        p.on('console', (m) => {
          if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply|evaluate)/i.test(m.text()))
            cspViolations.push(m.text());
        }),
    });
    page = session.page;
    aws = session.aws;
  });

  after(() => session?.close());

  it('before setup: the picture shows the broken DB path (dark and light screenshots)', async () => {
    // The command is offered once the extension is connected to the sandbox.
    await showDiagramWhenConnected(page);
    const frame = await diagramFrame(page);
    await frame.locator('g.edge[data-id="db-egress"][data-state="broken"]').waitFor({ timeout: 60_000 });
    assert.match(
      (await frame.locator('g.edge[data-id="db-egress"]').getAttribute('aria-label')) ?? '',
      /no VPC egress/,
    );
    assert.equal(await frame.locator('g.node[data-id="sg-app"]').getAttribute('data-state'), 'broken');
    // Keyboard: Tab reaches a node, Enter shows its details.
    await frame.locator('g.node[data-id="db"]').focus();
    await page.keyboard.press('Enter');
    await frame.locator('#details h2', { hasText: 'kyudai-db' }).waitFor();
    await useTheme(page, 'dark');
    await screenshot(page, 'diagram-before-setup-dark');
    await useTheme(page, 'light');
    await screenshot(page, 'diagram-before-setup-light');
  });

  it('after setup: a click on Refresh turns every box and line ok (light and dark screenshots)', async () => {
    const target = { region: 'ap-northeast-1', endpointUrl: aws.endpoint };
    const clients = getClients(target);
    const snapshot = await loadTopology(clients, {});
    const desired = resolveDesired(snapshot, DEFAULT_SETUP_SETTINGS);
    assert.ok(desired.ok);
    const steps = plan(snapshot, desired.desired).steps.filter((s) => s.kind !== 'check-health');
    const result = await applyPlan(clients, { kind: 'setup', steps, warnings: [], notes: [] }, { pollIntervalMs: 250 });
    assert.equal(result.status, 'succeeded', JSON.stringify(result.error));
    const frame = await diagramFrame(page);
    // A mark on a live element: if the picture were rebuilt instead of updated in place, it would be gone.
    await frame.locator('g.node[data-id="db"]').evaluate((el) => el.setAttribute('data-probe', 'kept'));
    await frame.locator('#refresh').click();
    await frame.locator('g.edge[data-id="internet"][data-state="ok"]').waitFor({ timeout: 60_000 });
    await frame.locator('g.node[data-id="connector"][data-state="ok"]').waitFor({ timeout: 60_000 });
    const states = await frame
      .locator('g.node, g.edge')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-id')}=${e.getAttribute('data-state')}`));
    assert.deepEqual(
      states.filter((s) => !s.endsWith('=ok')),
      [],
    );
    assert.equal(await edgeState(frame, 'db-egress'), 'ok');
    assert.equal(
      await frame.locator('g.node[data-id="db"]').getAttribute('data-probe'),
      'kept',
      'updated in place, not redrawn',
    );
    await screenshot(page, 'diagram-after-setup-light');
    await useTheme(page, 'dark');
    await screenshot(page, 'diagram-after-setup-dark');
    await useTheme(page, 'contrast');
    await screenshot(page, 'diagram-after-setup-high-contrast');
    await useTheme(page, 'dark');
  });

  it('survives a reload of the window: the serializer reopens the panel with its service', async () => {
    await page.reload();
    await waitForWorkbench(page);
    const frame = await diagramFrame(page);
    await frame.locator('g.node[data-id="service:kyudai-api"][data-state="ok"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.tab', { hasText: 'Network: kyudai-api' }).count(), 1);
  });

  it('the webview ran without a single Content Security Policy violation', () => {
    assert.deepEqual(cspViolations, []);
  });
});
