// Builds an SVG element tree (src/model/diagnosis/svgNode.ts, already checked by parseHostMessage) with DOM
// calls: attributes and text only, never markup, so nothing in it can run.
import type { SvgNode } from '../model/diagnosis/svgNode';
import { htmlEl, svgEl } from './dom';

export function buildSvg(node: SvgNode, parent?: Element): SVGElement {
  // createElementNS gives the namespace; an xmlns attribute is only for the serialised form.
  const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([name]) => name !== 'xmlns'));
  const el = svgEl(node.tag, attrs, parent);
  if (node.text !== undefined) el.textContent = node.text;
  for (const child of node.children ?? []) buildSvg(child, el);
  return el;
}

/** The service's small chart under its details: the summary line and the requests/5xx sparkline. */
export function renderSparkline(pane: HTMLElement, summary: string, chart: SvgNode | undefined): void {
  const box = htmlEl('div', { class: 'sparkline', 'data-testid': 'sparkline' }, undefined, pane);
  if (chart) buildSvg(chart, box);
  htmlEl('p', {}, summary, box);
}
