// Database URLs a service takes from RuntimeEnvironmentSecrets (Secrets Manager or SSM Parameter Store). The
// snapshot holds only the reference; reading the value is opt-in per command, and even then only the host
// and port derived from it come back here (as `AnalyzeOptions.secretUrls`): never the value itself.
import { classifySecretReference } from '../apprunnerYaml/secretReference';
import { DatabaseUrlVariable, databaseUrlsIn, engineOfScheme, type NameSource, parseDatabaseUrl } from './databaseUrl';
import { databasesWithoutProxies } from './databaseTargets';
import { hostOfValue, hostPortVariablesIn, isHostVariable, isPortVariable, portOfValue } from './hostPortVariables';
import type { AppRunnerService, Topology } from './topology';

export interface SecretUrlReference {
  /** The environment variable name, e.g. DATABASE_URL. */
  name: string;
  /** The secret's ARN, or the SSM parameter's ARN or name, as the service configuration gives it. */
  valueFrom: string;
  /** How it can be read: Secrets Manager, SSM Parameter Store, or not at all (an unrecognised reference). */
  store: 'secretsmanager' | 'ssm' | 'unknown';
}

/** What reading the secrets gave: a host and port per variable, or why it could not be used. */
export interface SecretUrlResolution {
  urls: DatabaseUrlVariable[];
  /**
   * The host, port and identifier variables read from secrets (PGHOST, DB_HOST=<arn>:host::, DB_PORT), by
   * variable name: a host name, a port number or an RDS identifier, checked for that shape before it is kept.
   */
  fields?: Record<string, string>;
  /** Variable name to a one-line reason (never containing the value). */
  errors: Record<string, string>;
}

const URL_NAME = /_(URL|URI|DSN)$/i;

/** The JSON keys of RDS's and the CDK's database secrets that say where the database is (never the password). */
export const LOCATION_KEYS = ['host', 'port', 'engine', 'dbInstanceIdentifier', 'dbClusterIdentifier'] as const;

/** A whole secret given to a variable with one of these names may be a database secret worth reading. */
const DATABASE_NAME = /DB|DATABASE|POSTGRES|PG|MYSQL|MARIA|SQL|RDS|AURORA/i;

/** A whole secret under such a name holds a credential, never where the database is: it is not read. */
const CREDENTIAL_NAME = /PASS|PWD|TOKEN|USER|(^|_)KEY$/i;

/** Whether reading this variable's secret could tell where the database is (and cannot hand us a password). */
function namesDatabase(name: string, valueFrom: string): boolean {
  const { jsonKey } = splitSecretArn(valueFrom);
  if (jsonKey !== undefined) {
    if ((LOCATION_KEYS as readonly string[]).includes(jsonKey)) return true;
    return (URL_NAME.test(name) || name === 'DATABASE_URL') && !/pass|secret|token|user|key$/i.test(jsonKey);
  }
  if (CREDENTIAL_NAME.test(name)) return false;
  return (
    name === 'DATABASE_URL' ||
    URL_NAME.test(name) ||
    isHostVariable(name) ||
    isPortVariable(name) ||
    DATABASE_NAME.test(name)
  );
}

function referenceOrder(a: string, b: string): number {
  return a === 'DATABASE_URL' ? -1 : b === 'DATABASE_URL' ? 1 : a.localeCompare(b);
}

/**
 * The service's secret variables that may say where its database is: URLs (DATABASE_URL first), host and port
 * variables, JSON-key references to a database secret's location keys, and whole database secrets.
 */
export function secretUrlReferences(service: AppRunnerService): SecretUrlReference[] {
  const secrets = service.source?.secrets ?? {};
  return Object.keys(secrets)
    .filter((n) => namesDatabase(n, secrets[n]))
    .sort(referenceOrder)
    .map((name) => {
      const valueFrom = secrets[name];
      const kind = classifySecretReference(valueFrom)?.kind;
      const store =
        kind === 'secretsmanager-arn'
          ? 'secretsmanager'
          : kind === 'ssm-arn' || kind === 'ssm-name'
            ? 'ssm'
            : 'unknown';
      return { name, valueFrom, store };
    });
}

