// Which database a service means, and how we know: the --db-instance option, a variable that names one of its
// endpoints (a URL, libpq's PGHOST, a <PREFIX>_HOST pair, a JSON secret's fields; from a plain variable, a
// secret or a parameter), a JSON secret's identifier, or the only database in the region. When none decides,
// the message lists the candidates and every variable read with why it matched none (docs/real-accounts.md,
// "How the database is found").
import type { Localized } from '../common/awsError';
import {
  type DatabaseTarget,
  databaseLabel,
  databasesWithoutProxies,
  databaseTargets,
  type EndpointMatch,
  targetByHost,
  targetById,
} from '../topology/databaseTargets';
import type { DatabaseUrlVariable, NameForm, NameSource } from '../topology/databaseUrl';
import { secretUrlReferences, type SecretUrlResolution, serviceDatabaseUrls } from '../topology/secretUrls';
import type { AppRunnerService, Topology } from '../topology/topology';
import { msg } from '../l10n/text';

/** How the plan's database was chosen: shown in the JSON plan's `desired.dbNamedBy`. */
export interface DatabaseNaming {
  by: 'option' | 'variable' | 'identifier' | 'only-database';
  /** The variable that named it (DATABASE_URL, PGHOST, DB_HOST...), for `variable` and `identifier`. */
  variable?: string;
  /** Where that variable's value came from (unset with `option` and `only-database`). */
  source?: NameSource;
  form?: NameForm;
  /** The pair's port variable, when one was set. */
  portVariable?: string;
  /** The host the variable names (never a secret's other fields). */
  host?: string;
  port?: number;
  /** Set when the host is a Route 53 private hosted zone's name: the zone and the names followed to the endpoint. */
  privateName?: { zoneId: string; zoneName: string; chain: string[] };
}

export interface DatabaseFound {
  db?: DatabaseTarget;
  naming?: DatabaseNaming;
  /** Every variable read, in the order tried (for the ambiguous-case message). */
  read: DatabaseUrlVariable[];
}

function namingOf(v: DatabaseUrlVariable, by: DatabaseNaming['by'], match?: EndpointMatch): DatabaseNaming {
  const via = match?.via;
  return {
    by,
    variable: v.name,
    source: v.source ?? 'environment',
    form: v.form ?? 'url',
    ...(v.portVariable ? { portVariable: v.portVariable } : {}),
    host: v.url.host,
    port: v.url.port,
    ...(via
      ? {
          privateName: {
            zoneId: via.hops[0].zoneId,
            zoneName: via.hops[0].zoneName,
            chain: [...via.hops.map((h) => h.record), via.final],
          },
        }
      : {}),
  };
}

/**
 * The database the service's variables name (read the way the diagnosis reads them, so setup and diagnosis
 * agree on the database): an instance, any endpoint of a cluster, or a proxy; then a JSON secret's identifier.
 * Else the only database (proxies not counted: a name held in a secret need not be read when there is one
 * database), else none (the user chooses).
 */
export function findDatabase(
  snapshot: Topology,
  service: AppRunnerService,
  id: string | undefined,
  secretUrls?: SecretUrlResolution,
): DatabaseFound {
  const read = serviceDatabaseUrls(service, secretUrls);
  if (id) {
    const db = targetById(snapshot, id);
    return { db, naming: db ? { by: 'option' } : undefined, read };
  }
  for (const v of read) {
    const byHost = targetByHost(snapshot, v.url.host);
    if (byHost) return { db: byHost.target, naming: namingOf(v, 'variable', byHost), read };
  }
  for (const v of read) {
    const byId = v.identifier ? targetById(snapshot, v.identifier) : undefined;
    if (byId) return { db: byId, naming: namingOf(v, 'identifier'), read };
  }
  const databases = databasesWithoutProxies(snapshot);
  return databases.length === 1 ? { db: databases[0], naming: { by: 'only-database' }, read } : { read };
}

function sourceText(source: NameSource | undefined): Localized {
  switch (source) {
    case 'secret':
      return msg('from a secret');
    case 'apprunner.yaml':
      return msg('from apprunner.yaml');
    default:
      return msg('a plain variable');
  }
}

/** One line per database the user can choose: what it is, its engine, where it listens, its VPC. */
export function candidateLines(snapshot: Topology): Localized[] {
  return databaseTargets(snapshot).map((d) =>
    msg(
      '- {0}: {1}, {2}:{3}, {4}',
      databaseLabel(d),
      d.engine,
      d.endpointAddress ?? '?',
      d.port,
      d.vpcId ?? msg('no VPC'),
    ),
  );
}

/** One line per variable read (and per secret not read or not readable): why it named none of the candidates. */
export function readLines(
  service: AppRunnerService,
  found: DatabaseFound,
  secretUrls?: SecretUrlResolution,
): Localized[] {
  const lines = found.read.map((v) =>
    msg(
      '- {0} ({1}) names {2}:{3}, which is no endpoint of these databases',
      v.portVariable ? `${v.name}/${v.portVariable}` : v.name,
      sourceText(v.source),
      v.url.host,
      v.url.port,
    ),
  );
  const seen = new Set([...found.read.map((v) => v.name), ...Object.keys(secretUrls?.fields ?? {})]);
  for (const ref of secretUrlReferences(service)) {
    if (seen.has(ref.name) || (service.source?.environment ?? {})[ref.name] !== undefined) continue;
    const error = secretUrls?.errors[ref.name];
    lines.push(
      error
        ? msg('- {0} (from a secret) could not be used: {1}', ref.name, error)
        : msg('- {0} is held in a secret that was not read (--read-secrets reads its host and port only)', ref.name),
    );
  }
  if (lines.length === 0)
    lines.push(
      msg('- no variable names a database (DATABASE_URL or another URL, PGHOST, DB_HOST or another <PREFIX>_HOST)'),
    );
  return lines;
}
