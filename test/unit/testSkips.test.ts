// `npm test`'s skip rule (scripts/test-skips.mjs) on mocha's own spec output: each skipped test with the reason
// printed before it, the allow-list, and the closing line's text. A skip not on the list is what fails CI.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Skip {
  title: string;
  reason?: string;
}
interface Group {
  allowed: boolean;
  reason: string;
  titles: string[];
}
interface SkipsModule {
  layerSkips(output: string, skippedCount: number): Skip[];
  judgeSkips(skips: Skip[]): { allowed: Group[]; notAllowed: Group[] };
  skipsText(judged: { allowed: Group[]; notAllowed: Group[] }): string;
}

const root = path.resolve(__dirname, '..', '..', '..');
const load = async (): Promise<SkipsModule> =>
  (await import(pathToFileURL(path.join(root, 'scripts', 'test-skips.mjs')).href)) as SkipsModule;

// As mocha's spec reporter prints it (colours included), with the tests' "skipped: <reason>" lines.
const OUTPUT = [
  "  db-health snippets: each one compiles or parses with its language's tool",
  '    \x1b[32m✔\x1b[0m python (python3)',
  '      skipped: gofmt is not on this machine (Debian package golang-go)',
  '\x1b[36m    - go (gofmt)\x1b[0m',
  '    ✔ java (javac) (812ms)',
  '      skipped: set IAC_PARITY_BASH=all to run the bash export against apply on mysql too (about a minute per seed)',
  '    - mysql: the bash export, run with the aws CLI, leaves the groups, rules and connector apply leaves',
  '      skipped: set IAC_PARITY_BASH=all to run the bash export against apply on secrets too (about a minute per seed)',
  '    - secrets: the bash export, run with the aws CLI, leaves the groups, rules and connector apply leaves',
  '    ✔ runbook: the bash export (20s)',
  '    - a test skipped without a word',
  '',
  '  3 passing (1m)',
  '  4 pending',
].join('\n');

describe('npm test: skips', () => {
  it('finds each skipped test with the reason printed before it', async () => {
    const { layerSkips } = await load();
    const skips = layerSkips(OUTPUT, 4);
    assert.deepEqual(
      skips.map((s) => [s.title.split(':')[0], s.reason?.split(' ')[0]]),
      [
        ['go (gofmt)', 'gofmt'],
        ['mysql', 'set'],
        ['secrets', 'set'],
        ['a test skipped without a word', undefined],
      ],
    );
    assert.equal(layerSkips(OUTPUT, 6).length, 6, 'more skipped than listed: the rest count, without a reason');
  });

  it('allows only the listed reasons; the rest are named as not allowed in CI, reasons in the closing text', async () => {
    const { layerSkips, judgeSkips, skipsText } = await load();
    const judged = judgeSkips(layerSkips(OUTPUT, 4));
    assert.deepEqual(
      judged.allowed.map((g) => g.titles.length),
      [2],
    );
    assert.deepEqual(
      judged.notAllowed.map((g) => [g.reason, g.titles.length]),
      [
        ['gofmt is not on this machine (Debian package golang-go)', 1],
        ['no reason printed', 1],
      ],
    );
    const text = skipsText(judged);
    assert.match(text, /allowed: 2 \(the bash export is run against apply on 4 of the seeds/);
    assert.match(text, /not allowed in CI: 1 \(gofmt is not on this machine .*\), 1 \(no reason printed\)/);
    assert.equal(skipsText(judgeSkips([])), '');
  });
});
