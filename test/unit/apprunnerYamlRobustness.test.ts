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

/** One fuzz case: the mutated text and the position keyPathAt is asked about. */
interface FuzzCase {
  text: string;
  lines: string[];
  line: number;
  col: number;
}

/** The 3000 cases, made up front from one seeded generator: the same texts and positions on every run. */
function fuzzCases(count: number): FuzzCase[] {
  const next = generator(20261128);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    let text = SEEDS[i % SEEDS.length];
    const rounds = 1 + Math.floor(next() * 4);
    for (let r = 0; r < rounds; r++) text = mutate(text, next);
    const lines = text.split(/\r\n|\r|\n/);
    const line = Math.floor(next() * lines.length);
    cases.push({ text, lines, line, col: Math.floor(next() * (lines[line].length + 1)) });
  }
  return cases;
}

const CASES = 3000;
/**
 * Cases per test: each test parses a slice, so no test's time grows with the corpus (3000 parses take seconds
 * on a loaded machine, and a single test would hit mocha's timeout there, whatever the code does).
 */
const SLICE = 150;

describe('apprunner.yaml robustness', () => {
  const cases = fuzzCases(CASES);
  for (let from = 0; from < CASES; from += SLICE) {
    it(`survives mutated files ${from + 1}-${from + SLICE} of ${CASES} without throwing, with every range inside the text`, () => {
      cases.slice(from, from + SLICE).forEach(({ text, lines, line, col }, k) => {
        const i = from + k;
        const { problems } = parseApprunnerYaml(text);
        for (const problem of problems) {
          assert.ok(
            inside(problem.range, lines),
            `case ${i}: ${problem.code} ${JSON.stringify(problem.range)} outside:\n${text}`,
          );
          assert.ok(problem.message.en && problem.message.ja, `case ${i}: ${problem.code} has both languages`);
        }
        keyPathAt(text, line, col);
      });
    });
  }

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
