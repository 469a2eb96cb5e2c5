// The diagnosis as a readable Markdown document (en or ja): the verdicts, the problems grouped by path with
// their evidence and fix, what the live checks saw, and the checks that passed collapsed in <details>.
import type { Diagnosis, Finding, FindingPath, Severity, Verdict } from './diagnosis';
import { checkStates } from './diagnosisChecks';
import { problemsOf } from './diagnoseOutcome';
import { fixText } from './fixText';
import type { HttpCheck, LiveChecks, LogCheck } from './liveChecks';
import { msg } from '../l10n/text';

export type ReportLang = 'en' | 'ja';
type L = Record<ReportLang, string>;

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

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

function findingLines(f: Finding, lang: ReportLang): string[] {
  const lines = [`- **${SEVERITY[f.severity][lang]}** ${code(f.id)}: ${f.message[lang]}`];
  for (const e of f.evidence)
    lines.push(`  - ${lang === 'ja' ? '根拠' : 'Evidence'}: ${code(e.id)} (${e.kind}): ${e.detail}`);
  if (f.fix) {
    const label = lang === 'ja' ? '修正' : 'Fix';
    lines.push(
      f.fix.kind === 'link'
        ? `  - ${label}: <${f.fix.url}>`
        : `  - ${label}: ${fixText(f.fix)[lang]} (${code(f.fix.step)})`,
    );
  }
  return lines;
}

function httpLine(title: string, c: HttpCheck, lang: ReportLang): string {
  const target = c.url ? `GET ${c.url}` : c.path;
  const outcome = { healthy: '✔', unhealthy: '✘', missing: '✘', unreachable: '✘', skipped: '–' }[c.outcome];
  const status = c.status !== undefined ? ` HTTP ${c.status}` : '';
  const time = c.durationMs !== undefined ? ` (${c.durationMs} ms)` : '';
  const body = c.body !== undefined ? `: ${code(c.body.replace(/\s+/g, ' '))}` : '';
  const error = c.error ? ` ${c.error}` : '';
  return `- ${outcome} **${title}** ${target} → ${OUTCOMES[c.outcome][lang]}${status}${time}${body}${error}`;
}

/** What "Add a db-health endpoint..." would write: the framework and file for the runtime, if known. */
export interface DbHealthOffer {
  framework: string;
  fileName: string;
  runtime?: string;
}

function dbHealthFixLine(offer: DbHealthOffer | undefined, lang: ReportLang): string {
  const label = lang === 'ja' ? '修正' : 'Fix';
  const text = offer
    ? msg(
        'Add a db-health endpoint... writes the {0} handler for runtime {1} as {2} (runbook 6.3)',
        offer.framework,
        offer.runtime ?? '?',
        code(offer.fileName),
      )
    : msg('Add a db-health endpoint... writes the handler for the runtime in apprunner.yaml (runbook 6.3)');
  return `  - ${label}: ${text[lang]}`;
}

