// The apprunner.yaml validator over the corpus in fixtures/apprunnerYaml: every case must produce exactly
// the listed problems, at the listed positions, with the listed wording, in both languages.
import assert from 'node:assert/strict';
import { parseApprunnerYaml } from '../../src/model/apprunnerYaml';
import { CORPUS } from './fixtures/apprunnerYaml/cases';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('apprunner.yaml validator corpus', () => {
  it('has at least 25 cases with unique names', () => {
    assert.ok(CORPUS.length >= 25, `only ${CORPUS.length} cases`);
    assert.equal(new Set(CORPUS.map((c) => c.name)).size, CORPUS.length);
  });

  for (const testCase of CORPUS) {
    it(testCase.name, () => {
      const { problems } = parseApprunnerYaml(testCase.yaml);
      const summary = problems.map((p) => `${p.code}@${p.range.startLine}:${p.range.startCol} ${p.message.en}`);
      assert.deepEqual(
        problems.map((p) => p.code),
        testCase.problems.map((p) => p.code),
        `problems were:\n${summary.join('\n')}`,
      );
      testCase.problems.forEach((expected, index) => {
        const actual = problems[index];
        assert.equal(actual.severity, expected.severity, `${expected.code} severity`);
        assert.deepEqual(
          [actual.range.startLine, actual.range.startCol],
          [expected.line, expected.col],
          `${expected.code} position`,
        );
        assert.ok(
          actual.message.en.includes(expected.includes),
          `"${actual.message.en}" should include "${expected.includes}"`,
        );
        assert.match(actual.message.ja, JAPANESE, `Japanese message for ${expected.code}`);
        assert.doesNotMatch(
          actual.message.ja,
          /\b(a|an|the) (string|list|mapping|number|boolean)\b/,
          'no English fragments in Japanese',
        );
        const { startLine, startCol, endLine, endCol } = actual.range;
        assert.ok(endLine > startLine || (endLine === startLine && endCol >= startCol), 'range ends after it starts');
      });
    });
  }
});
