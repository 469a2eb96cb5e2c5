// One term per concept in the Japanese UI, as AWS's Japanese documentation writes it: every string VS Code
// shows (the l10n bundle, package.nls.ja.json) and the model's Japanese texts (plans, findings, reports).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const PRODUCT_NAME = /App Runner VPC Connector/g;

/** term -> forbidden variants (what a translator might write instead). */
const GLOSSARY: { term: string; forbidden: RegExp; why: string }[] = [
  {
    term: 'VPC コネクタ',
    forbidden: /VPC ?Connector|VPC ?コネクター|VPCコネクタ/,
    why: 'AWS documentation: VPC コネクタ',
  },
  {
    term: 'アタッチ (attach)',
    forbidden: /(コネクタ|コネクタ\S*)を適用|コネクタの適用/,
    why: '適用 is apply; attach is アタッチ',
  },
  {
    term: '？ (one question mark)',
    forbidden: /[\u3040-\u30ff\u4e00-\u9faf]\?/,
    why: 'full-width ？ after Japanese text',
  },
  { term: 'no runbook chapters in the UI', forbidden: /手順書\s*\d+\s*章/, why: 'users do not have our runbook' },
];

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}

function uiStrings(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const file of ['l10n/bundle.l10n.ja.json', 'package.nls.ja.json']) {
    const values = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(values)) out.push({ where: `${file} ${key}`, text });
  }
  for (const file of filesBelow(path.join(root, 'src', 'model')).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/ja: ?(['`])((?:[^'`\\]|\\.)*)\1/g))
      out.push({ where: path.relative(root, file), text: m[2] });
  }
  return out;
}

describe('Japanese glossary', () => {
  const strings = uiStrings();

  it('reads the UI strings and the model texts', () => {
    assert.ok(strings.length > 200, `${strings.length} strings`);
  });

  for (const entry of GLOSSARY) {
    it(`${entry.term} everywhere (${entry.why})`, () => {
      const offenders = strings.filter((s) => entry.forbidden.test(s.text.replace(PRODUCT_NAME, '')));
      assert.deepEqual(
        offenders.map((o) => `${o.where}: ${o.text}`),
        [],
      );
    });
  }

  it('the glossary catches each forbidden variant (so a test that passes means something)', () => {
    const samples = [
      'VPC Connector を作成',
      'VPC コネクターを削除',
      'コネクタを適用',
      '削除しますか?',
      '手順書 9 章のチェックリスト',
    ];
    samples.forEach((sample, i) =>
      assert.ok(
        GLOSSARY[Math.min(i, GLOSSARY.length - 1)].forbidden.test(sample) ||
          GLOSSARY.some((g) => g.forbidden.test(sample)),
        sample,
      ),
    );
  });
});
