// `npm test`: build, typecheck (tsc also compiles the tests to out/), lint, then every test layer:
// unit, sandbox, host (real VS Code), e2e (Chromium on the workbench), reliability (figures in
// reliability-results.json), then the audit of what those layers reported (audit-results.json). Prints one
// closing line with the totals of all layers; exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { preflight } from './test-preflight.mjs';
import { clearShardReports, mergeShardReports, mochaArgs, shardCount, shardFiles } from './test-shards.mjs';
import { judgeSkips, layerSkips, skipsText } from './test-skips.mjs';

const layers = [
  { name: 'build', cmd: ['node', 'scripts/build.mjs'], gate: true },
  { name: 'compile+typecheck', cmd: ['npx', 'tsc', '-p', 'tsconfig.json'], gate: true },
  { name: 'typecheck webview', cmd: ['npx', 'tsc', '-p', 'tsconfig.webview.json'], gate: true },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  { name: 'unit', cmd: ['npx', 'mocha', '--config', '.mocharc.unit.json'], mocha: true },
  // The layers from here on wait on the sandbox's latency far more than they compute (each has a sandbox of its
  // own), so they can run in two lanes side by side (NPM_TEST_LANES=1; docs/development.md, "How long npm test
  // takes").
  {
    name: 'sandbox',
    cmd: ['npx', 'mocha', '--config', '.mocharc.sandbox.json'],
    mocha: true,
    shards: true,
    lane: 'sandbox',
  },
  { name: 'reliability', cmd: ['npx', 'mocha', '--config', '.mocharc.reliability.json'], mocha: true, lane: 'sandbox' },
  { name: 'host', cmd: ['node', 'scripts/run-host-tests.mjs'], host: true, lane: 'browser' },
  // The same host tests on the current VS Code (docs/compatibility.md): the newest code-server from npm. Only
  // when named (TEST_LAYERS=...,host-current) until its extension host runs the tests (docs/compatibility.md,
  // "Current VS Code: not yet in npm test").
  {
    name: 'host (current VS Code)',
    only: 'host-current',
    optIn: true,
    cmd: ['node', 'scripts/run-host-tests.mjs', '--vscode=current'],
    host: true,
    lane: 'browser',
  },
  { name: 'e2e', cmd: ['npx', 'mocha', '--config', '.mocharc.e2e.json'], mocha: true, lane: 'browser' },
  // Last: reads what the layers above reported (test-results/), so each of them also runs alone.
  { name: 'audit', cmd: ['npx', 'mocha', '--config', '.mocharc.audit.json'], mocha: true },
];
const only = process.env.TEST_LAYERS?.split(',');

