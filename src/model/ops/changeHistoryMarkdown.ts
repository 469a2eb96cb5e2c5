// The change history as a Markdown document (VS Code's "Show Change History") or plain text lines (the CLI).
import type { Lang } from '../plan/planText';
import type { ChangeRow } from './changeHistory';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function changeHistoryMarkdown(rows: ChangeRow[], subject: string, lang: Lang, lookbackNote?: string): string {
  const title = lang === 'ja' ? `# 変更履歴: ${subject}` : `# Change history: ${subject}`;
  const intro =
    lang === 'ja'
      ? 'CloudTrail のイベント履歴（LookupEvents、管理イベント、直近 90 日）から。新しい順。'
      : 'From CloudTrail event history (LookupEvents, management events, the last 90 days). Newest first.';
  const out = [title, '', intro, ...(lookbackNote ? ['', lookbackNote] : []), ''];
  if (rows.length === 0) {
    out.push(lang === 'ja' ? '記録された変更はありません。' : 'No recorded changes.');
    return `${out.join('\n')}\n`;
  }
  out.push(
    lang === 'ja'
      ? '| いつ | 誰が | 何を | どこから | イベント |'
      : '| When | Who | What changed | From where | Event |',
    '|---|---|---|---|---|',
  );
  for (const r of rows) {
    out.push(
      `| ${cell(r.ago[lang])}<br>${cell(r.time)} | \`${cell(r.who)}\` | ${cell(r.what[lang])} | ${cell(r.from[lang])} | [${cell(r.eventName)}](${r.consoleUrl}) |`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function changeHistoryLines(rows: ChangeRow[], lang: Lang): string[] {
  if (rows.length === 0) return [lang === 'ja' ? '記録された変更はありません。' : 'No recorded changes.'];
  return rows.map(
    (r) => `${r.time}  ${r.ago[lang]}  ${r.who}  ${r.from[lang]}\n    ${r.what[lang]}\n    ${r.consoleUrl}`,
  );
}
