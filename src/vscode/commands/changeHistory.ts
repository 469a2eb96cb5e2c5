// "Show Change History" (runbook 8.2) on a service, connector or security group node: CloudTrail's event
// history for it (a service also brings its connector and the groups on its path), newest first, as a
// Markdown document. Text leaves the process masked.
import * as vscode from 'vscode';
import type { HistoryTarget } from '../../model/ops/historyTargets';
import { UserError } from '../../model/common/userError';
import { loadAwsSdk } from '../backend';
import { loadAnalysis } from '../analysisLoader';
import { DetailNode } from '../explorer/messageNodes';
import { masked } from '../masking';
import { uiLang } from '../localize';
import type { ExtensionServices } from '../services';
import { namedService, pickService, requireSnapshot, resolveTarget } from './targets';
import { ConnectorNode } from '../explorer/connectorNode';
import { msg } from '../../model/l10n/text';

async function targetsOf(
  services: ExtensionServices,
  arg: unknown,
): Promise<{ subject: string; targets: HistoryTarget[] }> {
  // A security group node's id ends in /sg/<group id>; a string argument may name a group too.
  const groupId =
    arg instanceof DetailNode
      ? /\/sg\/(sg-[0-9a-f]+)$/.exec(arg.id)?.[1]
      : typeof arg === 'string' && /^sg-[0-9a-f]+$/.test(arg)
        ? arg
        : undefined;
  if (groupId) return { subject: groupId, targets: [{ name: groupId, kind: 'security-group', label: groupId }] };
  // A service (node or name) is read alone; what else a string names (a connector) the tree's snapshot says.
  const found = arg instanceof ConnectorNode ? undefined : await namedService(services, arg, 'changeHistory');
  if (found)
    return { subject: found.service.name, targets: loadAnalysis().historyTargets(found.snapshot, found.service.name) };
  const snapshot = await requireSnapshot(services);
  const target = resolveTarget(snapshot, arg);
  if (target?.connector) {
    const c = target.connector;
    return {
      subject: `${c.name}:${c.revision}`,
      targets: [
        { name: c.arn, kind: 'connector', label: c.name },
        ...c.securityGroupIds.map((id): HistoryTarget => ({ name: id, kind: 'security-group', label: id })),
      ],
    };
  }
  const service = target?.service ?? (await pickService(services, vscode.l10n.t('App Runner service')));
  return { subject: service.name, targets: loadAnalysis().historyTargets(snapshot, service.name) };
}

/** Opens the history document; returns its text (for tests). */
export async function showChangeHistory(services: ExtensionServices, arg: unknown): Promise<string> {
  const target = services.connection.state.target;
  if (!target)
    throw new UserError(msg('Not connected to AWS: select a profile or check the endpoint, then try again.'));
  const { subject, targets } = await targetsOf(services, arg);
  const backend = loadAwsSdk();
  const { events, truncated } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading CloudTrail event history...') },
    () =>
      backend.historyOf(
        backend.getClients(target),
        targets.map((t) => t.name),
      ),
  );
  const rows = loadAnalysis().changeHistory(events, target.region, Date.now());
  const note = truncated ? vscode.l10n.t('Stopped at the event cap: older events are not shown.') : undefined;
  const text = masked(loadAnalysis().changeHistoryMarkdown(rows, subject, uiLang(), note));
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc, { preview: true });
  return text;
}
