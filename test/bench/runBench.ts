// `npm run bench` (not part of npm test): bundle and .vsix sizes; activation; the tree at 20/200/1,000/5,000
// services with 50 ms added latency (first rows, complete, calls, cached refresh, heap), at 1,000 also with 30 %
// of calls throttled; the first CodeLens of a linked apprunner.yaml in a 1,000-service account and the lens
// refresh after a change; the installed CLI's plan (time and reads) at 20/1,000/5,000 and against the AWS CLI;
// diagram rendering; the network reads of one topology load with 1 and `--vpcs N` VPCs. Each size runs in its
// own VS Code session within its own limit, so a size that fails or stalls leaves its figures null and the run
// goes on. docs/performance.md ("Benchmark") describes the options and every figure. Writes bench-results.json.
import { execSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { launchChromium } from '../support/browser';
import { testAwsEnvironment } from '../support/localAws';
import { REPO_ROOT, startVsCodeServer, vscodeVersion } from '../support/vscodeServer';
import { installPackage, measureCliPlan, measureCliVsAwsCli } from './cliBench';
import { measureDiagram } from './diagramBench';
import { networkReadsResults } from './networkReadsBench';
import {
  ALL_SIZES,
  BENCH_OUT_ENV,
  BENCH_PLAN_ENV,
  CLI_SIZES,
  DIAGRAM_SIZES,
  figure,
  figureNames,
  lensAfterChangeSizeOf,
  type BenchTarget,
  type Figures,
  type HostAnswer,
  type HostPlan,
} from './results';
import { evaluateTargets, LATENCY_MS, LIST_PAGE, treeBoundMs } from './targets';
import { withTimeout } from './timeout';

const MINUTE = 60_000;
const ACTIVATION_SAMPLES = 5;
const CLI_SAMPLES = 5;
const LENS_SESSIONS = 3;

/** APPRUNNER_VPC_BENCH_SIZES=20,1000 measures those sizes only (the others' figures are null). */
export function benchSizes(env: NodeJS.ProcessEnv = process.env): number[] {
  const raw = env.APPRUNNER_VPC_BENCH_SIZES?.trim();
  if (!raw) return [...ALL_SIZES];
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  const unknown = sizes.filter((n) => !(ALL_SIZES as readonly number[]).includes(n));
  if (unknown.length)
    throw new Error(`APPRUNNER_VPC_BENCH_SIZES: ${unknown.join(', ')} (known: ${ALL_SIZES.join(', ')})`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** Loads per size: 5 up to 200 services, 3 from 1,000 (APPRUNNER_VPC_BENCH_REPEATS overrides). */
function repeatsFor(n: number): number {
  const forced = Number(process.env.APPRUNNER_VPC_BENCH_REPEATS);
  if (Number.isInteger(forced) && forced > 0) return forced;
  return n <= 200 ? 5 : 3;
}

/** The longest one tree load (or one CLI plan) of n services may take: 1 minute plus 200 ms per service. */
const loadTimeoutMs = (n: number): number => MINUTE + n * 200;

const size = (file: string): number =>
  existsSync(path.join(REPO_ROOT, file)) ? statSync(path.join(REPO_ROOT, file)).size / 1024 : NaN;

/** One VS Code session running hostBench.ts with `plan`, started on the lobby account, within `limitMs`. */
async function hostSession(plan: HostPlan, lobby: Sandbox, limitMs: number, what: string): Promise<HostAnswer> {
  const work = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-bench-'));
  const outFile = path.join(work, 'host.json');
  const workspace = path.join(work, 'workspace');
  cpSync(path.join(REPO_ROOT, 'sample-workspace'), workspace, { recursive: true });
  const server = await withTimeout(
    startVsCodeServer({
      env: {
        ...testAwsEnvironment(work),
        [BENCH_PLAN_ENV]: JSON.stringify(plan),
        [BENCH_OUT_ENV]: outFile,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      settings: { 'apprunnerVpc.endpointUrl': lobby.endpoint, 'apprunnerVpc.region': 'ap-northeast-1' },
      logFile: path.join(work, 'server.log'),
    }),
    2 * MINUTE,
    `the VS Code server (${what})`,
  );
  try {
    const browser = await withTimeout(launchChromium(), MINUTE, `Chromium (${what})`);
    try {
      const page = await browser.newPage();
      // The extension host's console reaches the page's: kept beside the server log for a session that stalls.
      page.on('console', (m) => appendFileSync(path.join(work, 'console.log'), `${m.type()}: ${m.text()}\n`));
      await withTimeout(
        page.goto(
          server.workbenchUrl(workspace, {
            extensionDevelopmentPath: REPO_ROOT,
            extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'bench', 'hostBench.js'),
          }),
        ),
        2 * MINUTE,
        `the workbench page (${what})`,
      );
      const deadline = Date.now() + limitMs;
      while (!existsSync(outFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      if (!existsSync(outFile))
        throw new Error(
          `bench: ${what} did not finish within its limit of ${Math.round(limitMs / MINUTE)} min (logs in ${work})`,
        );
      return JSON.parse(readFileSync(outFile, 'utf8')) as HostAnswer;
    } finally {
      await browser.close().catch(() => undefined);
    }
  } finally {
    await server.stop();
  }
}

/** `--vpcs N` (the many-VPC scale seed, default 20) and `--only network-reads` (that part alone). */
type OnlyPart = 'network-reads' | 'codelens';

export function benchArgs(argv: readonly string[]): { vpcs: number; only?: OnlyPart } {
  let vpcs = 20;
  let only: OnlyPart | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vpcs') {
      vpcs = Number(argv[++i]);
      if (!Number.isInteger(vpcs) || vpcs < 2 || vpcs > 200)
        throw new Error('--vpcs takes a whole number from 2 to 200');
    } else if (argv[i] === '--only') {
      const part = argv[++i];
      if (part !== 'network-reads' && part !== 'codelens') throw new Error('--only takes network-reads or codelens');
      only = part;
    } else throw new Error(`unknown bench option ${argv[i]} (known: --vpcs N, --only network-reads|codelens)`);
  }
  return { vpcs, only };
}

/** Collects samples per figure and what failed; a failing part is recorded, never the end of the run. */
class Collector {
  readonly samples: Record<string, number[]> = {};
  readonly errors: string[] = [];

  /** Also printed as they come, so a run stopped part-way still shows what it measured. */
  add(samples: Record<string, number[]>): void {
    for (const [name, values] of Object.entries(samples)) {
      (this.samples[name] ??= []).push(...values);
      console.log(`bench:   ${name}: ${values.map((v) => Math.round(v * 10) / 10).join(', ')}`);
    }
  }

  async part(what: string, body: () => Promise<Record<string, number[]> | void>): Promise<void> {
    const started = Date.now();
    console.log(`bench: ${what}...`);
    try {
      const samples = await body();
      if (samples) this.add(samples);
      console.log(`bench: ${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.errors.push(`${what}: ${message}`);
      console.log(`bench: ${what}: FAILED after ${Math.round((Date.now() - started) / 1000)} s: ${message}`);
    }
  }

  host(answer: HostAnswer, what: string): void {
    this.add(answer.samples);
    for (const e of answer.errors) {
      this.errors.push(`${what}: ${e}`);
      console.log(`bench: ${what}: ${e.split('\n')[0]}`);
    }
  }
}

async function measureSize(
  n: number,
  sizes: readonly number[],
  lobby: Sandbox,
  installDir: string | undefined,
  cliEnv: NodeJS.ProcessEnv,
  out: Collector,
): Promise<void> {
  // The scale seed is the runbook world (one service) plus n-1 more, 20 connectors, every third attached.
  const sandbox = await withTimeout(
    startSandbox({ port: 0, seed: 'scale', services: n - 1, connectors: 20, quiet: true }),
    5 * MINUTE,
    `the sandbox seeded with ${n} services`,
  );
  try {
    await sandbox.setFaults({ latencyMs: LATENCY_MS });
    const target: BenchTarget = { n, endpoint: sandbox.endpoint, adminUrl: sandbox.adminUrl };
    if ((CLI_SIZES as readonly number[]).includes(n) && installDir) {
      const ctx = { installDir, sandbox, n, env: cliEnv, timeoutMs: loadTimeoutMs(n) };
      await out.part(`the installed CLI's plan at ${n} services`, () =>
        measureCliPlan(ctx, n >= 5000 ? 3 : CLI_SAMPLES),
      );
      if (n === 1000)
        await out.part(`the CLI's plan by ARN against aws describe-service at ${n}`, () =>
          measureCliVsAwsCli(ctx, CLI_SAMPLES),
        );
    }
    const repeats = repeatsFor(n);
    const lensAfterChangeSize = lensAfterChangeSizeOf(sizes);
    const plan: HostPlan = {
      mode: 'tree',
      target,
      repeats,
      throttled: n === 1000,
      lensAfterChange: n === lensAfterChangeSize,
      loadTimeoutMs: loadTimeoutMs(n),
    };
    // A throttled load may take twice a load's limit.
    const loads = 1 + repeats * (plan.throttled ? 3 : 1) + (plan.lensAfterChange ? repeats + 1 : 0);
    await out.part(`the tree at ${n} services (${loads} loads)`, async () =>
      out.host(
        await hostSession(plan, lobby, 3 * MINUTE + loads * plan.loadTimeoutMs, `the tree session at ${n}`),
        `the tree at ${n}`,
      ),
    );
    if (n === 1000) await measureFirstLenses(target, lobby, out);
  } finally {
    await sandbox.stop();
  }
}

/** codeLensFirstMs_<n>: one fresh VS Code session per sample (the first lens is a first-time figure). */
async function measureFirstLenses(target: BenchTarget, lobby: Sandbox, out: Collector): Promise<void> {
  const n = target.n;
  for (let i = 1; i <= LENS_SESSIONS; i++) {
    const lens: HostPlan = { mode: 'lens', target, repeats: 1, loadTimeoutMs: loadTimeoutMs(n) };
    await out.part(`the first CodeLens at ${n} services (${i}/${LENS_SESSIONS})`, async () =>
      out.host(
        await hostSession(lens, lobby, 3 * MINUTE + lens.loadTimeoutMs, `the lens session at ${n}`),
        `the first CodeLens at ${n}`,
      ),
    );
  }
}

/**
 * `npm run bench -- --only codelens`: the first CodeLens at 1,000 services alone (its sandbox, the lobby and
 * its sessions; no package, CLI or tree), printed with its samples; bench-results.json is left as it is.
 */
async function firstLensOnly(): Promise<void> {
  const n = 1000;
  const out = new Collector();
  const lobby = await withTimeout(startSandbox({ port: 0, seed: 'empty', quiet: true }), 5 * MINUTE, 'the lobby');
  try {
    const sandbox = await withTimeout(
      startSandbox({ port: 0, seed: 'scale', services: n - 1, connectors: 20, quiet: true }),
      5 * MINUTE,
      `the sandbox seeded with ${n} services`,
    );
    try {
      await sandbox.setFaults({ latencyMs: LATENCY_MS });
      await measureFirstLenses({ n, endpoint: sandbox.endpoint, adminUrl: sandbox.adminUrl }, lobby, out);
    } finally {
      await sandbox.stop();
    }
  } finally {
    await lobby.stop();
  }
  const name = `codeLensFirstMs_${n}`;
  console.log(`${name}: ${JSON.stringify(figure(out.samples[name]))}`);
  if (out.errors.length) console.log(`Failed parts:\n- ${out.errors.join('\n- ')}`);
}

function table(figures: Figures, computed: Record<string, number>): string {
  const targets = new Map(evaluateTargets(figures).map((t) => [t.name, t]));
  const lines = [
    '| figure                          |     median | samples | target                           | verdict      |',
    '|---------------------------------|-----------:|--------:|----------------------------------|--------------|',
  ];
  for (const [name, f] of Object.entries(figures)) {
    const t = targets.get(name);
    const verdict = !t ? '' : t.pass === undefined ? 'not measured' : t.pass ? 'pass' : 'MISSED';
    lines.push(
      `| ${name.padEnd(31)} | ${(f ? String(f.median) : '-').padStart(10)} | ${String(f?.samples.length ?? 0).padStart(7)} | ${(t?.rule ?? '').padEnd(32)} | ${verdict.padEnd(12)} |`,
    );
  }
  const reads = targets.get('cliReads_5000 - pages');
  if (reads)
    lines.push(
      `| ${'cliReads_5000 - pages'.padEnd(31)} | ${String(reads.measured ?? '-').padStart(10)} |         | ${reads.rule.padEnd(32)} | ${(reads.pass === undefined ? 'not measured' : reads.pass ? 'pass' : 'MISSED').padEnd(12)} |`,
    );
  lines.push('', 'Computed, not measured:');
  for (const [name, v] of Object.entries(computed)) lines.push(`  ${name} = ${v}`);
  return lines.join('\n');
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const args = benchArgs(argv);
  if (args.only === 'network-reads') {
    const reads = await networkReadsResults(args.vpcs);
    for (const [name, v] of Object.entries(reads)) console.log(`${name}: ${v}`);
    return;
  }
  if (args.only === 'codelens') return firstLensOnly();
  const sizes = benchSizes();
  // APPRUNNER_VPC_BENCH_SIZES_ONLY=1: the sizes' sessions alone (no extra activation sessions, diagram or
  // network reads), for measuring one size again without the ten minutes around it.
  const sizesOnly = process.env.APPRUNNER_VPC_BENCH_SIZES_ONLY === '1';
  const out = new Collector();
  await out.part('the .vsix package', async () => {
    execSync('npm run package --silent', { cwd: REPO_ROOT, stdio: 'ignore', timeout: 5 * MINUTE });
    return {
      mainBundleKb: [size('dist/extension.js')],
      sdkBundleKb: [size('dist/backend.js')],
      cliBundleKb: [size('dist/cli.js')],
      webviewBundleKb: [size('dist/webview.js')],
      vsixKb: [size('apprunner-vpc.vsix')],
    };
  });
  let installDir: string | undefined;
  await out.part('installing the packaged files', async () => {
    installDir = installPackage();
  });
  const work = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-bench-cli-'));
  const cliEnv = {
    ...process.env,
    ...testAwsEnvironment(work),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  console.log(
    `Measuring in VS Code ${vscodeVersion()} against sandboxes of ${sizes.join(', ')} services with ${LATENCY_MS} ms added latency per call...`,
  );
  // Every session starts here: an account with no services, so what a session measures starts when it
  // switches to the sandbox of its size.
  const lobby = await withTimeout(
    startSandbox({ port: 0, seed: 'empty', quiet: true }),
    5 * MINUTE,
    'the empty lobby sandbox',
  );
  try {
    for (const n of sizes) {
      await out.part(`${n} services`, () => measureSize(n, sizes, lobby, installDir, cliEnv, out));
    }
    // activate() is one sample per extension host: short sessions until there are enough.
    for (let i = out.samples.activateMs?.length ?? 0; i < (sizesOnly ? 0 : ACTIVATION_SAMPLES); i++) {
      await out.part(`activation (${i + 1}/${ACTIVATION_SAMPLES})`, async () =>
        out.host(
          await hostSession(
            { mode: 'activate', repeats: 1, loadTimeoutMs: MINUTE },
            lobby,
            3 * MINUTE,
            'an activation session',
          ),
          'activation',
        ),
      );
    }
  } finally {
    await lobby.stop();
  }
  if (!sizesOnly) {
    await out.part('the diagram', () => measureDiagram(DIAGRAM_SIZES));
    await out.part('the network reads', async () =>
      Object.fromEntries(Object.entries(await networkReadsResults(args.vpcs)).map(([k, v]) => [k, [v]])),
    );
  }

  const figures: Figures = Object.fromEntries(figureNames(args.vpcs).map((name) => [name, figure(out.samples[name])]));
  // Arithmetic, not measured: under their own key so they are never read as measurements.
  const computed: Record<string, number> = {};
  for (const n of ALL_SIZES) {
    computed[`lowerBound_apiCalls_${n}`] = Math.ceil(n / LIST_PAGE) + n;
    computed[`lowerBound_treeFirstRowsMs_${n}`] = treeBoundMs(n);
  }
  const targets = evaluateTargets(figures);
  writeFileSync(
    path.join(REPO_ROOT, 'bench-results.json'),
    `${JSON.stringify({ sizes, latencyMs: LATENCY_MS, figures, computed, targets, errors: out.errors }, null, 2)}\n`,
  );
  console.log(table(figures, computed));
  const missed = targets.filter((t) => t.pass === false);
  if (missed.length) console.log(`\nMissed targets (test/bench/targets.ts): ${missed.map((t) => t.name).join('; ')}`);
  if (out.errors.length) console.log(`\nFailed parts (their figures are null):\n- ${out.errors.join('\n- ')}`);
  console.log('\nbench-results.json written.');
}
