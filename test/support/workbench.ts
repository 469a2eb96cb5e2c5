// Helpers for driving the VS Code workbench in Chromium as a person would (e2e layer).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './vscodeServer';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 90_000 });
  await trustWorkspace(page);
}

/** A person opening the sample folder answers VS Code's workspace-trust question with "trust". */
export async function trustWorkspace(page: Page): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  try {
    await dialog.waitFor({ timeout: 5_000 });
  } catch {
    return;
  }
  const trust = dialog.locator('.monaco-button', { hasText: /Yes, I trust/i });
  if (await trust.count()) await trust.first().click();
  else await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * The trust question can come after waitForWorkbench stopped waiting for it (a loaded machine opens the folder
 * slowly), and then it blocks every click: a person answers it whenever it shows.
 */
async function answerLateTrustQuestion(page: Page): Promise<void> {
  if (await page.locator('.monaco-dialog-box').count()) await trustWorkspace(page);
}

/** Clicks an activity-bar item by its accessible label (what a person sees on hover). */
export async function openActivity(page: Page, label: string): Promise<void> {
  await answerLateTrustQuestion(page);
  const item = page.locator(`.activitybar .action-item a[aria-label^="${label}"]`).first();
  await item.waitFor({ timeout: 60_000 });
  await item.click();
}

/** Runs a command from the palette by typing its title. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await answerLateTrustQuestion(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}
