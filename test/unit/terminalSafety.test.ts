// What reaches a terminal: the CLI's text output without control characters, PowerShell's curly quotes, and the
// sso login terminal's folder and Restricted Mode.
import assert from 'node:assert/strict';
import { maskedIo, type CliIo } from '../../src/cli/io';
import { quoteForShell, ssoLoginTerminal } from '../../src/model/common/terminalQuote';
import { contentSecurityPolicy } from '../../src/webviewProtocol/webviewPage';

function capture(): { io: CliIo; out: () => string } {
  let text = '';
  const sink = { write: (t: string) => (text += t) };
  return { io: { stdout: sink, stderr: sink, stdin: process.stdin }, out: () => text };
}

describe('terminal safety', () => {
  it('the CLI drops C0/C1 controls from a hostile application log line, keeping tabs and newlines', () => {
    const { io, out } = capture();
    const hostile =
      '2026-12-07T10:00:00Z\tGET /\x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\ ok\x9b31m\rfake line\n';
    maskedIo(io, []).stdout.write(hostile);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(out(), /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    assert.ok(out().startsWith('2026-12-07T10:00:00Z\tGET /'));
    assert.ok(out().endsWith('fake line\n'));
  });

  it('quotes the curly single quotes PowerShell honours', () => {
    for (const quote of ['\u2018', '\u2019', '\u201A', '\u201B']) {
      const quoted = quoteForShell(`a${quote}; calc; ${quote}`, 'powershell');
      assert.equal(quoted, `'a${quote}${quote}; calc; ${quote}${quote}'`);
    }
  });

  it('opens the sso login terminal in the home folder, and not at all in Restricted Mode', () => {
    assert.deepEqual(ssoLoginTerminal(true, '/home/someone'), { run: true, cwd: '/home/someone' });
    assert.deepEqual(ssoLoginTerminal(false, '/home/someone'), { run: false });
  });

  it("the webviews' CSP forbids <base> and form posts (default-src does not cover them)", () => {
    const csp = contentSecurityPolicy('vscode-webview://x', 'n');
    assert.match(csp, /(^|; )base-uri 'none'(;|$)/);
    assert.match(csp, /(^|; )form-action 'none'(;|$)/);
  });
});
