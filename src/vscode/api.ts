import type { CodeLensApi } from './codelens/registerCodeLens';
import type { Connection, ConnectionState } from './connection';
import type { DiagnoseApi } from './diagnose/registerDiagnose';
import type { DiagramApi } from './diagram/registerDiagram';
import type { ExplorerApi } from './explorer/registerExplorer';
import type { LogTailApi } from './logTail/registerLogTail';
import type { SetupApi } from './setup/registerSetup';
import type { ServiceReads } from './state/serviceReads';
import type { StateStore } from './state/stateStore';
import type { TestHooks } from './ui/testHooks';

/** What activate() returns: used by the host tests and by other extensions that want the same view of AWS. */
export interface ExtensionApi {
  activation: { durationMs: number; backendLoadedDuringActivate: boolean };
  connectionState(): ConnectionState;
  refreshConnection(): Promise<ConnectionState>;
  statusBarText(): string;
  /** False until the quiet start ends (view shown, apprunner.yaml open, a command run). */
  statusBarShown(): boolean;
  connection: Connection;
  store: StateStore;
  /** The reads of one service apart from the tree's (tests count them). */
  serviceReads: ServiceReads;
  explorer: ExplorerApi;
  setup: SetupApi;
  codeLens: CodeLensApi;
  diagram: DiagramApi;
  diagnose: DiagnoseApi;
  /** Tail Application Log: the sessions, with the lines each appended (tests read them here). */
  logTail: LogTailApi;
  /** Present only in ExtensionMode.Test (the host tests): replaces the prompts every command shows. */
  testHooks?: TestHooks;
}
