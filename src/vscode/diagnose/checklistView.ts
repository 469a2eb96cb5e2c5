// The runbook's section 9 checklist as a tree in the App Runner VPC container: three sections, one item per
// check with a pass / fail / unknown / manual icon. A pure function of the store's snapshot, the last
// diagnosis and the last connection test (model/checklist.ts); recomputed whenever either changes.
import * as vscode from 'vscode';
import type { ChecklistItem, ChecklistSection, ChecklistState } from '../../model/diagnosis/checklist';
import type { Diagnosis } from '../../model/diagnosis/diagnosis';
import { pick } from '../localize';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import { analysisOptions, lastConnectionTest, type DiagnoseResult } from './runDiagnosis';
import { loadAnalysis } from '../analysisLoader';
import { serviceMetrics } from '../metrics/serviceMetrics';

export const CHECKLIST_VIEW = 'apprunnerVpc.checklist';

const ICONS: Record<ChecklistState, vscode.ThemeIcon> = {
  pass: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  unknown: new vscode.ThemeIcon('question', new vscode.ThemeColor('testing.iconQueued')),
  manual: new vscode.ThemeIcon('person'),
};

function stateText(state: ChecklistState): string {
  switch (state) {
    case 'pass':
      return vscode.l10n.t('pass');
    case 'fail':
      return vscode.l10n.t('fail');
    case 'unknown':
      return vscode.l10n.t('unknown');
    case 'manual':
      return vscode.l10n.t('check by hand');
  }
}

function sectionTitle(section: ChecklistSection): string {
  switch (section) {
    case 'initial':
      return vscode.l10n.t('Initial setup');
    case 'periodic':
      return vscode.l10n.t('Periodic checks');
    case 'change':
      return vscode.l10n.t('When changing');
  }
}

type Node =
  { kind: 'section'; section: ChecklistSection; items: ChecklistItem[] } | { kind: 'item'; item: ChecklistItem };

export class ChecklistProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private cached: { serviceName: string; items: ChecklistItem[] } | undefined;

  constructor(
    private readonly services: ExtensionServices,
    private readonly lastResult: (serviceName: string) => DiagnoseResult | undefined,
  ) {}

  /** The service the checklist is about: the last diagnosed one, else the serviceName setting. */
  serviceName(): string {
    return lastConnectionTest(this.services)?.serviceName ?? readSettings().serviceName;
  }

  /** The items as shown now; empty before the first snapshot. */
  items(): ChecklistItem[] {
    const snapshot = this.services.store.state.snapshot;
    if (!snapshot) return [];
    const serviceName = this.serviceName();
    const record = lastConnectionTest(this.services);
    const sameService = record?.serviceName === serviceName ? record : undefined;
    // A diagnosis made from an older snapshot is redone from the current one; only its live parts are kept.
    const diagnosis: Diagnosis = loadAnalysis().analyzeService(snapshot, serviceName, analysisOptions());
    // Runbook 9's performance item from App Runner's metrics (read in the background; redrawn when they arrive).
    const service = snapshot.services.find((s) => s.name === serviceName);
    const performance = service ? serviceMetrics.verdict(this.services, service) : undefined;
    const items = loadAnalysis().evaluateChecklist(snapshot, diagnosis, {
      now: new Date().toISOString(),
      lastConnectionTestAt: sameService?.at,
      lastConnectionTestOutcome: sameService?.dbHealth,
      logScan: this.lastResult(serviceName)?.live?.logs.scan ?? sameService?.logScan,
      appRunnerGroupName: readSettings().appRunnerSecurityGroupName,
      appRunnerGroupNameTag: readSettings().appRunnerSecurityGroupNameTag,
      performance,
    });
    this.cached = { serviceName, items };
    return items;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(sectionTitle(node.section), vscode.TreeItemCollapsibleState.Expanded);
      const failed = node.items.filter((i) => i.state === 'fail').length;
      item.description = failed > 0 ? vscode.l10n.t('{0} to fix', failed) : undefined;
      item.contextValue = 'checklistSection';
      return item;
    }
    const item = new vscode.TreeItem(pick(node.item.title), vscode.TreeItemCollapsibleState.None);
    item.id = `checklist:${node.item.id}`;
    item.iconPath = ICONS[node.item.state];
    item.description = stateText(node.item.state);
    const checked = node.item.lastChecked
      ? `\n\n${vscode.l10n.t('Last checked {0} by {1}.', node.item.lastChecked.at, pick(node.item.lastChecked.by))}`
      : '';
    item.tooltip = new vscode.MarkdownString(
      `**${pick(node.item.title)}**: ${stateText(node.item.state)}\n\n${pick(node.item.detail)}${checked}`,
    );
    item.contextValue = `checklistItem.${node.item.state}`;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'item') return [];
    if (node?.kind === 'section') return node.items.map((item) => ({ kind: 'item', item }));
    const items = this.items();
    return (['initial', 'periodic', 'change'] as const)
      .map((section) => ({ kind: 'section' as const, section, items: items.filter((i) => i.section === section) }))
      .filter((s) => s.items.length > 0);
  }

  lastShown(): { serviceName: string; items: ChecklistItem[] } | undefined {
    return this.cached;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
