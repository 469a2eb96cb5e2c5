// The Service Metrics view: the inline SVG charts drawn from plain series, the markup of each
// state (data, no data, errors with their next step), the page's CSP, and the run-time checks of the messages
// both ways (the metrics page's clicks, the diagram's small chart).
import assert from 'node:assert/strict';
import { DEFAULT_THRESHOLDS, performanceVerdict, type MetricSeries } from '../../src/model/diagnosis/metrics';
import {
  CHART_PANELS,
  chartSvg,
  formatValue,
  sparklineSvg,
  svgMarkup,
  type SvgNode,
} from '../../src/model/diagnosis/metricsChart';
import { metricsBodyMarkup, metricsProblem } from '../../src/model/diagnosis/metricsView';
import { metricsPageHtml, parseMetricsMessage } from '../../src/webviewProtocol/metricsPage';
import { parseHostMessage } from '../../src/webviewProtocol/protocol';

const start = new Date('2026-11-30T11:00:00Z');
const end = new Date('2026-11-30T12:00:00Z');
const window = { startTime: start, endTime: end };
const at = (min: number): number => start.getTime() + min * 60_000;
const series = (id: string, values: [number, number][]): MetricSeries => ({
  id,
  points: values.map(([m, v]) => ({ t: at(m), v })),
});
const panel = (id: string) => CHART_PANELS.find((p) => p.id === id) ?? assert.fail(id);

function find(node: SvgNode, pred: (n: SvgNode) => boolean): SvgNode[] {
  return [...(pred(node) ? [node] : []), ...(node.children ?? []).flatMap((c) => find(c, pred))];
}

describe('metrics view: the charts', () => {
  it('draws one polyline per series on a common scale across the window, with a dot per point', () => {
    const data = [
      series('s2xx', [
        [0, 10],
        [30, 20],
        [60, 5],
      ]),
      series('s5xx', [[30, 10]]),
    ];
    const svg = chartSvg(panel('responses'), data, window, { width: 200, height: 104, lang: 'en' });
    assert.equal(svg.attrs['data-points'], 4);
    const lines = find(svg, (n) => n.tag === 'polyline');
    assert.equal(lines.length, 2, '2xx and 5xx drawn; 4xx has no point and no line');
    // Plot box: x 4..196, y 14..100; the top (20) is the largest value of the panel, not of each series.
    assert.equal(lines[0]?.attrs.points, '4,57 100,14 196,78.5');
    assert.equal(lines[1]?.attrs.points, '100,57', 'the 5xx point sits on the 2xx scale');
    assert.equal(find(svg, (n) => n.tag === 'circle').length, 4, 'a lone point is visible as a dot');
    const scale = find(svg, (n) => n.attrs.class === 'scale')[0];
    assert.equal(scale?.text, '20');
  });

  it('says "No data points" instead of drawing a flat line, in the chosen language', () => {
    const svg = chartSvg(panel('cpu'), [], window, { width: 200, height: 100, lang: 'ja' });
    assert.equal(find(svg, (n) => n.tag === 'polyline').length, 0);
    assert.equal(find(svg, (n) => n.attrs.class === 'no-data')[0]?.text, 'データポイントなし');
  });

  it('clamps points outside the window to its edges and negative values to zero', () => {
    const svg = chartSvg(
      panel('requests'),
      [
        series('requests', [
          [-30, 4],
          [90, -1],
        ]),
      ],
      window,
      { width: 200, height: 104, lang: 'en' },
    );
    assert.equal(find(svg, (n) => n.tag === 'polyline')[0]?.attrs.points, '4,14 196,100');
  });

  it('the sparkline holds requests and 5xx only', () => {
    const svg = sparklineSvg(
      [series('requests', [[1, 3]]), series('s5xx', [[1, 1]]), series('cpu', [[1, 50]])],
      window,
      'en',
    );
    assert.deepEqual(
      find(svg, (n) => n.tag === 'g').map((g) => g.attrs['data-series']),
      ['requests', 's5xx'],
    );
  });

  it('serialises with every text and attribute escaped', () => {
    const markup = svgMarkup({
      tag: 'svg',
      attrs: { 'aria-label': 'a"b<c>', onload: 'x' },
      children: [{ tag: 'title', attrs: {}, text: '<script>alert(1)</script>&' }],
    });
    assert.equal(
      markup,
      '<svg aria-label="a&quot;b&lt;c&gt;" onload="x"><title>&lt;script&gt;alert(1)&lt;/script&gt;&amp;</title></svg>',
    );
    assert.doesNotMatch(markup, /<script/);
  });

  it('formats figures as people read them', () => {
    assert.equal(formatValue(12, 'count'), '12');
    assert.equal(formatValue(12.345, '%'), '12.3%');
    assert.equal(formatValue(250, 'ms'), '250 ms');
    assert.equal(formatValue(12_500, 'count'), '12.5k');
  });
});

