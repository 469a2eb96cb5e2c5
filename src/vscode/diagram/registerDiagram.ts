import * as vscode from 'vscode';
import type { DiagramModel } from '../../model/diagram';
import { parsePanelState } from '../../webviewProtocol/protocol';
import { registerCommand } from '../commands/register';
import type { ExtensionServices } from '../services';
import { type DetailsMessage, DiagramPanel, type RenderedMessage, VIEW_TYPE } from './diagramPanel';
import { copyMermaid, panelActions, saveSvg } from './panelActions';
import { CommandId } from '../../model/common/commandIds';

/** What this feature offers to tests and to other features (the tree and CodeLens open it with a service name). */
export interface DiagramApi {
  /** Opens the panel for a service (the `serviceName` setting by default), or reveals the open one. */
  show(serviceName?: string): Promise<void>;
  readonly isOpen: boolean;
  /** The service drawn, and the model last sent to the webview. */
  model(): DiagramModel | undefined;
  /** The last `rendered` report from the webview: the node and edge ids and states it drew. */
  lastRendered(): RenderedMessage | undefined;
  /** The next `rendered` report for which `accept` holds (the current one counts). */
  waitForRender(accept: (r: RenderedMessage) => boolean, timeoutMs?: number): Promise<RenderedMessage>;
  /** Selects an element in the webview as a click would; its details pane then reports what it shows. */
  select(id: string): Promise<void>;
  /** The next details-pane report for which `accept` holds (the current one counts). */
  waitForDetails(accept: (d: DetailsMessage) => boolean, timeoutMs?: number): Promise<DetailsMessage>;
  /** Handles a message exactly as if the webview had posted it (validated first): a button click, in tests. */
  receive(message: unknown): Promise<void>;
  /** The picture as a standalone SVG, produced by the webview; and the Mermaid text put on the clipboard. */
  exportSvg(): Promise<string>;
  saveSvg(): Promise<vscode.Uri | undefined>;
  copyMermaid(): Promise<string | undefined>;
  close(): void;
}

/** The command's argument: a service name (CodeLens), or a tree item that carries one. */
function serviceNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as { name?: unknown; serviceName?: unknown; service?: { name?: unknown } };
  const name = o.serviceName ?? o.service?.name ?? o.name;
  return typeof name === 'string' ? name : undefined;
}

export function registerDiagram(services: ExtensionServices): DiagramApi {
  let panel: DiagramPanel | undefined;
  const handler = panelActions(services);
  const adopt = (webviewPanel: vscode.WebviewPanel, serviceName: string | undefined): DiagramPanel => {
    panel?.dispose();
    const created = new DiagramPanel(webviewPanel, services, serviceName, handler, () => {
      if (panel === created) panel = undefined;
    });
    panel = created;
    return created;
  };
  const show = async (serviceName?: string): Promise<void> => {
    if (panel) {
      if (serviceName) await panel.receive({ type: 'selectService', name: serviceName });
      panel.panel.reveal();
      return;
    }
    adopt(
      vscode.window.createWebviewPanel(
        VIEW_TYPE,
        vscode.l10n.t('App Runner network diagram'),
        vscode.ViewColumn.Active,
        {},
      ),
      serviceName,
    );
    if (!services.store.state.snapshot) void services.store.refresh();
  };
  const open = (): DiagramPanel => {
    if (!panel) throw new Error('The diagram is not open.');
    return panel;
  };

  registerCommand(services.context, CommandId.showDiagram, (arg) => show(serviceNameOf(arg)));
  services.context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      // After a reload VS Code hands back the panel with the state the webview saved: the service drawn.
      async deserializeWebviewPanel(webviewPanel, state: unknown) {
        adopt(webviewPanel, parsePanelState(state).serviceName);
        // A restored diagram is a demand for AWS like a shown view (the quiet start ends here too).
        if (!services.connection.started) void services.connection.start();
        else if (!services.store.state.snapshot) void services.store.refresh();
      },
    }),
    { dispose: () => panel?.dispose() },
  );

  return {
    show,
    get isOpen() {
      return panel !== undefined;
    },
    model: () => panel?.currentModel,
    lastRendered: () => panel?.lastRendered,
    waitForRender(accept, timeoutMs = 30_000) {
      const p = open();
      const now = p.lastRendered;
      if (now && accept(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          sub.dispose();
          reject(
            new Error(
              `the diagram did not render the expected picture within ${timeoutMs} ms; last: ${JSON.stringify(p.lastRendered)}`,
            ),
          );
        }, timeoutMs);
        const sub = p.onDidRender((r) => {
          if (!accept(r)) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(r);
        });
      });
    },
    select: (id) => open().select(id),
    waitForDetails(accept, timeoutMs = 30_000) {
      const p = open();
      const now = p.lastDetails;
      if (now && accept(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          sub.dispose();
          reject(
            new Error(
              `the details pane did not show the expected text within ${timeoutMs} ms; last: ${JSON.stringify(p.lastDetails)}`,
            ),
          );
        }, timeoutMs);
        const sub = p.onDidShowDetails((d) => {
          if (!accept(d)) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(d);
        });
      });
    },
    receive: (message) => open().receive(message),
    exportSvg: () => open().requestSvg(),
    saveSvg: async () => saveSvg(services.ui(), open().service ?? 'apprunner', await open().requestSvg()),
    copyMermaid: () => copyMermaid(open(), services.ui()),
    close: () => panel?.dispose(),
  };
}
