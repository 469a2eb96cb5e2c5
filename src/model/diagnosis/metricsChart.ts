// The Service Metrics charts as inline SVG, drawn without a chart library: pure functions from
// the series GetMetricData returned to a small SVG element tree. The host serialises the tree into the metrics
// page (svgMarkup); the diagram webview builds the same tree with DOM calls (src/webview/svgTree.ts). Colours
// come from classes the stylesheets map to the theme's CSS variables, so the charts follow the colour theme.
import type { LocalizedText } from './diagnosis';
import { type Lang, localize, msg } from '../l10n/text';
import type { MetricRequest, MetricSeries } from './metrics';
import type { SvgNode } from './svgNode';

export type { SvgNode } from './svgNode';

/** A chart panel of the view: one or more series on a common scale. */
export interface ChartPanel {
  id: string;
  title: LocalizedText;
  unit: string;
  series: { id: string; label: LocalizedText; cls: string }[];
}

export const CHART_PANELS: readonly ChartPanel[] = [
  {
    id: 'requests',
    title: msg('Requests'),
    unit: 'count',
    series: [{ id: 'requests', label: msg('Requests'), cls: 's-requests' }],
  },
  {
    id: 'responses',
    title: msg('Responses by status'),
    unit: 'count',
    series: [
      { id: 's2xx', label: msg('2xx responses'), cls: 's-2xx' },
      { id: 's4xx', label: msg('4xx responses'), cls: 's-4xx' },
      { id: 's5xx', label: msg('5xx responses'), cls: 's-5xx' },
    ],
  },
  {
    id: 'latency',
    title: msg('Request latency'),
    unit: 'ms',
    series: [
      { id: 'latencyP95', label: msg('Request latency p95'), cls: 's-p95' },
      { id: 'latencyAvg', label: msg('Request latency (average)'), cls: 's-avg' },
    ],
  },
  {
    id: 'instances',
    title: msg('Active instances'),
    unit: 'count',
    series: [{ id: 'instances', label: msg('Active instances'), cls: 's-instances' }],
  },
  { id: 'cpu', title: msg('CPU'), unit: '%', series: [{ id: 'cpu', label: msg('CPU'), cls: 's-cpu' }] },
  { id: 'memory', title: msg('Memory'), unit: '%', series: [{ id: 'memory', label: msg('Memory'), cls: 's-memory' }] },
];

const round = (n: number): number => Math.round(n * 10) / 10;

/** A figure as people read it: integers as is, fractions to one decimal, large counts with k. */
export function formatValue(v: number, unit: string): string {
  const n = Math.abs(v) >= 10_000 ? `${round(v / 1000)}k` : Number.isInteger(v) ? String(v) : v.toFixed(1);
  return unit === '%' ? `${n}%` : unit === 'ms' ? `${n} ms` : n;
}

const finitePoints = (s: MetricSeries | undefined): { t: number; v: number }[] =>
  [...(s?.points ?? [])].filter((p) => Number.isFinite(p.v) && Number.isFinite(p.t)).sort((a, b) => a.t - b.t);

export interface ChartOptions {
  width: number;
  height: number;
  lang: Lang;
  /** Draw a dot on each data point when a series has at most this many (a lone point is visible too). */
  maxDots?: number;
}

/**
 * One panel as an SVG tree: the x axis spans the request's window, the y axis 0..the largest value of the
 * panel's series (counts and percentages start at zero), a polyline and dots per series, the top value as a
 * label. A panel with no point in the window says so instead of drawing a flat line.
 */