/**
 * Host and port of a URL read from a secret, without anything else from it: the user name, the database
 * name and (of course) the password are dropped, so nothing that leaves this function can carry them.
 */
export function hostAndPortOnly(variable: DatabaseUrlVariable): DatabaseUrlVariable {
  const { engine, scheme, host, port, explicitPort } = variable.url;
  return { name: variable.name, url: { engine, scheme, host, port, explicitPort } };
}

/**
 * Every way the service names its database, in the order they are tried: URLs (plain variables, then those
 * read from secrets; DATABASE_URL first), then the host/port variables (libpq's, then the split pairs), whose
 * values may come from plain variables or from secrets and parameters. See docs/real-accounts.md, "How the
 * database is found".
 */
export function serviceDatabaseUrls(
  service: AppRunnerService,
  secretUrls?: SecretUrlResolution,
): DatabaseUrlVariable[] {
  const yaml = service.source?.yaml;
  const environment = service.source?.environment ?? {};
  const plain = [
    ...databaseUrlsIn(environment),
    ...databaseUrlsIn(yaml?.environment)
      .filter((u) => environment[u.name] === undefined)
      .map((u) => ({ ...u, source: 'apprunner.yaml' as const })),
  ];
  const fromSecrets = (secretUrls?.urls ?? [])
    .filter((u) => !plain.some((p) => p.name === u.name))
    .map((u) => ({ ...u, source: u.source ?? ('secret' as const) }));
  const urls = [...plain, ...fromSecrets].sort(
    (a, b) => Number(b.name === 'DATABASE_URL') - Number(a.name === 'DATABASE_URL'),
  );
  const sources: Record<string, NameSource> = {};
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(secretUrls?.fields ?? {})) {
    merged[name] = value;
    sources[name] = 'secret';
  }
  for (const [name, value] of Object.entries(yaml?.environment ?? {})) {
    if (isHostVariable(name) || isPortVariable(name)) {
      merged[name] = value;
      sources[name] = 'apprunner.yaml';
    }
  }
  for (const [name, value] of Object.entries(environment)) {
    if (isHostVariable(name) || isPortVariable(name)) {
      merged[name] = value;
      sources[name] = 'environment';
    }
  }
  return [...urls, ...hostPortVariablesIn(merged, sources)];
}

/**
 * App Runner's secret reference may name a JSON key after the secret's ARN, then a version stage and a version
 * id (`arn:aws:secretsmanager:region:account:secret:name-AbCdEf:key:stage:id`): the secret id is the first
 * seven parts.
 */
export function splitSecretArn(valueFrom: string): {
  secretId: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
} {
  const parts = valueFrom.split(':');
  if (parts[0] !== 'arn' || parts[2] !== 'secretsmanager' || parts.length <= 7) return { secretId: valueFrom };
  return {
    secretId: parts.slice(0, 7).join(':'),
    ...(parts[7] ? { jsonKey: parts[7] } : {}),
    ...(parts[8] ? { versionStage: parts[8] } : {}),
    ...(parts[9] ? { versionId: parts[9] } : {}),
  };
}

/** An RDS identifier: letters, digits and hyphens, starting with a letter (RDS CreateDBInstance constraints). */
const IDENTIFIER_SHAPE = /^[a-zA-Z][a-zA-Z0-9-]{0,62}$/;

/** What one secret value tells about the database: a URL (or JSON host and port), or one host/port/id field. */
export type SecretReading = { url: DatabaseUrlVariable } | { field: string } | undefined;

/**
 * Reads one injected value (after its JSON key was applied, as App Runner applies it) the way the variable's
 * name says it is used: a URL, a host, a port, an identifier, or a whole JSON database secret. Only host,
 * port, engine and identifier leave this function.
 */
