// The checklist as Markdown for a team's records: the runbook's three headings, `- [x]` for passed items and
// `- [ ]` for everything else with its state spelled out, so a reviewer sees what was checked by a program.
import type { ChecklistItem, ChecklistSection, ChecklistState } from './checklist';

export type Lang = 'en' | 'ja';

const HEADINGS: Record<ChecklistSection, Record<Lang, string>> = {
  initial: { en: 'Initial setup', ja: '初期設定時' },
  periodic: { en: 'Periodic checks', ja: '定期確認項目' },
  change: { en: 'When changing', ja: '変更時の注意点' },
};

const STATES: Record<ChecklistState, Record<Lang, string>> = {
  pass: { en: 'pass', ja: '確認済み' },
  fail: { en: 'FAIL', ja: '要対応' },
  unknown: { en: 'unknown', ja: '不明' },
  manual: { en: 'check by hand', ja: '手動確認' },
};

function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]])/g, '\\$1');
}

export function checklistToMarkdown(
  items: readonly ChecklistItem[],
  lang: Lang,
  meta: { title?: string; generatedAt?: string } = {},
): string {
  const lines: string[] = [`# ${meta.title ?? (lang === 'ja' ? '運用チェックリスト' : 'Operations checklist')}`];
  if (meta.generatedAt) lines.push('', `${lang === 'ja' ? '作成日時' : 'Generated'}: ${meta.generatedAt}`);
  for (const section of ['initial', 'periodic', 'change'] as const) {
    const inSection = items.filter((i) => i.section === section);
    if (inSection.length === 0) continue;
    lines.push('', `## ${HEADINGS[section][lang]}`);
    for (const i of inSection) {
      const box = i.state === 'pass' ? '[x]' : '[ ]';
      const checked = i.lastChecked
        ? (lang === 'ja' ? ` 最終確認 ${i.lastChecked.at}（${escapeInline(i.lastChecked.by.ja)}）。` : ` Last checked ${i.lastChecked.at} by ${escapeInline(i.lastChecked.by.en)}.`)
        : '';
      lines.push(`- ${box} ${escapeInline(i.title[lang])} (${STATES[i.state][lang]}): ${escapeInline(i.detail[lang])}${checked}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
