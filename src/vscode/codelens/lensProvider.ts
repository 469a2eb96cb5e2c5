// CodeLens for apprunner.yaml, computed from the store's snapshot only. An action appears only when its
// command is registered at runtime, so no lens dangles while other features are missing or disabled.
import * as vscode from 'vscode';
import { masked } from '../masking';
import type { LensModel } from '../../model/codeLens';
import { isCommandRegistered } from '../commands/register';
import { pick } from '../localize';
import type { ExtensionServices } from '../services';
import { lensInput } from './lensInput';
import type { ServiceLinker } from './serviceLinker';
import { isApprunnerYaml, toRange } from './yamlFiles';
import { loadAnalysis } from '../analysisLoader';

export function codeLensEnabled(): boolean {
  return vscode.workspace.getConfiguration('apprunnerVpc').get<boolean>('codeLens.enabled', true);
}

export class YamlLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** How many times the editor was told to ask again (tests check that updates arrive without reopening). */
  refreshes = 0;

  constructor(
    private readonly services: ExtensionServices,
    private readonly linker: ServiceLinker,
  ) {}

  refresh(): void {
    this.refreshes++;
    this.changed.fire();
  }

  /** The lens models for a document, with actions whose command is not registered left out. */
  async models(document: vscode.TextDocument): Promise<LensModel[]> {
    if (!codeLensEnabled() || !isApprunnerYaml(document)) return [];
    const models = loadAnalysis().buildLenses(await lensInput(this.services, this.linker, document));
    return models
      .filter((m) => !m.id.startsWith('action:') || (m.command !== undefined && isCommandRegistered(m.command)))
      .map((m) => (m.command && !isCommandRegistered(m.command) ? { ...m, command: undefined, args: undefined } : m));
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    return (await this.models(document)).map(
      (m) =>
        new vscode.CodeLens(toRange(m.range), {
          title: masked(pick(m.title)),
          tooltip: m.tooltip ? masked(pick(m.tooltip)) : undefined,
          // A lens without a command still shows its text; '' makes it plain, not clickable.
          command: m.command ?? '',
          // The link command needs to know which file it links.
          arguments: m.command === loadAnalysis().LENS_COMMANDS.link ? [document.uri] : m.args,
        }),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
