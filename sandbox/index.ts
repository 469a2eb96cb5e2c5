// The sandbox's programmatic API: a local AWS account on one loopback endpoint (docs/design.md, 'The sandbox').
// startSandbox starts moto, the App Runner emulator and the front, seeds the world and returns handles.
import type { AddressInfo } from 'node:net';
import type { SandboxSettings } from './admin';
import { FakeApp } from './app/fakeApp';
import { Timers, type EmulatorContext } from './apprunner/context';
import { AppRunnerEmulator } from './apprunner/emulator';
import { loadAppRunnerModel, loadBotocoreModel } from './apprunner/model';
import { ExpressEmulator } from './ecs/expressEmulator';
import { Store } from './apprunner/store';
import { CallCounter, FaultState, parseFaultConfig, type FaultConfig } from './faults';
import { createFront } from './front';
import { startMoto } from './moto';
import { MotoClientPool } from './motoClients';
import { DEFAULT_SEED, findSeed, SEEDS } from './seed/registry';
import { CallerIdentities } from './trail/callerIdentity';
import { EventLog } from './trail/eventLog';
import { TrailRecorder } from './trail/recorder';
import type { SeedInfo, SeedName } from './seed/seedInfo';

export type { FaultConfig, FailNth, FaultError } from './faults';
export type { SeedInfo, SeedName } from './seed/seedInfo';
export { SEEDS, seedNames } from './seed/registry';
export type { SandboxSettings } from './admin';

export interface SandboxOptions {
  /** 0 (the default here) picks a free port; the CLI defaults to 4566. */
  port?: number;
  /** A name from seed/registry.ts (default `runbook`). */
  seed?: SeedName;
  /** Scale seed: extra services and connectors. */
  services?: number;
  connectors?: number;
  /** Scale seed: VPCs in all, connectors and databases spread over them (default 1). */
  vpcs?: number;
  /** How long App Runner operations take (default 3000). */
  operationDelayMs?: number;
  /** AZ ids where App Runner cannot place connector ENIs (default none). */
  unsupportedAzIds?: string[];
  /** Active services per region before ServiceQuotaExceededException (default 100). */
  serviceQuota?: number;
  /** Active VPC connectors per region (default 100). */
  connectorQuota?: number;
  faults?: FaultConfig;
  quiet?: boolean;
}

export interface Sandbox {
  /** http://127.0.0.1:N — the endpoint for every AWS client and `aws --endpoint-url`. */
  endpoint: string;
  /** `${endpoint}/_sandbox` */
  adminUrl: string;
  /** moto's own URL (not counted, no faults); for debugging. */
  motoUrl: string;
  region: string;
  /** What the seed created; replaced on reset. */
  seedInfo(): SeedInfo;
  /**
   * Back to the seed: moto and the emulator emptied, faults, counters and settings restored, re-seeded.
   * With `seed`, that seed from now on (later resets keep it).
   */
  reset(seed?: SeedName): Promise<void>;
  setFaults(f: FaultConfig): Promise<void>;
  clearFaults(): Promise<void>;
  /** Change settings (operation delay, unsupported AZs, quotas) until the next reset. */
  configure(change: Partial<SandboxSettings>): Promise<void>;
  stop(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  let current = findSeed(opts.seed ?? DEFAULT_SEED);
  const log = (line: string) => {
    if (!opts.quiet) process.stderr.write(`[sandbox] ${line}\n`);
  };
  const moto = await startMoto();
  const pool = new MotoClientPool(moto.url);
  const store = new Store();
  const initial: SandboxSettings = {
    operationDelayMs: opts.operationDelayMs ?? 3000,
    unsupportedAzIds: opts.unsupportedAzIds ?? [],
    serviceQuota: opts.serviceQuota ?? 100,
    connectorQuota: opts.connectorQuota ?? 100,
  };
  const app = new FakeApp(store, pool);
  const ctx: EmulatorContext = {
    store,
    settings: { ...initial, publicHost: '' },
    ec2: (region) => pool.get(region).ec2,
    timers: new Timers(),
    hooks: app.hooks(),
  };
  const emulator = new AppRunnerEmulator(ctx, loadAppRunnerModel(moto.python));
  const faults = new FaultState();
  const calls = new CallCounter();
  const events = new EventLog();
  const identities = new CallerIdentities(moto.port);
  const initialFaults = parseFaultConfig(opts.faults ?? {});
  let seeded: SeedInfo = { seed: 'empty', region: 'ap-northeast-1', privateSubnetIds: [] };

  const seed = async () => {
    seeded = await current.create(ctx, pool.get('ap-northeast-1'), opts);
  };
  const reset = async (name?: SeedName) => {
    // Checked first: an unknown name leaves the world as it was.
    if (name !== undefined) current = findSeed(name);
    ctx.timers.cancelAll();
    store.clear();
    Object.assign(ctx.settings, initial);
    await moto.reset();
    await seed();
    faults.set(initialFaults);
    calls.reset();
    events.clear();
    // IAM users and their keys went with moto's reset: a key may now stand for someone else.
    identities.clear();
  };
  const admin = {
    faults,
    calls,
    events,
    reset,
    seedInfo: () => seeded,
    seeds: () => SEEDS.map((s) => ({ name: s.name, summary: s.summary })),
    settings: (): SandboxSettings => ({ ...ctx.settings, unsupportedAzIds: [...ctx.settings.unsupportedAzIds] }),
    configure: (change: Partial<SandboxSettings>) => {
      Object.assign(ctx.settings, change);
    },
    writeAppLog: (service: string, lines: readonly string[]) => app.writeApplicationLog(service, lines),
  };
  const express = new ExpressEmulator(store, pool, ctx.settings, loadBotocoreModel('ecs/2014-11-13', moto.python));
  const server = createFront({
    emulator,
    express,
    app,
    admin,
    motoPort: moto.port,
    trail: new TrailRecorder(events, identities),
    rds: (region) => pool.get(region).rds,
    ec2: (region) => pool.get(region).ec2,
    log,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await moto.stop();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  ctx.settings.publicHost = `127.0.0.1:${port}`;
  await seed();
  faults.set(initialFaults);
  const endpoint = `http://127.0.0.1:${port}`;
  log(`endpoint ${endpoint} (moto on ${moto.port}, seed ${seeded.seed})`);
  return {
    endpoint,
    adminUrl: `${endpoint}/_sandbox`,
    motoUrl: moto.url,
    region: 'ap-northeast-1',
    seedInfo: () => seeded,
    reset,
    setFaults: async (f) => faults.set(parseFaultConfig(f)),
    clearFaults: async () => faults.clear(),
    configure: async (change) => {
      admin.configure(change);
    },
    stop: async () => {
      ctx.timers.cancelAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      pool.destroy();
      await moto.stop();
    },
  };
}
