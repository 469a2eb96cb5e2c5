import type * as vscode from 'vscode';
import type { ServiceLinker } from './codelens/serviceLinker';
import type { Connection } from './connection';
import type { ServiceReads } from './state/serviceReads';
import type { StateStore } from './state/stateStore';
import type { Ui } from './ui/ui';

/** What every feature's register function receives: the shared connection, snapshot store and file links. */
export interface ExtensionServices {
  context: vscode.ExtensionContext;
  connection: Connection;
  store: StateStore;
  /** One service's snapshot without the whole region (docs/performance.md, "Read set per command"). */
  serviceReads: ServiceReads;
  /** Which service an apprunner.yaml belongs to (CodeLens and Diagnose ask the same one). */
  linker: ServiceLinker;
  /** The prompts, confirmations, notifications and progress every command shows (read when it starts). */
  ui(): Ui;
}
