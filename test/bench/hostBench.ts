// The extension-host half of `npm run bench` (loaded as extensionTestsPath): one session measures what its plan
// (BENCH_PLAN_ENV, see results.ts) asks: activation, the tree of one size (cached refreshes, heap, throttled
// loads, the CodeLens refresh) or the first lens of a linked apprunner.yaml; then writes JSON. Every wait is
// bounded by withTimeout/until and names what it waited for.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { RDSClient, StartDBInstanceCommand, StopDBInstanceCommand } from '@aws-sdk/client-rds';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import type { ExplorerNode } from '../../src/vscode/explorer/node';
import { BENCH_OUT_ENV, BENCH_PLAN_ENV, median, type BenchTarget, type HostAnswer, type HostPlan } from './results';
import { LATENCY_MS } from './targets';
import { until, withTimeout } from './timeout';

const BUNDLE_LOAD_REPEATS = 5;
const STEP_MS = 60_000; // a connection, a settings change, one admin call

function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>('campus-sns.apprunner-vpc');
  if (!ext) throw new Error('extension not found');
  return ext;
}

/**
 * What activate() alone leaves out: loading the main bundle (read, compile, run its top level). Measured by
 * requiring a fresh copy of it in this extension host after activation (the file is in the OS cache by then,
 * as it is for a user's second window).
 */