describe('metrics view: the states', () => {
  const data: MetricSeries[] = [
    series('requests', [
      [10, 4],
      [20, 6],
    ]),
    series('s2xx', [
      [10, 4],
      [20, 1],
    ]),
    series('s5xx', [[20, 5]]),
    series('latencyAvg', [[20, 42]]),
    { id: 'latencyP95', points: [] },
  ];

  it('with data: six charts, the verdict with the 5xx share, p95 said unavailable, the window pressed', () => {
    const html = metricsBodyMarkup(
      {
        serviceName: 'kyudai-api',
        window: '6h',
        state: {
          kind: 'data',
          request: window,
          series: data,
          unavailable: ['latencyP95'],
          verdict: performanceVerdict(data, '6h', DEFAULT_THRESHOLDS),
          readAt: '2026-11-30T12:00:05.000Z',
        },
      },
      'en',
    );
    assert.equal(html.match(/<svg /g)?.length, 6);
    assert.match(html, /data-window="6h" aria-pressed="true"/);
    assert.match(html, /data-window="1h" aria-pressed="false"/);
    assert.match(html, /class="verdict state-fail"/);
    assert.match(html, /5xx 50\.0% \(limit 1%\)/);
    assert.match(html, /Request latency p95: not available from this endpoint/);
    assert.match(html, /Requests: 10 in the window/);
    assert.match(html, /read 2026-11-30 12:00:05 UTC/);
  });

  it('no data point in the window: says so and what to do next, no empty charts', () => {
    const html = metricsBodyMarkup(
      {
        serviceName: 'kyudai-api',
        window: '1h',
        state: {
          kind: 'data',
          request: window,
          series: [{ id: 'requests', points: [] }],
          unavailable: [],
          verdict: performanceVerdict([], '1h', DEFAULT_THRESHOLDS),
          readAt: '2026-11-30T12:00:05.000Z',
        },
      },
      'ja',
    );
    assert.doesNotMatch(html, /<svg/);
    assert.match(html, /直近 1 時間 のデータポイントがありません/);
    assert.match(html, /data-action="refresh"/);
  });

  it('a refused GetMetricData names the missing permission and offers the IAM policy', () => {
    const problem = metricsProblem({
      name: 'AccessDenied',
      message: 'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: cloudwatch:GetMetricData',
    });
    assert.equal(problem.action, 'openIamHelp');
    assert.match(problem.message.en, /cloudwatch:GetMetricData/);
    const html = metricsBodyMarkup({ serviceName: 's', window: '1h', state: { kind: 'error', problem } }, 'en');
    assert.match(html, /role="alert"/);
    assert.match(html, /data-action="openIamHelp"/);
    assert.match(html, /Add cloudwatch:GetMetricData to the identity&#39;s IAM policy/);
  });

  it("other failures keep AWS's words (escaped) and offer a retry", () => {
    const problem = metricsProblem({ name: 'InternalFailure', message: '<b>boom</b>' });
    assert.equal(problem.action, 'refresh');
    const html = metricsBodyMarkup({ serviceName: 's', window: '1h', state: { kind: 'error', problem } }, 'en');
    assert.match(html, /CloudWatch did not answer: &lt;b&gt;boom&lt;\/b&gt;/);
  });
});

describe('metrics view: the page and its messages', () => {
  it('the page has the nonce CSP: no inline style, our script by nonce only', () => {
    const html = metricsPageHtml({
      cspSource: 'vscode-webview://abc',
      nonce: 'n0nce',
      scriptUri: 'vscode-webview://abc/dist/metricsView.js',
      styleUri: 'vscode-webview://abc/media/metrics.css',
      lang: 'ja',
      title: 'Metrics: a"b',
      body: '<p>x</p>',
    });
    assert.match(
      html,
      /content="default-src 'none'; style-src vscode-webview:\/\/abc; img-src vscode-webview:\/\/abc data:; font-src vscode-webview:\/\/abc; script-src 'nonce-n0nce'; base-uri 'none'; form-action 'none'"/,
    );
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="n0nce" src="vscode-webview:\/\/abc\/dist\/metricsView.js"><\/script>/);
    assert.match(html, /<title>Metrics: a&#34;b<\/title>/);
    assert.doesNotMatch(html, /style="/);
  });

  it("accepts exactly the page's messages", () => {
    assert.deepEqual(parseMetricsMessage({ type: 'window', window: '24h' }), { type: 'window', window: '24h' });
    assert.deepEqual(parseMetricsMessage({ type: 'refresh', extra: 1 }), { type: 'refresh' });
    assert.equal(parseMetricsMessage({ type: 'window', window: '2h' }), undefined);
    assert.equal(parseMetricsMessage({ type: 'runCommand', command: 'x' }), undefined);
    assert.equal(parseMetricsMessage('refresh'), undefined);
    assert.equal(parseMetricsMessage(null), undefined);
  });

  it('the diagram takes a chart tree of known tags and plain attributes only', () => {
    const chart = sparklineSvg([series('requests', [[1, 3]])], window, 'en');
    assert.ok(parseHostMessage({ type: 'metrics', serviceName: 's', summary: 'x', chart }));
    assert.ok(parseHostMessage({ type: 'metrics', serviceName: 's', summary: 'no metrics' }));
    const bad = (c: unknown) => parseHostMessage({ type: 'metrics', serviceName: 's', summary: 'x', chart: c });
    assert.equal(bad({ tag: 'script', attrs: {} }), undefined);
    assert.equal(bad({ tag: 'svg', attrs: { onload: 'alert(1)' } }), undefined);
    assert.equal(bad({ tag: 'svg', attrs: { style: 'x' } }), undefined);
    assert.equal(bad({ tag: 'svg', attrs: {}, children: [{ tag: 'foreignObject', attrs: {} }] }), undefined);
    assert.equal(bad({ tag: 'svg', attrs: { href: 'javascript:x' } }), undefined);
  });
});
