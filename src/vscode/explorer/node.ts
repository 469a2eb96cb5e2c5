import type * as vscode from 'vscode';

/** One node kind per class (DESIGN section 7): each knows its own tree item and children. */
export interface ExplorerNode {
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): ExplorerNode[] | Promise<ExplorerNode[]>;
}
