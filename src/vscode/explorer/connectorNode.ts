// A VPC connector: name, revision and status; children are its subnets (id, AZ, CIDR, private or public), its
// security groups with one rule per line, and Used by (the services whose egress goes through it).
import { groupLabel } from '../../model/topology/groupNames';
import * as vscode from 'vscode';
import { connectorContextValue, ruleLines, usersOf } from '../../model/explorer/treeText';
import { connectorStatusPresentation } from '../../model/explorer/statusPresentation';
import type { Topology, VpcConnector } from '../../model/topology/topology';
import { DetailNode } from './messageNodes';
import type { ExplorerNode } from './node';
import { connectorNodeId } from './treeContext';
import { CommandId } from '../../model/common/commandIds';

export class ConnectorNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    private readonly snapshot: Topology,
    readonly connector: VpcConnector,
  ) {
    this.id = connectorNodeId(connector.arn);
  }

  /** The first service using this connector: what Show Diagram and Diagnose draw when run from this node. */
  get serviceName(): string | undefined {
    return usersOf(this.snapshot, this.connector)[0]?.name;
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.connector;
    const look = connectorStatusPresentation(c.status, c.revision);
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = look.description;
    item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
    // The tooltip (every service using the connector: thousands in a large region) is built on hover:
    // ExplorerProvider.resolveTreeItem.
    item.contextValue = connectorContextValue(this.snapshot, c);
    return item;
  }

  resolveTooltip(): vscode.MarkdownString {
    const c = this.connector;
    const look = connectorStatusPresentation(c.status, c.revision);
    const users = usersOf(this.snapshot, c).map((s) => s.name);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(
      `**${c.name}** — ${look.description}\n\n- ARN: \`${c.arn}\`\n- ${vscode.l10n.t('Subnets')}: ${c.subnetIds.join(', ')}\n`,
    );
    md.appendMarkdown(
      `- ${vscode.l10n.t('Security groups')}: ${c.securityGroupIds.join(', ')}\n- ${vscode.l10n.t('Used by')}: ${users.join(', ') || '—'}\n`,
    );
    return md;
  }

  getChildren(): ExplorerNode[] {
    const c = this.connector;
    const subnets = c.subnetIds.map((id) => {
      const s = this.snapshot.subnets.find((x) => x.id === id);
      const kind = s ? (s.isPrivate ? vscode.l10n.t('private') : vscode.l10n.t('public')) : undefined;
      return new DetailNode(this, `${this.id}/subnet/${id}`, {
        label: id,
        icon: 'symbol-namespace',
        contextValue: 'subnet',
        tooltip: s?.name,
        description: s ? `${s.availabilityZone} · ${s.cidrBlock} · ${kind}` : vscode.l10n.t('loading details...'),
      });
    });
    const groups = c.securityGroupIds.map((id) => {
      const g = this.snapshot.securityGroups.find((x) => x.id === id);
      const lines = g ? ruleLines(g.rules, this.snapshot) : [];
      return new DetailNode(this, `${this.id}/sg/${id}`, {
        label: g ? groupLabel(g) : id,
        description: g ? id : vscode.l10n.t('loading details...'),
        icon: 'shield',
        contextValue: 'securityGroup',
        tooltip: lines.join('\n'),
        children: (self) =>
          lines.length === 0
            ? [new DetailNode(self, `${self.id}/none`, { label: vscode.l10n.t('no rules') })]
            : lines.map(
                (line, i) =>
                  new DetailNode(self, `${self.id}/rule/${i}`, {
                    label: line,
                    icon: 'arrow-swap',
                    contextValue: 'rule',
                  }),
              ),
      });
    });
    const users = usersOf(this.snapshot, c);
    const usedBy = new DetailNode(this, `${this.id}/usedBy`, {
      label: vscode.l10n.t('Used by'),
      icon: 'references',
      contextValue: 'usedBy',
      description: users.length > 0 ? users.map((s) => s.name).join(', ') : vscode.l10n.t('no service'),
      children:
        users.length === 0
          ? undefined
          : (self) =>
              users.map(
                (s) =>
                  new DetailNode(self, `${self.id}/${s.arn}`, {
                    label: s.name,
                    icon: 'server-process',
                    contextValue: 'usedByService',
                    command: {
                      command: CommandId.revealService,
                      title: vscode.l10n.t('Show Service'),
                      arguments: [s.arn],
                    },
                  }),
              ),
    });
    return [...subnets, ...groups, usedBy];
  }
}
