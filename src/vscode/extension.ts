import '../l10nBundles'; // first: translations are registered before any module builds a text
import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { isAnalysisInRequireCache } from './analysisLoader';
import { isAwsSdkInRequireCache, loadAwsSdk } from './backend';
import { registerCodeLens } from './codelens/registerCodeLens';
import { ServiceLinker } from './codelens/serviceLinker';
import { registerCommand, setCommandGate } from './commands/register';
import { selectProfile } from './commands/selectProfile';
import { selectRegion } from './commands/selectRegion';
import { useSandbox } from './commands/useSandbox';
import { Connection } from './connection';
import { registerDiagnose } from './diagnose/registerDiagnose';
import { registerDiagram } from './diagram/registerDiagram';
import { registerExplorer } from './explorer/registerExplorer';
import { registerLogTail } from './logTail/registerLogTail';
import { initLog, log } from './log';
import type { ExtensionServices } from './services';
import { affectsConnection } from './settings';
import { registerSetup } from './setup/registerSetup';
import { StateStore } from './state/stateStore';
import { ServiceReads } from './state/serviceReads';
import { startConnectionOnDemand } from './quietStart';
import { trackSandboxAvailability } from './sandboxContext';
import { createStatusBar } from './statusBar';
import { CommandId } from '../model/common/commandIds';
import { UiHolder } from './ui/currentUi';
import { testHooksFor } from './ui/testHooks';

// Wiring only. Nothing here loads the AWS SDK: the first AWS call happens after activate() has returned.
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  initLog(context);
  const connection = new Connection();
  const store = new StateStore(connection);
  const serviceReads = new ServiceReads(connection, store);
  const statusBar = createStatusBar(connection);
  const linker = new ServiceLinker(context.workspaceState);
  context.subscriptions.push(
    connection,
    store,
    serviceReads,
    statusBar,
    linker,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsConnection(event) && connection.started) void connection.refresh();
    }),
    // Trusting the workspace lets its own region setting count (readSettings): connect again with it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (connection.started) void connection.refresh();
    }),
  );
  // A command is a demand for AWS: it waits for the first connection (later ones return at once). Every command
  // is in the palette from the start (README.md, "Commands"), so the first one run says that it is connecting.
  // A connection the view already started but that has not answered yet is waited for too (a command run then
  // would otherwise find no connection and say so).
  setCommandGate(() =>
    connection.started && connection.state.status !== 'loading'
      ? Promise.resolve()
      : vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Connecting to AWS…') },
          () => connection.start(),
        ),
  );
  const ui = new UiHolder();
  const services: ExtensionServices = { context, connection, store, serviceReads, linker, ui: () => ui.current() };
  registerCommand(context, CommandId.refresh, async () => {
    const state = await connection.refresh();
    if (state.status === 'connected') await store.refresh({ force: true });
  });
  registerCommand(context, CommandId.selectProfile, selectProfile);
  registerCommand(context, CommandId.selectRegion, selectRegion);
  registerCommand(context, CommandId.useSandbox, useSandbox);
  registerCommand(context, CommandId.showLog, () => log.show(), { quiet: true });
  void vscode.commands.executeCommand('setContext', 'apprunnerVpc.connection', 'loading');
  const features = {
    explorer: registerExplorer(services),
    setup: registerSetup(services),
    codeLens: registerCodeLens(services),
    diagram: registerDiagram(services),
    diagnose: registerDiagnose(services),
    logTail: registerLogTail(services),
  };

  // The SDK bundle is required on the first AWS call, which waits for a demand (quiet start).
  let logging = false;
  context.subscriptions.push(
    connection.onDidChange(() => {
      if (logging) return;
      logging = true;
      context.subscriptions.push(
        loadAwsSdk().onAwsRequest((r) => {
          if (!log.debugEnabled()) return;
          log.debug(
            `${r.service}.${r.operation} ${r.ok ? 'ok' : (r.errorCode ?? 'failed')}${r.httpStatus ? ` ${r.httpStatus}` : ''} ${r.durationMs} ms`,
          );
        }),
      );
    }),
    startConnectionOnDemand(connection, [features.explorer.view, features.diagnose.tree]),
    trackSandboxAvailability(connection),
  );

  // Neither lazy bundle may load during activate (bench: activateMs, sdkLoadedDuringActivate).
  const activation = {
    durationMs: performance.now() - started,
    backendLoadedDuringActivate: isAwsSdkInRequireCache(),
    analysisLoadedDuringActivate: isAnalysisInRequireCache(),
  };
  log.info(`Activated in ${activation.durationMs.toFixed(1)} ms`);
  // Only a window VS Code started for tests gets the setters (another extension must not replace our prompts).
  const testHooks = testHooksFor(context.extensionMode, vscode.ExtensionMode.Test, (replacement) =>
    ui.replace(replacement),
  );
  return {
    activation,
    connection,
    store,
    serviceReads,
    connectionState: () => connection.state,
    refreshConnection: () => connection.refresh(),
    statusBarText: () => statusBar.text,
    statusBarShown: () => connection.started,
    ...features,
    ...(testHooks ? { testHooks } : {}),
  };
}

export function deactivate(): void {
  // Subscriptions are disposed by VS Code.
}
