import type { Connection, ConnectionState } from './connection';
import type { ExplorerProvider } from './explorer/explorerProvider';

/** What activate() returns: used by the host tests and by other extensions that want the same view of AWS. */
export interface ExtensionApi {
  activation: { durationMs: number; backendLoadedDuringActivate: boolean };
  connectionState(): ConnectionState;
  refreshConnection(): Promise<ConnectionState>;
  statusBarText(): string;
  explorer: ExplorerProvider;
  connection: Connection;
}
