// Every named world `--seed NAME` can start (the CLI, `npm start`, startSandbox, POST /_sandbox/reset).
// One file per seed exports a SeedDefinition; adding a seed is its import and one line in SEEDS.
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { brownfieldSeed } from './brownfieldSeed';
import { cdkDefaultSeed } from './cdkDefaultSeed';
import { DB_SEEDS } from './dbSeeds';
import { dualStackSeed } from './dualStackSeed';
import { iacManagedSeed } from './iacManagedSeed';
import { seedRunbook, SEED_REGION } from './runbookSeed';
import { seedScale } from './scaleSeed';
import type { SeedInfo } from './seedInfo';
import { sharedDefaultSeed } from './sharedDefaultSeed';
import { tfModuleSeed } from './tfModuleSeed';

export interface SeedOptions {
  /** Scale seed: extra services and connectors. */
  services?: number;
  connectors?: number;
  /** Scale seed: VPCs in all (default 1, the runbook's); connectors and databases are spread over them. */
  vpcs?: number;
}

export interface SeedDefinition {
  name: string;
  /** One line: the account it imitates (shown by --help, GET /_sandbox/seeds and the explorer's quick pick). */
  summary: string;
  create(ctx: EmulatorContext, clients: MotoClients, opts: SeedOptions): Promise<SeedInfo>;
}

const runbook: SeedDefinition = {
  name: 'runbook',
  summary:
    "The runbook's starting point: private subnets behind one NAT, sg-rds without ingress, kyudai-api with DEFAULT egress",
  create: (ctx, clients) => seedRunbook(ctx, clients),
};
const empty: SeedDefinition = {
  name: 'empty',
  summary: "Nothing but moto's default VPC",
  create: async () => ({ seed: 'empty', region: SEED_REGION, privateSubnetIds: [] }),
};
const scale: SeedDefinition = {
  name: 'scale',
  summary: 'The runbook world plus many services and connectors (benchmarks, pagination)',
  create: (ctx, clients, opts) => seedScale(ctx, clients, opts.services ?? 50, opts.connectors ?? 10, opts.vpcs ?? 1),
};

export const SEEDS: readonly SeedDefinition[] = [
  runbook,
  empty,
  scale,
  cdkDefaultSeed,
  tfModuleSeed,
  dualStackSeed,
  sharedDefaultSeed,
  iacManagedSeed,
  brownfieldSeed,
  ...DB_SEEDS,
];

export const DEFAULT_SEED = 'runbook';

export function seedNames(): string[] {
  return SEEDS.map((s) => s.name);
}

/** The seed called `name`; a readable error listing the known ones otherwise. */
export function findSeed(name: string): SeedDefinition {
  const found = SEEDS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown seed "${name}": use one of ${seedNames().join(', ')}`);
  return found;
}
