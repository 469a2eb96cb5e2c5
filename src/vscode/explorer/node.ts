import type * as vscode from 'vscode';

/** One node kind per class (docs/design.md, 'Tree views'): each knows its own tree item, children and parent (for reveal). */
export interface ExplorerNode {
  readonly id: string;
  readonly parent?: ExplorerNode;
  getTreeItem(): vscode.TreeItem;
  /**
   * A tooltip that costs something to build (masked text): left out of getTreeItem and built when VS Code
   * resolves the item, on hover, so drawing N rows does not build N tooltips.
   */
  resolveTooltip?(): vscode.MarkdownString | string;
  getChildren?(): ExplorerNode[] | Promise<ExplorerNode[]>;
}
