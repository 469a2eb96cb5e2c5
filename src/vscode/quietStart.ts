import * as vscode from 'vscode';
import { isApprunnerYaml } from './codelens/yamlFiles';
import type { Connection } from './connection';

// Activation alone asks AWS nothing: a window that has nothing to do with App Runner must not run a
// credential_process (which may prompt for MFA), trip over an expired SSO session or paint a warning. The
// connection starts on the first of: one of our views shown, an apprunner.yaml in an editor, a command run
// (registerCommand's gate), a diagram panel restored.
export function startConnectionOnDemand(
  connection: Connection,
  views: readonly vscode.TreeView<unknown>[],
): vscode.Disposable {
  const wake = (): void => {
    if (!connection.started) void connection.start();
  };
  const editorsShowYaml = (editors: readonly vscode.TextEditor[]): boolean =>
    editors.some((editor) => isApprunnerYaml(editor.document));
  const subscriptions: vscode.Disposable[] = [
    ...views.map((view) => view.onDidChangeVisibility((event) => event.visible && wake())),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editorsShowYaml(editors) && wake()),
  ];
  if (views.some((view) => view.visible) || editorsShowYaml(vscode.window.visibleTextEditors)) wake();
  return vscode.Disposable.from(...subscriptions);
}
