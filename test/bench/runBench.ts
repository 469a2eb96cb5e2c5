// `npm run bench` (not part of npm test): bundle sizes, activation, tree loading at 20/200/1000 services with
// 50 ms added latency, cached refreshes, CodeLens refresh, diagram rendering and heap, each repeated (median of
// 5 after a warm-up), and the AWS calls of one topology load on the scale seed with 1 and `--vpcs N` VPCs
// (`--only network-reads` runs that part alone). Prints a table with ratios and writes bench-results.json at the repository root.
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { launchChromium } from '../support/browser';
import { testAwsEnvironment } from '../support/localAws';
import { REPO_ROOT, startVsCodeServer, vscodeVersion } from '../support/vscodeServer';
import { measureDiagram } from './diagramBench';
import { networkReadsResults } from './networkReadsBench';
import { BENCH_OUT_ENV, BENCH_TARGETS_ENV, type BenchTarget } from './results';
import { BENCH_TARGETS, missedTargets } from './targets';

// APPRUNNER_VPC_BENCH_SIZES=1000 measures one size only (quicker while working on one figure).
const SIZES = (process.env.APPRUNNER_VPC_BENCH_SIZES ?? '20,200,1000').split(',').map(Number);
const LATENCY_MS = 50;
const PAGE = 20; // ListServices' maximum page size

const size = (file: string): number =>
  existsSync(path.join(REPO_ROOT, file)) ? statSync(path.join(REPO_ROOT, file)).size : NaN;