function logLines(c: LogCheck, lang: ReportLang): string[] {
  const title = lang === 'ja' ? 'アプリケーションログ' : 'Application log';
  const group = c.logGroup ? code(c.logGroup) : '';
  if (!c.scan) return [`- – **${title}** ${group}: ${c.outcome}${c.error ? ` (${c.error})` : ''}`];
  const s = c.scan;
  const mark = s.errorLines > 0 ? '✘' : s.connectedLineSeen ? '✔' : '?';
  const connected = s.connectedLineSeen
    ? lang === 'ja'
      ? `"Successfully connected to database" あり（${s.lastConnectedAt}）`
      : `"Successfully connected to database" seen (${s.lastConnectedAt})`
    : lang === 'ja'
      ? '"Successfully connected to database" なし'
      : 'no "Successfully connected to database"';
  const counts =
    lang === 'ja'
      ? `現在のデプロイのエラー行 ${s.errorLines}、それ以前 ${s.earlierErrorLines}（${s.eventsScanned} 件を確認）`
      : `${s.errorLines} error line(s) in the current deployment, ${s.earlierErrorLines} before it (${s.eventsScanned} events read)`;
  const truncated = c.truncated
    ? [
        lang === 'ja'
          ? `  - ⚠ 読み取りを ${c.truncated.pages} ページで打ち切りました（${c.truncated.reason === 'time' ? '時間' : 'ページ数'}の上限）。最新の行が含まれていない可能性があります。`
          : `  - ⚠ Truncated: reading stopped after ${c.truncated.pages} pages (${c.truncated.reason === 'time' ? 'time' : 'page'} limit); the newest lines may be missing.`,
      ]
    : [];
  return [
    `- ${mark} **${title}** ${group}: ${connected}; ${counts}`,
    ...truncated,
    ...s.errors.map((e) => `  - ${e.at}: ${code(e.message)}`),
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
  const ja = lang === 'ja';
  const out: string[] = [`# ${ja ? '接続診断' : 'Connectivity diagnosis'}: ${d.serviceName}`, ''];
  if (meta.generatedAt || meta.target) out.push(`${[meta.target, meta.generatedAt].filter(Boolean).join(' · ')}`, '');
  const problems = problemsOf(d, live);
  out.push(
    problems.found
      ? `**${ja ? '問題が見つかりました' : 'Problems found'}** (${problems.reasons.join('; ')})`
      : `**${ja ? '問題は見つかりませんでした' : 'No problems found'}**`,
    '',
  );
  out.push(`| ${ja ? '経路' : 'Path'} | ${ja ? '判定' : 'Verdict'} |`, '|---|---|');
  for (const p of ['database', 'internet', 'dns'] as const)
    out.push(`| ${PATHS[p][lang]} | ${VERDICTS[d.verdicts[p]][lang]} |`);
  const facts = [
    d.connectorArn &&
      `${ja ? 'コネクタ' : 'Connector'}: ${code(d.connectorArn)}${d.connectorAttached ? '' : ja ? '（未適用）' : ' (not attached)'}`,
    d.dbInstanceId && `${ja ? 'データベース' : 'Database'}: ${code(d.dbInstanceId)}:${d.dbPort ?? '?'}`,
    d.vpcId && `VPC: ${code(d.vpcId)}`,
  ].filter(Boolean);
  if (facts.length > 0) out.push('', facts.join(' · '));

  const shown = d.findings.filter((f) => f.severity !== 'info');
  out.push('', `## ${ja ? '問題' : 'Problems'} (${shown.length})`);
  if (shown.length === 0) out.push('', ja ? 'エラーや警告はありません。' : 'No errors or warnings.');
  for (const path of PATH_ORDER) {
    const inPath = shown.filter((f) => f.path === path);
    if (inPath.length === 0) continue;
    out.push('', `### ${PATHS[path][lang]}`, '', ...inPath.flatMap((f) => findingLines(f, lang)));
  }
  if (live) {
    out.push(
      '',
      `## ${ja ? 'ライブチェック' : 'Live checks'}`,
      '',
      httpLine(ja ? 'ヘルスチェック' : 'Health', live.health, lang),
      httpLine(ja ? 'DB ヘルスチェック' : 'DB health', live.dbHealth, lang),
      ...(live.dbHealth.outcome === 'missing' ? [dbHealthFixLine(meta.dbHealthSnippet, lang)] : []),
      ...logLines(live.logs, lang),
    );
  }
  const info = d.findings.filter((f) => f.severity === 'info');
  const notes = d.notes ?? [];
  if (info.length + notes.length > 0) {
    out.push(
      '',
      `<details><summary>${ja ? '参考情報' : 'Notes'} (${info.length + notes.length})</summary>`,
      '',
      ...info.flatMap((f) => findingLines(f, lang)),
      ...notes.map((n) => `- ${n[lang]}`),
      '',
      '</details>',
    );
  }
  const states = checkStates(d);
  const passed = states.filter((s) => s.state === 'passed');
  const skipped = states.filter((s) => s.state === 'not-checked');
  out.push(
    '',
    `<details><summary>${ja ? '合格したチェック' : 'Passed checks'} (${passed.length}/${states.length})</summary>`,
    '',
  );
  out.push(...passed.map((s) => `- ✔ ${PATHS[s.check.path][lang]}: ${s.check.title[lang]}`));
  out.push(
    ...skipped.map(
      (s) => `- – ${PATHS[s.check.path][lang]}: ${s.check.title[lang]} (${ja ? '未確認' : 'not checked'})`,
    ),
  );
  out.push('', '</details>', '');
  return out.join('\n');
}