function bundleLoadMs(): number[] {
  const main = path.join(
    extension().extensionPath,
    String((extension().packageJSON as { main?: string }).main ?? 'dist/extension.js'),
  );
  const file = require.resolve(main);
  const times: number[] = [];
  for (let i = 0; i <= BUNDLE_LOAD_REPEATS; i++) {
    delete require.cache[file];
    const started = performance.now();
    require(file);
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

/**
 * The heap the extension host keeps (after a full collection), in MB: what a window holds for the account,
 * not the garbage a load left for the collector to take when it next runs (heapUsed, reported beside it).
 */
function heapAfterGcMb(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function admin(target: BenchTarget, what: string, route: string, body?: unknown): Promise<unknown> {
  const res = await withTimeout(
    fetch(`${target.adminUrl}${route}`, {
      method: body === undefined && !route.endsWith('/reset') ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    STEP_MS,
    what,
  );
  return res.json();
}

async function calls(target: BenchTarget, reset = false): Promise<number> {
  const answer = await admin(
    target,
    `the sandbox's call record (${target.n} services)`,
    `/calls${reset ? '/reset' : ''}`,
  );
  return (answer as { total: number }).total;
}

/** The Services folder's children as the tree shows them. */
async function serviceNodes(a: ExtensionApi): Promise<ExplorerNode[]> {
  const [account] = await a.explorer.provider.getChildren();
  if (!account) return [];
  const folders = await a.explorer.provider.getChildren(account);
  const services = folders.find((f) => f.id.endsWith('/services'));
  const children = services ? await a.explorer.provider.getChildren(services) : [];
  return children.filter((c) => c.id.startsWith('service:'));
}

/**
 * firstRows: from the refresh until our tree data provider first returns service rows of the new load (what
 * VS Code then draws; the drawing itself, in the browser, is not included). complete: every service's details.
 */
async function measureLoad(
  a: ExtensionApi,
  n: number,
  timeoutMs: number,
  what: string,
): Promise<{ firstRows: number; complete: number }> {
  await settled(a, timeoutMs, `the load before ${what}`);
  const started = performance.now();
  let firstPaint: number | undefined;
  // While reloading, the tree keeps showing the previous snapshot; the first rows are services of the new
  // load (as on a first load), recognised by the new snapshot's loadedAt.
  const previous = a.store.state.snapshot?.loadedAt;
  const watch = a.store.onDidChange(() => {
    if (firstPaint !== undefined || a.store.state.snapshot?.loadedAt === previous) return;
    void serviceNodes(a).then((nodes) => {
      if (firstPaint === undefined && nodes.length > 0) firstPaint = performance.now() - started;
    });
  });
  try {
    await withTimeout(a.store.refresh({ force: true }), timeoutMs, what);
  } finally {
    watch.dispose();
  }
  const complete = performance.now() - started;
  const state = a.store.state;
  if (state.error)
    throw new Error(`bench: ${what} ended with an error shown: ${state.error.kind} ${state.error.code ?? ''}`);
  const snapshot = state.snapshot;
  if (!snapshot || snapshot.services.length !== n || !snapshot.services.every((s) => s.detailsLoaded)) {
    throw new Error(`bench: ${what}: expected ${n} services with details, got ${snapshot?.services.length}`);
  }
  const rows = (await withTimeout(serviceNodes(a), STEP_MS, `the tree's service rows (${n})`)).length;
  if (rows !== n) throw new Error(`bench: the tree shows ${rows} of ${n} services`);
  return { firstRows: await until(() => firstPaint, STEP_MS, `the first rows of ${what}`), complete };
}

/**
 * Waits until no load is in flight: a load the bench gave up on still runs, and a refresh asked meanwhile
 * would join it (StateStore.refresh) instead of starting the one to measure.
 */
async function settled(a: ExtensionApi, timeoutMs: number, what: string): Promise<void> {
  await until(() => (a.store.state.loading ? undefined : true), timeoutMs, what, 20);
}

/** Points the extension at `endpoint` and waits until it is connected there. */
async function switchTo(a: ExtensionApi, endpoint: string, what: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('apprunnerVpc');
  await withTimeout(
    Promise.resolve(config.update('endpointUrl', endpoint, vscode.ConfigurationTarget.Global)),
    STEP_MS,
    `the endpoint setting for ${what}`,
  );
  await until(
    () =>
      a.connectionState().status === 'connected' && a.connectionState().target?.endpointUrl === endpoint
        ? true
        : undefined,
    STEP_MS,
    `the connection to ${what}`,
    10,
  );
}

export async function run(): Promise<void> {
  const file = process.env[BENCH_OUT_ENV] ?? 'bench-host.json';
  const answer: HostAnswer = { samples: {}, errors: [] };
  try {
    await measure(answer);
  } catch (error) {
    answer.errors.push(error instanceof Error ? `${error.message}\n${error.stack}` : String(error));
  }
  writeFileSync(file, JSON.stringify(answer));
}

/** Runs one part; a part that fails leaves its figures without samples and the next part still runs. */
async function part(answer: HostAnswer, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    answer.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function measure(answer: HostAnswer): Promise<void> {
  const a = await withTimeout(extension().activate(), STEP_MS, 'the extension to activate');
  const plan = JSON.parse(process.env[BENCH_PLAN_ENV] ?? '{}') as HostPlan;
  const add = (name: string, ...values: number[]) => (answer.samples[name] ??= []).push(...values);
  // activate() only, as the extension measures it; one sample per session (a fresh extension host).
  add('activateMs', a.activation.durationMs);
  const loads = bundleLoadMs();
  add('bundleLoadMs', ...loads);
  add('activateWithLoadMs', a.activation.durationMs + median(loads));
  // 1 when the AWS SDK bundle was required while activate() ran (it must be loaded on first use instead).
  add('sdkLoadedDuringActivate', a.activation.backendLoadedDuringActivate ? 1 : 0);
  const target = plan.target;
  if (plan.mode === 'activate' || !target) return;
  if (plan.mode === 'lens') {
    await part(answer, 'codeLensFirstMs', async () => {
      add(`codeLensFirstMs_${target.n}`, await measureFirstLens(a, target, plan.loadTimeoutMs));
    });
    return;
  }
  const n = target.n;
  await vscode.commands.executeCommand('apprunnerVpc.explorer.focus');
  await part(answer, `the tree at ${n}`, async () => {
    await switchTo(a, target.endpoint, `the ${n}-service sandbox`);
    // The load on connecting is the warm-up.
    await until(
      () => (a.store.state.loading ? undefined : true),
      plan.loadTimeoutMs,
      `the first load of ${n} services`,
      20,
    );
    for (let i = 0; i < plan.repeats; i++) {
      await calls(target, true);
      const r = await measureLoad(
        a,
        n,
        plan.loadTimeoutMs,
        `the tree's load of ${n} services (${i + 1}/${plan.repeats})`,
      );
      add(`treeProviderFirstRowsMs_${n}`, r.firstRows);
      add(`treeCompleteMs_${n}`, r.complete);
      add(`apiCalls_${n}`, await calls(target));
      add(`extHostHeapUsedMb_${n}`, process.memoryUsage().heapUsed / 1024 / 1024);
      add(`extHostHeapMb_${n}`, heapAfterGcMb());
    }
    await calls(target, true);
    await withTimeout(a.store.refresh(), STEP_MS, `a cached refresh at ${n} services`);
    add(`cachedRefreshCalls_${n}`, await calls(target));
  });
  if (plan.throttled) {
    await part(answer, `treeCompleteMs_${n}_throttled`, async () => {
      // App Runner's ThrottlingException and EC2's RequestLimitExceeded on 30 % of calls (sandbox/faults.ts).
      await admin(target, 'the throttling fault', '/faults', { latencyMs: LATENCY_MS, throttleRate: 0.3 });
      try {
        for (let i = 0; i < plan.repeats; i++) {
          const what = `the tree's load of ${n} services with 30 % of calls throttled (${i + 1}/${plan.repeats})`;
          // Retries after throttling take longer: twice a load's limit.
          add(`treeCompleteMs_${n}_throttled`, (await measureLoad(a, n, 2 * plan.loadTimeoutMs, what)).complete);
        }
      } finally {
        await admin(target, 'the latency fault', '/faults', { latencyMs: LATENCY_MS });
      }
    });
  }
  if (plan.lensAfterChange) {
    await part(answer, 'codeLensAfterChangeMs', async () => {
      const lens = await measureCodeLens(a, target, plan);
      add('codeLensAfterChangeMs', ...lens.afterChange);
      add('codeLensWorkbenchRoundTripMs', ...lens.roundTrip);
    });
  }
}

async function linkedSample(a: ExtensionApi): Promise<{ file: vscode.Uri; document: vscode.TextDocument }> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('bench: no workspace folder');
  const file = vscode.Uri.joinPath(folder, 'apprunner.yaml');
  await withTimeout(a.codeLens.setLink(file, 'kyudai-api'), STEP_MS, 'linking apprunner.yaml to kyudai-api');
  const document = await withTimeout(
    Promise.resolve(vscode.workspace.openTextDocument(file)),
    STEP_MS,
    'opening apprunner.yaml',
  );
  await withTimeout(Promise.resolve(vscode.window.showTextDocument(document)), STEP_MS, 'showing apprunner.yaml');
  return { file, document };
}

/**
 * codeLensFirstMs: the linked apprunner.yaml is open while the window is on the empty lobby account (no
 * kyudai-api there, so no service lens); the clock starts when the window is pointed at `target` and stops at
 * the first lens naming kyudai-api, as a user who opens the workspace on that account sees it.
 */
// The service's own lens (name, status, egress), not the link lens shown while loading or when not found
// ("kyudai-api · loading…", "kyudai-api · not found in ap-northeast-1"): src/model/codeLens/topLens.ts.
const SERVICE_LENS = /^kyudai-api · .+ · egress /;

async function measureFirstLens(a: ExtensionApi, target: BenchTarget, timeoutMs: number): Promise<number> {
  const { document } = await linkedSample(a);
  const started = performance.now();
  const config = vscode.workspace.getConfiguration('apprunnerVpc');
  await config.update('endpointUrl', target.endpoint, vscode.ConfigurationTarget.Global);
  return until(
    async () => {
      if (a.connectionState().target?.endpointUrl !== target.endpoint) return undefined;
      const lenses = await a.codeLens.lenses(document);
      return lenses.some((l) => SERVICE_LENS.test(l.title.en)) ? performance.now() - started : undefined;
    },
    timeoutMs,
    `the first lens of the linked apprunner.yaml in the ${target.n}-service account`,
    10,
  );
}

/**
 * From a snapshot change to the refreshed lenses our provider returns for an open apprunner.yaml, with the
 * account loaded and the tree showing it; and, separately, the workbench's own round trip for them
 * (extension host -> browser -> extension host). The change is real: the linked service's database is
 * stopped or started in the sandbox, the store reloads the account, and the clock starts when it publishes
 * the new snapshot; it stops when the lenses name the database's new state.
 */
async function measureCodeLens(
  a: ExtensionApi,
  target: BenchTarget,
  plan: HostPlan,
): Promise<{ afterChange: number[]; roundTrip: number[] }> {
  const { file, document } = await linkedSample(a);
  // The reloads below measure the lenses, not the network.
  await admin(target, 'clearing the faults', '/faults/clear', {});
  await settled(a, plan.loadTimeoutMs, 'the load before the CodeLens refresh');
  const rds = new RDSClient({ region: 'ap-northeast-1', endpoint: target.endpoint });
  const afterChange: number[] = [];
  const roundTrip: number[] = [];
  try {
    for (let i = 0; i <= plan.repeats; i++) {
      const status = i % 2 === 0 ? 'stopped' : 'available';
      await withTimeout(
        rds.send(
          status === 'stopped'
            ? new StopDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' })
            : new StartDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' }),
        ),
        STEP_MS,
        `RDS to make kyudai-db ${status}`,
      );
      const previous = a.store.state.snapshot?.loadedAt;
      let changed: { at: number; refreshes: number } | undefined;
      const watch = a.store.onDidChange((state) => {
        if (!changed && !state.loading && state.snapshot && state.snapshot.loadedAt !== previous)
          changed = { at: performance.now(), refreshes: a.codeLens.refreshes };
      });
      try {
        await withTimeout(
          a.store.refresh({ force: true }),
          plan.loadTimeoutMs,
          `the reload after kyudai-db became ${status}`,
        );
      } finally {
        watch.dispose();
      }
      if (!changed) throw new Error('bench: the store did not publish a new snapshot');
      const since = changed;
      await until(() => (a.codeLens.refreshes > since.refreshes ? true : undefined), 5_000, 'the lenses to refresh', 1);
      const lenses = await withTimeout(a.codeLens.lenses(document), STEP_MS, 'the lenses of apprunner.yaml');
      const refreshed = performance.now();
      const shown = lenses.map((l) => l.title.en).join(' | ');
      if (!shown.includes(`kyudai-db (${status})`))
        throw new Error(`bench: the lenses do not show kyudai-db ${status}: ${shown}`);
      await withTimeout(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeCodeLensProvider', file)),
        STEP_MS,
        "the workbench's CodeLens round trip",
      );
      if (i === 0) continue; // warm-up
      afterChange.push(refreshed - since.at);
      roundTrip.push(performance.now() - refreshed);
    }
  } finally {
    if (a.store.state.snapshot?.dbInstances.find((d) => d.id === 'kyudai-db')?.status !== 'available') {
      await withTimeout(
        rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' })),
        STEP_MS,
        'RDS to start kyudai-db again',
      ).catch(() => undefined);
    }
    rds.destroy();
  }
  return { afterChange, roundTrip };
}
