// The extension-host half of `npm run bench` (loaded as extensionTestsPath): measures activation, the tree
// against sandboxes of 20/200/1000 services, cached refreshes, CodeLens refresh and heap, then writes JSON.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RDSClient, StartDBInstanceCommand, StopDBInstanceCommand } from '@aws-sdk/client-rds';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import type { ExplorerNode } from '../../src/vscode/explorer/node';
import { BENCH_OUT_ENV, BENCH_TARGETS_ENV, median, type BenchTarget } from './results';

const REPEATS = 5;

function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>('campus-sns.apprunner-vpc');
  if (!ext) throw new Error('extension not found');
  return ext;
}

async function api(): Promise<ExtensionApi> {
  return extension().activate();
}

/**
 * What activate() alone leaves out: loading the main bundle (read, compile, run its top level). Measured by
 * requiring a fresh copy of it in this extension host after activation (the file is in the OS cache by then,
 * as it is for a user's second window), median of REPEATS.
 */
function bundleLoadMs(): number {
  const main = path.join(
    extension().extensionPath,
    String((extension().packageJSON as { main?: string }).main ?? 'dist/extension.js'),
  );
  const file = require.resolve(main);
  const times: number[] = [];
  for (let i = 0; i <= REPEATS; i++) {
    delete require.cache[file];
    const started = performance.now();
    require(file);
    if (i > 0) times.push(performance.now() - started);
  }
  return median(times);
}

async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 120_000,
  pollMs = 5,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('bench: timed out');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

