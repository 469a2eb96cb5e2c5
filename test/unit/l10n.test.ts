import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { loadBundles } from '../../src/l10nBundles';
import { languageOf, languages, localize, msg, registerBundle } from '../../src/model/l10n/text';
import { changeHistoryLines, changeHistoryMarkdown } from '../../src/model/ops/changeHistoryMarkdown';

const root = path.resolve(__dirname, '..', '..', '..');

// Every `vscode.l10n.t` string in src/vscode, as VS Code's own extractor finds it, has a Japanese translation.
describe('localisation', () => {
  it('translates every vscode.l10n.t string into Japanese', function () {
    this.timeout(60_000);
    const out = mkdtempSync(path.join(tmpdir(), 'l10n-'));
    execFileSync(
      path.join(root, 'node_modules', '.bin', 'vscode-l10n-dev'),
      ['export', '--outDir', out, path.join(root, 'src', 'vscode')],
      { stdio: 'ignore' },
    );
    const english = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const japanese = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<
      string,
      string
    >;
    const keys = Object.keys(english);
    assert.ok(keys.length >= 20);
    const missing = keys.filter((key) => typeof japanese[key] !== 'string' || !japanese[key].trim());
    assert.deepEqual(missing, [], `untranslated strings: ${missing.join(' | ')}`);
  });
});

// The one translator of model, engine and CLI text (src/model/l10n/text.ts) over the same bundle files.
describe('localisation of model text', () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
  const parsed = () =>
    sourceFiles(path.join(root, 'src')).map((file) =>
      ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
    );

  it('translates every msg() text into Japanese, and leaves no inline { en, ja } pair in src', function () {
    this.timeout(60_000); // parses every source file
    const japanese = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<
      string,
      string
    >;
    const keys: string[] = [];
    const pairs: string[] = [];
    for (const sf of parsed()) {
      const visit = (node: ts.Node): void => {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'msg' &&
          node.arguments[0]
        ) {
          const first = node.arguments[0];
          if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) keys.push(first.text);
          else pairs.push(`${path.relative(root, sf.fileName)}: msg() with a computed key`);
        }
        if (ts.isObjectLiteralExpression(node)) {
          const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
          if (names.includes('en') && names.includes('ja'))
            pairs.push(
              `${path.relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
            );
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    assert.ok(keys.length >= 300, `found only ${keys.length} msg() texts`);
    const missing = [...new Set(keys)].filter((key) => typeof japanese[key] !== 'string' || !japanese[key].trim());
    assert.deepEqual(missing, [], `untranslated msg() texts: ${missing.join(' | ')}`);
    // Every text goes through msg() and the bundles: an object with both `en` and `ja` (a literal pair, or
    // `{ en, ja }` built from a helper's parameters) is a translation the bundles do not hold.
    assert.deepEqual(pairs, [], 'inline { en, ja } pairs (node scripts/codemods/l10n.mjs converts most)');
  });

  it('picks no language in code: no en/ja branch, so a third language is a bundle file only', () => {
    // What the renderers used to write: `lang === 'ja' ? ... : ...`, `language.startsWith('ja')`, a type of
    // exactly en and ja. src/model/l10n/text.ts (the translator) and src/l10nBundles.ts (which finds the
    // folder by its Japanese bundle) are the two places that may name a language.
    const allowed = new Set(['src/model/l10n/text.ts', 'src/l10nBundles.ts']);
    const branch = /(===|!==)\s*'ja'|'ja'\s*(===|!==)|startsWith\('ja'\)|'en'\s*\|\s*'ja'|\/\^ja\//;
    const offenders = parsed()
      .filter((sf) => !allowed.has(path.relative(root, sf.fileName)))
      .flatMap((sf) =>
        sf.text
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(root, sf.fileName)}:${i + 1}` }))
          .filter(({ line }) => branch.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    assert.deepEqual(offenders, []);
    assert.ok(branch.test("lang === 'ja' ? 'a' : 'b'") && branch.test("env.language.startsWith('ja')"));
  });

  it('speaks a third language from a bundle file alone (fixture: a German stub of four strings)', () => {
    const langs = loadBundles(path.join(root, 'test', 'unit', 'fixtures', 'l10n'));
    assert.deepEqual(langs, ['de']);
    try {
      assert.ok(languages().includes('de'));
      assert.equal(languageOf('de-CH'), 'de');
      const failed = msg('{0} failed: {1}', msg('skipped'), 'Access denied');
      assert.equal(localize(failed, 'de'), 'übersprungen fehlgeschlagen: Access denied');
      assert.equal(localize(failed, 'ja'), 'スキップ に失敗しました: Access denied');
      assert.equal(failed.en, 'skipped failed: Access denied');
      // A text the stub does not translate falls back to English, never to a key or to nothing.
      assert.equal(localize(msg('not checked'), 'de-AT'), 'not checked');
      // A renderer that used to branch on en/ja (`lang === 'ja' ? '# 変更履歴: …' : '# Change history: …'`)
      // speaks German from the bundle alone; the line the stub leaves out stays English.
      const history = changeHistoryMarkdown([], 'kyudai-api', 'de').split('\n');
      assert.equal(history[0], '# Änderungsverlauf: kyudai-api');
      assert.match(history[2], /^From CloudTrail event history/);
      assert.ok(history.includes('Keine aufgezeichneten Änderungen.'));
      assert.deepEqual(changeHistoryLines([], 'de'), ['Keine aufgezeichneten Änderungen.']);
      assert.equal(changeHistoryMarkdown([], 'kyudai-api', 'ja').split('\n')[0], '# 変更履歴: kyudai-api');
    } finally {
      registerBundle('de', {})();
    }
    assert.equal(languageOf('de-CH'), 'en');
    assert.deepEqual(Object.keys(msg('skipped')).sort(), ['en', 'ja']);
  });

  it('the codemod turns a pair into msg() with the same arguments in both languages', async function () {
    this.timeout(30_000); // loads the TypeScript compiler
    const { convertPair, pairOf } = (await import(
      pathToFileURL(path.join(root, 'scripts', 'codemods', 'l10n.mjs')).href
    )) as {
      convertPair: (
        pair: unknown,
        sf: ts.SourceFile,
      ) => { key?: string; ja?: string; args?: string[]; reason?: string };
      pairOf: (node: ts.Node) => unknown;
    };
    const convert = (code: string) => {
      const sf = ts.createSourceFile('x.ts', `const x = ${code};`, ts.ScriptTarget.Latest, true);
      const init = (sf.statements[0] as ts.VariableStatement).declarationList.declarations[0].initializer!;
      return convertPair(pairOf(init), sf);
    };
    assert.deepEqual(convert('{ en: `${step.title.en} failed: ${n}`, ja: `${n} で ${step.title.ja} に失敗` }'), {
      key: '{0} failed: {1}',
      ja: '{1} で {0} に失敗',
      args: ['step.title', 'n'],
    });
    assert.deepEqual(convert("{ ja: '既定', en: 'default' }"), { key: 'default', ja: '既定', args: [] });
    assert.match(convert('{ en: `a ${x}`, ja: `b ${y}` }').reason ?? '', /ja uses \$\{y\}/);
    assert.match(convert('{ en: text, ja: text }').reason ?? '', /not a string or template literal/);
  });
});
