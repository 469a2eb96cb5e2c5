// The database end: which instance it is, is it available, and does the service's URL point at it.
import { DOC_LINKS, Finding } from './diagnosis';
import { finding } from './findingBuilder';
import { AnalysisContext } from './reachabilityContext';

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
        `The database instance ${wanted} does not exist in this account and region.`,
        `データベースインスタンス ${wanted} はこのアカウントとリージョンに存在しません。`,
        [{ kind: 'db-instance', id: wanted, detail: 'not in DescribeDBInstances' }],
      ),
    ];
  }
  const host = ctx.dbUrl ? `${ctx.dbUrl.name} host ${ctx.dbUrl.url.host}` : 'no database URL in the environment';
  return [
    finding(
      'db-unknown',
      'warning',
      'database',
      `Which database ${ctx.service.name} uses could not be determined, so the database path was not checked.`,
      `${ctx.service.name} が使うデータベースを特定できなかったため、データベースへの経路は確認していません。`,
      [{ kind: 'environment', id: ctx.dbUrl?.name ?? 'DATABASE_URL', detail: `${host}; ${ctx.topology.dbInstances.length} DB instance(s)` }],
    ),
  ];
}

export function checkDatabaseInstance(ctx: AnalysisContext): Finding[] {
  const { db } = ctx;
  if (!db) return [];
  const out: Finding[] = [];
  if (db.status !== 'available') {
    out.push(
      finding(
        'db-not-available',
        'error',
        'database',
        `The database instance ${db.id} is ${db.status}, not available, so it accepts no connections.`,
        `データベースインスタンス ${db.id} の状態が available ではなく ${db.status} のため、接続を受け付けません。`,
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
        `The configured database port ${configured} differs from the port ${db.port} that ${db.id} listens on; the analysis uses ${db.port}.`,
        `設定のデータベースポート ${configured} は ${db.id} の待ち受けポート ${db.port} と異なります。解析には ${db.port} を使います。`,
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
    const fromRepo = service.source?.configurationSource === 'REPOSITORY';
    return [
      finding(
        'database-url-missing',
        fromRepo ? 'info' : 'warning',
        'database',
        fromRepo
          ? `${service.name} takes its configuration from apprunner.yaml, so its DATABASE_URL could not be compared with ${db.id}.`
          : `${service.name} has no DATABASE_URL (or other database URL) in its runtime environment variables.`,
        fromRepo
          ? `${service.name} は apprunner.yaml から設定を読むため、DATABASE_URL を ${db.id} と照合できませんでした。`
          : `${service.name} の実行時環境変数に DATABASE_URL（またはほかのデータベース URL）がありません。`,
        [{ kind: 'environment', id: 'DATABASE_URL', detail: 'not set in the service configuration' }],
        { kind: 'link', url: DOC_LINKS.appRunnerEnv },
      ),
    ];
  }
  const endpoint = db.endpointAddress?.toLowerCase();
  const hostOk = endpoint === undefined || dbUrl.url.host === endpoint;
  const portOk = dbUrl.url.port === db.port;
  if (hostOk && portOk) return [];
  return [
    finding(
      'database-url-mismatch',
      'error',
      'database',
      `${dbUrl.name} points at ${dbUrl.url.host}:${dbUrl.url.port}, but ${db.id} listens at ${endpoint ?? '?'}:${db.port}.`,
      `${dbUrl.name} の接続先は ${dbUrl.url.host}:${dbUrl.url.port} ですが、${db.id} の待ち受けは ${endpoint ?? '?'}:${db.port} です。`,
      [
        { kind: 'environment', id: dbUrl.name, detail: `host=${dbUrl.url.host} port=${dbUrl.url.port}` },
        { kind: 'db-instance', id: db.id, detail: `endpoint=${endpoint ?? '?'} port=${db.port}` },
      ],
      { kind: 'link', url: DOC_LINKS.appRunnerEnv },
    ),
  ];
}
