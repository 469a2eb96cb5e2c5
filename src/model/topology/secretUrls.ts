// Database URLs a service takes from RuntimeEnvironmentSecrets (Secrets Manager or SSM Parameter Store). The
// snapshot holds only the reference; reading the value is opt-in per command, and even then only the host
// and port derived from it come back here (as `AnalyzeOptions.secretUrls`): never the value itself.
import { classifySecretReference } from '../apprunnerYaml/secretReference';
import { DatabaseUrlVariable, databaseUrlsIn, engineOfScheme, parseDatabaseUrl } from './databaseUrl';
import { databasesWithoutProxies } from './databaseTargets';
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
  /** Variable name to a one-line reason (never containing the value). */
  errors: Record<string, string>;
}

const URL_NAME = /_(URL|URI|DSN)$/i;

/** The service's secret variables that the diagnosis would read as a database URL: DATABASE_URL first. */
export function secretUrlReferences(service: AppRunnerService): SecretUrlReference[] {
  const secrets = service.source?.secrets ?? {};
  return Object.keys(secrets)
    .filter((n) => n === 'DATABASE_URL' || URL_NAME.test(n))
    .sort((a, b) => (a === 'DATABASE_URL' ? -1 : b === 'DATABASE_URL' ? 1 : a.localeCompare(b)))
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

/** The service's database URLs: its plain variables, then those read from its secrets; DATABASE_URL first. */
export function serviceDatabaseUrls(
  service: AppRunnerService,
  secretUrls?: SecretUrlResolution,
): DatabaseUrlVariable[] {
  const plain = databaseUrlsIn(service.source?.environment);
  const fromSecrets = (secretUrls?.urls ?? []).filter((u) => !plain.some((p) => p.name === u.name));
  return [...plain, ...fromSecrets].sort(
    (a, b) => Number(b.name === 'DATABASE_URL') - Number(a.name === 'DATABASE_URL'),
  );
}

/**
 * App Runner's secret reference may name a JSON key after the secret's ARN
 * (`arn:aws:secretsmanager:region:account:secret:name-AbCdEf:key::`): the secret id is the first seven parts.
 */
export function splitSecretArn(valueFrom: string): { secretId: string; jsonKey?: string } {
  const parts = valueFrom.split(':');
  if (parts.length <= 7) return { secretId: valueFrom };
  return { secretId: parts.slice(0, 7).join(':'), jsonKey: parts[7] || undefined };
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
  const engine = engineOfScheme(String(fields.engine ?? '').replace(/^aurora-?/, '') || 'postgres');
  if (!host || !engine) return undefined;
  const port = Number(fields.port ?? (engine === 'mysql' ? 3306 : 5432));
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return {
    name,
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
