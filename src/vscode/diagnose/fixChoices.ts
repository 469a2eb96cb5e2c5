// The fixes a diagnosis offers: the "Fix..." quick pick's items, and code actions on the Problems entries
// of apprunner.yaml. Both name the exact change and run apprunnerVpc.applyDiagnosisFix, which confirms.
import * as vscode from 'vscode';
import { pick } from '../localize';
import type { PickItem } from '../ui/ui';
import type { DiagnosisProblems } from './problems';
import type { DiagnoseResult } from './runDiagnosis';
import { loadAnalysis } from '../analysisLoader';
import { CommandId } from '../../model/common/commandIds';

/** The "Fix..." quick pick's items; the value is the finding's id. */
export function fixChoices(result: DiagnoseResult): PickItem<string>[] {
  return loadAnalysis()
    .fixableFindings(result.diagnosis.findings)
    .map((f) => ({
      label: pick(loadAnalysis().fixText(f.fix)),
      description: f.id,
      detail: pick(f.message),
      value: f.id,
    }));
}

export class FixCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly problems: DiagnosisProblems,
    private readonly last: (serviceName: string) => DiagnoseResult | undefined,
  ) {}

  provideCodeActions(
    _document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const origin = this.problems.originOf(diagnostic);
      const finding = origin
        ? this.last(origin.serviceName)?.diagnosis.findings.find((f) => f.id === origin.findingId)
        : undefined;
      if (!origin || finding?.fix?.kind !== 'plan-step') continue;
      const action = new vscode.CodeAction(
        vscode.l10n.t('Fix in AWS: {0}', pick(loadAnalysis().fixText(finding.fix))),
        vscode.CodeActionKind.QuickFix,
      );
      action.diagnostics = [diagnostic];
      action.command = {
        command: CommandId.applyDiagnosisFix,
        title: action.title,
        arguments: [origin.serviceName, origin.findingId],
      };
      actions.push(action);
    }
    return actions;
  }
}
