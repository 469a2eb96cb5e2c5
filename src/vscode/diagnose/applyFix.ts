// A fix for one finding: the exact change named in a modal confirmation, then applied as plan steps by the
// engine (through the SDK bundle), then the service diagnosed again so the user sees the result.
import * as vscode from 'vscode';
import { EDITOR_READS } from '../../model/topology/readSet';
import type { Finding } from '../../model/diagnosis/diagnosis';
import type { Plan, PlanStep } from '../../model/plan/planSteps';
import { UserError } from '../../model/common/userError';
import { loadAwsSdk } from '../backend';
import { loadAnalysis } from '../analysisLoader';
import { isCommandRegistered } from '../commands/register';
import { pick } from '../localize';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import { confirmed, type Ui } from '../ui/ui';
import { msg } from '../../model/l10n/text';

export type FixOutcome = 'applied' | 'already-done' | 'command' | 'link' | 'declined';

function stepLines(steps: readonly PlanStep[]): string {
  return steps.map((s) => `• ${pick(s.title)}\n  ${s.apiCall.action} ${JSON.stringify(s.apiCall.params)}`).join('\n');
}

async function applySteps(services: ExtensionServices, steps: PlanStep[]): Promise<void> {
  const target = services.connection.state.target;
  if (!target) throw new UserError(msg('Not connected to AWS.'));
  const backend = loadAwsSdk();
  const plan: Plan = { kind: 'setup', steps, warnings: [], notes: [] };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying the fix'), cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return backend.applyPlan(backend.getClients(target), plan, {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.type === 'step-started') progress.report({ message: pick(e.step.title) });
          if (e.type === 'waiting') progress.report({ message: pick(e.message) });
        },
      });
    },
  );
  if (result.status === 'cancelled') throw new vscode.CancellationError();
  if (result.status !== 'succeeded') {
    throw new UserError(result.error?.message ?? msg('The fix did not finish.'));
  }
}

export async function applyFix(
  services: ExtensionServices,
  ui: Ui,
  serviceName: string,
  finding: Finding,
): Promise<FixOutcome> {
  // A fix is planned on what was diagnosed: the diagnosis's own read of the service (the tree's snapshot may
  // be older than it) while current, else the service as it is now.
  const snapshot = !finding.fix
    ? undefined
    : (services.serviceReads.lastRead(serviceName) ??
      (await services.serviceReads
        .snapshotFor(serviceName, EDITOR_READS.diagnose, { fresh: true })
        .catch(() => undefined)));
  if (!finding.fix || !snapshot) throw new UserError(msg('{0} has no fix to apply.', finding.id));
  const action = loadAnalysis().fixActionFor(snapshot, readSettings(), serviceName, finding.fix);
  const what = loadAnalysis().fixText(finding.fix);
  switch (action.kind) {
    case 'link':
      await vscode.env.openExternal(vscode.Uri.parse(action.url));
      return 'link';
    case 'command': {
      if (!isCommandRegistered(action.command)) {
        throw new UserError(msg('{0}: the command {1} is not available.', what, action.command));
      }
      await vscode.commands.executeCommand(action.command, serviceName);
      return 'command';
    }
    case 'done':
      void ui.notify('info', vscode.l10n.t('Already in place: {0}.', pick(what)));
      return 'already-done';
    case 'unavailable':
      throw new UserError(msg('This fix cannot be applied from the editor; change it in AWS: {0}.', what));
    case 'steps': {
      const ok = await confirmed(
        ui,
        vscode.l10n.t('Apply this change to AWS? {0}', pick(what)),
        stepLines(action.steps),
        vscode.l10n.t('Apply'),
      );
      if (!ok) return 'declined';
      await applySteps(services, action.steps);
      return 'applied';
    }
  }
}
