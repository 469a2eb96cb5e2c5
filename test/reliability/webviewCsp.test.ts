import assert from 'node:assert/strict';
import { diagramPageHtml } from '../../src/webviewProtocol/webviewPage';

describe('Reliability: the webview page passes its Content Security Policy', () => {
  // The diagram panel's page as the extension generates it: a nonce on every script, no inline script, style
  // or handler, and a policy without unsafe-inline or unsafe-eval. (A check of the generator; the figure is
  // what the browser reported: test/audit/webviewCsp.test.ts.)
  it('the generated page has a strict CSP with a nonce on every script', () => {
    const nonce = 'dGVzdC1ub25jZS0xMjM0NQ==';
    const html = diagramPageHtml({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      nonce,
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/diagram.css',
      lang: 'en',
      title: 'Network: kyudai-api',
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const problems: string[] = [];
    if (!csp) problems.push('no CSP meta tag');
    if (/unsafe-inline|unsafe-eval/.test(csp)) problems.push('unsafe-inline or unsafe-eval in the policy');
    if (!/default-src 'none'/.test(csp)) problems.push("default-src is not 'none'");
    if (!new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`).test(csp))
      problems.push('script-src is not the nonce');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    if (scripts.length === 0) problems.push('no script');
    for (const [, attrs, body] of scripts) {
      if (!attrs.includes(`nonce="${nonce}"`)) problems.push(`script without the nonce: ${attrs}`);
      if (body.trim()) problems.push('inline script body');
    }
    if (/\son[a-z]+\s*=/i.test(html)) problems.push('inline event handler');
    if (/<style\b|\sstyle\s*=/i.test(html)) problems.push('inline style');
    assert.deepEqual(problems, []);
  });
});
