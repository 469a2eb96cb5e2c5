// The diagnosis as a readable Markdown document in any bundled language: the verdicts, the problems grouped by path with
// their evidence and fix, what the live checks saw, and the checks that passed collapsed in <details>.
import type { Diagnosis, Finding, FindingPath, Severity, Verdict } from './diagnosis';
import { checkStates } from './diagnosisChecks';
import { problemsOf } from './diagnoseOutcome';
import { fixText } from './fixText';
import type { HttpCheck, LiveChecks, LogCheck } from './liveChecks';
import { type Lang, type Localized, localize, msg } from '../l10n/text';
import { markdownCode as code, markdownLink, markdownText as text } from '../common/markdownText';

export type ReportLang = Lang;
type L = Localized;

const PATHS: Record<FindingPath, L> = {
  database: msg('Service → database'),
  internet: msg('Service → internet (HTTPS 443)'),
  dns: msg('DNS'),
  availability: msg('Availability'),
  security: msg('Security (runbook 8.2)'),
  cost: msg('Cost (runbook 8.3)'),
};
const PATH_ORDER: FindingPath[] = ['database', 'internet', 'dns', 'availability', 'security', 'cost'];
const VERDICTS: Record<Verdict, L> = {
  reachable: msg('✔ reachable'),
  blocked: msg('✘ blocked'),
  unknown: msg('? unknown'),
};
const SEVERITY: Record<Severity, L> = { error: msg('✘ Error'), warning: msg('⚠ Warning'), info: msg('ℹ Info') };

const OUTCOMES: Record<HttpCheck['outcome'], L> = {
  healthy: msg('healthy'),
  unhealthy: msg('unhealthy'),
  unreachable: msg('no answer'),
  skipped: msg('skipped'),
  missing: msg('endpoint missing (add the runbook 6.3 handler)'),
};

function findingLines(f: Finding, lang: ReportLang): string[] {
  const t = (text: Localized): string => localize(text, lang);
  const lines = [`- **${t(SEVERITY[f.severity])}** ${code(f.id)}: ${text(t(f.message))}`];
  for (const e of f.evidence)
    lines.push(`  - ${t(msg('Evidence'))}: ${code(e.id)} (${text(e.kind)}): ${text(e.detail)}`);
  if (f.fix) {
    const label = t(msg('Fix'));
    lines.push(
      f.fix.kind === 'link'
        ? `  - ${label}: ${markdownLink(f.fix.url, f.fix.url)}`
        : `  - ${label}: ${text(t(fixText(f.fix)))} (${code(f.fix.step)})`,
    );
  }
  return lines;
}

function httpLine(title: string, c: HttpCheck, lang: ReportLang): string {
  const target = text(c.url ? `GET ${c.url}` : c.path);
  const outcome = { healthy: '✔', unhealthy: '✘', missing: '✘', unreachable: '✘', skipped: '–' }[c.outcome];
  const status = c.status !== undefined ? ` HTTP ${c.status}` : '';
  const time = c.durationMs !== undefined ? ` (${c.durationMs} ms)` : '';
  const body = c.body !== undefined ? `: ${code(c.body.replace(/\s+/g, ' '))}` : '';
  const error = c.error ? ` ${text(c.error)}` : '';
  return `- ${outcome} **${title}** ${target} → ${localize(OUTCOMES[c.outcome], lang)}${status}${time}${body}${error}`;
}

/** What "Add a db-health endpoint..." would write: the framework and file for the runtime, if known. */
export interface DbHealthOffer {
  framework: string;
  fileName: string;
  runtime?: string;
}

function dbHealthFixLine(offer: DbHealthOffer | undefined, lang: ReportLang): string {
  const label = localize(msg('Fix'), lang);
  const text = offer
    ? msg(
        'Add a db-health endpoint... writes the {0} handler for runtime {1} as {2} (runbook 6.3, database health endpoint)',
        offer.framework,
        offer.runtime ?? '?',
        code(offer.fileName),
      )
    : msg(
        'Add a db-health endpoint... writes the handler for the runtime in apprunner.yaml (runbook 6.3, database health endpoint)',
      );
  return `  - ${label}: ${localize(text, lang)}`;
}

