// Content Security Policy violations as the browser reports them while the e2e tests click through the
// workbench: Chromium logs each refused script, style, image or connection on the console of the frame that
// tried it. Violations in our webviews (the diagram) are the reliability figure webviewCspViolations; the
// webview frames that loaded are its samples. Collected across the e2e layer and written when it ends.
import type { ConsoleMessage, Frame, Page } from 'playwright-core';
import { writeLayerReport } from './layerReports';

export interface CspViolation {
  frameUrl: string;
  text: string;
}

const seenWebviewFrames = new Set<string>();
const violations: CspViolation[] = [];
const otherViolations: CspViolation[] = [];

// Chromium's wording: "Refused to load the script '...' because it violates the following Content Security
// Policy directive: ...", "Refused to apply inline style ...", "Refused to execute inline script ...".
const VIOLATION =
  /violates the following Content Security Policy directive|Refused to (load|execute|apply|connect|frame|create|evaluate)/i;

// VS Code's webviews run in iframes served from .../webview/... (pre/index.html and the inner fake.html).
const isWebviewUrl = (url: string): boolean => /\/webview\/|vscode-webview|vscode-cdn\.net/.test(url);

function onConsole(message: ConsoleMessage): void {
  if (!VIOLATION.test(message.text())) return;
  const frameUrl = message.location().url || '';
  const entry = { frameUrl, text: message.text().slice(0, 400) };
  (isWebviewUrl(frameUrl) || /webview/i.test(message.text()) ? violations : otherViolations).push(entry);
}

function onFrame(frame: Frame): void {
  if (isWebviewUrl(frame.url())) seenWebviewFrames.add(frame.url());
}

/** Starts counting on a page (before the workbench loads). */
export function watchCsp(page: Page): void {
  page.on('console', onConsole);
  page.on('framenavigated', onFrame);
  page.on('frameattached', onFrame);
}

/** Writes test-results/e2e-csp.json with everything counted so far in this e2e run. */
export function writeCspReport(): void {
  writeLayerReport('e2e-csp', { webviewFrames: seenWebviewFrames.size, violations, otherViolations });
}
