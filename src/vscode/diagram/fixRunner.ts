// A fix button, on the extension side. The webview only names the element; the fix itself is read from the
// extension's own model. A whole command (create groups, create or attach the connector) runs with its own
// prompts and confirmation; a single rule is confirmed here and applied as one plan step by the engine.
import * as vscode from 'vscode';
import type { DiagramFix } from '../../model/diagram';
import type { PlanStep } from '../../model/plan/planSteps';
import { UserError } from '../../model/common/userError';
import { loadAwsSdk } from '../backend';
import { loadAnalysis } from '../analysisLoader';
import { isCommandRegistered } from '../commands/register';
import { pick } from '../localize';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import type { DiagramPanel } from './diagramPanel';
import { confirmed, type Ui } from '../ui/ui';
import { msg } from '../../model/l10n/text';
import { CommandId } from '../../model/common/commandIds';

const FALLBACK_COMMAND = CommandId.setupConnector;

function commandFor(fix: DiagramFix): string | undefined {
  return [fix.command, FALLBACK_COMMAND].find((c): c is CommandId => c !== undefined && isCommandRegistered(c));
}

/** The element and the nodes at its ends: what the picture marks "in progress" while the fix runs. */
function affected(panel: DiagramPanel, id: string): string[] {
  const edge = panel.currentModel?.edges.find((e) => e.id === id);
  return edge ? [id, edge.from, edge.to] : [id];
}

async function applySteps(services: ExtensionServices, steps: PlanStep[]): Promise<void> {
  const target = services.connection.state.target;
  if (!target) throw new UserError(msg('Not connected to AWS.'));
  const backend = loadAwsSdk();
  const result = await backend.applyPlan(backend.getClients(target), { kind: 'setup', steps, warnings: [], notes: [] });
  if (result.status !== 'succeeded') {
    const last = steps[steps.length - 1];
    throw new UserError(result.error?.message ?? msg('{0} did not finish.', last.title));
  }
}

export async function runFix(
  services: ExtensionServices,
  panel: DiagramPanel,
  ui: Ui,
  elementId: string,
): Promise<void> {
  const model = panel.currentModel;
  const element = model?.nodes.find((n) => n.id === elementId) ?? model?.edges.find((e) => e.id === elementId);
  const fix = element?.fix;
  // What the picture was drawn from: the tree's snapshot, or the service's own read while the tree loads.
  const snapshot = panel.drawnFrom ?? services.store.state.snapshot;
  if (!model || !fix || !snapshot) return;
  let run: () => Promise<unknown>;
  if (fix.command) {
    const command = commandFor(fix);
    if (!command) {
      throw new UserError(msg('The command for "{0}" is not available in this version.', fix.title));
    }
    // The command shows its own plan and confirmation.
    run = async () => vscode.commands.executeCommand(command, model.serviceName);
  } else {
    // The same fix the diagnosis applies (e.g. revoking allow-all egress brings the runbook's rules first).
    const action = loadAnalysis().fixActionFor(snapshot, readSettings(), model.serviceName, {
      kind: 'plan-step',
      step: fix.step,
      params: fix.params,
    });
    if (action.kind === 'done') {
      void ui.notify('info', vscode.l10n.t('Already in place: {0}. The picture is being refreshed.', pick(fix.title)));
      services.store.invalidate();
      await services.store.refresh({ force: true });
      return;
    }
    if (action.kind === 'command') {
      run = async () => vscode.commands.executeCommand(action.command, model.serviceName);
    } else if (action.kind === 'steps') {
      const detail = action.steps
        .map((step) => `${pick(step.title)}\n${step.apiCall.action} ${JSON.stringify(step.apiCall.params)}`)
        .join('\n\n');
      if (!(await confirmed(ui, vscode.l10n.t('Apply this change to AWS?'), detail, vscode.l10n.t('Apply')))) return;
      run = () => applySteps(services, action.steps);
    } else {
      throw new UserError(msg('"{0}" cannot be applied from this snapshot; run the setup instead.', fix.title));
    }
  }
  const ids = affected(panel, elementId);
  panel.setBusy(ids, true);
  try {
    await run();
  } finally {
    panel.setBusy(ids, false);
    services.store.invalidate();
    await services.store.refresh({ force: true });
  }
}
