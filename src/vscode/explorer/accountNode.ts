import * as vscode from 'vscode';
import type { ConnectionState } from '../connection';
import type { ExplorerNode } from './node';

/** The top level: the profile and region being browsed, with the account id as description. */
export class AccountNode implements ExplorerNode {
  readonly id: string;

  constructor(
    private readonly state: ConnectionState,
    private readonly children: () => ExplorerNode[] | Promise<ExplorerNode[]> = () => [],
  ) {
    this.id = `account:${state.target?.profile ?? ''}:${state.target?.region ?? ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const profile = this.state.target?.profile || vscode.l10n.t('default');
    const item = new vscode.TreeItem(`${profile} · ${this.state.target?.region ?? ''}`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = this.state.account;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.contextValue = 'account';
    item.tooltip = this.state.arn;
    return item;
  }

  getChildren(): ExplorerNode[] | Promise<ExplorerNode[]> {
    return this.children();
  }
}
