// The diagram webview's entry (dist/webview.js). It draws what the extension sends and reports back what it
// drew; it never talks to AWS and never decides what a fix does: it only names the element that was clicked.
import {
  type HostMessage,
  type Language,
  parseHostMessage,
  parsePanelState,
  type UiStrings,
} from '../webviewProtocol/protocol';
import type { DiagramLayout, DiagramModel } from '../model/diagram/types';
import { renderDetails } from './details';
import { renderSparkline } from './svgTree';
import { byId } from './dom';
import { DiagramView } from './render';
import { exportSvg } from './svgExport';
import { renderToolbar, wireToolbar } from './toolbar';
import { post, savedState, saveState } from './vscodeApi';

let strings: UiStrings | undefined;
let language: Language = 'en';
let model: DiagramModel | undefined;
let layout: DiagramLayout | undefined;
let renders = 0;
let shownDetails = '';
/** Last CloudTrail changes by element id, as the extension sent them ('' while asked). */
const lastChanges = new Map<string, string>();
let metrics: Extract<HostMessage, { type: 'metrics' }> | undefined;

const svg = document.getElementById('diagram') as unknown as SVGSVGElement;
const details = byId<HTMLElement>('details');
const status = byId<HTMLElement>('status');
function selectElement(id: string): void {
  view.select(id);
  // A problem's last change is asked for now (the extension answers with `lastChange`).
  const el = model?.nodes.find((n) => n.id === id) ?? model?.edges.find((e) => e.id === id);
  if (!el || (el.state !== 'broken' && el.state !== 'warning')) lastChanges.delete(id);
  else if (!lastChanges.has(id)) lastChanges.set(id, '');
  showDetails();
  post({ type: 'select', id });
}

const view = new DiagramView(svg, { select: selectElement });

function showDetails(): void {
  if (!strings) return;
  const id = view.selected;
  const element =
    model && id ? (model.nodes.find((n) => n.id === id) ?? model.edges.find((e) => e.id === id)) : undefined;
  // Rebuilt only when what it shows changed, so a focused button keeps its focus across live updates.
  const lastChange = id ? lastChanges.get(id) : undefined;
  const chart =
    element && 'kind' in element && element.kind === 'service' && metrics?.serviceName === model?.serviceName;
  const key = JSON.stringify([id, element, language, lastChange, chart ? metrics : undefined]);
  if (key === shownDetails) return;
  shownDetails = key;
  renderDetails(details, model, id, strings, language, lastChange);
  // The service's requests and 5xx over the last hour, below its details.
  if (chart && metrics) renderSparkline(details, metrics.summary, metrics.chart);
  post({ type: 'details', id, text: details.textContent ?? '' });
}

function onUpdate(message: Extract<HostMessage, { type: 'update' }>): void {
  if (!strings) return;
  document.body.classList.toggle('loading', message.loading);
  status.textContent =
    message.error ?? (message.loading ? strings.loading : model || message.model ? '' : strings.noService);
  if (message.model && message.layout) {
    model = message.model;
    layout = message.layout;
    saveState({ serviceName: model.serviceName });
  }
  if (!model || !layout) return;
  view.update(model, layout, strings, language);
  renderToolbar(model, strings, language);
  showDetails();
  renders += 1;
  post({ type: 'rendered', serviceName: model.serviceName, ...view.rendered(), renders });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'init') {
    strings = message.strings;
    language = message.language;
    document.documentElement.lang = language;
    svg.setAttribute('aria-label', strings.title);
    wireToolbar(strings);
  } else if (message.type === 'update') {
    onUpdate(message);
  } else if (message.type === 'select') {
    if (model?.nodes.some((n) => n.id === message.id) || model?.edges.some((e) => e.id === message.id))
      selectElement(message.id);
  } else if (message.type === 'lastChange') {
    lastChanges.set(message.id, message.text);
    showDetails();
  } else if (message.type === 'metrics') {
    metrics = message;
    showDetails();
  } else if (message.type === 'requestSvg') {
    post({ type: 'svg', requestId: message.requestId, svg: exportSvg(svg) });
  }
});

window.addEventListener('error', (event) => post({ type: 'error', message: String(event.message) }));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && view.selected) {
    view.select(undefined);
    showDetails();
  }
});

// The handshake: the extension sends nothing until the page can receive it. The saved state is the
// extension's to read again (the serializer hands it over after a reload); here it is only validated.
parsePanelState(savedState());
post({ type: 'ready' });
