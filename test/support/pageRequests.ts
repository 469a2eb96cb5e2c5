// A host test cannot reach the workbench's DOM (it runs in the extension host), but the terminal runner holds the
// Chromium page. This is the channel between them: the test writes a request file into a folder whose path
// travels in the environment, the runner (polling for results anyway) does it on the page as a person would
// and writes the answer next to it.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const PAGE_REQUESTS_ENV = 'APPRUNNER_VPC_PAGE_REQUESTS';

/** Type each title into the command palette (F1) and report the rows it lists, top first. */
export interface PaletteRequest {
  kind: 'palette';
  titles: string[];
}

export interface PaletteRows {
  typed: string;
  rows: string[];
}

export type PageRequest = PaletteRequest;

// ---- extension-host side ----

let counter = 0;

/** Asks the runner to do `request` on the page; resolves with its answer. */
export async function askPage(request: PaletteRequest, timeoutMs = 120_000): Promise<PaletteRows[]> {
  const dir = process.env[PAGE_REQUESTS_ENV];
  if (!dir) throw new Error(`${PAGE_REQUESTS_ENV} is not set: this test needs the host runner's page`);
  const id = `${process.pid}-${++counter}`;
  const temp = path.join(dir, `${id}.tmp`);
  writeFileSync(temp, JSON.stringify(request));
  renameSync(temp, path.join(dir, `${id}.request.json`)); // whole, never half-written
  const answer = path.join(dir, `${id}.answer.json`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(answer)) {
    if (Date.now() > deadline) throw new Error(`the runner did not answer page request ${id} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const result = JSON.parse(readFileSync(answer, 'utf8')) as { ok: PaletteRows[] } | { error: string };
  if ('error' in result) throw new Error(`page request failed: ${result.error}`);
  return result.ok;
}

// ---- runner side ----

async function paletteRows(page: Page, title: string): Promise<PaletteRows> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  // The list filters as it is typed into: wait until it settled on something for this text.
  let texts: string[] = [];
  const deadline = Date.now() + 5_000;
  for (;;) {
    texts = (
      await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''))
    ).map((t) => t.trim());
    if (texts.some((t) => t.includes(title)) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const message = (await page.locator('.quick-input-message').allTextContents()).join(' ').trim();
  await page.keyboard.press('Escape');
  return { typed: title, rows: message ? [...texts, `(message) ${message}`] : texts };
}

/** Answers the requests waiting in `dir` (called from the runner's polling loop). */
export async function answerPageRequests(page: Page, dir: string): Promise<void> {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.request.json'))) {
    const file = path.join(dir, name);
    const answer = file.replace(/\.request\.json$/, '.answer.json');
    const request = JSON.parse(readFileSync(file, 'utf8')) as PageRequest;
    renameSync(file, `${file}.taken`);
    let result: { ok: PaletteRows[] } | { error: string };
    try {
      const ok: PaletteRows[] = [];
      for (const title of request.titles) ok.push(await paletteRows(page, title));
      result = { ok };
    } catch (error) {
      result = { error: String((error as Error)?.message ?? error) };
    }
    writeFileSync(`${answer}.tmp`, JSON.stringify(result));
    renameSync(`${answer}.tmp`, answer);
  }
}
