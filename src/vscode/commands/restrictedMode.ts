// Restricted Mode (an untrusted workspace): the repository's resource-scoped settings are ignored
// (package.json restrictedConfigurations) and the commands that change AWS or write files do not run, since a
// cloned repository's settings would choose what they touch. The menus hide them (`isWorkspaceTrusted`); this
// is the check for every other way in (a keybinding, CodeLens, another command), which says why.
import * as vscode from 'vscode';
import type { Ui } from '../ui/ui';

/** True (after telling the user why) when this window is in Restricted Mode and the command must not run. */
export async function refusedInRestrictedMode(ui: Ui, trusted = vscode.workspace.isTrusted): Promise<boolean> {
  if (trusted) return false;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const choice = await ui.notify(
    'warning',
    vscode.l10n.t(
      'This window is in Restricted Mode, so commands that change AWS resources or write files do not run: the repository could choose what they touch. Trust the workspace to run it.',
    ),
    [manage],
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return true;
}
