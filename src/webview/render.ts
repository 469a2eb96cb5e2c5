// Draws the model into one <svg> and keeps it in step with later models in place: every node, edge and AZ
// box is keyed by its id, created once, then only its attributes and text change. Focus, selection and the
// scroll position survive every update (no reset, no flicker).
import { edgeGeometry } from '../model/diagram/geometry';
import { inLanguage, type Language, type UiStrings } from '../webviewProtocol/protocol';
import type {
  DiagramEdge,
  DiagramLayout,
  DiagramModel,
  DiagramNode,
  DiagramState,
  NodeBox,
} from '../model/diagram/types';
import { setAttrs, setText, svgEl } from './dom';

const ICON: Record<DiagramState, string> = { ok: '✓', warning: '!', broken: '✕', progress: '⟳', unknown: '?' };
const STATES: DiagramState[] = ['ok', 'warning', 'broken', 'progress', 'unknown'];

export interface ViewEvents {
  select(id: string): void;
}

export class DiagramView {
  private readonly groupsLayer: SVGGElement;
  private readonly edgesLayer: SVGGElement;
  private readonly nodesLayer: SVGGElement;
  private readonly nodes = new Map<string, SVGGElement>();
  private readonly edges = new Map<string, SVGGElement>();
  private readonly groups = new Map<string, SVGGElement>();
  private selectedId: string | undefined;

  constructor(
    private readonly root: SVGSVGElement,
    private readonly events: ViewEvents,
  ) {
    const defs = svgEl('defs', {}, root);
    for (const state of STATES) {
      const marker = svgEl(
        'marker',
        {
          id: `arrow-${state}`,
          class: `marker state-${state}`,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 9,
          markerHeight: 9,
          markerUnits: 'userSpaceOnUse',
          orient: 'auto-start-reverse',
        },
        defs,
      );
      svgEl('path', { d: 'M0,0 L10,5 L0,10 z' }, marker);
    }
    this.groupsLayer = svgEl('g', { class: 'groups' }, root);
    this.edgesLayer = svgEl('g', { class: 'edges' }, root);
    this.nodesLayer = svgEl('g', { class: 'nodes' }, root);
  }

  get selected(): string | undefined {
    return this.selectedId;
  }

  select(id: string | undefined): void {
    this.selectedId = id;
    for (const [key, el] of [...this.nodes, ...this.edges]) el.classList.toggle('selected', key === id);
  }

  update(model: DiagramModel, layout: DiagramLayout, strings: UiStrings, language: Language): void {
    setAttrs(this.root, {
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: layout.width,
      height: layout.height,
    });
    const boxes = new Map(layout.nodes.map((b) => [b.id, b]));
    const name = (id: string): string => model.nodes.find((n) => n.id === id)?.label ?? id;
    sync(
      this.groups,
      layout.groups.map((g) => g.id),
      () => svgEl('g', { class: 'az' }, this.groupsLayer),
      (el, id) => {
        const g = layout.groups.find((x) => x.id === id);
        if (!g) return;
        const rect = child(el, 'rect');
        const text = child(el, 'text');
        setAttrs(rect, { x: g.x, y: g.y, width: g.width, height: g.height, rx: 8 });
        setAttrs(text, { x: g.x + 8, y: g.y + 14 });
        setText(text, g.label);
      },
    );
    sync(
      this.edges,
      model.edges.map((e) => e.id),
      () => this.createFocusable(this.edgesLayer, ['path', 'path', 'text']),
      (el, id) => {
        const edge = model.edges.find((e) => e.id === id);
        const from = edge && boxes.get(edge.from);
        const to = edge && boxes.get(edge.to);
        if (edge && from && to) this.drawEdge(el, edge, from, to, strings, language, name);
      },
    );
    sync(
      this.nodes,
      model.nodes.map((n) => n.id),
      () => this.createFocusable(this.nodesLayer, ['rect', 'text', 'text', 'text']),
      (el, id) => {
        const node = model.nodes.find((n) => n.id === id);
        const box = boxes.get(id);
        if (node && box) this.drawNode(el, node, box, strings, language);
      },
    );
    if (this.selectedId && !this.nodes.has(this.selectedId) && !this.edges.has(this.selectedId))
      this.selectedId = undefined;
    this.select(this.selectedId);
  }

