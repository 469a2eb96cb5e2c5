// A plan as a readable Markdown document (each step, each rule, each API call), shown before Apply.
import type { Lang } from './planText';
import type { Plan } from './planSteps';

const TEXT = {
  en: {
    steps: 'Steps',
    warnings: 'Warnings',
    notes: 'Notes',
    check: 'check, changes nothing',
    none: 'No changes: everything is already in place.',
    call: 'API call',
    apply: 'Choose **Apply** in the dialog to run these steps, or **Cancel** to change nothing.',
  },
  ja: {
    steps: 'ステップ',
    warnings: '警告',
    notes: '補足',
    check: '確認のみ、変更なし',
    none: '変更なし: すべて設定済みです。',
    call: 'API 呼び出し',
    apply: 'ダイアログで **適用** を選ぶとこのステップを実行します。**キャンセル** なら何も変更しません。',
  },
} as const;

function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``;
}

export function planMarkdown(title: string, plan: Plan, lang: Lang): string {
  const t = TEXT[lang];
  const lines = [`# ${title}`, ''];
  if (!plan.steps.some((s) => s.mutating)) lines.push(t.none, '');
  if (plan.steps.length > 0) {
    lines.push(`## ${t.steps}`, '');
    plan.steps.forEach((step, i) => {
      lines.push(`${i + 1}. **${step.title[lang]}**${step.mutating ? '' : ` (${t.check})`}`);
      lines.push(`   - ${t.call}: ${code(step.apiCall.action)}`);
      for (const [key, value] of Object.entries(step.apiCall.params)) {
        lines.push(`     - ${key}: ${code(Array.isArray(value) ? value.join(', ') : String(value))}`);
      }
    });
    lines.push('');
  }
  if (plan.warnings.length > 0) {
    lines.push(`## ${t.warnings}`, '', ...plan.warnings.map((w) => `- ⚠ ${w.message[lang]}`), '');
  }
  if (plan.notes.length > 0) lines.push(`## ${t.notes}`, '', ...plan.notes.map((n) => `- ${n[lang]}`), '');
  if (plan.steps.some((s) => s.mutating)) lines.push(t.apply, '');
  return lines.join('\n');
}