/** Runs a command, echoing its output as it comes (`live`) or keeping it for the caller to print. */
function run(cmd, { live = true, env: extra = {} } = {}) {
  return new Promise((resolve) => {
    // Node 20 is supported here until the SDK drops it; its yearly reminder is noise in test output.
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...extra };
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk;
      if (live) stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The sandbox layer as shards side by side (scripts/test-shards.mjs): the first shard's output streams, the
 * others' follow when they end; the mocha counts are added up below from the joined output.
 */
async function runSharded(layer, live) {
  const count = shardCount();
  const shards = count > 1 ? shardFiles('out/test/sandbox', count) : [];
  if (shards.length < 2) return run(layer.cmd, { live });
  clearShardReports('test-results', 'aws-operations-sandbox');
  const config = layer.cmd[layer.cmd.indexOf('--config') + 1];
  const runs = shards.map((shard, i) => {
    const label = `--- ${layer.name} shard ${i + 1}/${shards.length}: ${shard.files.length} files, about ${shard.seconds} s`;
    console.log(i === 0 && live ? label : `${label} (its output follows${live ? " the first shard's" : ''})`);
    return run(['npx', ...mochaArgs(config, shard.files)], {
      live: live && i === 0,
      env: { APPRUNNER_VPC_TEST_SHARD: String(i + 1) },
    }).then((r) => ({ ...r, label }));
  });
  const results = await Promise.all(runs);
  let shown = '';
  for (const r of live ? results.slice(1) : results) shown += `\n${r.label}\n${r.output}`;
  if (live) process.stdout.write(shown);
  mergeShardReports('test-results', 'aws-operations-sandbox');
  const code = results.some((r) => r.code !== 0) ? 1 : 0;
  return { code, output: live ? results.map((r) => r.output).join('\n') : shown };
}

function counts(layer, output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  if (layer.mocha) {
    // Every "N passing" line counts (a sharded layer prints one per shard).
    const n = (word) =>
      [...plain.matchAll(new RegExp(`^ {2}(\\d+) ${word}\\b`, 'gm'))].reduce((t, m) => t + Number(m[1]), 0);
    return { passed: n('passing'), failed: n('failing'), skipped: n('pending') };
  }
  if (layer.host) {
    // One line per window the host layer opens (the main suite, the quiet-start window).
    const all = [...plain.matchAll(/host: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
    if (!all.length) return { passed: 0, failed: 1, skipped: 0 };
    return all.reduce(
      (t, m) => ({
        passed: t.passed + Number(m[1]),
        failed: t.failed + Number(m[2]),
        skipped: t.skipped + Number(m[3] ?? 0),
      }),
      { passed: 0, failed: 0, skipped: 0 },
    );
  }
  return undefined;
}

// Chromium, ripgrep, moto and the AWS CLI: installed when we may, else one message now, not minutes of failures.
const wanted = (name) => !only || only.includes(name);
const problems = preflight({
  browser: wanted('host') || wanted('host-current') || wanted('e2e'),
  sandbox: ['sandbox', 'host', 'host-current', 'e2e', 'reliability'].some(wanted),
});
if (problems.length) {
  console.error(
    `npm test cannot run every layer on this machine. Run first:\n  ${problems.join('\n  ')}\n(Or run one layer: npm run test:unit, test:sandbox, test:reliability; see docs/development.md, "Requirements".)`,
  );
  process.exit(1);
}

const key = (layer) => layer.only ?? layer.name;

/** Runs one layer; with `live` false its output is printed in one piece when it ends (lanes side by side). */
async function runLayer(layer, live) {
  const header = `\n=== ${layer.name}: ${layer.cmd.join(' ')}`;
  if (live) console.log(header);
  const started = Date.now();
  const { code, output } = layer.shards ? await runSharded(layer, live) : await run(layer.cmd, { live });
  const seconds = (Date.now() - started) / 1000;
  if (!live) {
    console.log(`${header} (ran beside another lane; ended after ${seconds.toFixed(0)} s)`);
    process.stdout.write(output);
  }
  return { layer, code, output, seconds };
}

/**
 * The layers in order; consecutive layers with a `lane` form a group whose lanes run side by side, each lane's
 * layers one after the other.
 */
const sideBySide = process.env.NPM_TEST_LANES === '1';

async function runAll(selected) {
  const results = [];
  for (let i = 0; i < selected.length;) {
    const layer = selected[i];
    if (!layer.lane) {
      const r = await runLayer(layer, true);
      results.push(r);
      i++;
      if (r.code !== 0 && layer.gate) break;
      continue;
    }
    const group = [];
    while (i < selected.length && selected[i].lane) group.push(selected[i++]);
    // Side by side only with NPM_TEST_LANES=1 until two measured runs show it is not flaky
    // (docs/development.md, "How long npm test takes"); otherwise one lane, the layers in order.
    const laneOf = (l) => (sideBySide ? l.lane : 'one');
    const lanes = [...new Set(group.map(laneOf))];
    const live = lanes.length === 1;
    if (!live)
      console.log(
        `\n=== side by side: ${lanes
          .map((lane) =>
            group
              .filter((l) => laneOf(l) === lane)
              .map((l) => l.name)
              .join(' then '),
          )
          .join(' | ')}`,
      );
    const laneResults = await Promise.all(
      lanes.map(async (lane) => {
        const out = [];
        for (const l of group.filter((g) => laneOf(g) === lane)) out.push(await runLayer(l, live));
        return out;
      }),
    );
    const byLayer = new Map(laneResults.flat().map((r) => [r.layer, r]));
    results.push(...group.map((l) => byLayer.get(l)));
  }
  return results;
}

const summary = [];
let failedSteps = 0;
const total = { passed: 0, failed: 0, skipped: 0 };
const skips = [];
const runStarted = Date.now();
for (const { layer, code, output, seconds } of await runAll(
  layers.filter((l) => (only ? only.includes(key(l)) : !l.optIn)),
)) {
  const c = counts(layer, output);
  if (c) for (const k of Object.keys(total)) total[k] += c[k];
  if (c?.skipped) skips.push(...layerSkips(output, c.skipped));
  if (code !== 0) failedSteps++;
  if (c && code !== 0 && c.failed === 0) total.failed++; // a layer that crashed counts as one failure
  summary.push(
    `${layer.name.padEnd(22)} ${code === 0 ? 'ok  ' : 'FAIL'} ${seconds.toFixed(0).padStart(4)} s${layer.lane && sideBySide ? ` (${layer.lane} lane)` : ''}${c ? `  ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}` : ''}`,
  );
}
summary.push(`${'whole run'.padEnd(22)}      ${((Date.now() - runStarted) / 1000).toFixed(0).padStart(4)} s`);
console.log('\n=== summary');
for (const line of summary) console.log(line);
const judged = judgeSkips(skips);
for (const g of judged.notAllowed) console.log(`skipped, ${g.reason}:\n  ${g.titles.join('\n  ')}`);
// In CI a skip not on the allow-list (scripts/test-skips.mjs) fails the run.
const skipFails = process.env.CI && judged.notAllowed.length > 0;
console.log(
  `\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}${skipsText(judged)}`,
);
process.exitCode = failedSteps || skipFails ? 1 : 0;
