// The bar above the picture: the service picker, refresh, the two exports, and the legend of states.
import type { Language, UiStrings } from '../webviewProtocol/protocol';
import type { DiagramModel, DiagramState } from '../model/diagram/types';
import { byId, htmlEl, setAttrs, setText } from './dom';
import { exportSvg } from './svgExport';
import { post } from './vscodeApi';

let wired = false;

export function wireToolbar(strings: UiStrings): void {
  setText(byId('service-label'), strings.service);
  setText(byId('refresh'), strings.refresh);
  setText(byId('save-svg'), strings.saveSvg);
  setText(byId('copy-mermaid'), strings.copyMermaid);
  setAttrs(byId('legend'), { 'aria-label': strings.legend });
  const legend = byId('legend');
  legend.replaceChildren();
  for (const state of ['ok', 'warning', 'broken', 'progress', 'unknown'] as DiagramState[]) {
    htmlEl('span', { class: `chip state-${state}` }, strings[state], legend);
  }
  if (wired) return;
  wired = true;
  byId('refresh').addEventListener('click', () => post({ type: 'refresh' }));
  byId('copy-mermaid').addEventListener('click', () => post({ type: 'copyMermaid' }));
  byId('save-svg').addEventListener('click', () => {
    const svg = document.getElementById('diagram') as unknown as SVGSVGElement;
    post({ type: 'saveSvg', svg: exportSvg(svg) });
  });
  byId<HTMLSelectElement>('service').addEventListener('change', (event) => {
    post({ type: 'selectService', name: (event.target as HTMLSelectElement).value });
  });
}

export function renderToolbar(model: DiagramModel, strings: UiStrings, language: Language): void {
  const select = byId<HTMLSelectElement>('service');
  const current = [...select.options].map((o) => o.value).join('\n');
  if (current !== model.services.join('\n')) {
    select.replaceChildren(...model.services.map((name) => htmlEl('option', { value: name }, name)));
  }
  if (select.value !== model.serviceName) select.value = model.serviceName;
  const problems = [...model.nodes, ...model.edges].filter((x) => x.state === 'broken').length;
  const summary = byId('summary');
  setText(summary, problems > 0 ? `${strings.broken}: ${problems}` : strings.ok);
  setAttrs(summary, { class: problems > 0 ? 'state-broken' : 'state-ok' });
  setAttrs(byId('footer'), { title: model.loadedAt });
  setText(byId('footer'), new Date(model.loadedAt).toLocaleString(language));
}
