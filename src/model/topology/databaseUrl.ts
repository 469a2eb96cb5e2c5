// Reads the host and port out of a database URL from a service's environment (DATABASE_URL and friends).
// Tolerant: SQLAlchemy-style schemes (postgresql+asyncpg://), passwords with '@' or '/', IPv6 hosts in
// brackets, surrounding quotes and whitespace. Never returns the password.

export type DatabaseEngineFamily = 'postgres' | 'mysql';

export interface DatabaseUrl {
  engine: DatabaseEngineFamily;
  scheme: string;
  host: string;
  port: number;
  /** True when the URL named the port, false when it is the scheme's default. */
  explicitPort: boolean;
  database?: string;
  user?: string;
}

const DEFAULT_PORTS: Record<DatabaseEngineFamily, number> = { postgres: 5432, mysql: 3306 };

export function engineOfScheme(scheme: string): DatabaseEngineFamily | undefined {
  const base = scheme.toLowerCase().split('+')[0];
  if (base === 'postgres' || base === 'postgresql' || base === 'pgsql' || base === 'jdbc:postgresql') return 'postgres';
  if (base === 'mysql' || base === 'mariadb' || base === 'mysql2' || base === 'jdbc:mysql') return 'mysql';
  return undefined;
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseUrl | undefined {
  if (!raw) return undefined;
  const text = raw.trim().replace(/^["']|["']$/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.:-]*):\/\/(.*)$/.exec(text);
  if (!match) return undefined;
  const scheme = match[1];
  const engine = engineOfScheme(scheme);
  if (!engine) return undefined;
  let rest = match[2];
  // The authority ends at the first '/', '?' or '#' after the last '@' (passwords may contain those).
  const at = rest.lastIndexOf('@');
  const userInfo = at >= 0 ? rest.slice(0, at) : undefined;
  rest = at >= 0 ? rest.slice(at + 1) : rest;
  const end = rest.search(/[/?#]/);
  const authority = end >= 0 ? rest.slice(0, end) : rest;
  const path = end >= 0 && rest[end] === '/' ? rest.slice(end + 1).split(/[?#]/)[0] : '';
  const hostPort = /^(\[[^\]]+\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!hostPort) return undefined;
  const host = hostPort[1].replace(/^\[|\]$/g, '').toLowerCase();
  if (!host) return undefined;
  const portText = hostPort[2];
  const port = portText ? Number(portText) : DEFAULT_PORTS[engine];
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const user = userInfo ? decodeSafely(userInfo.split(':')[0]) : undefined;
  return {
    engine,
    scheme,
    host,
    port,
    explicitPort: Boolean(portText),
    database: path ? decodeSafely(path) : undefined,
    user: user || undefined,
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where a variable's value came from: a plain variable, a secret or parameter App Runner injects, apprunner.yaml. */
export type NameSource = 'environment' | 'secret' | 'apprunner.yaml';

/**
 * How a variable names its database: a URL; libpq's PGHOST/PGPORT; a <PREFIX>_HOST/<PREFIX>_PORT pair; the
 * host and port fields of a JSON secret (RDS's and the CDK's shape).
 */
export type NameForm = 'url' | 'libpq' | 'split' | 'json';

export interface DatabaseUrlVariable {
  name: string;
  url: DatabaseUrl;
  /** Unset: a plain runtime environment variable. */
  source?: NameSource;
  /** Unset: a URL. */
  form?: NameForm;
  /** The pairs' port variable (PGPORT, DB_PORT) when one was set. */
  portVariable?: string;
  /** A JSON secret's dbInstanceIdentifier or dbClusterIdentifier: names the database when the host does not. */
  identifier?: string;
}

/**
 * Database URLs in an environment: DATABASE_URL first, then other *_URL / *_URI / *_DSN variables whose value
 * has a postgres or mysql scheme, in name order so the result is stable.
 */
export function databaseUrlsIn(environment: Record<string, string> | undefined): DatabaseUrlVariable[] {
  if (!environment) return [];
  const names = Object.keys(environment)
    .filter((n) => n === 'DATABASE_URL' || /_(URL|URI|DSN)$/i.test(n))
    .sort((a, b) => (a === 'DATABASE_URL' ? -1 : b === 'DATABASE_URL' ? 1 : a.localeCompare(b)));
  const out: DatabaseUrlVariable[] = [];
  for (const name of names) {
    const url = parseDatabaseUrl(environment[name]);
    if (url) out.push({ name, url });
  }
  return out;
}
