import type * as vscode from 'vscode';
import type { Connection } from './connection';
import type { StateStore } from './state/stateStore';

/** What every feature's register function receives: the shared connection and snapshot store. */
export interface ExtensionServices {
  context: vscode.ExtensionContext;
  connection: Connection;
  store: StateStore;
}