async function hostMeasurements(targets: BenchTarget[]): Promise<Record<string, number>> {
  const work = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-bench-'));
  const outFile = path.join(work, 'host.json');
  const workspace = path.join(work, 'workspace');
  cpSync(path.join(REPO_ROOT, 'sample-workspace'), workspace, { recursive: true });
  const server = await startVsCodeServer({
    env: {
      ...testAwsEnvironment(work),
      [BENCH_TARGETS_ENV]: JSON.stringify(targets),
      [BENCH_OUT_ENV]: outFile,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    settings: { 'apprunnerVpc.endpointUrl': targets[0].endpoint, 'apprunnerVpc.region': 'ap-northeast-1' },
    logFile: path.join(work, 'server.log'),
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The extension host's console reaches the page's: kept beside the server log for a bench that stalls.
    page.on('console', (m) => appendFileSync(path.join(work, 'console.log'), `${m.type()}: ${m.text()}\n`));
    await page.goto(
      server.workbenchUrl(workspace, {
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'bench', 'hostBench.js'),
      }),
    );
    const deadline = Date.now() + 15 * 60_000;
    while (!existsSync(outFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    if (!existsSync(outFile)) throw new Error(`the host half of the bench did not finish (logs in ${work})`);
    const answer = JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, number> & { error?: string };
    if (answer.error) throw new Error(`the host half of the bench failed: ${answer.error}`);
    return answer;
  } finally {
    await browser.close();
    await server.stop();
  }
}

function row(name: string, value: number | undefined, budget = '', ratio = ''): string {
  // A size left out by APPRUNNER_VPC_BENCH_SIZES has no figure: shown as "-", as in the README's table.
  const shown = value === undefined ? '-' : Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `| ${name.padEnd(26)} | ${shown.padStart(10)} | ${budget.padEnd(26)} | ${ratio.padStart(6)} |`;
}

/** `--vpcs N` (the many-VPC scale seed, default 20) and `--only network-reads` (that part alone). */
export function benchArgs(argv: readonly string[]): { vpcs: number; only?: 'network-reads' } {
  let vpcs = 20;
  let only: 'network-reads' | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vpcs') {
      vpcs = Number(argv[++i]);
      if (!Number.isInteger(vpcs) || vpcs < 2 || vpcs > 200)
        throw new Error('--vpcs takes a whole number from 2 to 200');
    } else if (argv[i] === '--only') {
      if (argv[++i] !== 'network-reads') throw new Error('--only takes network-reads');
      only = 'network-reads';
    } else throw new Error(`unknown bench option ${argv[i]} (known: --vpcs N, --only network-reads)`);
  }
  return { vpcs, only };
}

function networkReadsRows(results: Record<string, number>, vpcs: number): string[] {
  const many = results[`networkReads_${vpcs}vpc`];
  // DescribeVpcAttribute takes one VPC and one attribute (botocore's model): the two DNS attributes are the
  // only per-VPC reads left; everything else is one call per page of an id-filtered Describe*.
  return [
    row('networkReads_1vpc', results.networkReads_1vpc, 'pages, not VPCs'),
    row(
      `networkReads_${vpcs}vpc`,
      many,
      `1vpc + 2 x ${vpcs - 1} VpcAttribute`,
      (many / results.networkReads_1vpc).toFixed(2),
    ),
  ];
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const args = benchArgs(argv);
  if (args.only === 'network-reads') {
    const reads = await networkReadsResults(args.vpcs);
    console.log(
      [
        '| measure                    |      value | budget                     |  ratio |',
        '|----------------------------|-----------:|----------------------------|-------:|',
        ...networkReadsRows(reads, args.vpcs),
      ].join('\n'),
    );
    return;
  }
  execSync('npm run package --silent', { cwd: REPO_ROOT, stdio: 'ignore' });
  const results: Record<string, number> = {
    mainBundleBytes: size('dist/extension.js'),
    sdkBundleBytes: size('dist/backend.js'),
    webviewBundleBytes: size('dist/webview.js'),
    vsixBytes: size('apprunner-vpc.vsix'),
  };
  const sandboxes: Sandbox[] = [];
  try {
    const targets: BenchTarget[] = [];
    for (const n of SIZES) {
      // The scale seed is the runbook world (one service) plus n-1 more, 20 connectors, every third attached.
      const sandbox = await startSandbox({ port: 0, seed: 'scale', services: n - 1, connectors: 20, quiet: true });
      await sandbox.setFaults({ latencyMs: LATENCY_MS });
      sandboxes.push(sandbox);
      targets.push({ n, endpoint: sandbox.endpoint, adminUrl: sandbox.adminUrl });
      // Arithmetic, not measured: under their own prefix so they are never read as measurements.
      const pages = Math.ceil(n / PAGE);
      results[`computedLowerBound_apiCalls_${n}`] = pages + n;
      results[`computedLowerBound_treeMs_${n}`] = pages * LATENCY_MS;
    }
    console.log(
      `Measuring in VS Code ${vscodeVersion()} against sandboxes with ${LATENCY_MS} ms added latency per call...`,
    );
    Object.assign(results, await hostMeasurements(targets));
  } finally {
    for (const s of sandboxes) await s.stop();
  }
  Object.assign(results, await measureDiagram([2, 16, 64]));
  Object.assign(results, await networkReadsResults(args.vpcs));
  writeFileSync(path.join(REPO_ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const kb = (b: number): number => Math.round(b / 102.4) / 10;
  const targeted = { mainBundleKb: kb(results.mainBundleBytes), activateMs: results.activateMs };
  const ratio = (name: keyof typeof BENCH_TARGETS): string => (targeted[name] / BENCH_TARGETS[name]).toFixed(2);
  const lines = [
    '| measure                    |      value | budget                     |  ratio |',
    '|----------------------------|-----------:|----------------------------|-------:|',
    row('mainBundle (KB)', targeted.mainBundleKb, `<= ${BENCH_TARGETS.mainBundleKb}`, ratio('mainBundleKb')),
    row('sdkBundle (KB)', kb(results.sdkBundleBytes), 'lazy, not in activate'),
    row('webviewBundle (KB)', kb(results.webviewBundleBytes), '< 100'),
    row('vsix (KB)', kb(results.vsixBytes)),
    row('activateMs', targeted.activateMs, `<= ${BENCH_TARGETS.activateMs}`, ratio('activateMs')),
    row('bundleLoadMs', results.bundleLoadMs),
    row('activateWithLoadMs', results.activateWithLoadMs),
    row('sdkLoadedDuringActivate', results.sdkLoadedDuringActivate, '0'),
  ];
  for (const n of SIZES) {
    const treeBound = results[`computedLowerBound_treeMs_${n}`];
    const callBound = results[`computedLowerBound_apiCalls_${n}`];
    lines.push(
      row(
        `treeProviderFirstRowsMs_${n}`,
        results[`treeProviderFirstRowsMs_${n}`],
        `<= 1.5 x ${treeBound} (computed bound)`,
        (results[`treeProviderFirstRowsMs_${n}`] / treeBound).toFixed(2),
      ),
    );
    lines.push(row(`treeCompleteMs_${n}`, results[`treeCompleteMs_${n}`]));
    lines.push(
      row(
        `apiCalls_${n}`,
        results[`apiCalls_${n}`],
        `${callBound} (computed) + network reads`,
        (results[`apiCalls_${n}`] / callBound).toFixed(2),
      ),
    );
    lines.push(row(`  of which network reads`, results[`apiCalls_${n}`] - callBound, 'same for every N'));
    lines.push(row(`cachedRefreshCalls_${n}`, results[`cachedRefreshCalls_${n}`], '0'));
  }
  lines.push(row('codeLensAfterChangeMs', results.codeLensAfterChangeMs, '< 100'));
  lines.push(row('codeLensWorkbenchRoundTripMs', results.codeLensWorkbenchRoundTripMs, '(VS Code web, not ours)'));
  for (const n of [2, 16, 64])
    lines.push(row(`diagramRenderMs_${n}`, results[`diagramRenderMs_${n}`], n === 64 ? '< 200' : ''));
  lines.push(row('extHostHeapMb_1000', results.extHostHeapMb_1000));
  lines.push(...networkReadsRows(results, args.vpcs));
  console.log(lines.join('\n'));
  const missed = missedTargets(targeted);
  if (missed.length > 0) console.log(`\nMissed targets (test/bench/targets.ts): ${missed.join('; ')}`);
  console.log('\nbench-results.json written.');
}
