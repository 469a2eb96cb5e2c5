// Problems for apprunner.yaml from the pure validator: on open, on change (debounced), cleared on close.
// The validator never throws; a failure here would be a bug, logged rather than shown as a crash.
import * as vscode from 'vscode';
import { masked } from '../masking';
import type { Problem } from '../../model/apprunnerYaml';
import { loadYamlSupport } from '../yamlSupportLoader';
import { pick } from '../localize';
import { log } from '../log';
import { isApprunnerYaml, toRange } from './yamlFiles';

const DEBOUNCE_MS = 300;
const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toRange(problem.range),
    masked(pick(problem.message)),
    SEVERITY[problem.severity],
  );
  diagnostic.source = 'apprunner.yaml';
  diagnostic.code = problem.code;
  return diagnostic;
}

export class YamlDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('apprunner.yaml');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.validate(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    ];
    for (const document of vscode.workspace.textDocuments) this.validate(document);
  }

  validate(document: vscode.TextDocument): void {
    if (!isApprunnerYaml(document)) return;
    try {
      this.collection.set(
        document.uri,
        loadYamlSupport().parseApprunnerYaml(document.getText()).problems.map(toDiagnostic),
      );
    } catch (error) {
      log.error(
        `Validating ${document.uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isApprunnerYaml(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.validate(document);
      }, DEBOUNCE_MS),
    );
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
