import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { screenshot, openActivity, waitForWorkbench } from '../support/workbench';
import { REPO_ROOT, startVsCodeServer, type VsCodeServer } from '../support/vscodeServer';

// A person with no AWS credentials at all opens VS Code with the extension: the App Runner view explains
// what is missing and offers the two ways forward.
describe('e2e: the App Runner view without credentials', () => {
  let server: VsCodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-noaws-'));
    server = await startVsCodeServer({
      env: {
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_PROFILE: undefined,
        AWS_CONFIG_FILE: path.join(empty, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(empty, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      settings: { 'apprunnerVpc.endpointUrl': '' },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(
      server.workbenchUrl(path.join(REPO_ROOT, 'sample-workspace'), { extensionDevelopmentPath: REPO_ROOT }),
    );
    await waitForWorkbench(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('clicking the App Runner VPC activity-bar item shows the explorer with its welcome content', async () => {
    await openActivity(page, 'App Runner VPC');
    const title = page.locator('.part.sidebar .composite.title .title-label');
    await title.waitFor({ timeout: 30_000 });
    assert.match((await title.innerText()).toUpperCase(), /APP RUNNER VPC/);
    // A single view in the container has its header folded into the title; its body is the explorer.
    await page
      .locator('.part.sidebar .pane-header[aria-label^="Services & Connectors"]')
      .waitFor({ state: 'attached' });
    const welcome = page.locator('.welcome-view-content', { hasText: 'No AWS credentials were found' });
    await welcome.waitFor({ timeout: 60_000 });
    assert.ok(await welcome.locator('a, .monaco-button', { hasText: 'Select Profile' }).count());
    // Offered here because this is the extension's own repository (its sample workspace): the check that it is
    // finishes after the first welcome content may already show.
    await welcome
      .locator('a, .monaco-button', { hasText: 'Use the Local Sandbox' })
      .first()
      .waitFor({ timeout: 30_000 });
    const file = await screenshot(page, 'explorer-no-credentials');
    console.log(`      screenshot: ${path.relative(REPO_ROOT, file)}`);
  });
});
