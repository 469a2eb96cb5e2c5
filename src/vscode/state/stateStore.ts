import * as vscode from 'vscode';
import { awsErrorLogText, classifyAwsError, type NormalizedAwsError } from '../../model/common/awsError';
import { targetKey, type AwsTarget } from '../../model/common/awsTarget';
import { DEFAULT_CACHE_SECONDS, hasOperationInProgress, isFresh } from '../../model/topology/storeFreshness';
import type { Topology } from '../../model/topology/topology';
import { loadAwsSdk } from '../backend';
import type { Connection } from '../connection';
import { log } from '../log';
import { rememberSnapshotSecrets } from '../masking';

export interface StoreState {
  target?: AwsTarget;
  snapshot?: Topology;
  /** True while a load is streaming in: the snapshot may lack details or networks. */
  loading: boolean;
  error?: NormalizedAwsError;
}

interface Entry {
  snapshot?: Topology;
  loadedAtMs?: number;
  inFlight?: Promise<Topology>;
}

// The last snapshot per profile+region+endpoint (docs/design.md, 'The snapshot store'). Everything the user sees is computed
// from it; this is the only place in the UI that asks AWS for the topology. It refreshes on demand, after
// commands, and by polling only while an operation is in progress and a view that shows it is visible.
export class StateStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StoreState>();
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, Entry>();
  private readonly visible = new Set<string>();
  private current: StoreState = { loading: false };
  private pollTimer: NodeJS.Timeout | undefined;
  /** How many times invalidate() ran: the store's generation. */
  private refreshes = 0;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: Connection) {
    this.subscription = connection.onDidChange((state) => {
      if (state.status === 'connected') void this.refresh();
      else this.publish({ target: state.target, loading: false });
    });
  }

  get state(): StoreState {
    return this.current;
  }

  /** The snapshot, loading it unless a fresh one is cached; `force` always asks AWS again. */
  async refresh(options: { force?: boolean } = {}): Promise<Topology | undefined> {
    const target = this.connection.state.target;
    if (this.connection.state.status !== 'connected' || !target) return undefined;
    const key = targetKey(target);
    const entry = this.entries.get(key) ?? {};
    this.entries.set(key, entry);
    if (entry.inFlight) return entry.inFlight;
    if (!options.force && entry.snapshot && isFresh(entry.loadedAtMs, Date.now(), this.cacheSeconds())) {
      this.publish({ target, snapshot: entry.snapshot, loading: false });
      return entry.snapshot;
    }
    this.publish({ target, snapshot: entry.snapshot, loading: true });
    entry.inFlight = this.load(target, key, entry);
    try {
      return await entry.inFlight;
    } catch {
      return undefined;
    } finally {
      entry.inFlight = undefined;
      this.schedulePoll();
    }
  }

  private async load(target: AwsTarget, key: string, entry: Entry): Promise<Topology> {
    const backend = loadAwsSdk();
    // Standard retries under the loader's adaptive concurrency (clients.ts, FAN_OUT_CLIENT_OPTIONS).
    const clients = backend.getClients(target, backend.FAN_OUT_CLIENT_OPTIONS);
    const concurrency = vscode.workspace.getConfiguration('apprunnerVpc').get<number>('serviceConcurrency', 5);
    try {
      const snapshot = await backend.loadTopology(clients, {
        serviceConcurrency: concurrency,
        onProgress: (partial) => {
          if (this.isCurrent(key)) this.publish({ target, snapshot: partial, loading: true });
        },
      });
      entry.snapshot = { ...snapshot, accountId: snapshot.accountId ?? this.connection.state.account };
      entry.loadedAtMs = Date.now();
      if (this.isCurrent(key)) this.publish({ target, snapshot: entry.snapshot, loading: false });
      return entry.snapshot;
    } catch (error) {
      const normalized = classifyAwsError(error);
      log.error(`Loading the topology failed: ${awsErrorLogText(normalized)}`);
      if (this.isCurrent(key)) this.publish({ target, snapshot: entry.snapshot, loading: false, error: normalized });
      throw error;
    }
  }

  /** Views report whether they are visible; polling runs only while one is. */
  setVisible(viewId: string, isVisible: boolean): void {
    if (isVisible) this.visible.add(viewId);
    else this.visible.delete(viewId);
    this.schedulePoll();
  }

  /** Forget cached snapshots (after a change made by a command), so the next refresh reads AWS. */
  invalidate(): void {
    for (const entry of this.entries.values()) entry.loadedAtMs = undefined;
    this.refreshes++;
  }

  /**
   * Counts the reloads a user or a command asked for (a Refresh, a change made): what is derived from the account
   * at a cost (the metrics) is read again per generation, not per snapshot, so polls and partial loads re-read
   * nothing.
   */
  get generation(): number {
    return this.refreshes;
  }

  get isPolling(): boolean {
    return this.pollTimer !== undefined;
  }

  private schedulePoll(): void {
    const wanted = this.visible.size > 0 && hasOperationInProgress(this.current.snapshot) && !this.current.error;
    if (!wanted) {
      if (this.pollTimer) clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
      return;
    }
    if (this.pollTimer) return;
    const seconds = vscode.workspace.getConfiguration('apprunnerVpc').get<number>('pollIntervalSeconds', 5);
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.refresh({ force: true });
    }, seconds * 1000);
  }

  private cacheSeconds(): number {
    return vscode.workspace.getConfiguration('apprunnerVpc').get<number>('cacheSeconds', DEFAULT_CACHE_SECONDS);
  }

  private isCurrent(key: string): boolean {
    const target = this.connection.state.target;
    return !!target && targetKey(target) === key;
  }

  private publish(state: StoreState): void {
    rememberSnapshotSecrets(state.snapshot);
    this.current = state;
    this.changed.fire(state);
  }

  dispose(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
