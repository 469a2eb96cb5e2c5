import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openWorkbenchOnSandbox, type E2eWorkbench } from '../support/e2eWorkbench';
import { openActivity, runFromPalette, screenshot } from '../support/workbench';

const row = (page: Page, text: string | RegExp) =>
  page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

/** Waits for the quick input to show this wizard step, then accepts what it offers with Enter. */
async function acceptStep(page: Page, step: number, total: number): Promise<void> {
  const title = page.locator('.quick-input-widget .quick-input-title', { hasText: `${step}/${total}` });
  await title.waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

describe('e2e: setting up the VPC connector from the palette', function () {
  this.timeout(300_000);
  let session: E2eWorkbench;
  let page: Page;

  before(async () => {
    session = await openWorkbenchOnSandbox('setup');
    page = session.page;
  });

  after(() => session?.close());

  it('opens the App Runner view and sees kyudai-api on DEFAULT egress', async () => {
    await openActivity(page, 'App Runner VPC');
    await row(page, 'kyudai-api').waitFor({ timeout: 120_000 });
    await row(page, 'No VPC connectors').waitFor({ timeout: 60_000 });
    assert.match(await row(page, 'kyudai-api').innerText(), /RUNNING/);
    // The service's Egress row, then fold the service again (the next test unfolds it after the setup).
    await row(page, 'kyudai-api').click();
    const egress = row(page, /^Egress/);
    await egress.waitFor({ timeout: 30_000 });
    assert.match(await egress.innerText(), /DEFAULT/);
    await screenshot(page, 'setup-explorer-before');
    await row(page, 'kyudai-api').click();
    await egress.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('runs "Set Up VPC Connector" from the palette, takes every proposal with Enter and clicks Apply; the tree shows the connector ACTIVE and the Egress naming it', async () => {
    await runFromPalette(page, 'App Runner VPC: Set Up VPC Connector...');
    for (let step = 1; step <= 5; step++) await acceptStep(page, step, 5);
    // The plan document opens, then the modal asks to apply.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    assert.match(await dialog.innerText(), /Apply these \d+ steps to AWS\?/);
    await page.waitForTimeout(2000); // the Markdown preview of the plan renders behind the modal
    await screenshot(page, 'setup-plan-and-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).click();
    const done = page.locator('.notifications-toasts .notification-list-item', {
      hasText: /Set up VPC connector: done/,
    });
    await done.waitFor({ timeout: 180_000 });
    assert.match(await done.innerText(), /connected/);
    const connector = row(page, /^campus-sns-vpc-connector/);
    await connector.waitFor({ timeout: 60_000 });
    assert.match(await connector.innerText(), /ACTIVE/);
    await row(page, 'kyudai-api').click();
    const egress = row(page, /^Egress/);
    await egress.waitFor({ timeout: 30_000 });
    assert.match(await egress.innerText(), /VPC · campus-sns-vpc-connector/);
    await connector.click();
    await row(page, /^sg-apprunner/).waitFor({ timeout: 30_000 });
    await row(page, /^Used by/).waitFor();
    await screenshot(page, 'setup-explorer-after');
  });
});
