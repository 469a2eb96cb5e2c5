// Findings in the Problems view, on the workspace's apprunner.yaml: database URL findings on that env
// entry, the rest on the file's first line. Each carries its finding id as the code (a documentation link
// when the fix is one) and the fix in words, so the code action can offer it.
import * as vscode from 'vscode';
import { masked } from '../masking';
import type { TextRange } from '../../model/apprunnerYaml';
import type { Diagnosis, Severity } from '../../model/diagnosis/diagnosis';
import { pick } from '../localize';
import { loadYamlSupport } from '../yamlSupportLoader';
import { loadAnalysis } from '../analysisLoader';
import { CommandId } from '../../model/common/commandIds';

export const PROBLEM_SOURCE = 'App Runner VPC';
const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Which diagnosis a diagnostic came from, for the code actions. */
export interface ProblemOrigin {
  serviceName: string;
  findingId: string;
}

const toRange = (r: TextRange): vscode.Range => new vscode.Range(r.startLine, r.startCol, r.endLine, r.endCol);

const SKIP = new Set(['node_modules', '.git', '.venv', 'venv', 'dist', 'out']);

/** A bounded walk, for hosts where findFiles' search backend is missing (it throws there). */
async function walk(dir: vscode.Uri, depth: number, found: vscode.Uri[]): Promise<void> {
  if (depth < 0 || found.length >= 20) return;
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (type === vscode.FileType.File && name === 'apprunner.yaml') found.push(vscode.Uri.joinPath(dir, name));
    else if (type === vscode.FileType.Directory && !SKIP.has(name))
      await walk(vscode.Uri.joinPath(dir, name), depth - 1, found);
  }
}

export async function apprunnerYamlFiles(): Promise<vscode.Uri[]> {
  try {
    return await vscode.workspace.findFiles('**/apprunner.yaml', '**/node_modules/**', 20);
  } catch {
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) await walk(folder.uri, 4, found);
    return found;
  }
}

export class DiagnosisProblems implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(CommandId.diagnose);
  /** The service the shown problems are about (one diagnosis at a time). */
  private serviceName: string | undefined;

  /** Code actions get copies of the diagnostics, so the origin is read back from the source and code. */
  originOf(diagnostic: vscode.Diagnostic): ProblemOrigin | undefined {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    if (diagnostic.source !== PROBLEM_SOURCE || code === undefined || !this.serviceName) return undefined;
    return { serviceName: this.serviceName, findingId: String(code) };
  }

  /** `belongsTo(uri)` says whether a file may be about the service (files linked to another one are not). */
  async show(diagnosis: Diagnosis, belongsTo: (uri: vscode.Uri) => Promise<boolean> = async () => true): Promise<void> {
    this.collection.clear();
    this.serviceName = diagnosis.serviceName;
    for (const uri of await apprunnerYamlFiles()) {
      if (!(await belongsTo(uri))) continue;
      let text: string;
      try {
        text = (await vscode.workspace.openTextDocument(uri)).getText();
      } catch {
        continue; // Unreadable (deleted meanwhile, not UTF-8): the report still has every finding.
      }
      // The YAML parser lives in its own lazily loaded bundle: it would double the size of the main one.
      const placed = loadAnalysis().placeFindings(diagnosis.findings, text, loadYamlSupport().parseApprunnerYaml(text));
      this.collection.set(
        uri,
        placed.map(({ finding, range }) => {
          const fix = finding.fix ? ` ${vscode.l10n.t('Fix: {0}', pick(loadAnalysis().fixText(finding.fix)))}` : '';
          const message = pick(finding.message);
          // Name the service when the sentence does not, so a file shared by several services stays clear.
          const about = message.includes(diagnosis.serviceName) ? '' : `${diagnosis.serviceName}: `;
          const d = new vscode.Diagnostic(
            toRange(range),
            masked(`${about}${message}${fix}`),
            SEVERITY[finding.severity],
          );
          d.source = PROBLEM_SOURCE;
          d.code =
            finding.fix?.kind === 'link'
              ? { value: finding.id, target: vscode.Uri.parse(finding.fix.url) }
              : finding.id;
          return d;
        }),
      );
    }
  }

  entries(): { uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }[] {
    const out: { uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }[] = [];
    this.collection.forEach((uri, diagnostics) => out.push({ uri, diagnostics }));
    return out;
  }

  dispose(): void {
    this.collection.dispose();
  }
}
