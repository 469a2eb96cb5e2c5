// "Add a db-health endpoint..." (runbook 6.3): offered when the DB health path answered 404.
// The runtime comes from the workspace's apprunner.yaml (asked for when there is none or it names another
// language); the snippet is saved as a new file (never over an existing one) or copied to the clipboard.
import * as vscode from 'vscode';
import { writeStaysInFolder } from './pathInsideFolder';
import { CommandId } from '../../model/common/commandIds';
import type { DbHealthSnippet, SnippetFamily } from '../../model/ops/dbHealthSnippets';
import { loadAnalysis } from '../analysisLoader';
import { log } from '../log';
import { masked } from '../masking';
import { readSettings } from '../settings';

export const ADD_DB_HEALTH_COMMAND = CommandId.addDbHealthEndpoint;

/** A non-modal message with buttons; the chosen button's text (the caller's UI seam, so tests can answer). */
export type ChooseAction = (message: string, actions: string[]) => Promise<string | undefined>;

const windowChoose: ChooseAction = async (message, actions) =>
  vscode.window.showInformationMessage(masked(message), ...actions);

export interface AddDbHealthResult {
  family: SnippetFamily;
  runtime?: string;
  action: 'file' | 'untitled' | 'clipboard';
  uri?: string;
}

/** The `runtime:` of the workspace's apprunner.yaml and the folder it is in (the workspace folder without one). */
export async function workspaceRuntime(): Promise<{ runtime?: string; folder?: vscode.Uri }> {
  const [file] = await vscode.workspace.findFiles('**/apprunner.yaml', '**/node_modules/**', 1);
  if (!file) return { folder: vscode.workspace.workspaceFolders?.[0]?.uri };
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  return { runtime: loadAnalysis().runtimeOfApprunnerYaml(text), folder: vscode.Uri.joinPath(file, '..') };
}

async function pickFamily(runtime: string | undefined): Promise<SnippetFamily | undefined> {
  // The snippets are pure text in the analysis bundle: the main bundle carries none of them (bench: mainBundle).
  const { dbHealthSnippet, SNIPPET_FAMILIES } = loadAnalysis();
  const items = SNIPPET_FAMILIES.map((family) => ({ label: dbHealthSnippet(family, '/').framework, family }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Add a db-health endpoint'),
    placeHolder: runtime
      ? vscode.l10n.t('apprunner.yaml says runtime {0}: pick the framework of the handler', runtime)
      : vscode.l10n.t('No apprunner.yaml runtime found: pick the framework of the handler'),
  });
  return chosen?.family;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function saveAsFile(
  snippet: DbHealthSnippet,
  folder: vscode.Uri | undefined,
): Promise<Pick<AddDbHealthResult, 'action' | 'uri'>> {
  const target = folder ? vscode.Uri.joinPath(folder, snippet.fileName) : undefined;
  // An existing file (the runbook's health.py often is) is never overwritten, and a path through a symbolic link
  // is never written (it may lead out of the workspace): the snippet opens unsaved instead.
  const inside =
    !!target && !!folder && (folder.scheme !== 'file' || (await writeStaysInFolder(folder.fsPath, target.fsPath)));
  if (!target || !inside || (await exists(target))) {
    const doc = await vscode.workspace.openTextDocument({ language: snippet.languageId, content: snippet.content });
    await vscode.window.showTextDocument(doc);
    return { action: 'untitled', uri: doc.uri.toString() };
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(snippet.content));
  await vscode.window.showTextDocument(target);
  return { action: 'file', uri: target.toString() };
}

/** `arg`: an optional runtime name (tests, or a caller that knows it); `choose`: how the create/copy question is asked. */
export async function addDbHealthEndpoint(
  arg?: unknown,
  choose: ChooseAction = windowChoose,
): Promise<AddDbHealthResult | undefined> {
  const found = await workspaceRuntime();
  const runtime = typeof arg === 'string' && arg ? arg : found.runtime;
  const { dbHealthSnippet, snippetFamilyForRuntime } = loadAnalysis();
  const family = snippetFamilyForRuntime(runtime) ?? (await pickFamily(runtime));
  if (!family) return undefined;
  const snippet = dbHealthSnippet(family, readSettings().dbHealthPath);
  const create = vscode.l10n.t('Create {0}', snippet.fileName);
  const copy = vscode.l10n.t('Copy to Clipboard');
  const choice = await choose(
    vscode.l10n.t(
      'A {0} handler for {1} answering {2} (runbook 6.3, database health endpoint).',
      snippet.framework,
      readSettings().dbHealthPath,
      '{"status": "healthy", "database": "connected"}',
    ),
    [create, copy],
  );
  if (choice === copy) {
    await vscode.env.clipboard.writeText(snippet.content);
    log.info(`db-health snippet (${snippet.framework}) copied to the clipboard`);
    return { family, runtime, action: 'clipboard' };
  }
  if (choice !== create) return undefined;
  const saved = await saveAsFile(snippet, found.folder);
  log.info(
    `db-health snippet (${snippet.framework}) opened as ${saved.action === 'file' ? saved.uri : 'an unsaved document'}`,
  );
  return { family, runtime, ...saved };
}