  /** What is on screen now, read back from the DOM (the host tests compare it with the model). */
  rendered(): { nodes: { id: string; state: DiagramState }[]; edges: { id: string; state: DiagramState }[] } {
    const read = (m: Map<string, SVGGElement>): { id: string; state: DiagramState }[] =>
      [...m.entries()].map(([id, el]) => ({ id, state: (el.dataset.state ?? 'unknown') as DiagramState }));
    return { nodes: read(this.nodes), edges: read(this.edges) };
  }

  private createFocusable(layer: SVGGElement, parts: (keyof SVGElementTagNameMap)[]): SVGGElement {
    const g = svgEl('g', { tabindex: 0, role: 'button', focusable: 'true' }, layer);
    for (const part of parts) svgEl(part, {}, g);
    g.addEventListener('click', () => this.events.select(g.dataset.id ?? ''));
    g.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.events.select(g.dataset.id ?? '');
      }
    });
    return g;
  }

  private drawNode(el: SVGGElement, node: DiagramNode, box: NodeBox, strings: UiStrings, language: Language): void {
    const [rect, label, sublabel, icon] = [...el.children] as [
      SVGRectElement,
      SVGTextElement,
      SVGTextElement,
      SVGTextElement,
    ];
    el.dataset.id = node.id;
    el.dataset.state = node.state;
    setAttrs(el, {
      class: `node kind-${node.kind} state-${node.state}${el.classList.contains('selected') ? ' selected' : ''}`,
      transform: `translate(${box.x},${box.y})`,
      'aria-label': `${node.label}${node.sublabel ? `, ${node.sublabel}` : ''}: ${strings[node.state]}, ${inLanguage(node.reason, language)}`,
    });
    setAttrs(rect, { width: box.width, height: box.height, rx: node.kind === 'internet' ? box.height / 2 : 6 });
    setAttrs(label, { x: 10, y: 20, class: 'label' });
    setText(label, clip(node.label, 16));
    setAttrs(sublabel, { x: 10, y: 37, class: 'sublabel' });
    setText(sublabel, clip(node.sublabel ?? '', 24));
    setAttrs(icon, { x: box.width - 18, y: 20, class: 'icon', 'aria-hidden': 'true' });
    setText(icon, ICON[node.state]);
  }

  private drawEdge(
    el: SVGGElement,
    edge: DiagramEdge,
    from: NodeBox,
    to: NodeBox,
    strings: UiStrings,
    language: Language,
    name: (id: string) => string,
  ): void {
    const [line, hit, label] = [...el.children] as [SVGPathElement, SVGPathElement, SVGTextElement];
    const geometry = edgeGeometry(from, to);
    el.dataset.id = edge.id;
    el.dataset.state = edge.state;
    setAttrs(el, {
      class: `edge kind-${edge.kind} state-${edge.state}${el.classList.contains('selected') ? ' selected' : ''}`,
      'aria-label': `${edge.label ? `${edge.label}, ` : ''}${name(edge.from)} → ${name(edge.to)}: ${strings[edge.state]}, ${inLanguage(edge.reason, language)}`,
    });
    setAttrs(line, { d: geometry.d, class: 'line', 'marker-end': `url(#arrow-${edge.state})` });
    setAttrs(hit, { d: geometry.d, class: 'hit' });
    const words = edge.state === 'ok' ? (edge.label ?? '') : `${ICON[edge.state]} ${inLanguage(edge.reason, language)}`;
    setAttrs(label, { x: geometry.label.x, y: geometry.label.y, class: 'edge-label', 'text-anchor': geometry.anchor });
    setText(label, clip(words, 34));
  }
}

function child<K extends keyof SVGElementTagNameMap>(el: SVGGElement, tag: K): SVGElementTagNameMap[K] {
  return (el.querySelector(tag) as SVGElementTagNameMap[K] | null) ?? svgEl(tag, {}, el);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Keyed reconciliation: removes elements whose id is gone, creates new ones, updates all. */
function sync(
  map: Map<string, SVGGElement>,
  ids: string[],
  create: (id: string) => SVGGElement,
  draw: (el: SVGGElement, id: string) => void,
): void {
  const wanted = new Set(ids);
  for (const [id, el] of map) {
    if (!wanted.has(id)) {
      el.remove();
      map.delete(id);
    }
  }
  for (const id of ids) {
    let el = map.get(id);
    if (!el) {
      el = create(id);
      map.set(id, el);
    }
    draw(el, id);
  }
}
