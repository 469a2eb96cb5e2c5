import assert from 'node:assert/strict';
import {
  parseHostMessage,
  parsePanelState,
  parseWebviewMessage,
  UI_STRING_KEYS,
} from '../../src/webviewProtocol/protocol';

describe('diagram protocol: messages are checked on receipt', () => {
  it('accepts the webview messages the panel understands', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'fix', id: 'db-ingress' }), { type: 'fix', id: 'db-ingress' });
    assert.deepEqual(parseWebviewMessage({ type: 'select', id: 'subnet:subnet-0abc' }), {
      type: 'select',
      id: 'subnet:subnet-0abc',
    });
    const rendered = {
      type: 'rendered',
      serviceName: 'kyudai-api',
      nodes: [{ id: 'db', state: 'ok' }],
      edges: [{ id: 'route:subnet:a->nat:n', state: 'broken' }],
      renders: 2,
    };
    assert.deepEqual(parseWebviewMessage(rendered), rendered);
    assert.deepEqual(
      parseWebviewMessage({ type: 'saveSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' })?.type,
      'saveSvg',
    );
  });

  it('drops unknown types, wrong shapes, extra commands and oversized or non-SVG exports', () => {
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'fix' },
      { type: 'fix', id: 'a b' },
      { type: 'fix', id: 'x'.repeat(301) },
      { type: 'rendered', nodes: [{ id: 'db', state: 'fine' }], edges: [], renders: 1 },
      { type: 'saveSvg', svg: '<script>alert(1)</script>' },
      { type: 'saveSvg', svg: `<svg>${'x'.repeat(2_000_001)}</svg>` },
      { type: 'selectService', name: '../etc' },
      { type: 'svg', svg: '<svg></svg>' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
  });

  it('keeps only the known fields of a message', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'fix', id: 'db-ingress', command: 'rm -rf' }), {
      type: 'fix',
      id: 'db-ingress',
    });
  });

  it('the webview accepts init with every UI string, updates and SVG requests only', () => {
    const strings = Object.fromEntries(UI_STRING_KEYS.map((k) => [k, k]));
    assert.equal(parseHostMessage({ type: 'init', strings, language: 'ja' })?.type, 'init');
    assert.equal(parseHostMessage({ type: 'init', strings: { title: 'x' }, language: 'en' }), undefined);
    assert.equal(parseHostMessage({ type: 'update', loading: true })?.type, 'update');
    assert.equal(parseHostMessage({ type: 'update', loading: false, model: { nodes: 'x' } }), undefined);
    assert.deepEqual(parseHostMessage({ type: 'requestSvg', requestId: 3 }), { type: 'requestSvg', requestId: 3 });
    assert.equal(parseHostMessage({ type: 'eval', code: '1' }), undefined);
  });

  it('restores the panel state the serializer saved, ignoring anything else', () => {
    assert.deepEqual(parsePanelState({ serviceName: 'kyudai-api' }), { serviceName: 'kyudai-api' });
    assert.deepEqual(parsePanelState({ serviceName: 3 }), {});
    assert.deepEqual(parsePanelState(undefined), {});
  });
});
