// The Service Metrics view's content as markup: the window picker, the charts, the checklist's
// verdict, and the empty and error states with a next step. Pure, so a unit test reads exactly what the panel
// shows; src/webviewProtocol/metricsPage.ts wraps it in the page with its CSP, src/vscode/metrics shows it.
import type { LocalizedText } from './diagnosis';
import { type Lang, localize, msg } from '../l10n/text';
import { CHART_PANELS, chartSvg, formatValue, seriesLast, seriesTotal, svgMarkup } from './metricsChart';
import {
  METRIC_WINDOWS,
  type MetricRequest,
  type MetricSeries,
  type MetricWindow,
  type PerformanceVerdict,
} from './metrics';

/** Why the view has no charts, and what the user can do about it. */
export interface MetricsProblem {
  message: LocalizedText;
  nextStep: LocalizedText;
  /** A button for the next step: retry, or open the IAM part of the README. */
  action?: 'refresh' | 'openIamHelp';
}

export type MetricsViewState =
  | { kind: 'loading' }
  | { kind: 'error'; problem: MetricsProblem }
  | {
      kind: 'data';
      request: Pick<MetricRequest, 'startTime' | 'endTime'>;
      series: MetricSeries[];
      /** Series the endpoint could not compute (a percentile the sandbox's moto lacks): said, not drawn as empty. */
      unavailable: string[];
      verdict: PerformanceVerdict;
      readAt: string;
    };

export interface MetricsViewInput {
  serviceName: string;
  window: MetricWindow;
  state: MetricsViewState;
}

const WINDOW_LABEL: Record<MetricWindow, LocalizedText> = {
  '1h': msg('1 hour'),
  '6h': msg('6 hours'),
  '24h': msg('24 hours'),
  '7d': msg('7 days'),
};

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A GetMetricData failure as the view explains it: a missing permission names the action and where to add it. */
export function metricsProblem(error: { name?: string; message?: string }): MetricsProblem {
  const text = `${error.name ?? ''} ${error.message ?? ''}`;
  if (/AccessDenied|UnauthorizedOperation|not authorized/i.test(text)) {
    return {
      message: msg('Missing permission: this identity may not call cloudwatch:GetMetricData.'),
      nextStep: msg(
        'Add cloudwatch:GetMetricData to the identity\'s IAM policy (the README\'s "IAM policy" lists every action), then Refresh.',
      ),
      action: 'openIamHelp',
    };
  }
  if (/ExpiredToken|InvalidClientTokenId|UnrecognizedClient|credentials/i.test(text)) {
    return {
      message: msg('The AWS credentials were refused: {0}', error.message ?? error.name ?? ''),
      nextStep: msg('Sign in again (for SSO: aws sso login) or select another profile, then Refresh.'),
      action: 'refresh',
    };
  }
  return {
    message: msg('CloudWatch did not answer: {0}', error.message ?? error.name ?? ''),
    nextStep: msg('Check the connection and the region, then Refresh.'),
    action: 'refresh',
  };
}

function toolbar(input: MetricsViewInput, lang: Lang): string {
  const buttons = METRIC_WINDOWS.map(
    (w) =>
      `<button type="button" class="window" data-window="${w}" aria-pressed="${w === input.window}">${esc(localize(WINDOW_LABEL[w], lang))}</button>`,
  ).join('');
  return `<header role="toolbar">
  <h1>${esc(input.serviceName)}</h1>
  <span class="windows" role="group" aria-label="${esc(localize(msg('Window'), lang))}">${buttons}</span>
  <button type="button" id="refresh" data-action="refresh">${esc(localize(msg('Refresh'), lang))}</button>
</header>`;
}

function problemMarkup(problem: MetricsProblem, lang: Lang): string {
  const action =
    problem.action === 'openIamHelp'
      ? `<button type="button" data-action="openIamHelp">${esc(localize(msg('Show the IAM permissions'), lang))}</button>`
      : problem.action === 'refresh'
        ? `<button type="button" data-action="refresh">${esc(localize(msg('Refresh'), lang))}</button>`
        : '';
  return `<section class="problem" role="alert">
  <p class="message">${esc(localize(problem.message, lang))}</p>
  <p class="next-step">${esc(localize(problem.nextStep, lang))}</p>
  ${action}
</section>`;
}

function verdictMarkup(verdict: PerformanceVerdict, lang: Lang): string {
  const state = localize({ pass: msg('pass'), fail: msg('fail'), unknown: msg('unknown') }[verdict.state], lang);
  return `<p class="verdict state-${verdict.state}" id="verdict"><strong>${esc(localize(msg('Performance metrics reviewed'), lang))}: ${esc(state)}</strong> ${esc(localize(verdict.detail, lang))}</p>`;
}

function chartsMarkup(state: Extract<MetricsViewState, { kind: 'data' }>, lang: Lang): string {
  return CHART_PANELS.map((panel) => {
    const svg = svgMarkup(chartSvg(panel, state.series, state.request, { width: 480, height: 120, lang }));
    const legend = panel.series
      .map((s) => {
        const unavailable = state.unavailable.includes(s.id);
        const last = seriesLast(state.series, s.id);
        const total = panel.unit === 'count' && panel.id !== 'instances' ? seriesTotal(state.series, s.id) : undefined;
        const figure = unavailable
          ? localize(msg('not available from this endpoint'), lang)
          : total !== undefined
            ? localize(msg('{0} in the window', formatValue(total, panel.unit)), lang)
            : last !== undefined
              ? localize(msg('latest {0}', formatValue(last, panel.unit)), lang)
              : localize(msg('no data'), lang);
        return `<li class="${s.cls}"><span class="swatch"></span>${esc(localize(s.label, lang))}: ${esc(figure)}</li>`;
      })
      .join('');
    return `<figure class="panel" data-panel="${panel.id}">
  <figcaption>${esc(localize(panel.title, lang))}</figcaption>
  ${svg}
  <ul class="legend">${legend}</ul>
</figure>`;
  }).join('\n');
}

/** The view's body below the toolbar, for the state it is in. */
export function metricsBodyMarkup(input: MetricsViewInput, lang: Lang): string {
  const head = toolbar(input, lang);
  const { state } = input;
  if (state.kind === 'loading') {
    return `${head}\n<p id="status" role="status">${esc(localize(msg('Reading CloudWatch metrics...'), lang))}</p>`;
  }
  if (state.kind === 'error') return `${head}\n${problemMarkup(state.problem, lang)}`;
  const points = state.series.reduce((n, s) => n + s.points.length, 0);
  const source = msg('From CloudWatch (AWS/AppRunner), read {0} UTC.', state.readAt.slice(0, 19).replace('T', ' '))[
    lang
  ];
  if (points === 0) {
    return `${head}
<section class="empty" role="status">
  <p class="message">${esc(localize(msg('No data points in the last {0}.', WINDOW_LABEL[input.window]), lang))}</p>
  <p class="next-step">${esc(localize(msg('App Runner publishes these metrics while the service serves requests: open the service URL or choose a longer window, then Refresh.'), lang))}</p>
  <button type="button" data-action="refresh">${esc(localize(msg('Refresh'), lang))}</button>
</section>
<p class="source">${esc(source)}</p>`;
  }
  return `${head}
${verdictMarkup(state.verdict, lang)}
<div class="charts">
${chartsMarkup(state, lang)}
</div>
<p class="source">${esc(source)}</p>`;
}
