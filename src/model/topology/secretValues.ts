// Which values maskSecrets must hide by value: the session's own AWS credentials and every environment
// variable whose name looks secret, in the process and in each App Runner service the snapshot holds (a
// service's DB_PASSWORD can come back in its health body or its log lines, where no pattern would see it).
import { isSecretName, secretValuesOf } from '../common/secretMask';
import type { Topology } from './topology';

const AWS_CREDENTIAL_NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

/** The process environment's secrets (the session's credentials included). */
export function processSecretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = AWS_CREDENTIAL_NAMES.map((name) => env[name]).filter((v): v is string => !!v);
  return [...new Set([...values, ...secretValuesOf(env)])];
}

/** The secrets in the snapshot's services' environments, and the passwords of the URLs among them. */
export function snapshotSecretValues(snapshot: Pick<Topology, 'services'> | undefined): string[] {
  const values = new Set<string>();
  for (const service of snapshot?.services ?? []) {
    const environment = service.source?.environment ?? {};
    for (const value of secretValuesOf(environment)) values.add(value);
    for (const [name, value] of Object.entries(environment)) {
      const password = urlPassword(value);
      if (password && (isSecretName(name) || /url|dsn|uri|conn/i.test(name))) values.add(password);
    }
  }
  return [...values];
}

/**
 * What to mask by value once a secret's text was read (a RuntimeEnvironmentSecrets value the user allowed to
 * read): the text itself, a URL's password, and in a JSON secret (RDS's {"username","password","host"...}) the
 * secret-looking fields and the passwords of its URLs.
 */
export function secretTextValues(text: string): string[] {
  const values = new Set<string>([text.trim()]);
  const password = urlPassword(text.trim());
  if (password) values.add(password);
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const fields = Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
      for (const value of secretValuesOf(fields)) values.add(value);
      for (const value of Object.values(fields)) {
        const p = urlPassword(value);
        if (p) values.add(p);
      }
    }
  } catch {
    // Not JSON: the text and its URL password are all there is.
  }
  return [...values].filter((v) => v.length > 0);
}

function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:(.+)@[^@]*$/i.exec(value);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
