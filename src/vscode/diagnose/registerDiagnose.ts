// The diagnose feature: `apprunnerVpc.diagnose` (report document + Problems on apprunner.yaml), fixes (a
// quick pick and code actions, each confirmed, applied through the engine, then diagnosed again), and the
// runbook section 9 checklist view with its Markdown export.
import * as vscode from 'vscode';
import { masked } from '../masking';
import type { ChecklistItem } from '../../model/diagnosis/checklist';
import { UserError } from '../../model/common/userError';
import { loadAnalysis } from '../analysisLoader';
import { registerCommand } from '../commands/register';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import { applyFix, type FixOutcome } from './applyFix';
import { exportChecklist } from './checklistExport';
import { CHECKLIST_VIEW, ChecklistProvider } from './checklistView';
import { serviceMetrics } from '../metrics/serviceMetrics';
import { fixChoices, FixCodeActions } from './fixChoices';
import {
  addEndpoint,
  addEndpointLabel,
  DB_HEALTH_MISSING,
  dbHealthMissing,
  dbHealthOfferFor,
  missingMessage,
  offerDbHealthEndpoint,
} from './dbHealthOffer';
import { DiagnosisProblems } from './problems';
import { REPORT_SCHEME, ReportDocuments } from './reportDocument';
import { type DiagnoseResult, runDiagnosis } from './runDiagnosis';
import { msg } from '../../model/l10n/text';
import { uiLang } from '../localize';
import { CommandId } from '../../model/common/commandIds';
import { chosen, confirmed } from '../ui/ui';
import { refusedInRestrictedMode } from '../commands/restrictedMode';

export type { DiagnoseResult } from './runDiagnosis';

/** What this feature offers to tests and to other features (the tree and CodeLens pass a service name). */
export interface DiagnoseApi {
  /** Runs the diagnosis (fresh snapshot + live checks), opens the report and fills the Problems view. */
  diagnose(serviceName?: string): Promise<DiagnoseResult | undefined>;
  last(serviceName?: string): DiagnoseResult | undefined;
  reportUri(serviceName: string): vscode.Uri;
  /** The report's Markdown as the document shows it. */
  reportText(serviceName: string): string | undefined;
  problems(): { uri: vscode.Uri; diagnostics: readonly vscode.Diagnostic[] }[];
  /** Confirms (through the UI object), applies the finding's fix and diagnoses again. */
  fix(findingId: string, serviceName?: string): Promise<FixOutcome>;
  /** The checklist items as the view shows them now. */
  checklist(): ChecklistItem[];
  readonly checklistProvider: vscode.TreeDataProvider<unknown>;
  /** The checklist's tree view (showing it starts the AWS connection, like the explorer). */
  readonly tree: vscode.TreeView<unknown>;
  exportChecklist(): Promise<vscode.Uri | undefined>;
}

function serviceNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg || undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as { serviceName?: unknown; service?: { name?: unknown }; name?: unknown };
  const name = o.serviceName ?? o.service?.name ?? o.name;
  return typeof name === 'string' ? name : undefined;
}

/** Which service to diagnose; `preferred` (the serviceName setting) is offered first. */
async function pickService(
  services: ExtensionServices,
  names: string[],
  preferred: string,
): Promise<string | undefined> {
  const ordered = [...names].sort((a, b) => Number(b === preferred) - Number(a === preferred) || a.localeCompare(b));
  return chosen(
    await services.ui().pick({
      id: 'service',
      placeholder: vscode.l10n.t('App Runner service to diagnose'),
      items: ordered.map((name) => ({
        label: name,
        description: name === preferred ? vscode.l10n.t('from the serviceName setting') : undefined,
        value: name,
      })),
    }),
  );
}

