// A service: name, status description and icon from the one status mapping, a Markdown tooltip, and the
// children Egress (linking to the connector node), URL and Last operation.
import * as vscode from 'vscode';
import { masked } from '../masking';
import { egressOf, serviceContextValue } from '../../model/explorer/treeText';
import { serviceStatusPresentation } from '../../model/explorer/statusPresentation';
import type { AppRunnerService, ServiceOperation, Topology } from '../../model/topology/topology';
import { DetailNode } from './messageNodes';
import type { ExplorerNode } from './node';
import { serviceNodeId } from './treeContext';
import { serviceEndpointUrl } from '../../model/common/awsTarget';
import { CommandId } from '../../model/common/commandIds';

/** The operation in the snapshot, else the one seen earlier (which has ended since: the service is not busy). */
function operationText(op: ServiceOperation | undefined, seen?: ServiceOperation): string {
  if (!op && seen) return `${seen.type} · ${vscode.l10n.t('ended')}`;
  if (!op) return vscode.l10n.t('none in progress');
  const when = op.endedAt ?? op.updatedAt ?? op.startedAt;
  return [op.type, op.status, when ? new Date(when).toLocaleString() : undefined].filter(Boolean).join(' · ');
}

export function egressText(snapshot: Topology, service: AppRunnerService): string {
  const egress = egressOf(snapshot, service);
  if (egress.kind === 'unknown') return vscode.l10n.t('loading details...');
  if (egress.kind === 'default') return 'DEFAULT';
  return `VPC · ${egress.connector?.name ?? egress.arn}`;
}

export class ServiceNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    private readonly snapshot: Topology,
    readonly service: AppRunnerService,
    private readonly seen?: ServiceOperation,
  ) {
    this.id = serviceNodeId(service.arn);
  }

  resolveTooltip(): vscode.MarkdownString {
    const s = this.service;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${s.name}** — ${serviceStatusPresentation(s.status, s.lastOperation).description}\n\n`);
    const rows: [string, string][] = [
      [vscode.l10n.t('ARN'), s.arn],
      [vscode.l10n.t('URL'), s.url ? serviceEndpointUrl(s.url, '') : '—'],
      [vscode.l10n.t('Egress'), egressText(this.snapshot, s)],
      [vscode.l10n.t('IP address type'), s.ipAddressType ?? '—'],
      [vscode.l10n.t('Last operation'), operationText(s.lastOperation, this.seen)],
      [vscode.l10n.t('Updated at'), s.updatedAt ? new Date(s.updatedAt).toLocaleString() : '—'],
    ];
    for (const [k, v] of rows) md.appendMarkdown(`- ${k}: \`${masked(v).replace(/`/g, "'")}\`\n`);
    return md;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.service;
    const look = serviceStatusPresentation(s.status, s.lastOperation);
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = s.detailsLoaded
      ? look.description
      : `${look.description} · ${vscode.l10n.t('loading details...')}`;
    item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
    // The tooltip (six masked rows) is built on hover: ExplorerProvider.resolveTreeItem.
    item.contextValue = serviceContextValue(s);
    return item;
  }

  getChildren(): ExplorerNode[] {
    const s = this.service;
    const egress = egressOf(this.snapshot, s);
    const link: vscode.Command | undefined =
      egress.kind === 'vpc' && egress.connector
        ? { command: CommandId.revealConnector, title: vscode.l10n.t('Show Connector'), arguments: [egress.arn] }
        : undefined;
    return [
      new DetailNode(this, `${this.id}/egress`, {
        label: vscode.l10n.t('Egress'),
        description: egressText(this.snapshot, s),
        icon: egress.kind === 'vpc' ? 'plug' : 'globe',
        contextValue: `egress.${egress.kind}`,
        command: link,
        tooltip:
          egress.kind === 'vpc'
            ? egress.arn
            : vscode.l10n.t('Public internet through App Runner (no access to private VPC resources)'),
      }),
      new DetailNode(this, `${this.id}/url`, {
        label: vscode.l10n.t('URL'),
        description: s.url ? serviceEndpointUrl(s.url, '') : '—',
        icon: 'link',
        contextValue: 'url',
      }),
      new DetailNode(this, `${this.id}/operation`, {
        label: vscode.l10n.t('Last operation'),
        description: s.detailsLoaded ? operationText(s.lastOperation, this.seen) : vscode.l10n.t('loading details...'),
        icon: s.lastOperation?.status === 'IN_PROGRESS' ? 'loading~spin' : 'history',
      }),
    ];
  }
}
