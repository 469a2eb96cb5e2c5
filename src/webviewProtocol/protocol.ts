// The one message union between the extension and the diagram webview (docs/design.md, 'Webviews'), and the checks
// each side runs on what it receives: a webview is a web page, so nothing it sends is trusted as is.
import type { DiagramLayout, DiagramModel, DiagramState } from '../model/diagram/types';
import type { SvgNode } from '../model/diagnosis/svgNode';

export const UI_STRING_KEYS = [
  'title',
  'service',
  'refresh',
  'saveSvg',
  'copyMermaid',
  'details',
  'fix',
  'openDocs',
  'reveal',
  'loading',
  'noSelection',
  'ok',
  'warning',
  'broken',
  'progress',
  'unknown',
  'legend',
  'noService',
  'lastChange',
  'lastChangeLoading',
] as const;
export type UiStringKey = (typeof UI_STRING_KEYS)[number];
export type UiStrings = Record<UiStringKey, string>;

/** A language tag the host picked from its bundles ("en", "ja", "de"). */
export type Language = string;

/** A model text in `language`, else English (the host sends every bundled language; this is the webview's side). */
export function inLanguage(text: { readonly en: string; readonly [lang: string]: string }, language: Language): string {
  return text[language] ?? text.en;
}

export type HostMessage =
  | { type: 'init'; strings: UiStrings; language: Language }
  | { type: 'update'; model?: DiagramModel; layout?: DiagramLayout; loading: boolean; error?: string }
  | { type: 'requestSvg'; requestId: number }
  /** Selects an element as a click would (the tree's "show in diagram", tests). */
  | { type: 'select'; id: string }
  /** The last CloudTrail change of an element (runbook 8.2), read when it was selected. */
  | { type: 'lastChange'; id: string; text: string }
  /** The service's small chart for the details pane (requests and 5xx over the last hour). */
  | { type: 'metrics'; serviceName: string; summary: string; chart?: SvgNode };

export interface RenderedElement {
  id: string;
  state: DiagramState;
}

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; serviceName?: string; nodes: RenderedElement[]; edges: RenderedElement[]; renders: number }
  | { type: 'select'; id: string }
  | { type: 'reveal'; id: string }
  | { type: 'fix'; id: string }
  | { type: 'openDocs'; id: string }
  | { type: 'selectService'; name: string }
  | { type: 'refresh' }
  | { type: 'copyMermaid' }
  | { type: 'saveSvg'; svg: string }
  | { type: 'svg'; requestId: number; svg: string }
  | { type: 'error'; message: string }
  /** What the details pane shows after it changed (its text), as `rendered` reports the picture. */
  | { type: 'details'; id?: string; text: string };

const STATES: ReadonlySet<string> = new Set<DiagramState>(['ok', 'warning', 'broken', 'progress', 'unknown']);
/** Element ids are ours (service:NAME, subnet:ID, route:A->B): printable, short. */
const ID = /^[\w:.\-/>@]{1,300}$/;
const MAX_SVG = 2_000_000;

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
const isSvg = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= MAX_SVG && /^<svg[\s>]/.test(v.trimStart());

function isRenderedList(v: unknown): v is RenderedElement[] {
  return (
    Array.isArray(v) &&
    v.length <= 500 &&
    v.every((e) => isObject(e) && isId(e.id) && typeof e.state === 'string' && STATES.has(e.state))
  );
}

