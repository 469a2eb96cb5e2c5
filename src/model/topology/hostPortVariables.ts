// Reads the database host and port an application takes from separate variables rather than a URL: libpq's
// PGHOST/PGHOSTADDR and PGPORT (PostgreSQL documentation, "Environment Variables"), and the split pairs
// frameworks and templates use (DB_HOST/DB_PORT, DATABASE_HOST/DATABASE_PORT, MYSQL_HOST/MYSQL_PORT, any
// <PREFIX>_HOST with its <PREFIX>_PORT). Host and port only: no user, no password, no database name.
import type { DatabaseEngineFamily, DatabaseUrlVariable, NameSource } from './databaseUrl';

const DEFAULT_PORTS: Record<DatabaseEngineFamily, number> = { postgres: 5432, mysql: 3306 };

/** A host name or an IPv4 address, as a driver would take it (no scheme, no path, no spaces). */
const HOST_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;

/** Variable names read as a database host: libpq's, and <PREFIX>_HOST (a PORT twin is looked up by prefix). */
export function isHostVariable(name: string): boolean {
  return name === 'PGHOST' || name === 'PGHOSTADDR' || /^[A-Z0-9_]+_HOST$/i.test(name);
}

export function isPortVariable(name: string): boolean {
  return name === 'PGPORT' || /^[A-Z0-9_]+_PORT$/i.test(name);
}

/** The host text as a driver reads it: lower case, the first of a libpq list, a trailing ":port" split off. */
export function hostOfValue(value: string): { host: string; port?: number } | undefined {
  const first = value
    .trim()
    .replace(/^["']|["']$/g, '')
    .split(',')[0]
    .trim()
    .toLowerCase();
  // A leading '/' is a Unix socket directory (libpq): no network database to find.
  if (!first || first.startsWith('/')) return undefined;
  const withPort = /^([^:]+):(\d{1,5})$/.exec(first);
  const host = withPort ? withPort[1] : first;
  if (!HOST_SHAPE.test(host)) return undefined;
  const port = withPort ? portOfValue(withPort[2]) : undefined;
  if (withPort && port === undefined) return undefined;
  return { host: host.replace(/\.$/, ''), ...(port ? { port } : {}) };
}

export function portOfValue(value: string | undefined): number | undefined {
  const text = value?.trim().replace(/^["']|["']$/g, '');
  if (!text || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function engineOf(prefix: string, port: number | undefined): DatabaseEngineFamily {
  if (/MYSQL|MARIA/i.test(prefix)) return 'mysql';
  if (/^PG|POSTGRES/i.test(prefix)) return 'postgres';
  return port === 3306 ? 'mysql' : 'postgres';
}

/** libpq first, then the conventional pairs, then any other <PREFIX>_HOST: a stable, meaningful order. */
const PREFERRED = ['PGHOST', 'PGHOSTADDR', 'DB_HOST', 'DATABASE_HOST', 'MYSQL_HOST', 'POSTGRES_HOST', 'RDS_HOSTNAME'];

function rank(name: string): number {
  const i = PREFERRED.indexOf(name);
  return i >= 0 ? i : PREFERRED.length;
}

/**
 * The host/port pairs in an environment. `sources` says where each variable's value came from (a secret, a
 * parameter, apprunner.yaml); a variable it does not name is a plain one.
 */
export function hostPortVariablesIn(
  environment: Record<string, string> | undefined,
  sources: Record<string, NameSource> = {},
): DatabaseUrlVariable[] {
  if (!environment) return [];
  const names = Object.keys(environment)
    .filter(isHostVariable)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const out: DatabaseUrlVariable[] = [];
  for (const name of names) {
    const hostValue = hostOfValue(environment[name]);
    if (!hostValue) continue;
    const libpq = name === 'PGHOST' || name === 'PGHOSTADDR';
    const prefix = libpq ? 'PG' : name.replace(/_HOST$/i, '');
    const portVariable = libpq ? 'PGPORT' : `${prefix}_PORT`;
    const named = portOfValue(environment[portVariable]);
    const port = hostValue.port ?? named;
    const engine = engineOf(prefix, port);
    const source = sources[name];
    out.push({
      name,
      url: {
        engine,
        scheme: engine === 'mysql' ? 'mysql' : 'postgresql',
        host: hostValue.host,
        port: port ?? DEFAULT_PORTS[engine],
        explicitPort: port !== undefined,
      },
      form: libpq ? 'libpq' : 'split',
      ...(source && source !== 'environment' ? { source } : {}),
      ...(named !== undefined && hostValue.port === undefined ? { portVariable } : {}),
    });
  }
  return out;
}