function logLines(c: LogCheck, lang: ReportLang): string[] {
  const t = (text: Localized): string => localize(text, lang);
  const title = t(msg('Application log'));
  const group = c.logGroup ? code(c.logGroup) : '';
  if (!c.scan) return [`- – **${title}** ${group}: ${c.outcome}${c.error ? ` (${text(c.error)})` : ''}`];
  const s = c.scan;
  const mark = s.errorLines > 0 ? '✘' : s.connectedLineSeen ? '✔' : '?';
  const connected = s.connectedLineSeen
    ? t(msg('"Successfully connected to database" seen ({0})', text(s.lastConnectedAt ?? '')))
    : t(msg('no "Successfully connected to database"'));
  const counts = t(
    msg(
      '{0} error line(s) in the current deployment, {1} before it ({2} events read)',
      s.errorLines,
      s.earlierErrorLines,
      s.eventsScanned,
    ),
  );
  const truncated = c.truncated
    ? [
        `  - ⚠ ${t(
          c.truncated.reason === 'time'
            ? msg(
                'Truncated: reading stopped after {0} pages (time limit); the newest lines may be missing.',
                c.truncated.pages,
              )
            : msg(
                'Truncated: reading stopped after {0} pages (page limit); the newest lines may be missing.',
                c.truncated.pages,
              ),
        )}`,
      ]
    : [];
  return [
    `- ${mark} **${title}** ${group}: ${connected}; ${counts}`,
    ...truncated,
    ...s.errors.map((e) => `  - ${text(e.at)}: ${code(e.message)}`),
  ];
}

export function diagnosisReportMarkdown(
  d: Diagnosis,
  live: LiveChecks | undefined,
  lang: ReportLang,
  meta: {
    generatedAt?: string;
    target?: string;
    /** The db-health handler offered for the runtime in apprunner.yaml, when the DB health path answered 404. */
    dbHealthSnippet?: DbHealthOffer;
  } = {},
): string {
  const t = (text: Localized): string => localize(text, lang);
  const out: string[] = [`# ${t(msg('Connectivity diagnosis: {0}', text(d.serviceName)))}`, ''];
  if (meta.generatedAt || meta.target) out.push(text([meta.target, meta.generatedAt].filter(Boolean).join(' · ')), '');
  const problems = problemsOf(d, live);
  out.push(
    problems.found
      ? `**${t(msg('Problems found'))}** (${text(problems.reasons.join('; '))})`
      : `**${t(msg('No problems found'))}**`,
    '',
  );
  out.push(`| ${t(msg('Path'))} | ${t(msg('Verdict'))} |`, '|---|---|');
  for (const p of ['database', 'internet', 'dns'] as const)
    out.push(`| ${t(PATHS[p])} | ${t(VERDICTS[d.verdicts[p]])} |`);
  const facts = [
    d.connectorArn &&
      t(
        d.connectorAttached
          ? msg('Connector: {0}', code(d.connectorArn))
          : msg('Connector: {0} (not attached)', code(d.connectorArn)),
      ),
    d.dbInstanceId && t(msg('Database: {0}:{1}', code(d.dbInstanceId), text(String(d.dbPort ?? '?')))),
    d.vpcId && `VPC: ${code(d.vpcId)}`,
  ].filter(Boolean);
  if (facts.length > 0) out.push('', facts.join(' · '));

  const shown = d.findings.filter((f) => f.severity !== 'info');
  out.push('', `## ${t(msg('Problems ({0})', shown.length))}`);
  if (shown.length === 0) out.push('', t(msg('No errors or warnings.')));
  for (const path of PATH_ORDER) {
    const inPath = shown.filter((f) => f.path === path);
    if (inPath.length === 0) continue;
    out.push('', `### ${t(PATHS[path])}`, '', ...inPath.flatMap((f) => findingLines(f, lang)));
  }
  if (live) {
    out.push(
      '',
      `## ${t(msg('Live checks'))}`,
      '',
      httpLine(t(msg('Health')), live.health, lang),
      httpLine(t(msg('DB health')), live.dbHealth, lang),
      ...(live.dbHealth.outcome === 'missing' ? [dbHealthFixLine(meta.dbHealthSnippet, lang)] : []),
      ...logLines(live.logs, lang),
    );
  }
  const info = d.findings.filter((f) => f.severity === 'info');
  const notes = d.notes ?? [];
  if (info.length + notes.length > 0) {
    out.push(
      '',
      `<details><summary>${t(msg('Notes ({0})', info.length + notes.length))}</summary>`,
      '',
      ...info.flatMap((f) => findingLines(f, lang)),
      ...notes.map((n) => `- ${text(t(n))}`),
      '',
      '</details>',
    );
  }
  const states = checkStates(d);
  const passed = states.filter((s) => s.state === 'passed');
  const skipped = states.filter((s) => s.state === 'not-checked');
  out.push('', `<details><summary>${t(msg('Passed checks ({0}/{1})', passed.length, states.length))}</summary>`, '');
  out.push(...passed.map((s) => `- ✔ ${t(PATHS[s.check.path])}: ${t(s.check.title)}`));
  out.push(...skipped.map((s) => `- – ${t(PATHS[s.check.path])}: ${t(s.check.title)} (${t(msg('not checked'))})`));
  out.push('', '</details>', '');
  return out.join('\n');
}
