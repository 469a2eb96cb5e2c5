// While an apprunner.yaml is the active editor: the linked service's state in the status bar
// (`$(server-process) kyudai-api · RUNNING · egress VPC`), or an invitation to link one.
import * as vscode from 'vscode';
import type { LinkResolution } from '../../model/codeLens/serviceLink';
import type { Topology } from '../../model/topology/topology';
import { pick } from '../localize';
import { loadAnalysis } from '../analysisLoader';
import { CommandId } from '../../model/common/commandIds';

export function statusText(link: LinkResolution, snapshot: Topology | undefined): { text: string; tooltip: string } {
  if (link.kind === 'none' || link.kind === 'ambiguous') {
    return {
      text: `$(link) ${vscode.l10n.t('Link apprunner.yaml to a service')}`,
      tooltip: vscode.l10n.t('No App Runner service is linked to this file.'),
    };
  }
  const service = snapshot?.services.find((s) => s.name === link.serviceName);
  if (!snapshot || !service) {
    return {
      text: `$(server-process) ${link.serviceName} · …`,
      tooltip: vscode.l10n.t('{0} is not in the loaded snapshot.', link.serviceName),
    };
  }
  const busy = service.status === 'OPERATION_IN_PROGRESS';
  const icon = busy ? '$(sync~spin)' : service.status === 'RUNNING' ? '$(server-process)' : '$(warning)';
  const egress = pick(loadAnalysis().egressText(service, snapshot));
  return {
    text: `${icon} ${service.name} · ${service.status}`,
    tooltip: `${service.name} · ${service.status} · ${egress}`,
  };
}

export class YamlStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('apprunnerVpc.apprunnerYaml', vscode.StatusBarAlignment.Left, 49);
  private shown = false;

  constructor() {
    this.item.name = vscode.l10n.t('App Runner VPC: linked service');
    this.item.command = CommandId.linkService;
  }

  show(link: LinkResolution, snapshot: Topology | undefined): void {
    const { text, tooltip } = statusText(link, snapshot);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
    this.shown = true;
  }

  hide(): void {
    this.item.hide();
    this.shown = false;
  }

  /** The text shown now, undefined while hidden (no apprunner.yaml active). */
  get visibleText(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
