// Setup helpers for host tests: the default wizard answers, the sandbox's write calls, a fresh world, and a
// command run with replayed answers (the replaying Ui is src/vscode/ui/replayUi.ts).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import { type Answer, ReplayUi } from '../../src/vscode/ui/replayUi';
import { sandboxAdmin } from './sandboxAdmin';
import { extensionApi, useUi, waitFor } from './support';

export { type Answer, ReplayUi } from '../../src/vscode/ui/replayUi';

/** The setup wizard's answers taking every default: service, database, subnets, connector name, group name. */
export const DEFAULT_SETUP_ANSWERS: Answer[] = [
  { id: 'service', value: 'kyudai-api' },
  { id: 'database', value: 'kyudai-db' },
  { id: 'subnets' },
  { id: 'connectorName' },
  { id: 'appRunnerSecurityGroupName' },
];

/** Write calls among the sandbox's counted operations. */
export function writeCalls(operations: Record<string, number>): string[] {
  return Object.keys(operations).filter(
    (op) => /(Create|Authorize|Revoke|Update|Delete|Associate|Pause|Resume)/.test(op) && operations[op] > 0,
  );
}

/** The extension connected to a freshly reset sandbox, with the store re-read (for files that change AWS). */
export async function connectedToFreshWorld(): Promise<ExtensionApi> {
  const api = await extensionApi();
  await waitFor(() => (api.connectionState().status === 'connected' ? true : undefined), 'connection', 60_000);
  await sandboxAdmin.reset();
  api.store.invalidate();
  await api.store.refresh({ force: true });
  return api;
}

/** Runs a setup command with replayed answers; `apply` answers the modal. */
export async function runWithAnswers(
  api: ExtensionApi,
  command: string,
  answers: Answer[],
  apply: boolean,
  arg?: unknown,
): Promise<ReplayUi> {
  const ui = new ReplayUi(answers, apply);
  useUi(api, ui);
  await vscode.commands.executeCommand(`apprunnerVpc.${command}`, arg);
  assert.deepEqual(
    ui.unanswered,
    [],
    `${command}: every answer was asked for; asked ${ui.asked.map((a) => a.id).join(', ')}; ${JSON.stringify(api.setup.lastRun()?.message)}`,
  );
  return ui;
}
