// The two folders under the account: Services and VPC Connectors. Their children appear as soon as the list
// pages arrive (the store publishes partial snapshots); details fill in as they stream.
import * as vscode from 'vscode';
import { sortedConnectors } from '../../model/explorer/treeText';
import { compareServiceNames } from '../../model/topology/serviceOrder';
import { ConnectorNode } from './connectorNode';
import { EmptyNode, LoadingNode } from './messageNodes';
import type { ExplorerNode } from './node';
import { ServiceNode } from './serviceNode';
import type { TreeContext } from './treeContext';

function folder(id: string, label: string, icon: string, description?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = id;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.description = description;
  item.contextValue = id.split('/').pop();
  return item;
}

export class ServicesGroupNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode,
    private readonly tree: TreeContext,
  ) {
    this.id = `${parent.id}/services`;
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.tree.state().snapshot?.services.length;
    return folder(
      this.id,
      vscode.l10n.t('Services'),
      'server-process',
      count === undefined ? undefined : String(count),
    );
  }

  getChildren(): ExplorerNode[] {
    const { snapshot, loading } = this.tree.state();
    if (!snapshot) return loading ? [new LoadingNode(this)] : [];
    const nodes: ExplorerNode[] = [...snapshot.services]
      .sort(compareServiceNames)
      .map((s) => new ServiceNode(this, snapshot, s, this.tree.seenOperation(s.arn)));
    if (nodes.length === 0)
      return [
        loading
          ? new LoadingNode(this)
          : new EmptyNode(this, vscode.l10n.t('No App Runner services in {0}', snapshot.region)),
      ];
    return nodes;
  }
}

export class ConnectorsGroupNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode,
    private readonly tree: TreeContext,
  ) {
    this.id = `${parent.id}/connectors`;
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.tree.state().snapshot?.connectors.length;
    return folder(this.id, vscode.l10n.t('VPC Connectors'), 'plug', count === undefined ? undefined : String(count));
  }

  getChildren(): ExplorerNode[] {
    const { snapshot, loading } = this.tree.state();
    if (!snapshot) return loading ? [new LoadingNode(this)] : [];
    const nodes: ExplorerNode[] = sortedConnectors(snapshot.connectors).map(
      (c) => new ConnectorNode(this, snapshot, c),
    );
    // Connectors are listed after the services' details, so while loading an empty list means "not yet".
    if (nodes.length === 0)
      return [
        loading
          ? new LoadingNode(this)
          : new EmptyNode(this, vscode.l10n.t('No VPC connectors in {0}', snapshot.region)),
      ];
    return nodes;
  }
}
