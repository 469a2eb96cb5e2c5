import * as vscode from 'vscode';
import { overlayPartial } from '../../model/explorer/partialSnapshot';
import { redrawDelayMs } from '../../model/explorer/treeRedraw';
import type { ServiceOperation, Topology } from '../../model/topology/topology';
import type { Connection } from '../connection';
import type { StateStore, StoreState } from '../state/stateStore';
import { AccountNode } from './accountNode';
import type { ExplorerNode } from './node';

// The generic provider: it only asks nodes for items and children, and re-renders on every store change
// (partial snapshots stream in while loading). While there is no connection it returns nothing, so the view's
// welcome content (no credentials / error / loading) is what the user sees.
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly operations = new Map<string, ServiceOperation>();
  /** The last snapshot that finished loading: fills the gaps of partial snapshots while a refresh streams. */
  private complete: Topology | undefined;
  /** Tooltips built on resolve so far (tests read it: a draw builds none). */
  tooltipsBuilt = 0;
  /** Redraws asked of VS Code so far (tests read it: a load's batches are spaced, treeRedraw.ts). */
  redraws = 0;
  private lastRedrawAt = Number.NEGATIVE_INFINITY;
  private redrawTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly store: StateStore,
  ) {
    this.subscriptions = [
      connection.onDidChange(() => this.refresh()),
      store.onDidChange((state) => {
        for (const s of state.snapshot?.services ?? [])
          if (s.lastOperation) this.operations.set(s.arn, s.lastOperation);
        if (!state.loading) this.complete = state.snapshot;
        this.redrawSoon(state);
      }),
    ];
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  /** Called by VS Code on hover for an item without a tooltip: builds the node's tooltip then, not per draw. */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    if (item.tooltip === undefined && node.resolveTooltip) {
      item.tooltip = node.resolveTooltip();
      this.tooltipsBuilt++;
    }
    return item;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return node ? ((await node.getChildren?.()) ?? []) : this.roots();
  }

  private roots(): ExplorerNode[] {
    const state = this.connection.state;
    return state.status === 'connected'
      ? [new AccountNode(state, { state: () => this.shownState(), seenOperation: (arn) => this.operations.get(arn) })]
      : [];
  }

  private shownState(): StoreState {
    const state = this.store.state;
    return state.loading && state.snapshot
      ? { ...state, snapshot: overlayPartial(state.snapshot, this.complete) }
      : state;
  }

  /** Walks the tree from the roots to the node with this id (children are computed from the snapshot). */
  async find(id: string): Promise<ExplorerNode | undefined> {
    const queue: ExplorerNode[] = await this.getChildren();
    while (queue.length > 0) {
      const node = queue.shift() as ExplorerNode;
      if (node.id === id) return node;
      // Only the account and folder levels are searched: services and connectors sit directly below them.
      if (node.id.startsWith('account:') && !node.id.includes('/')) queue.push(...(await this.getChildren(node)));
      else if (/\/(services|connectors)$/.test(node.id)) queue.push(...(await this.getChildren(node)));
    }
    return undefined;
  }

  /** A load's batches are redrawn at most once per treeRedrawIntervalMs; a finished load at once. */
  private redrawSoon(state: StoreState): void {
    const wait = redrawDelayMs(this.lastRedrawAt, Date.now(), state.snapshot?.services.length ?? 0, state.loading);
    if (wait === 0) return this.refresh();
    this.redrawTimer ??= setTimeout(() => this.refresh(), wait);
  }

  refresh(): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = undefined;
    this.lastRedrawAt = Date.now();
    this.redraws++;
    this.changed.fire(undefined);
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
