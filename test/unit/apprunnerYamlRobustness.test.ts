// Malformed input never throws, and every problem range stays inside the text (VS Code rejects others).
// A small deterministic fuzzer: cut, duplicate, swap and retype characters of valid files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keyPathAt, parseApprunnerYaml, type TextRange } from '../../src/model/apprunnerYaml';
import { CORPUS } from './fixtures/apprunnerYaml/cases';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SEEDS = [
  readFileSync(path.join(REPO_ROOT, 'sample-workspace/apprunner.yaml'), 'utf8'),
  readFileSync(path.join(REPO_ROOT, 'test/unit/fixtures/apprunnerYaml/node-express.yaml'), 'utf8'),
  ...CORPUS.map((c) => c.yaml),
];
const NOISE = [
  ':',
  '-',
  ' ',
  '\n',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '!!int',
  '#',
  '|',
  '>',
  '? ',
  '---',
  '\r\n',
  '日本',
];

/** Park-Miller: the same "random" mutations on every run, so a failure can be reproduced. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.3) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
  if (choice < 0.6) return text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at);
  if (choice < 0.8) return text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
  return text.slice(at) + text.slice(0, at);
}

function inside(range: TextRange, lines: string[]): boolean {
  const endsAfterStart =
    range.endLine > range.startLine || (range.endLine === range.startLine && range.endCol >= range.startCol);
  const startOk =
    range.startLine >= 0 &&
    range.startLine < lines.length &&
    range.startCol >= 0 &&
    range.startCol <= lines[range.startLine].length;
  const endOk = range.endLine < lines.length && range.endCol <= lines[range.endLine].length;
  return endsAfterStart && startOk && endOk;
}

describe('apprunner.yaml robustness', () => {
  it('survives 3000 mutated files without throwing, with every range inside the text', () => {
    const next = generator(20261128);
    for (let i = 0; i < 3000; i++) {
      let text = SEEDS[i % SEEDS.length];
      const rounds = 1 + Math.floor(next() * 4);
      for (let r = 0; r < rounds; r++) text = mutate(text, next);
      const lines = text.split(/\r\n|\r|\n/);
      const { problems } = parseApprunnerYaml(text);
      for (const problem of problems) {
        assert.ok(
          inside(problem.range, lines),
          `case ${i}: ${problem.code} ${JSON.stringify(problem.range)} outside:\n${text}`,
        );
        assert.ok(problem.message.en && problem.message.ja, `case ${i}: ${problem.code} has both languages`);
      }
      const line = Math.floor(next() * lines.length);
      keyPathAt(text, line, Math.floor(next() * (lines[line].length + 1)));
    }
  });

  it('handles odd whole inputs: binary noise, a huge line, deep nesting, CRLF', () => {
    const odd = [
      '\u0000\u0001\u0002',
      `version: 1.0\nruntime: ${'x'.repeat(100000)}\n`,
      `${'['.repeat(500)}${']'.repeat(500)}`,
      'version: 1.0\r\nruntime: python311\r\nbuild:\r\n  commands:\r\n    build:\r\n      - pip3 install -r requirements.txt\r\nrun:\r\n  command: python app.py\r\n',
      '%YAML 1.2\n---\nversion: 1.0\n',
      'version: &v 1.0\nruntime: *v\n',
    ];
    for (const text of odd) assert.doesNotThrow(() => parseApprunnerYaml(text), JSON.stringify(text.slice(0, 40)));
    // CRLF files are as valid as LF files.
    assert.deepEqual(parseApprunnerYaml(odd[3]).problems, []);
    // A lone \r ends a line for VS Code, so positions after it must count it as one.
    // (yaml reads '# old\rversion: 1.0' as one comment line; the editor shows two lines.)
    const crOnly = parseApprunnerYaml('# old\rversion: 1.0\nruntime: nope\n').problems.find(
      (p) => p.code === 'unknown-runtime',
    );
    assert.deepEqual(crOnly?.range, { startLine: 2, startCol: 9, endLine: 2, endCol: 13 });
  });
});
