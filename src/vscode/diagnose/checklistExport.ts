// The checklist as Markdown for a team's records (runbook 9), in the UI language, where the user chooses.
import * as vscode from 'vscode';
import { masked } from '../masking';
import { UserError } from '../../model/common/userError';
import type { ExtensionServices } from '../services';
import type { ChecklistProvider } from './checklistView';
import type { Ui } from '../ui/ui';
import { loadAnalysis } from '../analysisLoader';
import { msg } from '../../model/l10n/text';
import { uiLang } from '../localize';

export async function exportChecklist(
  services: ExtensionServices,
  checklist: ChecklistProvider,
  ui: Ui,
): Promise<vscode.Uri | undefined> {
  if (!services.store.state.snapshot) await services.store.refresh();
  const items = checklist.items();
  if (items.length === 0) {
    throw new UserError(msg('Nothing to export: the account has not been read yet.'));
  }
  const service = checklist.serviceName();
  const uri = await ui.saveLocation({
    id: 'checklist',
    defaultName: `${service}-checklist.md`,
    filters: { Markdown: ['md'] },
    saveLabel: vscode.l10n.t('Export Checklist'),
  });
  if (!uri) return undefined;
  const lang = uiLang();
  const title = vscode.l10n.t('Operations checklist: {0}', service);
  const markdown = loadAnalysis().checklistToMarkdown(items, lang, { title, generatedAt: new Date().toISOString() });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(masked(markdown)));
  void ui.notify('info', vscode.l10n.t('Saved the checklist to {0}.', uri.fsPath));
  return uri;
}
