import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { ExplorerProvider } from './explorerProvider';

/** What the explorer offers to tests and to other features (e.g. revealing a node). */
export interface ExplorerApi {
  provider: ExplorerProvider;
}

export function registerExplorer(services: ExtensionServices): ExplorerApi {
  const provider = new ExplorerProvider(services.connection);
  const view = vscode.window.createTreeView('apprunnerVpc.explorer', { treeDataProvider: provider, showCollapseAll: true });
  services.context.subscriptions.push(provider, view);
  return { provider };
}