/** The webview's message if it has exactly the expected shape; undefined for anything else. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  const m = raw;
  switch (m.type) {
    case 'ready':
    case 'refresh':
    case 'copyMermaid':
      return { type: m.type };
    case 'rendered':
      if (!isRenderedList(m.nodes) || !isRenderedList(m.edges) || typeof m.renders !== 'number') return undefined;
      if (m.serviceName !== undefined && typeof m.serviceName !== 'string') return undefined;
      return { type: 'rendered', serviceName: m.serviceName, nodes: m.nodes, edges: m.edges, renders: m.renders };
    case 'select':
    case 'reveal':
    case 'fix':
    case 'openDocs':
      return isId(m.id) ? { type: m.type, id: m.id } : undefined;
    case 'selectService':
      return typeof m.name === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(m.name)
        ? { type: 'selectService', name: m.name }
        : undefined;
    case 'saveSvg':
      return isSvg(m.svg) ? { type: 'saveSvg', svg: m.svg } : undefined;
    case 'svg':
      return isSvg(m.svg) && typeof m.requestId === 'number'
        ? { type: 'svg', requestId: m.requestId, svg: m.svg }
        : undefined;
    case 'error':
      return typeof m.message === 'string' ? { type: 'error', message: m.message.slice(0, 2000) } : undefined;
    case 'details':
      if (m.id !== undefined && !isId(m.id)) return undefined;
      return typeof m.text === 'string' ? { type: 'details', id: m.id, text: m.text.slice(0, 20_000) } : undefined;
    default:
      return undefined;
  }
}

/** The webview's check of what the extension sends (the same origin, but still a boundary). */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (!isObject(raw)) return undefined;
  if (
    raw.type === 'init' &&
    isObject(raw.strings) &&
    typeof raw.language === 'string' &&
    /^[a-z]{2,3}(-[a-z0-9]+)?$/i.test(raw.language)
  ) {
    const strings = raw.strings;
    return UI_STRING_KEYS.every((k) => typeof strings[k] === 'string') ? (raw as HostMessage) : undefined;
  }
  if (raw.type === 'update' && typeof raw.loading === 'boolean') {
    const model = raw.model;
    const layout = raw.layout;
    const modelOk =
      model === undefined || (isObject(model) && Array.isArray(model.nodes) && Array.isArray(model.edges));
    const layoutOk =
      layout === undefined || (isObject(layout) && Array.isArray(layout.nodes) && Array.isArray(layout.groups));
    return modelOk && layoutOk ? (raw as HostMessage) : undefined;
  }
  if (raw.type === 'requestSvg' && typeof raw.requestId === 'number')
    return { type: 'requestSvg', requestId: raw.requestId };
  if (raw.type === 'select' && isId(raw.id)) return { type: 'select', id: raw.id };
  if (raw.type === 'lastChange' && isId(raw.id) && typeof raw.text === 'string')
    return { type: 'lastChange', id: raw.id, text: raw.text };
  if (
    raw.type === 'metrics' &&
    typeof raw.serviceName === 'string' &&
    typeof raw.summary === 'string' &&
    (raw.chart === undefined || isSvgTree(raw.chart, 0))
  )
    return { type: 'metrics', serviceName: raw.serviceName, summary: raw.summary, chart: raw.chart };
  return undefined;
}

const SVG_TAGS: ReadonlySet<string> = new Set(['svg', 'g', 'polyline', 'circle', 'line', 'text', 'title']);
/** Attribute names the chart uses: no event handlers (on*), no href, no style. */
const SVG_ATTR = /^(?!on)(?!style$)(?!href$)[a-z][a-z0-9:-]{0,40}$/i;

/** A chart tree the webview may build: known tags, plain attributes, bounded depth. */
function isSvgTree(v: unknown, depth: number): v is SvgNode {
  if (!isObject(v) || depth > 4 || typeof v.tag !== 'string' || !SVG_TAGS.has(v.tag) || !isObject(v.attrs))
    return false;
  const attrsOk = Object.entries(v.attrs).every(
    ([name, value]) =>
      SVG_ATTR.test(name) && !/^xlink:/i.test(name) && (typeof value === 'string' || typeof value === 'number'),
  );
  const textOk = v.text === undefined || typeof v.text === 'string';
  const children = v.children;
  const childrenOk =
    children === undefined ||
    (Array.isArray(children) && children.length <= 500 && children.every((c) => isSvgTree(c, depth + 1)));
  return attrsOk && textOk && childrenOk;
}

/** What the serializer stores in the webview state to reopen the panel after a reload. */
export interface PanelState {
  serviceName?: string;
}

export function parsePanelState(raw: unknown): PanelState {
  return isObject(raw) && typeof raw.serviceName === 'string' ? { serviceName: raw.serviceName } : {};
}
