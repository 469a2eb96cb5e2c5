import * as vscode from 'vscode';
import { APP_RUNNER_REGIONS } from '../../model/common/regions';
import { readSettings, updateSetting } from '../settings';

export async function selectRegion(): Promise<string | undefined> {
  const current = readSettings().region;
  const items = APP_RUNNER_REGIONS.map((r) => ({
    label: r.code,
    description: r.code === current ? `${r.name} · ${vscode.l10n.t('current')}` : r.name,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select Region (regions where App Runner is offered)'),
    matchOnDescription: true,
  });
  if (!chosen) return undefined;
  await updateSetting('region', chosen.label);
  return chosen.label;
}
