// Loading, error and empty states live inside the tree (no popups from the tree: docs/design.md, 'Tree views').
import * as vscode from 'vscode';
import type { NormalizedAwsError } from '../../model/common/awsError';
import { pick } from '../localize';
import type { ExplorerNode } from './node';
import { CommandId } from '../../model/common/commandIds';

export class LoadingNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode | undefined,
    private readonly label = vscode.l10n.t('Loading...'),
  ) {
    this.id = `${parent?.id ?? ''}/loading`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = 'loading';
    return item;
  }
}

/** The store's normalised error with a retry action (clicking the node refreshes). */
export class ErrorNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode | undefined,
    private readonly error: NormalizedAwsError,
  ) {
    this.id = `${parent?.id ?? ''}/error`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(pick(this.error.message));
    item.id = this.id;
    item.description = vscode.l10n.t('Click to retry');
    item.tooltip = this.error.detail ? `${pick(this.error.message)}\n\n${this.error.detail}` : pick(this.error.message);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'error';
    item.command = { command: CommandId.refresh, title: vscode.l10n.t('Retry') };
    return item;
  }
}

export class EmptyNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode | undefined,
    private readonly label: string,
  ) {
    this.id = `${parent?.id ?? ''}/empty`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'empty';
    return item;
  }
}

/** A leaf with a label, a description and an optional command: URL, Last operation, subnet, rule lines. */
export class DetailNode implements ExplorerNode {
  constructor(
    readonly parent: ExplorerNode,
    readonly id: string,
    private readonly options: {
      label: string;
      description?: string;
      tooltip?: string | vscode.MarkdownString;
      icon?: string;
      contextValue?: string;
      command?: vscode.Command;
      children?: (self: DetailNode) => ExplorerNode[];
    },
  ) {}

  getTreeItem(): vscode.TreeItem {
    const o = this.options;
    const item = new vscode.TreeItem(
      o.label,
      o.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.description = o.description;
    item.tooltip = o.tooltip;
    if (o.icon) item.iconPath = new vscode.ThemeIcon(o.icon);
    item.contextValue = o.contextValue ?? 'detail';
    item.command = o.command;
    return item;
  }

  getChildren(): ExplorerNode[] {
    return this.options.children?.(this) ?? [];
  }
}
