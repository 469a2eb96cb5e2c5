// Where the fake application's database client looks for its database, in the order real clients and
// frameworks read it: a URL (DATABASE_URL, then Spring's SPRING_DATASOURCE_URL as JDBC), libpq's
// PGHOST/PGHOSTADDR with PGPORT (PostgreSQL documentation, "Environment Variables"; PGHOSTADDR wins for the
// connection), then the split pairs DB_HOST/DB_PORT, DATABASE_HOST/DATABASE_PORT, MYSQL_HOST/MYSQL_PORT. Each
// variable is a plain RuntimeEnvironmentVariable or a RuntimeEnvironmentSecret App Runner injected at
// deployment (`read` resolves those). Only host, port and engine come out: never a credential.
import type { Json, ServiceConfig } from '../apprunner/store';
import { databaseTarget, type DatabaseTarget } from './networkFacts';

export interface RuntimeConfig {
  env: Record<string, string>;
  secrets: Record<string, string>;
}

/** The deployed configuration's variables and secret references (image or API code configuration). */
export function runtimeConfigOf(config: ServiceConfig): RuntimeConfig {
  const source = config.SourceConfiguration;
  const image = (source.ImageRepository as Json | undefined)?.ImageConfiguration as Json | undefined;
  const code = ((source.CodeRepository as Json | undefined)?.CodeConfiguration as Json | undefined)
    ?.CodeConfigurationValues as Json | undefined;
  const runtime = image ?? code;
  return {
    env: { ...((runtime?.RuntimeEnvironmentVariables ?? {}) as Record<string, string>) },
    secrets: { ...((runtime?.RuntimeEnvironmentSecrets ?? {}) as Record<string, string>) },
  };
}

const PAIRS: { host: string; port: string; engine: string; defaultPort: number }[] = [
  { host: 'PGHOSTADDR', port: 'PGPORT', engine: 'postgresql', defaultPort: 5432 },
  { host: 'PGHOST', port: 'PGPORT', engine: 'postgresql', defaultPort: 5432 },
  { host: 'DB_HOST', port: 'DB_PORT', engine: 'postgresql', defaultPort: 5432 },
  { host: 'DATABASE_HOST', port: 'DATABASE_PORT', engine: 'postgresql', defaultPort: 5432 },
  { host: 'MYSQL_HOST', port: 'MYSQL_PORT', engine: 'mysql', defaultPort: 3306 },
];

/** The database the application's client connects to, or undefined when nothing in its environment names one. */
export async function resolveDatabaseTarget(
  runtime: RuntimeConfig,
  read: (ref: string) => Promise<string | undefined>,
): Promise<DatabaseTarget | undefined> {
  const valueOf = async (name: string): Promise<string | undefined> => {
    if (runtime.env[name] !== undefined) return runtime.env[name];
    return runtime.secrets[name] !== undefined ? read(runtime.secrets[name]) : undefined;
  };
  for (const name of ['DATABASE_URL', 'SPRING_DATASOURCE_URL']) {
    const url = await valueOf(name);
    if (url) return databaseTarget(url.replace(/^jdbc:/, ''));
  }
  for (const pair of PAIRS) {
    const host = (await valueOf(pair.host))?.trim();
    if (!host || host.startsWith('/')) continue;
    const portText = (await valueOf(pair.port))?.trim();
    const port = portText && /^\d+$/.test(portText) ? Number(portText) : pair.defaultPort;
    // A DB_PORT of 3306 is a MySQL client's (the runbook's app picks its driver by port when no URL says).
    const engine = pair.engine === 'postgresql' && port === 3306 ? 'mysql' : pair.engine;
    return { engine, host: host.toLowerCase(), port };
  }
  return undefined;
}