async function calls(target: BenchTarget, reset = false): Promise<number> {
  const res = await fetch(`${target.adminUrl}/calls${reset ? '/reset' : ''}`, { method: reset ? 'POST' : 'GET' });
  return ((await res.json()) as { total: number }).total;
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
async function measureLoad(a: ExtensionApi, n: number): Promise<{ firstRows: number; complete: number }> {
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
  const done = a.store.refresh({ force: true });
  await done;
  const complete = performance.now() - started;
  watch.dispose();
  const snapshot = a.store.state.snapshot;
  if (!snapshot || snapshot.services.length !== n || !snapshot.services.every((s) => s.detailsLoaded)) {
    throw new Error(`bench: expected ${n} services with details, got ${snapshot?.services.length}`);
  }
  if ((await serviceNodes(a)).length !== n) throw new Error('bench: the tree does not show every service');
  return { firstRows: await until(() => firstPaint), complete };
}

export async function run(): Promise<void> {
  const file = process.env[BENCH_OUT_ENV] ?? 'bench-host.json';
  try {
    writeFileSync(file, JSON.stringify(await measure()));
  } catch (error) {
    writeFileSync(
      file,
      JSON.stringify({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
    );
  }
}

async function measure(): Promise<Record<string, number>> {
  const a = await api();
  const targets = JSON.parse(process.env[BENCH_TARGETS_ENV] ?? '[]') as BenchTarget[];
  const out: Record<string, number> = {
    // activate() only, as the extension measures it; activateWithLoadMs adds loading the bundle.
    activateMs: a.activation.durationMs,
    bundleLoadMs: bundleLoadMs(),
    // 1 when the AWS SDK bundle was required while activate() ran (it must be loaded on first use instead).
    sdkLoadedDuringActivate: a.activation.backendLoadedDuringActivate ? 1 : 0,
  };
  out.activateWithLoadMs = out.bundleLoadMs + out.activateMs;
  const config = vscode.workspace.getConfiguration('apprunnerVpc');
  await vscode.commands.executeCommand('apprunnerVpc.explorer.focus');
  for (const target of targets) {
    await config.update('endpointUrl', target.endpoint, vscode.ConfigurationTarget.Global);
    await until(() =>
      a.connectionState().status === 'connected' && a.connectionState().target?.endpointUrl === target.endpoint
        ? true
        : undefined,
    );
    await until(() => (a.store.state.loading ? undefined : true));
    const first: number[] = [];
    const complete: number[] = [];
    let apiCalls = 0;
    for (let i = 0; i <= REPEATS; i++) {
      await calls(target, true);
      const r = await measureLoad(a, target.n);
      apiCalls = await calls(target);
      if (i === 0) continue; // warm-up
      first.push(r.firstRows);
      complete.push(r.complete);
    }
    await calls(target, true);
    await a.store.refresh();
    out[`cachedRefreshCalls_${target.n}`] = await calls(target);
    out[`treeProviderFirstRowsMs_${target.n}`] = median(first);
    out[`treeCompleteMs_${target.n}`] = median(complete);
    out[`apiCalls_${target.n}`] = apiCalls;
    if (target.n === 1000) out.extHostHeapMb_1000 = process.memoryUsage().heapUsed / 1024 / 1024;
  }
  const last = targets[targets.length - 1];
  if (!last) throw new Error('bench: no sandbox');
  // Measured against the last (largest) account, which the store and the tree still hold.
  const lens = await measureCodeLens(a, last);
  out.codeLensAfterChangeMs = lens.afterChange;
  out.codeLensWorkbenchRoundTripMs = lens.roundTrip;
  return out;
}

/**
 * From a snapshot change to the refreshed lenses our provider returns for an open apprunner.yaml, with the
 * 1000-service account loaded and the tree showing it; and, separately, the workbench's own round trip for
 * them (extension host -> browser -> extension host). The change is real: the linked service's database is
 * stopped or started in the sandbox, the store reloads the account, and the clock starts when it publishes
 * the new snapshot; it stops when the lenses name the database's new state.
 */
async function measureCodeLens(
  a: ExtensionApi,
  target: BenchTarget,
): Promise<{ afterChange: number; roundTrip: number }> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('bench: no workspace folder');
  const file = vscode.Uri.joinPath(folder, 'apprunner.yaml');
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  await a.codeLens.setLink(file, 'kyudai-api');
  // The reloads below measure the lenses, not the network.
  await fetch(`${target.adminUrl}/faults/clear`, { method: 'POST' });
  const rds = new RDSClient({ region: 'ap-northeast-1', endpoint: target.endpoint });
  const afterChange: number[] = [];
  const roundTrip: number[] = [];
  try {
    for (let i = 0; i <= REPEATS; i++) {
      const status = i % 2 === 0 ? 'stopped' : 'available';
      await rds.send(
        status === 'stopped'
          ? new StopDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' })
          : new StartDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' }),
      );
      const previous = a.store.state.snapshot?.loadedAt;
      let changed: { at: number; refreshes: number } | undefined;
      const watch = a.store.onDidChange((state) => {
        if (!changed && !state.loading && state.snapshot && state.snapshot.loadedAt !== previous)
          changed = { at: performance.now(), refreshes: a.codeLens.refreshes };
      });
      await a.store.refresh({ force: true });
      watch.dispose();
      if (!changed) throw new Error('bench: the store did not publish a new snapshot');
      const since = changed;
      await until(() => (a.codeLens.refreshes > since.refreshes ? true : undefined), 5_000, 1);
      const lenses = await a.codeLens.lenses(document);
      const refreshed = performance.now();
      const shown = lenses.map((l) => l.title.en).join(' | ');
      if (!shown.includes(`kyudai-db (${status})`))
        throw new Error(`bench: the lenses do not show kyudai-db ${status}: ${shown}`);
      await vscode.commands.executeCommand('vscode.executeCodeLensProvider', file);
      if (i === 0) continue; // warm-up
      afterChange.push(refreshed - since.at);
      roundTrip.push(performance.now() - refreshed);
    }
  } finally {
    if (a.store.state.snapshot?.dbInstances.find((d) => d.id === 'kyudai-db')?.status !== 'available') {
      await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' }));
    }
    rds.destroy();
  }
  return { afterChange: median(afterChange), roundTrip: median(roundTrip) };
}
