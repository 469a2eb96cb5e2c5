import * as vscode from 'vscode';
import type { ConnectionState } from '../connection';
import { ConnectorsGroupNode, ServicesGroupNode } from './groupNodes';
import { ErrorNode, LoadingNode } from './messageNodes';
import type { ExplorerNode } from './node';
import type { TreeContext } from './treeContext';

/** The top level: the profile and region being browsed (account id as description), then Services and Connectors. */
export class AccountNode implements ExplorerNode {
  readonly id: string;
  readonly parent = undefined;

  constructor(
    private readonly connection: ConnectionState,
    private readonly tree: TreeContext,
  ) {
    this.id = `account:${connection.target?.profile ?? ''}:${connection.target?.region ?? ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const profile = this.connection.target?.profile || vscode.l10n.t('default');
    const item = new vscode.TreeItem(
      `${profile} · ${this.connection.target?.region ?? ''}`,
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.id;
    item.description = this.connection.account;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.contextValue = 'account';
    item.tooltip = [this.connection.arn, this.connection.target?.endpointUrl].filter(Boolean).join('\n');
    return item;
  }

  getChildren(): ExplorerNode[] {
    const state = this.tree.state();
    if (!state.snapshot) {
      if (state.error) return [new ErrorNode(this, state.error)];
      return [new LoadingNode(this)];
    }
    const groups: ExplorerNode[] = [new ServicesGroupNode(this, this.tree), new ConnectorsGroupNode(this, this.tree)];
    // A failed refresh keeps the last snapshot visible, with the error above it.
    return state.error ? [new ErrorNode(this, state.error), ...groups] : groups;
  }
}
