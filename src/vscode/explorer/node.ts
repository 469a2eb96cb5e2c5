import type * as vscode from 'vscode';

/** One node kind per class (docs/design.md, 'Tree views'): each knows its own tree item, children and parent (for reveal). */
export interface ExplorerNode {
  readonly id: string;
  readonly parent?: ExplorerNode;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): ExplorerNode[] | Promise<ExplorerNode[]>;
}
