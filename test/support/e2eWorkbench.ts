// One e2e session: the sandbox, the VS Code server with the extension pointed at it, and a Chromium page on
// the workbench, ready for a person's clicks. Every e2e test file that needs AWS starts from this.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './browser';
import { watchCsp, writeCspReport } from './cspWatch';
import { startLocalAws, testAwsEnvironment, type LocalAws } from './localAws';
import { REPO_ROOT, startVsCodeServer, type VsCodeServer } from './vscodeServer';
import { waitForWorkbench } from './workbench';

export interface E2eWorkbench {
  aws: LocalAws;
  server: VsCodeServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface E2eOptions {
  /** Extra settings of the VS Code host, besides the sandbox endpoint and region. */
  settings?: Record<string, unknown>;
  /** Open a throwaway copy of sample-workspace/ (for tests that write into it). */
  copyWorkspace?: boolean;
  /** Give this test process the same credentials as the extension (tests that call AWS themselves). */
  shareCredentials?: boolean;
  /** Called with the page before the workbench loads (e.g. to watch the console). */
  onPage?(page: Page): void;
}

export async function openWorkbenchOnSandbox(name: string, options: E2eOptions = {}): Promise<E2eWorkbench> {
  chromiumPath(); // no browser: say so before starting anything
  const work = mkdtempSync(path.join(tmpdir(), `apprunner-vpc-${name}-e2e-`));
  let folder = path.join(REPO_ROOT, 'sample-workspace');
  if (options.copyWorkspace) {
    folder = path.join(work, 'workspace');
    cpSync(path.join(REPO_ROOT, 'sample-workspace'), folder, { recursive: true });
  }
  // Whatever started before a failure is released here, so a failing `before` leaves nothing running (the
  // test's own `after` has no session to close then).
  const started: (() => Promise<void>)[] = [];
  const release = async (): Promise<void> => {
    for (const stop of started.splice(0).reverse()) await stop().catch(() => undefined);
  };
  let aws: LocalAws;
  let server: VsCodeServer;
  let browser: Browser;
  let page: Page;
  try {
    aws = await startLocalAws();
    started.push(() => aws.stop());
    const env = testAwsEnvironment(work);
    server = await startVsCodeServer({
      env,
      settings: {
        'apprunnerVpc.endpointUrl': aws.endpoint,
        'apprunnerVpc.region': 'ap-northeast-1',
        ...options.settings,
      },
    });
    started.push(() => server.stop());
    if (options.shareCredentials) {
      for (const [key, value] of Object.entries(env)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    browser = await launchChromium();
    started.push(() => browser.close());
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    watchCsp(page);
    options.onPage?.(page);
    await page.goto(server.workbenchUrl(folder, { extensionDevelopmentPath: REPO_ROOT }));
    await waitForWorkbench(page);
  } catch (error) {
    await release();
    throw error;
  }
  return {
    aws,
    server,
    browser,
    page,
    async close() {
      writeCspReport();
      await release();
    },
  };
}
