import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbenchOnSandbox, type E2eWorkbench } from '../support/e2eWorkbench';
import type { LocalAws } from '../support/localAws';
import { applyRunbookSetupAt } from '../support/runbookSetup';
import { REPO_ROOT } from '../support/vscodeServer';
import { runFromPalette, screenshot } from '../support/workbench';

/** The rendered CodeLens texts above the editor's lines, as a person reads them. */
async function lensTexts(page: Page): Promise<string[]> {
  return page.locator('.monaco-editor .codelens-decoration').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

describe('e2e: apprunner.yaml with live CodeLens', function () {
  this.timeout(300_000);
  let session: E2eWorkbench;
  let page: Page;
  let aws: LocalAws;

  before(async () => {
    session = await openWorkbenchOnSandbox('codelens', {
      copyWorkspace: true,
      shareCredentials: true,
      // The sandbox's kyudai-api is an image service (nothing to auto-link), so the folder names it.
      settings: { 'apprunnerVpc.linkedService': 'kyudai-api' },
    });
    page = session.page;
    aws = session.aws;
  });

  after(() => session?.close());

  it('opening apprunner.yaml shows the service, its egress, actions and the database path above the lines', async () => {
    // As a person does: the Explorer, then a click on the file; opening it connects (quiet start).
    await runFromPalette(page, 'View: Show Explorer');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'apprunner.yaml' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await page.locator('.statusbar-item', { hasText: 'ap-northeast-1' }).first().waitFor({ timeout: 90_000 });
    const top = page.locator('.codelens-decoration', { hasText: 'kyudai-api · RUNNING · egress DEFAULT' });
    await top.first().waitFor({ timeout: 90_000 });
    // Before setup the path is blocked by the default egress (an "open via" lens here would be wrong).
    await page
      .locator('.codelens-decoration', {
        hasText: "5432 blocked: kyudai-api sends outbound traffic through App Runner's default public egress",
      })
      .first()
      .waitFor({ timeout: 30_000 });
    const texts = (await lensTexts(page)).join('\n');
    assert.match(texts, /Diagnose/);
    assert.match(
      texts,
      /kyudai-db\.aaaaaaaaaa\.ap-northeast-1\.rds\.amazonaws\.com:5432 = DB instance kyudai-db \(available\), no VPC connector/,
    );
    assert.match(texts, /port mismatch: deployed kyudai-api listens on 8000/);
    await page.locator('.statusbar-item', { hasText: 'kyudai-api · RUNNING' }).first().waitFor({ timeout: 30_000 });
    const file = await screenshot(page, 'codelens-before-setup');
    console.log(`      screenshot: ${path.relative(REPO_ROOT, file)}`);
  });

  it('after the setup is applied and the view refreshed, the same editor shows VPC egress and an open path', async () => {
    await applyRunbookSetupAt(aws.endpoint);
    await runFromPalette(page, 'App Runner VPC: Refresh');
    await page
      .locator('.codelens-decoration', { hasText: 'egress VPC via campus-sns-vpc-connector (ACTIVE)' })
      .first()
      .waitFor({ timeout: 90_000 });
    await page
      .locator('.codelens-decoration', { hasText: '5432 open via sg-apprunner -> sg-rds' })
      .first()
      .waitFor({ timeout: 30_000 });
    const file = await screenshot(page, 'codelens-after-setup');
    console.log(`      screenshot: ${path.relative(REPO_ROOT, file)}`);
  });
});
