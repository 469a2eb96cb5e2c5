import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { isBackendInRequireCache, loadBackend } from './backend';
import { registerCommand } from './commands/register';
import { selectProfile } from './commands/selectProfile';
import { selectRegion } from './commands/selectRegion';
import { useSandbox } from './commands/useSandbox';
import { Connection } from './connection';
import { ExplorerProvider } from './explorer/explorerProvider';
import { initLog, log } from './log';
import { affectsConnection } from './settings';
import { createStatusBar } from './statusBar';

// Wiring only. Nothing here loads the AWS SDK: the first AWS call happens after activate() has returned.
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  initLog(context);
  const connection = new Connection();
  const explorer = new ExplorerProvider(connection);
  const statusBar = createStatusBar(connection);
  context.subscriptions.push(
    connection,
    explorer,
    statusBar,
    vscode.window.createTreeView('apprunnerVpc.explorer', { treeDataProvider: explorer, showCollapseAll: true }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsConnection(event)) void connection.refresh();
    }),
  );
  registerCommand(context, 'apprunnerVpc.refresh', async () => {
    await connection.refresh();
    explorer.refresh();
  });
  registerCommand(context, 'apprunnerVpc.selectProfile', selectProfile);
  registerCommand(context, 'apprunnerVpc.selectRegion', selectRegion);
  registerCommand(context, 'apprunnerVpc.useSandbox', useSandbox);
  registerCommand(context, 'apprunnerVpc.showLog', () => log.show());
  void vscode.commands.executeCommand('setContext', 'apprunnerVpc.connection', 'loading');

  // The SDK bundle is required on the first AWS call, which is deferred past activation on purpose.
  setTimeout(() => {
    const requests = loadBackend().onAwsRequest((r) =>
      log.debug(`${r.service}.${r.operation} ${r.ok ? 'ok' : r.errorCode ?? 'failed'}${r.httpStatus ? ` ${r.httpStatus}` : ''} ${r.durationMs} ms`),
    );
    context.subscriptions.push(requests);
    void connection.refresh();
  }, 0);

  const activation = { durationMs: performance.now() - started, backendLoadedDuringActivate: isBackendInRequireCache() };
  log.info(`Activated in ${activation.durationMs.toFixed(1)} ms`);
  return {
    activation,
    connection,
    explorer,
    connectionState: () => connection.state,
    statusBarText: () => statusBar.text,
    refreshConnection: () => connection.refresh(),
  };
}

export function deactivate(): void {
  // Subscriptions are disposed by VS Code.
}
