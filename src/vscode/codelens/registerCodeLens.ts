// apprunner.yaml while editing: Problems from the validator, CodeLens and a status bar entry from the
// store's snapshot, hovers with key docs, and the link between the file and its App Runner service.
import * as vscode from 'vscode';
import type { LensModel } from '../../model/codeLens';
import type { LinkResolution } from '../../model/codeLens/serviceLink';
import { registerCommand } from '../commands/register';
import type { ExtensionServices } from '../services';
import type { StoreState } from '../state/stateStore';
import { linkedView } from './lensInput';
import { linkService } from './linkCommand';
import { codeLensEnabled, YamlLensProvider } from './lensProvider';
import { YamlDiagnostics } from './yamlDiagnostics';
import { SELECTOR, isApprunnerYaml } from './yamlFiles';
import { yamlHover } from './yamlHover';
import { YamlStatusBar } from './yamlStatusBar';
import { CommandId } from '../../model/common/commandIds';

// At most one lens refresh per this interval while partial snapshots stream in; a lone change shows at once.
const REFRESH_THROTTLE_MS = 100;

/** What this feature offers to tests and to other features. */
export interface CodeLensApi {
  /** The lenses of a document, as the provider renders them (unregistered actions left out). */
  lenses(document: vscode.TextDocument): Promise<LensModel[]>;
  /** How many times onDidChangeCodeLenses has fired. */
  readonly refreshes: number;
  /** Which service the file is linked to now, and how. */
  link(uri: vscode.Uri): Promise<LinkResolution>;
  /** Remembers a service for the file's folder (undefined forgets, back to automatic). */
  setLink(uri: vscode.Uri, serviceName: string | undefined): Promise<void>;
  /** The validator's diagnostics for a file. */
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[];
  /** The status bar entry's text while an apprunner.yaml is active, else undefined. */
  statusBarText(): string | undefined;
}

export function registerCodeLens(services: ExtensionServices): CodeLensApi {
  const linker = services.linker;
  const provider = new YamlLensProvider(services, linker);
  const diagnostics = new YamlDiagnostics();
  const statusBar = new YamlStatusBar();

  const updateStatusBar = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isApprunnerYaml(document)) return statusBar.hide();
    const { link, snapshot } = await linkedView(services, linker, document.uri);
    statusBar.show(link, snapshot);
  };
  const refreshNow = (): void => {
    provider.refresh();
    void updateStatusBar();
  };
  let timer: NodeJS.Timeout | undefined;
  let lastRefresh = 0;
  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = undefined;
      lastRefresh = Date.now();
      refreshNow();
    }, delayMs);
  };
  // The store fires for every streamed partial snapshot: throttled, so a burst costs a few refreshes while
  // a single change (a refresh, a finished command) reaches the lenses on the next tick.
  const refreshSoon = (): void => {
    if (!timer) schedule(Math.max(0, lastRefresh + REFRESH_THROTTLE_MS - Date.now()));
  };
  // A finished load is what the lenses are about: shown on the next tick, never held back by the throttle.
  const onStoreChange = (state: StoreState): void => {
    if (state.loading) return refreshSoon();
    clearTimeout(timer);
    schedule(0);
  };
  // A visible apprunner.yaml shows operations in progress, so the store may poll while one is on screen.
  const reportVisibility = (): void =>
    services.store.setVisible(
      'apprunnerVpc.codeLens',
      codeLensEnabled() && vscode.window.visibleTextEditors.some((e) => isApprunnerYaml(e.document)),
    );

  registerCommand(services.context, CommandId.linkService, (arg) => linkService(services, linker, arg));
  services.context.subscriptions.push(
    provider,
    diagnostics,
    statusBar,
    vscode.languages.registerCodeLensProvider(SELECTOR, provider),
    vscode.languages.registerHoverProvider(SELECTOR, yamlHover),
    services.store.onDidChange(onStoreChange),
    linker.onDidChange(refreshNow),
    // A read of the linked service alone came in: the lenses that said "loading" show it.
    services.serviceReads.onDidChange(refreshNow),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatusBar()),
    vscode.window.onDidChangeVisibleTextEditors(reportVisibility),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        [
          'codeLens.enabled',
          'linkedService',
          'serviceName',
          'appRunnerSecurityGroupName',
          'appRunnerSecurityGroupNameTag',
          'databaseSecurityGroupName',
          'databasePort',
        ].some((key) => event.affectsConfiguration(`apprunnerVpc.${key}`))
      ) {
        reportVisibility();
        refreshNow();
      }
    }),
    { dispose: () => clearTimeout(timer) },
  );
  void updateStatusBar();
  reportVisibility();

  return {
    lenses: (document) => provider.models(document),
    get refreshes() {
      return provider.refreshes;
    },
    link: async (uri) => (await linkedView(services, linker, uri)).link,
    setLink: (uri, serviceName) => linker.remember(uri, serviceName),
    diagnostics: (uri) => diagnostics.collection.get(uri) ?? [],
    statusBarText: () => statusBar.visibleText,
  };
}
