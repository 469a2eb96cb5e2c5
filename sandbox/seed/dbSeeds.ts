// The database- and service-shaped seeds, registered in registry.ts beside the network-shaped ones.
import { seedAuroraProxy } from './auroraProxySeed';
import { seedDbNames } from './dbNamesSeed';
import { seedMysql } from './mysqlSeed';
import { seedNaclBlocker } from './naclBlockerSeed';
import { seedPrivateNames } from './privateNamesSeed';
import { seedPrivateService } from './privateServiceSeed';
import type { SeedDefinition } from './registry';
import { seedSecrets } from './secretsSeed';

export const DB_SEEDS: readonly SeedDefinition[] = [
  {
    name: 'aurora-proxy',
    summary:
      'An Aurora PostgreSQL cluster (writer, reader, two instances) behind an RDS Proxy; DATABASE_URL names the proxy',
    create: (ctx, clients) => seedAuroraProxy(ctx, clients),
  },
  {
    name: 'mysql',
    summary: 'A MySQL instance on 3306 with two security groups, one shared with other tenants',
    create: (ctx, clients) => seedMysql(ctx, clients),
  },
  {
    name: 'secrets',
    summary: 'DATABASE_URL held in Secrets Manager and given through RuntimeEnvironmentSecrets',
    create: (ctx, clients) => seedSecrets(ctx, clients),
  },
  {
    name: 'private-service',
    summary: 'A service that is not publicly accessible (IsPubliclyAccessible=false, a VPC ingress connection)',
    create: (ctx, clients) => seedPrivateService(ctx, clients),
  },
  {
    name: 'db-names',
    summary:
      'Two databases; four services name ledger-db without DATABASE_URL: PGHOST, DB_HOST, JSON-key secrets, SSM parameters',
    create: (ctx, clients) => seedDbNames(ctx, clients),
  },
  {
    name: 'private-names',
    summary:
      'Two RDS databases and PostgreSQL on EC2; DATABASE_URL names a Route 53 private zone CNAME, PGHOST the EC2 address',
    create: (ctx, clients) => seedPrivateNames(ctx, clients),
  },
  {
    name: 'nacl-blocker',
    summary: "The runbook's account with a network ACL entry denying 5432 inside the VPC: the plan's blocker case",
    create: (ctx, clients) => seedNaclBlocker(ctx, clients),
  },
];
