// What the panel's buttons do outside the webview: fixes, documentation links, the tree, refresh, exports.
import * as vscode from 'vscode';
import { toMermaid } from '../../model/diagram';
import type { WebviewMessage } from '../../model/diagram/protocol';
import { reportError } from '../commands/register';
import type { ExtensionServices } from '../services';
import type { DiagramPanel, PanelHandler } from './diagramPanel';
import type { DiagramUi } from './diagramUi';
import { runFix } from './fixRunner';

const REVEAL_COMMAND = 'apprunnerVpc.revealInExplorer';
const DOCS = /^https:\/\/docs\.aws\.amazon\.com\//;

async function reveal(resourceId: string, focus: boolean): Promise<void> {
  const known = new Set(await vscode.commands.getCommands(true));
  if (known.has(REVEAL_COMMAND)) await vscode.commands.executeCommand(REVEAL_COMMAND, resourceId, { focus });
  else if (focus) await vscode.commands.executeCommand('apprunnerVpc.explorer.focus');
}

export async function saveSvg(ui: DiagramUi, serviceName: string, svg: string): Promise<vscode.Uri | undefined> {
  const uri = await ui.saveLocation(`${serviceName}-network.svg`);
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
  ui.info(vscode.l10n.t('Saved the diagram to {0}.', uri.fsPath));
  return uri;
}

export async function copyMermaid(panel: DiagramPanel, ui: DiagramUi): Promise<string | undefined> {
  const model = panel.currentModel;
  if (!model) return undefined;
  const text = toMermaid(model, vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en');
  await vscode.env.clipboard.writeText(text);
  ui.info(vscode.l10n.t('Copied the diagram as Mermaid text.'));
  return text;
}

export function panelActions(services: ExtensionServices, ui: () => DiagramUi): PanelHandler {
  return {
    async handle(panel: DiagramPanel, message: WebviewMessage) {
      const element = (id: string) => panel.currentModel?.nodes.find((n) => n.id === id) ?? panel.currentModel?.edges.find((e) => e.id === id);
      try {
        switch (message.type) {
          case 'fix':
            return await runFix(services, panel, ui(), message.id);
          case 'select':
          case 'reveal': {
            const target = element(message.id);
            if (target && 'resourceId' in target && target.resourceId) await reveal(target.resourceId, message.type === 'reveal');
            return;
          }
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
