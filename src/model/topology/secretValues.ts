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

function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:(.+)@[^@]*$/i.exec(value);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
