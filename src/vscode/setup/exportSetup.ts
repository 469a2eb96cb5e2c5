// Export Setup as Script: the runbook's setup for one service as a bash script of AWS CLI commands with this
// account's ids, opened as an untitled document to review, save and run (in CI, or in another shell).
import * as vscode from 'vscode';
import { databaseTargets } from '../../model/databaseTargets';
import { masked } from '../masking';
import { UserError } from '../../model/userError';
import { loadAnalysis } from '../analysisLoader';
import { pickService, requireSnapshot, resolveTarget } from '../commands/targets';
import { uiLang } from '../diagnose/uiLang';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import { currentUi } from '../wizard/currentUi';
import { answered } from '../wizard/wizard';
import { BACK } from '../wizard/wizardUi';
import { dbItem } from './prompts';

/** The exported script's document, or undefined when the user cancelled a prompt. */
export async function exportSetup(services: ExtensionServices, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const snapshot = await requireSnapshot(services);
  const title = vscode.l10n.t('Export setup as script');
  const service = resolveTarget(snapshot, arg)?.service ?? (await pickService(services, title));
  const backend = loadAnalysis();
  const settings = readSettings();
  let result = backend.setupFromService(snapshot, settings, service.name);
  // Several databases and no DATABASE_URL naming one: the same question Set Up asks.
  if (!result.ok && result.issues[0]?.code === 'db-ambiguous') {
    const items = databaseTargets(snapshot).map(dbItem);
    const db = answered(await currentUi().pick({ id: 'database', title, step: 1, totalSteps: 1, canGoBack: false,
      placeholder: vscode.l10n.t('Database the service must reach'), items }));
    if (db === BACK) return undefined;
    result = backend.setupFromService(snapshot, settings, service.name, { dbInstanceId: db });
  }
  if (!result.ok) {
    const issue = result.issues[0];
    throw new UserError({ en: `Cannot export the setup for ${service.name}: ${issue.message.en}`, ja: `${service.name} のセットアップを出力できません: ${issue.message.ja}` });
  }
  const content = backend.setupScriptFor(snapshot, result.desired, {
    accountId: services.connection.state.account ?? snapshot.accountId, generatedAt: new Date().toISOString(), lang: uiLang(), basis: result.basis,
  });
  const document = await vscode.workspace.openTextDocument({ language: 'shellscript', content: masked(content) });
  await vscode.window.showTextDocument(document);
  return document;
}
