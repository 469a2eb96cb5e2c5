// The prompts the diagram shows, behind one object so host tests can answer them (DESIGN section 7).
import * as vscode from 'vscode';
import { masked } from '../masking';

export interface DiagramUi {
  /** A modal confirmation; true when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** Where to save the SVG; undefined when cancelled. */
  saveLocation(defaultName: string): Promise<vscode.Uri | undefined>;
  info(message: string): void;
}

export const windowUi: DiagramUi = {
  async confirm(message, detail, action) {
    return (
      (await vscode.window.showWarningMessage(masked(message), { modal: true, detail: masked(detail) }, action)) ===
      action
    );
  },
  saveLocation(defaultName) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return Promise.resolve(
      vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
        filters: { SVG: ['svg'] },
        saveLabel: vscode.l10n.t('Save Diagram'),
      }),
    );
  },
  info(message) {
    void vscode.window.showInformationMessage(masked(message));
  },
};
