import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { openWorkbenchOnSandbox, type E2eWorkbench } from '../support/e2eWorkbench';
import { openActivity, runFromPalette, screenshot } from '../support/workbench';

// What a person sees: the Operations Checklist in the App Runner VPC side bar, "Diagnose Connectivity" from
// the palette opening the report in the Markdown preview, and the findings in the Problems panel.

/** The frame of the Markdown preview that shows our report. */
async function reportFrame(page: Page, text: string): Promise<Frame> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame
        .locator('body', { hasText: text })
        .count()
        .catch(() => 0);
      if (
        found > 0 &&
        (await frame
          .locator('h1')
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no Markdown preview showing "${text}"`);
}

describe('e2e: diagnose, the report preview, Problems and the checklist view', function () {
  this.timeout(300_000);
  let session: E2eWorkbench;
  let page: Page;

  before(async () => {
    session = await openWorkbenchOnSandbox('diagnose');
    page = session.page;
  });

  after(() => session?.close());

  it('the side bar shows the Operations Checklist with failing runbook items before setup', async () => {
    await openActivity(page, 'App Runner VPC');
    await page.locator('.part.sidebar .pane-header', { hasText: 'Operations Checklist' }).waitFor({ timeout: 60_000 });
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: 'VPC connector is created' });
    await row.waitFor({ timeout: 90_000 });
    assert.match(await row.innerText(), /fail/);
    assert.ok(
      await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Performance metrics reviewed' }).count(),
    );
    await screenshot(page, 'checklist-before-setup');
  });

  it('Diagnose Connectivity opens the report in the Markdown preview and fills the Problems panel', async () => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        await runFromPalette(page, 'App Runner VPC: Diagnose Connectivity');
        break;
      } catch (error) {
        await page.keyboard.press('Escape');
        if (Date.now() > deadline) throw error;
      }
    }
    const frame = await reportFrame(page, 'Connectivity diagnosis: kyudai-api');
    await frame.locator('code', { hasText: 'egress-not-vpc' }).first().waitFor({ timeout: 30_000 });
    assert.ok(
      await frame.locator('details summary', { hasText: 'Passed checks' }).count(),
      'passed checks are collapsed',
    );
    await screenshot(page, 'diagnose-report-preview');

    await runFromPalette(page, 'View: Focus Problems');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'egress-not-vpc' });
    await problem.first().waitFor({ timeout: 30_000 });
    assert.match(
      await problem.first().innerText(),
      /kyudai-api sends outbound traffic through App Runner's default public egress/,
    );
    await screenshot(page, 'diagnose-problems');
  });
});
