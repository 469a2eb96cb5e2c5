import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

// `npm run package` builds the .vsix from exactly the files `vsce ls` lists: bundles, media, translations,
// schemas and docs, never sources, tests, node_modules or the sandbox.
describe('the .vsix file list', () => {
  it('holds the bundled files only', function () {
    this.timeout(60_000);
    const files = execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // Every bundle the extension requires at run time must be in the package.
    for (const bundle of [
      'dist/extension.js',
      'dist/backend.js',
      'dist/analysis.js',
      'dist/yamlSupport.js',
      'dist/webview.js',
      'dist/metricsView.js',
    ])
      assert.ok(files.includes(bundle), bundle);
    assert.ok(files.includes('package.json'));
    const allowed =
      /^(package(\.nls(\.ja)?)?\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(extension|backend|analysis|cli|webview|metricsView|yamlSupport)\.js|bin\/[\w-]+\.js|media\/[\w./-]+|l10n\/[\w.-]+\.json|schemas\/[\w.-]+\.json|docs\/[\w.-]+\.(md|json))$/;
    for (const file of files) assert.match(file, allowed, `${file} must not be packaged`);
  });
});
