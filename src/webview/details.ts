// The details pane for the selected node or edge: its state and reason, the analysis' sentences, ids and
// rules, and the actions: the fix (which the extension confirms before running), documentation, the tree.
import { inLanguage, type Language, type UiStrings } from '../webviewProtocol/protocol';
import type { DiagramEdge, DiagramModel, DiagramNode } from '../model/diagram/types';
import { htmlEl } from './dom';
import { post } from './vscodeApi';

function heading(el: DiagramNode | DiagramEdge, model: DiagramModel): string {
  if ('kind' in el && 'from' in el) {
    const name = (id: string): string => model.nodes.find((n) => n.id === id)?.label ?? id;
    return `${name(el.from)} → ${name(el.to)}${el.label ? ` (${el.label})` : ''}`;
  }
  return el.sublabel ? `${el.label} · ${el.sublabel}` : el.label;
}

export function renderDetails(
  pane: HTMLElement,
  model: DiagramModel | undefined,
  id: string | undefined,
  strings: UiStrings,
  language: Language,
  /** The element's last CloudTrail change: the text, '' while it is read, undefined when none is asked. */
  lastChange?: string,
): void {
  const el = model && id ? (model.nodes.find((n) => n.id === id) ?? model.edges.find((e) => e.id === id)) : undefined;
  pane.replaceChildren();
  if (!model || !el) {
    htmlEl('p', { class: 'hint' }, strings.noSelection, pane);
    return;
  }
  htmlEl('h2', {}, heading(el, model), pane);
  const status = htmlEl('p', { class: `status state-${el.state}` }, undefined, pane);
  htmlEl('strong', {}, `${strings[el.state]}: `, status);
  status.append(inLanguage(el.reason, language));
  if (el.notes.length > 0) {
    const list = htmlEl('ul', { class: 'notes' }, undefined, pane);
    for (const note of el.notes) htmlEl('li', {}, inLanguage(note, language), list);
  }
  if (lastChange !== undefined) {
    const line = htmlEl('p', { class: 'last-change' }, undefined, pane);
    htmlEl('strong', {}, `${strings.lastChange}: `, line);
    line.append(lastChange || strings.lastChangeLoading);
  }
  if ('details' in el && el.details.length > 0) {
    const table = htmlEl('dl', { class: 'facts' }, undefined, pane);
    for (const row of el.details) {
      htmlEl('dt', {}, inLanguage(row.label, language), table);
      htmlEl('dd', {}, row.value, table);
    }
  }
  const actions = htmlEl('div', { class: 'actions' }, undefined, pane);
  if (el.fix) {
    const fix = htmlEl(
      'button',
      { type: 'button', class: 'primary', 'data-action': 'fix' },
      `${strings.fix}: ${inLanguage(el.fix.title, language)}`,
      actions,
    );
    fix.addEventListener('click', () => post({ type: 'fix', id: el.id }));
  }
  if (el.docUrl) {
    const docs = htmlEl('button', { type: 'button', 'data-action': 'docs' }, strings.openDocs, actions);
    docs.addEventListener('click', () => post({ type: 'openDocs', id: el.id }));
  }
  if ('resourceId' in el && el.resourceId) {
    const reveal = htmlEl('button', { type: 'button', 'data-action': 'reveal' }, strings.reveal, actions);
    reveal.addEventListener('click', () => post({ type: 'reveal', id: el.id }));
  }
}
