import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

// `npm run package` builds the .vsix from exactly the files `vsce ls` lists: bundles, media, translations,
// schemas and docs, never sources, tests, node_modules or the sandbox.
/** What `vsce ls` would package (the build ran before the unit layer: see bundles.test.ts). */
function packagedFiles(): string[] {
  return execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

// Strings only the AWS SDK's client code holds (class names and the SDK's own package name).
const SDK_MARKER = /AppRunnerClient|EC2Client|@aws-sdk\//;

describe('the .vsix file list', () => {
  it('holds the bundled files only', function () {
    this.timeout(60_000);
    const files = packagedFiles();
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

  // The extension and the CLI share dist/backend.js (docs/performance.md, "Benchmark": download size): a
  // second bundle with the SDK inlined would double the download again.
  it('carries the AWS SDK once, in dist/backend.js, and the CLI runs over it from the installed files', function () {
    this.timeout(60_000);
    const files = packagedFiles();
    const withSdk = files.filter((f) => f.endsWith('.js') && SDK_MARKER.test(readFileSync(path.join(root, f), 'utf8')));
    assert.deepEqual(withSdk, ['dist/backend.js'], `the AWS SDK is bundled into: ${withSdk.join(', ')}`);
    // The package's files alone, outside the repository (no node_modules, no out/): as a user installs them.
    const installed = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-installed-'));
    try {
      for (const f of files) {
        mkdirSync(path.dirname(path.join(installed, f)), { recursive: true });
        cpSync(path.join(root, f), path.join(installed, f));
      }
      const run = spawnSync(process.execPath, [path.join(installed, 'bin', 'apprunner-vpc.js'), 'plan', '--bogus'], {
        cwd: installed,
        encoding: 'utf8',
        env: {
          ...process.env,
          LANG: 'en_US.UTF-8',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        },
        timeout: 30_000,
      });
      // The argument parser lives in the backend bundle: its answer proves the small entry reached it.
      assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stderr, /--bogus/);
      assert.doesNotMatch(run.stderr, /Cannot find module/);
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  });
});