export function registerDiagnose(services: ExtensionServices): DiagnoseApi {
  const results = new Map<string, DiagnoseResult>();
  let diagnosedTarget = '';
  /** The service diagnosed last: what "Fix..." and the API default to. */
  let lastService: string | undefined;
  const reports = new ReportDocuments();
  const problems = new DiagnosisProblems();
  const checklist = new ChecklistProvider(services, (name) => results.get(name));
  const tree = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: checklist });
  services.context.subscriptions.push(
    reports,
    problems,
    checklist,
    tree,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    services.store.onDidChange(() => checklist.refresh()),
    serviceMetrics.onDidRead(() => checklist.refresh()),
    // Problems from another account or region would be about resources this one does not have.
    services.connection.onDidChange(() => {
      const key = JSON.stringify(services.connection.state.target ?? null);
      if (key !== diagnosedTarget) problems.collection.clear();
    }),
    vscode.languages.registerCodeActionsProvider(
      { pattern: '**/apprunner.yaml' },
      new FixCodeActions(problems, (n) => results.get(n)),
      { providedCodeActionKinds: FixCodeActions.kinds },
    ),
  );

  const publish = async (result: DiagnoseResult, show: boolean): Promise<void> => {
    results.set(result.serviceName, result);
    lastService = result.serviceName;
    const target = services.connection.state.target;
    diagnosedTarget = JSON.stringify(target ?? null);
    // Built by the SDK bundle (already loaded by the live checks), keeping the main bundle small.
    const markdown = loadAnalysis().diagnosisReportMarkdown(result.diagnosis, result.live, uiLang(), {
      generatedAt: result.at,
      target: target?.region,
      dbHealthSnippet: await dbHealthOfferFor(result),
    });
    const uri = reports.set(result.serviceName, masked(markdown));
    // The file's linked service (setting, remembered choice or git match, as its CodeLens shows it) decides.
    await problems.show(result.diagnosis, async (file) => {
      const link = await services.linker.resolve(file, services.store.state.snapshot);
      return !('serviceName' in link) || link.serviceName === result.serviceName;
    });
    checklist.refresh();
    void vscode.commands.executeCommand('setContext', 'apprunnerVpc.diagnosed', true);
    if (show) {
      await vscode.workspace.openTextDocument(uri);
      await services.ui().showDocument(uri);
    }
  };

  const chooseService = async (arg: unknown): Promise<string | undefined> => {
    const given = serviceNameOf(arg);
    if (given) return given;
    const preferred = readSettings().serviceName;
    const snapshot = services.store.state.snapshot ?? (await services.store.refresh());
    const names = snapshot?.services.map((s) => s.name) ?? [];
    return names.length <= 1 && (names.length === 0 || names[0] === preferred)
      ? preferred
      : pickService(services, names, preferred);
  };

  const diagnose = async (arg?: unknown, show = true): Promise<DiagnoseResult | undefined> => {
    const ui = services.ui();
    const serviceName = await chooseService(arg);
    if (!serviceName) return undefined;
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Diagnosing {0}…', serviceName),
        cancellable: true,
      },
      (_progress, token) =>
        runDiagnosis(services, serviceName, token, (message, detail, action) => confirmed(ui, message, detail, action)),
    );
    await publish(result, show);
    if (dbHealthMissing(result)) void offerDbHealthEndpoint(ui, result);
    return result;
  };

  const fix = async (findingId: string, serviceName?: string): Promise<FixOutcome> => {
    const name = serviceName ?? lastService;
    const finding = name ? results.get(name)?.diagnosis.findings.find((f) => f.id === findingId) : undefined;
    if (!name || !finding) {
      throw new UserError(msg('No finding {0} in the last diagnosis: diagnose again.', findingId));
    }
    const outcome = await applyFix(services, services.ui(), name, finding);
    if (outcome === 'applied' || outcome === 'already-done') await diagnose(name, true);
    return outcome;
  };

  registerCommand(services.context, CommandId.diagnose, (arg) => diagnose(arg));
  registerCommand(services.context, CommandId.applyDiagnosisFix, async (serviceName, findingId) => {
    if (await refusedInRestrictedMode(services.ui())) return undefined;
    return fix(String(findingId), String(serviceName));
  });
  registerCommand(services.context, CommandId.fixDiagnosis, async (arg) => {
    if (await refusedInRestrictedMode(services.ui())) return undefined;
    const name = serviceNameOf(arg) ?? lastService;
    const result = name ? results.get(name) : undefined;
    if (!result) throw new UserError(msg('Run "Diagnose Connectivity" first.'));
    // A missing db-health handler is fixed in the application, not in AWS: its entry writes the snippet.
    const choices = [
      ...(dbHealthMissing(result)
        ? [
            {
              label: addEndpointLabel(),
              description: DB_HEALTH_MISSING,
              detail: missingMessage(result),
              value: DB_HEALTH_MISSING,
            },
          ]
        : []),
      ...fixChoices(result),
    ];
    if (choices.length === 0) {
      void services.ui().notify('info', vscode.l10n.t('Nothing to fix for {0}.', result.serviceName));
      return undefined;
    }
    const findingId = chosen(
      await services.ui().pick({
        id: 'fix',
        placeholder: vscode.l10n.t('Problem to fix'),
        items: choices,
        matchOnDetail: true,
      }),
    );
    if (findingId === DB_HEALTH_MISSING) return addEndpoint(services.ui());
    return findingId ? fix(findingId, result.serviceName) : undefined;
  });
  registerCommand(services.context, CommandId.exportChecklist, () =>
    exportChecklist(services, checklist, services.ui()),
  );

  return {
    diagnose: (serviceName) => diagnose(serviceName),
    last: (serviceName) => results.get(serviceName ?? lastService ?? ''),
    reportUri: (serviceName) => reports.uriFor(serviceName),
    reportText: (serviceName) => {
      const uri = reports.uriFor(serviceName);
      return results.has(serviceName) ? reports.provideTextDocumentContent(uri) : undefined;
    },
    problems: () => problems.entries(),
    fix,
    checklist: () => checklist.items(),
    checklistProvider: checklist as vscode.TreeDataProvider<unknown>,
    tree: tree as vscode.TreeView<unknown>,
    exportChecklist: () => exportChecklist(services, checklist, services.ui()),
  };
}
