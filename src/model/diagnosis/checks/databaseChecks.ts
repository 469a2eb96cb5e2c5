// The database end: which instance it is, is it available, and does the service's URL point at it.
import { databaseLabel, databaseTargets } from '../../topology/databaseTargets';
import { DOC_LINKS, Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import { secretUrlFindings } from './secretUrlChecks';
import { AnalysisContext } from '../reachabilityContext';
import { msg } from '../../l10n/text';

/** Findings that explain why no database could be chosen; empty when one was. */
export function checkDatabaseChoice(ctx: AnalysisContext): Finding[] {
  if (ctx.db) return [];
  const wanted = ctx.options.dbInstanceId;
  if (wanted) {
    return [
      finding(
        'db-not-found',
        'error',
        'database',
        msg(
          'The database {0} does not exist in this account and region (no DB instance, DB cluster or RDS Proxy has that identifier).',
          wanted,
        ),
        [
          {
            kind: 'db-instance',
            id: wanted,
            detail: 'not in DescribeDBInstances, DescribeDBClusters or DescribeDBProxies',
          },
        ],
      ),
    ];
  }
  const host = ctx.dbUrl ? `${ctx.dbUrl.name} host ${ctx.dbUrl.url.host}` : 'no database URL in the environment';
  const count = databaseTargets(ctx.topology).length;
  return [
    ...secretUrlFindings(ctx),
    finding(
      'db-unknown',
      'warning',
      'database',
      msg('Which database {0} uses could not be determined, so the database path was not checked.', ctx.service.name),
      [
        {
          kind: 'environment',
          id: ctx.dbUrl?.name ?? 'DATABASE_URL',
          detail: `${host}; ${count} database(s) (instances, clusters, proxies)`,
        },
      ],
    ),
  ];
}

export function checkDatabaseInstance(ctx: AnalysisContext): Finding[] {
  const { db } = ctx;
  if (!db) return [];
  const out: Finding[] = [];
  const label = databaseLabel(db);
  if (db.status !== 'available') {
    out.push(
      finding(
        'db-not-available',
        'error',
        'database',
        msg('The {0} is {1}, not available, so it accepts no connections.', label, db.status),
        [{ kind: 'db-instance', id: db.id, detail: `status=${db.status}` }],
        { kind: 'link', url: DOC_LINKS.rdsStart },
      ),
    );
  }
  const configured = ctx.options.dbPort;
  if (configured !== undefined && configured !== db.port) {
    out.push(
      finding(
        'db-port-differs',
        'warning',
        'database',
        msg(
          'The configured database port {0} differs from the port {1} that {2} listens on; the analysis uses {1}.',
          configured,
          db.port,
          db.id,
        ),
        [{ kind: 'db-instance', id: db.id, detail: `port=${db.port}` }],
      ),
    );
  }
  return out;
}

export function checkDatabaseUrl(ctx: AnalysisContext): Finding[] {
  const { db, dbUrl, service } = ctx;
  if (!db) return [];
  if (!dbUrl) {
    // A URL held in a secret is not missing: it is reported (with the secret's ARN) by secretUrlFindings.
    const inSecret = secretUrlFindings(ctx);
    if (inSecret.length > 0) return inSecret;
    const fromRepo = service.source?.configurationSource === 'REPOSITORY';
    return [
      finding(
        'database-url-missing',
        fromRepo ? 'info' : 'warning',
        'database',
        fromRepo
          ? msg(
              '{0} takes its configuration from apprunner.yaml, so its DATABASE_URL could not be compared with {1}.',
              service.name,
              db.id,
            )
          : msg('{0} has no DATABASE_URL (or other database URL) in its runtime environment variables.', service.name),
        [{ kind: 'environment', id: 'DATABASE_URL', detail: 'not set in the service configuration' }],
        { kind: 'link', url: DOC_LINKS.appRunnerEnv },
      ),
    ];
  }
  const endpoint = db.endpointAddress?.toLowerCase();
  // Any endpoint of the database counts: a cluster's writer, reader, custom and member endpoints, a proxy's.
  const named = ctx.dbEndpoint;
  const hostOk = db.endpoints.length === 0 || named !== undefined;
  // A <PREFIX>_HOST without its _PORT leaves the port to the application's code: nothing to compare.
  const portUnknown = dbUrl.form === 'split' && !dbUrl.url.explicitPort;
  const portOk = portUnknown || dbUrl.url.port === (named?.port ?? db.port);
  if (hostOk && portOk) return [];
  return [
    finding(
      'database-url-mismatch',
      'error',
      'database',
      msg(
        '{0} points at {1}:{2}, but {3} listens at {4}:{5}.',
        dbUrl.name,
        dbUrl.url.host,
        dbUrl.url.port,
        db.id,
        named?.address ?? endpoint ?? '?',
        named?.port ?? db.port,
      ),
      [
        { kind: 'environment', id: dbUrl.name, detail: `host=${dbUrl.url.host} port=${dbUrl.url.port}` },
        { kind: 'db-instance', id: db.id, detail: `endpoint=${endpoint ?? '?'} port=${db.port}` },
      ],
      { kind: 'link', url: DOC_LINKS.appRunnerEnv },
    ),
  ];
}
