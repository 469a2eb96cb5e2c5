import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { AccountNode } from './accountNode';
import type { ExplorerNode } from './node';

// The generic provider: it only asks nodes for items and children. While there is no connection it returns
// nothing, so the view's welcome content (no credentials / error / loading) is what the user sees.
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: Connection) {
    this.subscription = connection.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return (await node.getChildren?.()) ?? [];
    const state = this.connection.state;
    return state.status === 'connected' ? [new AccountNode(state)] : [];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
