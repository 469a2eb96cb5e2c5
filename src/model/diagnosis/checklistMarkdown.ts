// The checklist as Markdown for a team's records: the runbook's three headings, `- [x]` for passed items and
// `- [ ]` for everything else with its state spelled out, so a reviewer sees what was checked by a program.
import type { ChecklistItem, ChecklistSection, ChecklistState } from './checklist';
import { type Lang, type Localized, localize, msg } from '../l10n/text';
import { markdownText as escapeInline } from '../common/markdownText';

export type { Lang };

const HEADINGS: Record<ChecklistSection, Localized> = {
  initial: msg('Initial setup'),
  periodic: msg('Periodic checks'),
  change: msg('When changing'),
};

const STATES: Record<ChecklistState, Localized> = {
  pass: msg('pass'),
  fail: msg('FAIL'),
  unknown: msg('unknown'),
  manual: msg('check by hand'),
};

export function checklistToMarkdown(
  items: readonly ChecklistItem[],
  lang: Lang,
  meta: { title?: string; generatedAt?: string } = {},
): string {
  const t = (text: Localized): string => localize(text, lang);
  const lines: string[] = [`# ${escapeInline(meta.title ?? t(msg('Operations checklist')))}`];
  if (meta.generatedAt) lines.push('', t(msg('Generated: {0}', escapeInline(meta.generatedAt))));
  for (const section of ['initial', 'periodic', 'change'] as const) {
    const inSection = items.filter((i) => i.section === section);
    if (inSection.length === 0) continue;
    lines.push('', `## ${t(HEADINGS[section])}`);
    for (const i of inSection) {
      const box = i.state === 'pass' ? '[x]' : '[ ]';
      const checked = i.lastChecked
        ? t(msg(' Last checked {0} by {1}.', i.lastChecked.at, escapeInline(t(i.lastChecked.by))))
        : '';
      lines.push(
        `- ${box} ${escapeInline(t(i.title))} (${t(STATES[i.state])}): ${escapeInline(t(i.detail))}${checked}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
