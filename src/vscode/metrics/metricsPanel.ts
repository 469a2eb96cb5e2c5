// "Service Metrics": one webview panel per service with App Runner's CloudWatch metrics over a
// chosen window, drawn by the extension as inline SVG (src/model/diagnosis/metricsView.ts) under the diagram's
// CSP rules. The page's script only reports clicks; every message is checked before it is acted on.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { MetricWindow } from '../../model/diagnosis/metrics';
import type { MetricsViewState } from '../../model/diagnosis/metricsView';
import type { AppRunnerService } from '../../model/topology/topology';
import { UserError } from '../../model/common/userError';
import { msg } from '../../model/l10n/text';
import { loadAnalysis } from '../analysisLoader';
import { serviceTarget } from '../commands/targets';
import { uiLang } from '../localize';
import { log } from '../log';
import { masked } from '../masking';
import type { ExtensionServices } from '../services';
import { readThresholds, serviceMetrics } from './serviceMetrics';

export const METRICS_VIEW_TYPE = 'apprunnerVpc.serviceMetrics';
const WINDOW_STATE_KEY = 'apprunnerVpc.metrics.window';

const panels = new Map<string, MetricsPanel>();

export class MetricsPanel implements vscode.Disposable {
  private window: MetricWindow;
  private state: MetricsViewState = { kind: 'loading' };
  private disposed = false;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** Resolves after each finished read and draw (tests wait on it). */
  private drawnWaiters: (() => void)[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: ExtensionServices,
    private service: Pick<AppRunnerService, 'name' | 'id'>,
  ) {
    const saved = services.context.globalState.get<string>(WINDOW_STATE_KEY);
    this.window = loadAnalysis().isMetricWindow(saved) ? saved : '1h';
    const extensionUri = services.context.extensionUri;
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'apprunner-vpc.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.draw();
  }

  get serviceName(): string {
    return this.service.name;
  }

  get currentState(): MetricsViewState {
    return this.state;
  }

  /** Reads the window's metrics (again, with `force`) and redraws. */
  async load(force = false): Promise<void> {
    const generation = ++this.generation;
    this.state = { kind: 'loading' };
    this.draw();
    let next: MetricsViewState;
    try {
      const read = await serviceMetrics.read(this.services, this.service, this.window, force);
      const verdict = loadAnalysis().performanceVerdict(read.series, this.window, readThresholds());
      next = { kind: 'data', ...read, verdict };
    } catch (error) {
      const e = error as { name?: string; message?: string };
      next = { kind: 'error', problem: loadAnalysis().metricsProblem({ name: e?.name, message: e?.message }) };
    }
    // A later click (another window) wins over a slower earlier read.
    if (generation !== this.generation || this.disposed) return;
    this.state = next;
    this.draw();
    for (const resolve of this.drawnWaiters.splice(0)) resolve();
  }

  /** For tests: the next finished draw. */
  whenDrawn(): Promise<void> {
    return new Promise((resolve) => this.drawnWaiters.push(resolve));
  }

  private async receive(raw: unknown): Promise<void> {
    const message = loadAnalysis().parseMetricsMessage(raw);
    if (!message) {
      log.warn('Service Metrics: dropped a message of unexpected shape');
      return;
    }
    switch (message.type) {
      case 'refresh':
        return this.load(true);
      case 'window':
        this.window = message.window;
        await this.services.context.globalState.update(WINDOW_STATE_KEY, message.window);
        return this.load();
      case 'openIamHelp': {
        // The policy ships with the extension (docs/iam-policy.json); the README's "IAM policy" explains it.
        const policy = vscode.Uri.joinPath(this.services.context.extensionUri, 'docs', 'iam-policy.json');
        await vscode.window.showTextDocument(policy, { preview: true });
        this.draw();
        return;
      }
      case 'error':
        log.warn(`Service Metrics webview: ${message.message}`);
        return;
    }
  }

  private draw(): void {
    if (this.disposed) return;
    const lang = uiLang();
    const body = loadAnalysis().metricsBodyMarkup(
      { serviceName: this.service.name, window: this.window, state: this.state },
      lang,
    );
    const title = vscode.l10n.t('Metrics: {0}', this.service.name);
    this.panel.title = title;
    // Error texts from AWS reach the page: masked like every other output.
    this.panel.webview.html = loadAnalysis().metricsPageHtml({
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: this.panel.webview
        .asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'metricsView.js'))
        .toString(),
      styleUri: this.panel.webview
        .asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'metrics.css'))
        .toString(),
      lang,
      title,
      body: masked(body),
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    panels.delete(this.service.name);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    for (const resolve of this.drawnWaiters.splice(0)) resolve();
  }
}

/** The command: the service of the tree node or argument, else the user's pick; one panel per service. */
export async function showServiceMetrics(services: ExtensionServices, arg: unknown): Promise<MetricsPanel> {
  if (!services.connection.state.target)
    throw new UserError(msg('Not connected to AWS: select a profile or check the endpoint, then try again.'));
  const { service } = await serviceTarget(services, arg, 'serviceMetrics', vscode.l10n.t('App Runner service'));
  const open = panels.get(service.name);
  if (open) {
    open.panel.reveal();
    void open.load(true);
    return open;
  }
  const panel = vscode.window.createWebviewPanel(
    METRICS_VIEW_TYPE,
    vscode.l10n.t('Metrics: {0}', service.name),
    vscode.ViewColumn.Active,
    { enableScripts: true, retainContextWhenHidden: false },
  );
  const view = new MetricsPanel(panel, services, service);
  panels.set(service.name, view);
  void view.load();
  return view;
}
