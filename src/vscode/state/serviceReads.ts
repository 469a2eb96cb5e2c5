// The snapshot a command or view about ONE service answers from (docs/performance.md, "Read set per command"):
// the tree's snapshot when it is loaded and holds that service's details, else a read of that service alone
// through the backend's loadServiceTopology, so nothing about one service waits for (or requires) the
// whole-region load at any size. Scoped reads are kept per connection target and service until the store is
// invalidated (a command changed something) or the cache time passes, like the store's own snapshot.
import * as vscode from 'vscode';
import { accountReadFailure, UserError } from '../../model/common/userError';
import { classifyAwsError } from '../../model/common/awsError';
import { targetKey } from '../../model/common/awsTarget';
import { listingCovers, type ConnectorListing } from '../../model/topology/readSet';
import { DEFAULT_CACHE_SECONDS, isFresh } from '../../model/topology/storeFreshness';
import type { AppRunnerService, Topology } from '../../model/topology/topology';
import { loadAwsSdk } from '../backend';
import type { Connection } from '../connection';
import { rememberSnapshotSecrets } from '../masking';
import { readSettings } from '../settings';
import { msg } from '../../model/l10n/text';
import type { StateStore } from './stateStore';

interface Entry {
  listing: ConnectorListing;
  snapshot?: Topology;
  loadedAtMs?: number;
  /** The store generation the read belongs to: a later invalidate() makes it stale. */
  generation: number;
  inFlight?: Promise<Topology>;
}

/** The service (by name or ARN) in a snapshot, with its details loaded. */
export function detailedService(snapshot: Topology | undefined, nameOrArn: string): AppRunnerService | undefined {
  const s = snapshot?.services.find((x) => x.arn === nameOrArn) ?? snapshot?.services.find((x) => x.name === nameOrArn);
  return s?.detailsLoaded ? s : undefined;
}

/** The tree's snapshot when it is complete (not streaming, not scoped) and holds the service's details. */
export function fullSnapshotFor(store: StateStore, nameOrArn: string): Topology | undefined {
  const { snapshot, loading, error } = store.state;
  if (loading || error || !snapshot || snapshot.scope) return undefined;
  return detailedService(snapshot, nameOrArn) ? snapshot : undefined;
}

export class ServiceReads implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** A read of one service came in: views that showed "loading" ask again. */
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly connection: Connection,
    private readonly store: StateStore,
  ) {}

  /** The entry for the service on the current target; a stale one (invalidated, past the cache time) is none. */
  private fresh(key: string, listing: ConnectorListing): Entry | undefined {
    const entry = this.entries.get(key);
    const seconds = vscode.workspace
      .getConfiguration('apprunnerVpc')
      .get<number>('cacheSeconds', DEFAULT_CACHE_SECONDS);
    return entry &&
      listingCovers(entry.listing, listing) &&
      entry.generation === this.store.generation &&
      (entry.inFlight || isFresh(entry.loadedAtMs, Date.now(), seconds))
      ? entry
      : undefined;
  }

  /**
   * What a view can show now without waiting: the tree's complete snapshot when it holds the service, else a
   * fresh read of the service alone; undefined starts that read (onDidChange fires when it is in).
   */
  current(service: string, listing: ConnectorListing): Topology | undefined {
    const full = fullSnapshotFor(this.store, service);
    if (full) return full;
    const entry = this.read(service, listing, false);
    entry?.inFlight?.catch(() => undefined);
    return entry?.snapshot;
  }

  /**
   * The snapshot for a command about `service`: the tree's complete one when it holds the service, else a
   * fresh read of that service (joined or cached). `fresh` reads AWS again (diagnose: the account as it is now).
   */
  async snapshotFor(service: string, listing: ConnectorListing, options: { fresh?: boolean } = {}): Promise<Topology> {
    const full = options.fresh ? undefined : fullSnapshotFor(this.store, service);
    if (full) return full;
    const entry = this.read(service, listing, options.fresh === true);
    if (!entry)
      throw new UserError(msg('Not connected to AWS: select a profile or check the endpoint, then try again.'));
    return entry.inFlight ?? (entry.snapshot as Topology);
  }

  /** The last read of the service alone on this target, while still current (a fix plans on what was diagnosed). */
  lastRead(service: string): Topology | undefined {
    const target = this.connection.state.target;
    const entry = target ? this.fresh(`${targetKey(target)}|${service}`, 'never') : undefined;
    return entry?.snapshot;
  }

  private read(service: string, listing: ConnectorListing, again: boolean): Entry | undefined {
    const target = this.connection.state.target;
    if (this.connection.state.status !== 'connected' || !target) return undefined;
    const key = `${targetKey(target)}|${service}`;
    const cached = again ? undefined : this.fresh(key, listing);
    if (cached) return cached;
    const entry: Entry = { listing, generation: this.store.generation };
    this.entries.set(key, entry);
    const backend = loadAwsSdk();
    entry.inFlight = backend
      .loadServiceTopology(backend.getClients(target), {
        service,
        connectorName: readSettings().connectorName,
        listConnectors: listing,
        withAccountId: !this.connection.state.account,
      })
      .then(
        (snapshot) => {
          const read = { ...snapshot, accountId: snapshot.accountId ?? this.connection.state.account };
          rememberSnapshotSecrets(read);
          Object.assign(entry, { snapshot: read, loadedAtMs: Date.now(), inFlight: undefined });
          this.changed.fire(service);
          return read;
        },
        (error: unknown) => {
          // Forgotten, so the next demand reads again; the command shows why this one failed.
          if (this.entries.get(key) === entry) this.entries.delete(key);
          throw new UserError(accountReadFailure(classifyAwsError(error)));
        },
      );
    return entry;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