export function readingOfSecretText(name: string, text: string, jsonKey?: string): SecretReading {
  // A JSON key other than a location key is read only as a URL under a URL name; a password key never.
  const locationKey = jsonKey === undefined || (LOCATION_KEYS as readonly string[]).includes(jsonKey);
  if (!locationKey && !(name === 'DATABASE_URL' || URL_NAME.test(name))) return undefined;
  if (jsonKey !== undefined && /pass|secret|token|user/i.test(jsonKey)) return undefined;
  const url = urlFromSecretText(name, text, jsonKey);
  if (url) return { url };
  let value: unknown = text;
  if (jsonKey !== undefined) {
    try {
      value = (JSON.parse(text) as Record<string, unknown>)[jsonKey];
    } catch {
      return undefined;
    }
  }
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return undefined;
  if (isHostVariable(name) || jsonKey === 'host') {
    const host = hostOfValue(value);
    return host ? { field: host.port ? `${host.host}:${host.port}` : host.host } : undefined;
  }
  if (isPortVariable(name) || jsonKey === 'port') {
    const port = portOfValue(value);
    return port ? { field: String(port) } : undefined;
  }
  if (jsonKey === 'dbInstanceIdentifier' || jsonKey === 'dbClusterIdentifier')
    return IDENTIFIER_SHAPE.test(value) ? { field: value } : undefined;
  return undefined;
}

/** A URL, or the JSON RDS and Secrets Manager rotation use ({"engine","host","port",...}); host and port only. */
export function urlFromSecretText(name: string, text: string, jsonKey?: string): DatabaseUrlVariable | undefined {
  let value: unknown = text;
  if (text.trim().startsWith('{')) {
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  if (jsonKey !== undefined)
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[jsonKey] : undefined;
  if (typeof value === 'string') {
    const url = parseDatabaseUrl(value);
    return url ? hostAndPortOnly({ name, url }) : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  const host = typeof fields.host === 'string' ? fields.host.toLowerCase() : undefined;
  // RDS writes "aurora" for Aurora MySQL (version 1) and "aurora-postgresql"/"aurora-mysql" otherwise.
  const rawEngine = String(fields.engine ?? '').toLowerCase();
  const engine = engineOfScheme(rawEngine === 'aurora' ? 'mysql' : rawEngine.replace(/^aurora-?/, '') || 'postgres');
  if (!host || !engine) return undefined;
  const port = Number(fields.port ?? (engine === 'mysql' ? 3306 : 5432));
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const id = [fields.dbInstanceIdentifier, fields.dbClusterIdentifier].find(
    (v): v is string => typeof v === 'string' && IDENTIFIER_SHAPE.test(v),
  );
  return {
    name,
    form: 'json',
    ...(id ? { identifier: id } : {}),
    url: {
      engine,
      scheme: engine === 'mysql' ? 'mysql' : 'postgresql',
      host,
      port,
      explicitPort: fields.port !== undefined,
    },
  };
}

/**
 * The secrets worth asking the user to read once, for one command: Diagnose compares the host with the
 * database, so it asks whenever the service takes a database URL from a secret; Set Up asks only when the
 * secret would decide between several databases (with one database it proceeds without reading, as
 * `resolveDesired` does), and not when the user already named the database.
 */
export function secretsToOffer(
  snapshot: Topology,
  service: AppRunnerService | undefined,
  purpose: 'diagnose' | 'setup',
  chosenDatabase?: string,
): SecretUrlReference[] {
  if (!service) return [];
  const plain = new Set(databaseUrlsIn(service.source?.environment).map((u) => u.name));
  const refs = secretUrlReferences(service).filter((r) => r.store !== 'unknown' && !plain.has(r.name));
  if (purpose === 'diagnose') return refs;
  return !chosenDatabase && databasesWithoutProxies(snapshot).length > 1 ? refs : [];
}
