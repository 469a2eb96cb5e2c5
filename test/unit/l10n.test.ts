import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

// Every `vscode.l10n.t` string in src/vscode, as VS Code's own extractor finds it, has a Japanese translation.
describe('localisation', () => {
  it('translates every vscode.l10n.t string into Japanese', function () {
    this.timeout(60_000);
    const out = mkdtempSync(path.join(tmpdir(), 'l10n-'));
    execFileSync(path.join(root, 'node_modules', '.bin', 'vscode-l10n-dev'), ['export', '--outDir', out, path.join(root, 'src', 'vscode')], { stdio: 'ignore' });
    const english = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const japanese = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    const keys = Object.keys(english);
    assert.ok(keys.length >= 20);
    const missing = keys.filter((key) => typeof japanese[key] !== 'string' || !japanese[key].trim());
    assert.deepEqual(missing, [], `untranslated strings: ${missing.join(' | ')}`);
  });
});
