// What the panel's buttons do outside the webview: fixes, documentation links, the tree, refresh, exports.
import * as vscode from 'vscode';
import { masked } from '../masking';
import type { WebviewMessage } from '../../webviewProtocol/protocol';
import { isCommandRegistered, reportError } from '../commands/register';
import type { ExtensionServices } from '../services';
import type { DiagramPanel, PanelHandler } from './diagramPanel';
import type { Ui } from '../ui/ui';
import { runFix } from './fixRunner';
import { loadAnalysis } from '../analysisLoader';
import { uiLang } from '../localize';
import { CommandId, ViewCommandId } from '../../model/common/commandIds';

const DOCS = /^https:\/\/docs\.aws\.amazon\.com\//;

/** The explorer's reveal commands (by ARN): a service, or the connector that holds subnets and groups. */
function treeTarget(panel: DiagramPanel, id: string): { command: string; arn: string } | undefined {
  const model = panel.currentModel;
  const node = model?.nodes.find((n) => n.id === id);
  if (node?.kind === 'service' && node.resourceId) return { command: CommandId.revealService, arn: node.resourceId };
  const connector = model?.nodes.find((n) => n.kind === 'connector')?.resourceId;
  const underConnector = node && ['connector', 'subnet', 'sg-app'].includes(node.kind);
  return underConnector && connector ? { command: CommandId.revealConnector, arn: connector } : undefined;
}

/**
 * Shows the element in the tree. A click keeps the keyboard in the picture (focus goes back to the panel);
 * the "Reveal in the tree" button leaves it in the tree.
 */
async function reveal(panel: DiagramPanel, id: string, keepFocusHere: boolean): Promise<void> {
  const target = treeTarget(panel, id);
  if (target && isCommandRegistered(target.command)) await vscode.commands.executeCommand(target.command, target.arn);
  else if (!keepFocusHere) await vscode.commands.executeCommand(ViewCommandId.focusExplorer);
  if (keepFocusHere && target) panel.panel.reveal(panel.panel.viewColumn, false);
}

export async function saveSvg(ui: Ui, serviceName: string, svg: string): Promise<vscode.Uri | undefined> {
  const uri = await ui.saveLocation({
    id: 'diagramSvg',
    defaultName: `${serviceName}-network.svg`,
    filters: { SVG: ['svg'] },
    saveLabel: vscode.l10n.t('Save Diagram'),
  });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(masked(svg)));
  void ui.notify('info', vscode.l10n.t('Saved the diagram to {0}.', uri.fsPath));
  return uri;
}

export async function copyMermaid(panel: DiagramPanel, ui: Ui): Promise<string | undefined> {
  const model = panel.currentModel;
  if (!model) return undefined;
  const text = loadAnalysis().toMermaid(model, uiLang());
  await vscode.env.clipboard.writeText(text);
  void ui.notify('info', vscode.l10n.t('Copied the diagram as Mermaid text.'));
  return text;
}

export function panelActions(services: ExtensionServices): PanelHandler {
  const ui = (): Ui => services.ui();
  return {
    async handle(panel: DiagramPanel, message: WebviewMessage) {
      const element = (id: string) =>
        panel.currentModel?.nodes.find((n) => n.id === id) ?? panel.currentModel?.edges.find((e) => e.id === id);
      try {
        switch (message.type) {
          case 'fix':
            return await runFix(services, panel, ui(), message.id);
          case 'select':
          case 'reveal':
            await reveal(panel, message.id, message.type === 'select');
            return;
          case 'openDocs': {
            const url = element(message.id)?.docUrl;
            if (url && DOCS.test(url)) await vscode.env.openExternal(vscode.Uri.parse(url));
            return;
          }
          case 'refresh':
            services.store.invalidate();
            await services.store.refresh({ force: true });
            return;
          case 'copyMermaid':
            await copyMermaid(panel, ui());
            return;
          case 'saveSvg':
            await saveSvg(ui(), panel.service ?? 'apprunner', message.svg);
            return;
          default:
            return;
        }
      } catch (error) {
        await reportError(`diagram.${message.type}`, error);
      }
    },
  };
}
