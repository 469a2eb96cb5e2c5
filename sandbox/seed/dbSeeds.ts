// The database- and service-shaped seeds by name (`--seed NAME`), for the sandbox's seed selection.
import { seedAuroraProxy } from './auroraProxySeed';
import { seedMysql } from './mysqlSeed';
import { seedPrivateService } from './privateServiceSeed';
import { seedSecrets } from './secretsSeed';
import type { SeedFunction } from './seedParts';
import { DB_SEED_NAMES, type DbSeedName } from './seedInfo';

export const DB_SEEDS: Record<DbSeedName, SeedFunction> = {
  'aurora-proxy': seedAuroraProxy,
  mysql: seedMysql,
  secrets: seedSecrets,
  'private-service': seedPrivateService,
};

export function isDbSeed(name: string | undefined): name is DbSeedName {
  return (DB_SEED_NAMES as readonly string[]).includes(name ?? '');
}
