// Export Setup: the runbook's setup for one service as code, with this account's ids: a bash script of AWS CLI
// commands (opened as an untitled document to review, save and run, as before), a CloudFormation template, an
// AWS CDK app or Terraform files (written to a folder the user confirms, the main file opened).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportFormat, SetupExport } from '../../model/iac/exportFormats';
import { knownSecretValues } from '../masking';
import { UserError } from '../../model/common/userError';
import { loadAnalysis } from '../analysisLoader';
import { serviceTarget } from '../commands/targets';
import type { ExtensionServices } from '../services';
import { readSecretsWithConsent } from '../secretConsent';
import { readSettings } from '../settings';
import { answered } from '../wizard/wizard';
import { BACK, confirmed, type Ui } from '../ui/ui';
import { dbItem } from './prompts';
import { msg } from '../../model/l10n/text';
import { uiLang } from '../localize';

function formatItems(): { label: string; description: string; value: ExportFormat }[] {
  return [
    {
      label: vscode.l10n.t('Bash script (AWS CLI)'),
      description: vscode.l10n.t('re-runnable; opens unsaved to review'),
      value: 'bash',
    },
    {
      label: vscode.l10n.t('CloudFormation template (YAML)'),
      description: vscode.l10n.t('template.yaml, and the files to import what exists'),
      value: 'cloudformation',
    },
    {
      label: vscode.l10n.t('AWS CDK app (TypeScript)'),
      description: vscode.l10n.t("L1 constructs with the template's logical ids"),
      value: 'cdk',
    },
    {
      label: vscode.l10n.t('Terraform (HCL, AWS provider 5.x)'),
      description: vscode.l10n.t('.tf files with import blocks for what exists'),
      value: 'terraform',
    },
  ];
}

/** The folder offered for a format: under the first workspace folder, else under the home folder. */
function defaultFolder(serviceName: string, format: ExportFormat): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? (process.env.HOME || process.cwd());
  return path.join(root, 'infra', `${serviceName}-${format}`);
}

/** Writes every file, unless one exists with other content and the user does not confirm overwriting it. */
async function writeExport(ui: Ui, folder: string, exported: SetupExport): Promise<vscode.Uri | undefined> {
  const base = vscode.Uri.file(folder);
  const changed: string[] = [];
  for (const file of exported.files) {
    try {
      const current = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(base, file.path)),
      );
      if (current !== file.content) changed.push(file.path);
    } catch {
      // not there yet
    }
  }
  if (changed.length > 0) {
    const overwrite = vscode.l10n.t('Overwrite');
    const choice = await ui.confirm(
      vscode.l10n.t('{0} already has {1} with other content.', folder, changed.join(', ')),
      vscode.l10n.t('Overwrite these files with the export? Nothing is written otherwise.'),
      [overwrite],
    );
    if (choice !== overwrite) return undefined;
  }
  for (const file of exported.files) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(base, file.path), new TextEncoder().encode(file.content));
  }
  return vscode.Uri.joinPath(base, exported.main);
}

/** The exported main document (the script, template, stack or main.tf), or undefined when the user cancelled. */
export async function exportSetup(services: ExtensionServices, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const ui = services.ui();
  const title = vscode.l10n.t('Export setup as code');
  const { service, snapshot } = await serviceTarget(services, arg, 'export', title);
  const backend = loadAnalysis();
  const settings = readSettings();
  let result = backend.setupFromService(snapshot, settings, service.name);
  // Several databases and DATABASE_URL held in a secret: reading it (once, if the user allows) may name the one.
  if (!result.ok && result.issues[0]?.code === 'db-ambiguous') {
    const refs = backend.secretsToOffer(
      snapshot,
      snapshot.services.find((s) => s.name === service.name),
      'setup',
    );
    const secretUrls = await readSecretsWithConsent(refs, services.connection.state.target, (message, detail, action) =>
      confirmed(ui, message, detail, action),
    );
    if (secretUrls) result = backend.setupFromService(snapshot, settings, service.name, { secretUrls });
  }
  const ambiguous = !result.ok && result.issues[0]?.code === 'db-ambiguous';
  const asked = ambiguous ? 1 : 0;
  // Several databases and no DATABASE_URL naming one: the same question Set Up asks.
  if (ambiguous) {
    const items = backend.databaseTargets(snapshot).map(dbItem);
    const db = answered(
      await ui.pick({
        id: 'database',
        title,
        step: 1,
        totalSteps: 2,
        canGoBack: false,
        placeholder: vscode.l10n.t('Database the service must reach'),
        items,
      }),
    );
    if (db === BACK) return undefined;
    result = backend.setupFromService(snapshot, settings, service.name, { dbInstanceId: db });
  }
  if (!result.ok) {
    const issue = result.issues[0];
    throw new UserError(msg('Cannot export the setup for {0}: {1}', service.name, issue.message));
  }
  // Bash first, as before this choice existed: Enter keeps today's export.
  const format = answered(
    await ui.pick<ExportFormat>({
      id: 'format',
      title,
      step: asked + 1,
      totalSteps: asked + 1,
      canGoBack: false,
      placeholder: vscode.l10n.t('Format of the exported setup'),
      items: formatItems(),
      activeIndex: 0,
    }),
  );
  if (format === BACK) return undefined;
  const exported = backend.setupExport(format, snapshot, result.desired, {
    accountId: services.connection.state.account ?? snapshot.accountId,
    generatedAt: new Date().toISOString(),
    lang: uiLang(),
    basis: result.basis,
  });
  // Generated code is never masked (masking rewrote it); a known secret in it refuses the export instead.
  const refusal = backend.exportSecretRefusal(exported.files, knownSecretValues());
  if (refusal) throw new UserError(refusal, 'export-secret');
  if (format === 'bash') {
    const document = await vscode.workspace.openTextDocument({
      language: 'shellscript',
      content: exported.files[0].content,
    });
    await vscode.window.showTextDocument(document);
    return document;
  }
  const folder = answered(
    await ui.input({
      id: 'folder',
      title,
      step: asked + 2,
      totalSteps: asked + 2,
      canGoBack: false,
      prompt: vscode.l10n.t('Folder to write the {0} files to', format),
      value: defaultFolder(service.name, format),
      validate: (value) => (path.isAbsolute(value.trim()) ? undefined : vscode.l10n.t('An absolute folder path')),
    }),
  );
  if (folder === BACK) return undefined;
  const main = await writeExport(ui, folder.trim(), exported);
  if (!main) return undefined;
  const document = await vscode.workspace.openTextDocument(main);
  await vscode.window.showTextDocument(document);
  return document;
}
