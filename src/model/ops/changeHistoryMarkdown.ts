// The change history as a Markdown document (VS Code's "Show Change History") or plain text lines (the CLI).
import type { ChangeRow } from './changeHistory';
import { type Lang, type Localized, localize, msg } from '../l10n/text';
import { markdownCell as cell, markdownCode, markdownLink } from '../common/markdownText';

export function changeHistoryMarkdown(rows: ChangeRow[], subject: string, lang: Lang, lookbackNote?: string): string {
  const t = (text: Localized): string => localize(text, lang);
  const title = `# ${cell(t(msg('Change history: {0}', subject)))}`;
  const intro = t(
    msg('From CloudTrail event history (LookupEvents, management events, the last 90 days). Newest first.'),
  );
  const out = [title, '', intro, ...(lookbackNote ? ['', cell(lookbackNote)] : []), ''];
  if (rows.length === 0) {
    out.push(t(msg('No recorded changes.')));
    return `${out.join('\n')}\n`;
  }
  out.push(
    `| ${[msg('When'), msg('Who'), msg('What changed'), msg('From where'), msg('Event')].map(t).join(' | ')} |`,
    '|---|---|---|---|---|',
  );
  for (const r of rows) {
    out.push(
      `| ${cell(t(r.ago))}<br>${cell(r.time)} | ${markdownCode(r.who)} | ${cell(t(r.what))} | ${cell(t(r.from))} | ${markdownLink(r.eventName, r.consoleUrl)} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function changeHistoryLines(rows: ChangeRow[], lang: Lang): string[] {
  const t = (text: Localized): string => localize(text, lang);
  if (rows.length === 0) return [t(msg('No recorded changes.'))];
  return rows.map((r) => `${r.time}  ${t(r.ago)}  ${r.who}  ${t(r.from)}\n    ${t(r.what)}\n    ${r.consoleUrl}`);
}
