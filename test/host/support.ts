import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import type { Ui } from '../../src/vscode/ui/ui';
import { sandboxAdmin } from './sandboxAdmin';

export const EXTENSION_ID = 'campus-sns.apprunner-vpc';

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  // The feature tests start where a user who opened the view would be: connected (the quiet start itself is
  // tested in test/host/quiet, in a window of its own).
  if (!api.connection.started) await api.connection.start();
  return api;
}

/**
 * Every command's prompts go through `ui` from now on (undefined: the real window). The setter exists only in
 * ExtensionMode.Test, the mode VS Code gives the extension when the window names an extensionTestsPath.
 */
export function useUi(api: ExtensionApi, ui: Ui | undefined): void {
  if (!api.testHooks) throw new Error('no test hooks: the extension does not run in ExtensionMode.Test');
  api.testHooks.setUi(ui);
}

export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('apprunnerVpc').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Waits for the connection, puts the sandbox back to its seed and reloads the snapshot: where a test file starts. */
export async function startFromSeed(api: ExtensionApi): Promise<void> {
  await waitFor(() => (api.connectionState().status === 'connected' ? true : undefined), 'connection', 60_000);
  await sandboxAdmin.reset();
  api.store.invalidate();
  await api.store.refresh({ force: true });
}

/**
 * Runs `body` on another seed of the sandbox (sandbox/seed/registry.ts), then puts the runbook seed back:
 * a seed chosen by reset stays for later resets, and the other test files start from the runbook's world.
 */
export async function onSeed(
  api: ExtensionApi,
  seed: string,
  body: (info: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  await waitFor(() => (api.connectionState().status === 'connected' ? true : undefined), 'connection', 60_000);
  try {
    await sandboxAdmin.resetToSeed(seed);
    api.store.invalidate();
    await api.store.refresh({ force: true });
    await body(await sandboxAdmin.seedInfo());
  } finally {
    await sandboxAdmin.resetToSeed('runbook');
    api.store.invalidate();
    await api.store.refresh({ force: true });
  }
}
