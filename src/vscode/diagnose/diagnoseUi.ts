// The prompts the diagnose feature shows, behind one object so host tests can answer them (DESIGN section 7).
import * as vscode from 'vscode';
import { masked } from '../masking';

export interface FixChoice {
  label: string;
  description: string;
  detail: string;
  findingId: string;
}

export interface DiagnoseUi {
  /** Which service to diagnose; `preferred` (the serviceName setting) is offered first. */
  pickService(names: string[], preferred: string): Promise<string | undefined>;
  pickFix(choices: FixChoice[]): Promise<FixChoice | undefined>;
  /** A modal confirmation; true when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  saveLocation(defaultName: string): Promise<vscode.Uri | undefined>;
  /** Opens the report document (a Markdown preview by default). */
  showReport(uri: vscode.Uri): Promise<void>;
  info(message: string): void;
  /** A non-modal message with buttons: the chosen button's text, undefined when dismissed. */
  choose(message: string, actions: string[]): Promise<string | undefined>;
}

export const windowUi: DiagnoseUi = {
  async pickService(names, preferred) {
    const ordered = [...names].sort((a, b) => Number(b === preferred) - Number(a === preferred) || a.localeCompare(b));
    const items = ordered.map((name) => ({
      label: name,
      description: name === preferred ? vscode.l10n.t('from the serviceName setting') : undefined,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('App Runner service to diagnose'),
    });
    return picked?.label;
  },
  async pickFix(choices) {
    return vscode.window.showQuickPick(
      choices.map((c) => ({
        ...c,
        label: masked(c.label),
        description: masked(c.description),
        detail: masked(c.detail),
      })),
      { placeHolder: vscode.l10n.t('Problem to fix'), matchOnDescription: true, matchOnDetail: true },
    );
  },
  async confirm(message, detail, action) {
    return (
      (await vscode.window.showWarningMessage(masked(message), { modal: true, detail: masked(detail) }, action)) ===
      action
    );
  },
  async saveLocation(defaultName) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
      filters: { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Export Checklist'),
    });
  },
  async showReport(uri) {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  },
  info(message) {
    void vscode.window.showInformationMessage(masked(message));
  },
  async choose(message, actions) {
    return vscode.window.showInformationMessage(masked(message), ...actions);
  },
};
