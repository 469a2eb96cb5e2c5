// One diagram panel: sends the model to the webview after its `ready`, re-sends it whenever the store
// changes (the webview updates in place), checks every message it receives, and reports its visibility to
// the store so polling runs only while someone can see the progress.
import * as vscode from 'vscode';
import { maskedDeep } from '../masking';
import type { DiagramModel } from '../../model/diagram';
import { type HostMessage, parseWebviewMessage, type WebviewMessage } from '../../webviewProtocol/protocol';
import { log } from '../log';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import { uiStrings } from './uiStrings';
import { diagramHtml, resourceRoots } from './webviewHtml';
import { loadAnalysis } from '../analysisLoader';
import { uiLang, pick } from '../localize';
import { LastChangeReader } from './lastChange';
import { serviceMetrics } from '../metrics/serviceMetrics';
import { EDITOR_READS } from '../../model/topology/readSet';
import type { Topology } from '../../model/topology/topology';

export const VIEW_TYPE = 'apprunnerVpc.diagram';
const VISIBILITY_ID = 'diagram';

export type RenderedMessage = Extract<WebviewMessage, { type: 'rendered' }>;
export type DetailsMessage = Extract<WebviewMessage, { type: 'details' }>;

/** What the panel asks its owner to do for messages that act on the world (fixes, exports, the tree). */
export interface PanelHandler {
  handle(panel: DiagramPanel, message: WebviewMessage): Promise<void>;
}

