import * as vscode from 'vscode';
import { showChangeHistory } from '../commands/changeHistory';
import { showServiceMetrics } from '../metrics/metricsPanel';
import { copyArn, copyUrl, openInConsole } from '../commands/nodeActions';
import { registerCommand } from '../commands/register';
import type { ExtensionServices } from '../services';
import { ExplorerProvider } from './explorerProvider';
import type { ExplorerNode } from './node';
import { connectorNodeId, serviceNodeId } from './treeContext';
import { CommandId } from '../../model/common/commandIds';

export const EXPLORER_VIEW = 'apprunnerVpc.explorer';

/** What the explorer offers to tests and to other features (e.g. revealing a node). */
export interface ExplorerApi {
  provider: ExplorerProvider;
  view: vscode.TreeView<ExplorerNode>;
  /** Finds the service or connector node for an ARN (searching the account and folder levels). */
  find(id: string): Promise<ExplorerNode | undefined>;
  /** Selects and reveals a service's or connector's node; true when it was found. */
  reveal(kind: 'service' | 'connector', arn: string): Promise<boolean>;
}

export function registerExplorer(services: ExtensionServices): ExplorerApi {
  const provider = new ExplorerProvider(services.connection, services.store);
  const view = vscode.window.createTreeView(EXPLORER_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  // Polling runs only while this view is visible and an operation is in progress (the store decides).
  services.store.setVisible(EXPLORER_VIEW, view.visible);
  services.context.subscriptions.push(
    provider,
    view,
    view.onDidChangeVisibility((e) => services.store.setVisible(EXPLORER_VIEW, e.visible)),
  );

  const reveal = async (kind: 'service' | 'connector', arn: string): Promise<boolean> => {
    const node = await provider.find(kind === 'service' ? serviceNodeId(arn) : connectorNodeId(arn));
    if (!node) return false;
    await view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  };
  const ctx = services.context;
  registerCommand(ctx, CommandId.revealConnector, (arn: unknown) => reveal('connector', String(arn)));
  registerCommand(ctx, CommandId.revealService, (arn: unknown) => reveal('service', String(arn)));
  registerCommand(ctx, CommandId.copyUrl, (arg: unknown) => copyUrl(services, arg));
  registerCommand(ctx, CommandId.copyArn, (arg: unknown) => copyArn(services, arg));
  registerCommand(ctx, CommandId.openInConsole, (arg: unknown, open: unknown) =>
    openInConsole(services, arg, open !== false),
  );
  registerCommand(ctx, CommandId.showChangeHistory, (arg: unknown) => showChangeHistory(services, arg));
  registerCommand(ctx, CommandId.showServiceMetrics, (arg: unknown) => showServiceMetrics(services, arg));
  return { provider, view, find: (id) => provider.find(id), reveal };
}
