import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { figure } from '../bench/results';
import { BENCH_TARGETS, missedTargets } from '../bench/targets';

// The build runs before the unit layer in `npm test`; these check what it produced. Run alone without dist/,
// the test builds first (never a skip: the vsix test fails in the same situation).
const root = path.resolve(__dirname, '..', '..', '..');
const dist = path.join(root, 'dist');

describe('bundles', () => {
  before(function () {
    if (['extension.js', 'backend.js', 'analysis.js'].every((f) => existsSync(path.join(dist, f)))) return;
    this.timeout(120_000);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  });

  it('keeps the AWS SDK out of dist/extension.js, which stays under 150 KB', () => {
    const main = readFileSync(path.join(dist, 'extension.js'), 'utf8');
    assert.doesNotMatch(main, /EC2Client|AppRunnerClient|STSClient|@aws-sdk/);
    assert.ok(
      statSync(path.join(dist, 'extension.js')).size < 150 * 1024,
      'the main bundle stays under the 150 KB budget',
    );
    assert.match(main, /require\("\.\/backend\.js"\)/, 'the SDK bundle is required at run time, not inlined');
    assert.match(main, /require\("\.\/analysis\.js"\)/, 'the analysis bundle is required at run time, not inlined');
    assert.doesNotMatch(
      main,
      /proxy-target-ingress-missing|database-url-in-secret/,
      'the analyses (their finding ids) are not inlined',
    );
  });

  it('keeps dist/extension.js within the bench target (test/bench/targets.ts): the main bundle does not grow', () => {
    const kb = statSync(path.join(dist, 'extension.js')).size / 1024;
    assert.ok(
      kb <= BENCH_TARGETS.mainBundleKb,
      `${kb.toFixed(1)} KB > ${BENCH_TARGETS.mainBundleKb} KB: pure analyses belong behind loadAnalysis()`,
    );
    assert.deepEqual(missedTargets({ mainBundleKb: figure([kb]), activateMs: figure([5, 4, 6]) }), []);
    assert.deepEqual(missedTargets({ mainBundleKb: figure([123.4]), activateMs: figure([]) }), [
      'mainBundleKb: 123.4 (target <= 120)',
    ]);
  });

  it('keeps the AWS SDK out of dist/analysis.js, which holds the analyses the views run', () => {
    const analysis = readFileSync(path.join(dist, 'analysis.js'), 'utf8');
    assert.doesNotMatch(analysis, /EC2Client|AppRunnerClient|STSClient|@aws-sdk/);
    const exported = Object.keys(require(path.join(dist, 'analysis.js')) as object);
    for (const name of [
      'buildDiagram',
      'analyzeService',
      'buildLenses',
      'commandPlan',
      'dbHealthSnippet',
      'fixActionFor',
      'diagnosisReportMarkdown',
    ])
      assert.ok(exported.includes(name), name);
  });

  it('puts the SDK clients in dist/backend.js', () => {
    const backend = readFileSync(path.join(dist, 'backend.js'), 'utf8');
    for (const name of ['EC2Client', 'AppRunnerClient', 'STSClient', 'RDSClient', 'CloudWatchLogsClient'])
      assert.match(backend, new RegExp(name));
  });
});
