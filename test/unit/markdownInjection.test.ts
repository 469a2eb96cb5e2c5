// AWS-controlled values (group Name tags, CloudTrail user names and event values, health URLs) in each Markdown
// document render as literal text in VS Code's preview: no image, link, HTML element or emphasis comes from them.
import assert from 'node:assert/strict';
import { markdownCode, markdownLink, markdownText } from '../../src/model/common/markdownText';
import { HOSTILE_DOCUMENTS, HOSTILE_MARKDOWN, liveMarkup } from '../support/hostileMarkdown';

describe('Markdown documents with hostile AWS values', () => {
  for (const doc of HOSTILE_DOCUMENTS) {
    it(`${doc.name}: every hostile value renders as literal text`, () => {
      const baseline = new Set(liveMarkup(doc.build('plain')));
      for (const value of HOSTILE_MARKDOWN) {
        const md = doc.build(value);
        assert.deepEqual(
          liveMarkup(md).filter((m) => !baseline.has(m)),
          [],
          `${JSON.stringify(value)} in:\n${md}`,
        );
      }
    });
  }

  it('the hostile values would be live without the escaping (the check can fail)', () => {
    for (const value of HOSTILE_MARKDOWN) assert.ok(liveMarkup(`- ${value}`).length > 0, value);
  });

  it('markdownText keeps the visible text: what the preview shows is the value itself', () => {
    const value = '![x](https://evil.example/p.png) <b>a|b</b> *c* 10.0.0.1';
    const shown = liveMarkup(`- ${markdownText(value)}`);
    assert.deepEqual(shown, []);
    assert.match(markdownText(value), /10\.0\.0\.1/);
    assert.equal(markdownText('a\nb'), 'a b');
  });

  it('markdownCode and markdownLink: a code span cannot be closed, only https URLs become links', () => {
    assert.equal(markdownCode('a`b|c\nd'), "`a'b\\|c d`");
    assert.equal(markdownLink('x', 'javascript:alert(1)'), 'x');
    assert.equal(markdownLink('e', 'https://h/p(1)'), '[e](<https://h/p%281%29>)');
  });
});
