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

/** What one watch counted: the webview frames that loaded and the violations, ours and the workbench's. */
export interface CspTally {
  webviewFrames: Set<string>;
  violations: CspViolation[];
  otherViolations: CspViolation[];
}

export function newCspTally(): CspTally {
  return { webviewFrames: new Set(), violations: [], otherViolations: [] };
}

const layer = newCspTally();
/** What the positive control (a page that violates on purpose) was seen to violate; null: it did not run. */
let controlViolations: number | null = null;

// Chromium's wording: "Refused to load the script '...' because it violates the following Content Security
// Policy directive: ...", "Refused to apply inline style ...", "Refused to execute inline script ...".
const VIOLATION =
  /violates the following Content Security Policy directive|Refused to (load|execute|apply|connect|frame|create|evaluate)/i;

// VS Code's webviews run in iframes served from .../webview/... (pre/index.html and the inner fake.html).
const isWebviewUrl = (url: string): boolean => /\/webview\/|vscode-webview|vscode-cdn\.net/.test(url);

function onConsole(tally: CspTally, message: ConsoleMessage): void {
  if (!VIOLATION.test(message.text())) return;
  const frameUrl = message.location().url || '';
  const entry = { frameUrl, text: message.text().slice(0, 400) };
  (isWebviewUrl(frameUrl) || /webview/i.test(message.text()) ? tally.violations : tally.otherViolations).push(entry);
}

function onFrame(tally: CspTally, frame: Frame): void {
  if (isWebviewUrl(frame.url())) tally.webviewFrames.add(frame.url());
}

/** Starts counting on a page (before the workbench loads); the layer's own tally unless given another. */
export function watchCsp(page: Page, tally: CspTally = layer): void {
  page.on('console', (message) => onConsole(tally, message));
  page.on('framenavigated', (frame) => onFrame(tally, frame));
  page.on('frameattached', (frame) => onFrame(tally, frame));
}

/** Keeps what the positive control's watch saw, for the report: a zero figure counts only beside a seen control. */
export function recordCspControl(tally: CspTally): void {
  controlViolations = tally.violations.length;
}

/** Writes test-results/e2e-csp.json with everything counted so far in this e2e run. */
export function writeCspReport(): void {
  writeLayerReport('e2e-csp', {
    webviewFrames: layer.webviewFrames.size,
    violations: layer.violations,
    otherViolations: layer.otherViolations,
    controlViolations,
  });
}