export class DiagramPanel implements vscode.Disposable {
  private ready = false;
  private model: DiagramModel | undefined;
  private readonly busy = new Set<string>();
  private rendered: RenderedMessage | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  readonly onDidRender = this.renderedEmitter.event;
  private details: DetailsMessage | undefined;
  private readonly detailsEmitter = new vscode.EventEmitter<DetailsMessage>();
  readonly onDidShowDetails = this.detailsEmitter.event;
  private readonly lastChanges: LastChangeReader;
  private readonly svgWaiters = new Map<number, (svg: string) => void>();
  private nextRequest = 1;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** The snapshot the picture was drawn from (the tree's, or the service's own read while the tree loads). */
  private shown: Topology | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: ExtensionServices,
    private serviceName: string | undefined,
    private readonly handler: PanelHandler,
    private readonly onDispose: () => void,
  ) {
    const extensionUri = services.context.extensionUri;
    panel.webview.options = { enableScripts: true, localResourceRoots: resourceRoots(extensionUri) };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'apprunner-vpc.svg');
    panel.webview.html = diagramHtml(panel.webview, extensionUri, uiStrings().title);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      services.store.onDidChange(() => this.push()),
      services.serviceReads.onDidChange(() => this.push()),
      panel.onDidChangeViewState(() => this.reportVisibility()),
      panel.onDidDispose(() => this.dispose()),
      this.renderedEmitter,
      this.detailsEmitter,
    );
    this.lastChanges = new LastChangeReader(services);
    this.reportVisibility();
    this.updateTitle();
  }

  get service(): string | undefined {
    return this.serviceName ?? this.model?.serviceName;
  }

  get drawnFrom(): Topology | undefined {
    return this.shown;
  }

  get currentModel(): DiagramModel | undefined {
    return this.model;
  }

  get lastRendered(): RenderedMessage | undefined {
    return this.rendered;
  }

  get lastDetails(): DetailsMessage | undefined {
    return this.details;
  }

  /** Selects an element in the webview as a click would (its details pane opens, its last change is read). */
  async select(id: string): Promise<void> {
    await this.post({ type: 'select', id });
  }

  /** Handles one message as the webview sent it: invalid ones are dropped and logged, never acted on. */
  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      log.warn(
        `Diagram: dropped a message of unexpected shape (${typeof raw === 'object' && raw ? String((raw as { type?: unknown }).type) : typeof raw})`,
      );
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'init', strings: uiStrings(), language: uiLang() });
        this.push();
        return;
      case 'rendered':
        this.rendered = message;
        this.renderedEmitter.fire(message);
        return;
      case 'details':
        this.details = message;
        this.detailsEmitter.fire(message);
        return;
      case 'select':
        void this.showLastChange(message.id);
        await this.handler.handle(this, message);
        return;
      case 'svg':
        this.svgWaiters.get(message.requestId)?.(message.svg);
        this.svgWaiters.delete(message.requestId);
        return;
      case 'selectService':
        this.serviceName = message.name;
        this.updateTitle();
        this.push();
        return;
      case 'error':
        log.warn(`Diagram webview: ${message.message}`);
        return;
      default:
        await this.handler.handle(this, message);
    }
  }

  /** Reads the selected element's last CloudTrail change (lazily: only on selection) and sends it over. */
  private async showLastChange(id: string): Promise<void> {
    const text = await this.lastChanges.read(this.model, id);
    if (text !== undefined) await this.post({ type: 'lastChange', id, text });
  }

  /** Marks elements as being changed by an operation started here (drawn "in progress" until cleared). */
  setBusy(ids: readonly string[], on: boolean): void {
    for (const id of ids) {
      if (on) this.busy.add(id);
      else this.busy.delete(id);
    }
    this.push(true);
  }

  /** Sends the current picture; while a load streams in, only the loading flag (no half-read picture). */
  push(force = false): void {
    if (!this.ready || this.disposed) return;
    const state = this.services.store.state;
    const s = readSettings();
    const wanted = this.serviceName ?? s.serviceName;
    // Until the tree's snapshot is complete, the service drawn is read alone (docs/performance.md, "Read set
    // per command"): the diagram of one service never waits for the whole region.
    const complete = !state.loading && !!state.snapshot && !state.snapshot.scope;
    // Only a service named by the caller (a lens, a tree node): the setting's default may name no service here.
    const scoped =
      !complete && this.serviceName
        ? this.services.serviceReads.current(this.serviceName, EDITOR_READS.diagram)
        : undefined;
    const loading = scoped ? false : state.loading;
    if (loading && !force && this.model) {
      void this.post({ type: 'update', loading: true });
      return;
    }
    const snapshot = scoped ?? state.snapshot;
    this.shown = snapshot;
    const options = {
      dbPort: s.databasePort,
      appRunnerGroupName: s.appRunnerSecurityGroupName,
      appRunnerGroupNameTag: s.appRunnerSecurityGroupNameTag,
      databaseGroupName: s.databaseSecurityGroupName,
      dnsEgress: s.dnsEgress,
      connectorName: s.connectorName,
      busy: [...this.busy],
    };
    const model = snapshot
      ? (loadAnalysis().buildDiagram(snapshot, wanted, options) ??
        (snapshot.services[0] ? loadAnalysis().buildDiagram(snapshot, snapshot.services[0].name, options) : undefined))
      : undefined;
    this.model = model ?? this.model;
    this.updateTitle();
    const error = state.error ? pick(state.error.message) : undefined;
    void this.post({
      type: 'update',
      model: this.model,
      layout: this.model ? loadAnalysis().layoutDiagram(this.model) : undefined,
      loading,
      error,
    });
    void this.pushMetrics();
  }

  /** The service's small chart: requests and 5xx over the last hour, read once per snapshot. */
  private async pushMetrics(): Promise<void> {
    const service = this.shown?.services.find((s) => s.name === this.model?.serviceName);
    if (!service || !this.services.connection.state.target) return;
    let message: HostMessage;
    try {
      const read = await serviceMetrics.read(this.services, service, '1h');
      const requests = loadAnalysis().seriesTotal(read.series, 'requests');
      const fiveXx = loadAnalysis().seriesTotal(read.series, 's5xx');
      message = {
        type: 'metrics',
        serviceName: service.name,
        summary: vscode.l10n.t('Last hour: {0} requests, {1} 5xx responses (CloudWatch).', requests, fiveXx),
        chart: loadAnalysis().sparklineSvg(read.series, read.request, uiLang()),
      };
    } catch (error) {
      message = {
        type: 'metrics',
        serviceName: service.name,
        summary: vscode.l10n.t('Metrics not available: {0}', error instanceof Error ? error.message : String(error)),
      };
    }
    await this.post(message);
  }

  /** Asks the webview for the picture as a standalone SVG (what "Save as SVG" writes). */
  requestSvg(timeoutMs = 10_000): Promise<string> {
    const requestId = this.nextRequest++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.svgWaiters.delete(requestId);
        reject(new Error('The diagram did not answer with its SVG in time.'));
      }, timeoutMs);
      this.svgWaiters.set(requestId, (svg) => {
        clearTimeout(timer);
        resolve(svg);
      });
      void this.post({ type: 'requestSvg', requestId });
    });
  }

  private async post(message: HostMessage): Promise<void> {
    // Node details, warnings and fix texts reach the webview: masked like every other output.
    if (!this.disposed) await this.panel.webview.postMessage(maskedDeep(message));
  }

  private updateTitle(): void {
    const name = this.service;
    const title = name ? vscode.l10n.t('Network: {0}', name) : uiStrings().title;
    if (!this.disposed && this.panel.title !== title) this.panel.title = title;
  }

  private reportVisibility(): void {
    this.services.store.setVisible(VISIBILITY_ID, !this.disposed && this.panel.visible);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.services.store.setVisible(VISIBILITY_ID, false);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    // Also when closed from code (the panel's own dispose event is unsubscribed above): the owner forgets it.
    this.onDispose();
  }
}