export function chartSvg(
  panel: ChartPanel,
  series: readonly MetricSeries[],
  window: Pick<MetricRequest, 'startTime' | 'endTime'>,
  options: ChartOptions,
): SvgNode {
  const { width, height, lang } = options;
  const pad = { left: 4, right: 4, top: 14, bottom: 4 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const byId = new Map(series.map((s) => [s.id, s]));
  const lines = panel.series.map((def) => ({ def, points: finitePoints(byId.get(def.id)) }));
  const all = lines.flatMap((l) => l.points.map((p) => p.v));
  const label = `${localize(panel.title, lang)}`;
  const root: SvgNode = {
    tag: 'svg',
    attrs: {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      class: 'chart',
      role: 'img',
      'aria-label': label,
      'data-chart': panel.id,
      'data-points': all.length,
    },
    children: [
      { tag: 'title', attrs: {}, text: label },
      {
        tag: 'line',
        attrs: { class: 'axis', x1: pad.left, y1: pad.top + plotH, x2: pad.left + plotW, y2: pad.top + plotH },
      },
    ],
  };
  const children = root.children ?? [];
  if (all.length === 0) {
    children.push({
      tag: 'text',
      attrs: { class: 'no-data', x: width / 2, y: pad.top + plotH / 2, 'text-anchor': 'middle' },
      text: localize(msg('No data points'), lang),
    });
    return root;
  }
  const max = Math.max(...all);
  const top = max > 0 ? max : 1;
  const t0 = window.startTime.getTime();
  const span = Math.max(1, window.endTime.getTime() - t0);
  const x = (t: number): number => round(pad.left + Math.min(1, Math.max(0, (t - t0) / span)) * plotW);
  const y = (v: number): number => round(pad.top + plotH - (Math.max(0, v) / top) * plotH);
  children.push(
    { tag: 'line', attrs: { class: 'grid', x1: pad.left, y1: pad.top, x2: pad.left + plotW, y2: pad.top } },
    { tag: 'text', attrs: { class: 'scale', x: pad.left, y: pad.top - 3 }, text: formatValue(max, panel.unit) },
  );
  for (const { def, points } of lines) {
    if (points.length === 0) continue;
    const group: SvgNode = { tag: 'g', attrs: { class: `series ${def.cls}`, 'data-series': def.id }, children: [] };
    group.children?.push({
      tag: 'polyline',
      attrs: { class: 'line', fill: 'none', points: points.map((p) => `${x(p.t)},${y(p.v)}`).join(' ') },
      children: [{ tag: 'title', attrs: {}, text: localize(def.label, lang) }],
    });
    if (points.length <= (options.maxDots ?? 120)) {
      for (const p of points)
        group.children?.push({
          tag: 'circle',
          attrs: { class: 'point', cx: x(p.t), cy: y(p.v), r: 2 },
          children: [
            {
              tag: 'title',
              attrs: {},
              text: `${localize(def.label, lang)}: ${formatValue(p.v, panel.unit)} (${new Date(p.t).toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
            },
          ],
        });
    }
    children.push(group);
  }
  return root;
}

/** The diagram's small chart: requests and 5xx responses on one scale, no labels (the pane's text says what). */
export function sparklineSvg(
  series: readonly MetricSeries[],
  window: Pick<MetricRequest, 'startTime' | 'endTime'>,
  lang: Lang,
): SvgNode {
  const panel: ChartPanel = {
    id: 'sparkline',
    title: msg('Requests and 5xx responses'),
    unit: 'count',
    series: [
      { id: 'requests', label: msg('Requests'), cls: 's-requests' },
      { id: 's5xx', label: msg('5xx responses'), cls: 's-5xx' },
    ],
  };
  return chartSvg(panel, series, window, { width: 220, height: 48, lang, maxDots: 60 });
}

/** Totals over the window for a summary line ("42 requests, 5xx 2.4%"). */
export function seriesTotal(series: readonly MetricSeries[], id: string): number {
  return finitePoints(series.find((s) => s.id === id)).reduce((a, p) => a + p.v, 0);
}

/** The latest value of a series, if any. */
export function seriesLast(series: readonly MetricSeries[], id: string): number | undefined {
  const points = finitePoints(series.find((s) => s.id === id));
  return points[points.length - 1]?.v;
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const ATTR_NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

/** The tree as markup, every text and attribute value escaped; attribute names are ours and checked anyway. */
export function svgMarkup(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .filter(([name]) => ATTR_NAME.test(name))
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const inner = (node.text !== undefined ? escapeXml(node.text) : '') + (node.children ?? []).map(svgMarkup).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}
