// Figure markdownInjections: each hostile value (a group Name tag, a CloudTrail user name or event value) put into
// each Markdown document the tool makes, rendered as VS Code's preview renders it; counted when it became a live
// image, link, HTML element, emphasis or heading. Pure: no sandbox.
import assert from 'node:assert/strict';
import { markdownInjections } from '../support/hostileMarkdown';
import { set } from './metrics';

describe('reliability: hostile values in Markdown documents', () => {
  it('no hostile value survives unescaped in any document (markdownInjections)', () => {
    const { tried, survived } = markdownInjections();
    set('markdownInjections', survived.length, tried);
    assert.deepEqual(survived, []);
  });
});
