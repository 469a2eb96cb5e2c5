// The runbook's operations checklist (section 9) evaluated from the snapshot, a diagnosis and what the live
// checks saw (logs, last connection test). Items a program cannot judge stay 'manual'.
import { findGroupByName } from '../topology/groupNames';
import { DEFAULT_SETUP_SETTINGS } from '../plan/setupSettings';
import { Diagnosis, LocalizedText } from './diagnosis';
import type { HttpOutcome } from './liveChecks';
import { Topology } from '../topology/topology';
import { msg } from '../l10n/text';
import type { PerformanceVerdict } from './metrics';

export type ChecklistSection = 'initial' | 'periodic' | 'change';
export type ChecklistState = 'pass' | 'fail' | 'unknown' | 'manual';

export interface ChecklistItem {
  id: string;
  section: ChecklistSection;
  title: LocalizedText;
  state: ChecklistState;
  detail: LocalizedText;
  /** Periodic items: when this was last checked and by what (a snapshot read, a connection test). */
  lastChecked?: { at: string; by: LocalizedText };
}

export interface ChecklistContext {
  /** ISO time of the last connection test (health + db-health) the extension ran or recorded. */
  lastConnectionTestAt?: string;
  /** The db-health outcome of that test; undefined in records older than this field (not known). */
  lastConnectionTestOutcome?: HttpOutcome;
  /** The application log scan of runbook 6.2; undefined when the logs could not be read. */
  logScan?: { connectedLineSeen: boolean; errorLines: number };
  now: string;
  /** Setting `appRunnerSecurityGroupName` (default apprunner-connector). */
  appRunnerGroupName?: string;
  /** Setting `appRunnerSecurityGroupNameTag` (default sg-apprunner), the Name tag it may be found by. */
  appRunnerGroupNameTag?: string;
  /** Runbook 9's performance check from App Runner's CloudWatch metrics; without it the item stays manual. */
  performance?: PerformanceVerdict;
}

/** Runbook 8.1 asks for regular connection tests; a week is the period we hold it to. */
export const CONNECTION_TEST_MAX_AGE_DAYS = 7;
const OVER_BROAD_FINDINGS = ['db-port-open-to-world', 'allow-all-egress'];

function item(
  id: string,
  section: ChecklistSection,
  title: LocalizedText,
  state: ChecklistState,
  detail: LocalizedText,
): ChecklistItem {
  return { id, section, title, state, detail };
}

const t = (en: string, ja: string): LocalizedText => ({ en, ja });

function groupItem(topology: Topology, d: Diagnosis, name: string, nameTag: string | undefined): ChecklistItem {
  const group = findGroupByName(
    topology.securityGroups.filter((g) => !d.vpcId || g.vpcId === d.vpcId),
    name,
    nameTag,
  );
  const shown = nameTag && nameTag !== name ? `${nameTag} (${name})` : name;
  const title = t(`Security group (${shown}) is created`, `セキュリティグループ（${shown}）が作成されている`);
  return group
    ? item(
        'sg-apprunner-exists',
        'initial',
        title,
        'pass',
        t(`${group.id} in ${group.vpcId}`, `${group.vpcId} の ${group.id}`),
      )
    : item(
        'sg-apprunner-exists',
        'initial',
        title,
        'fail',
        t(`No group named ${name} was found.`, `${name} という名前のグループが見つかりません。`),
      );
}

function connectorItems(topology: Topology, d: Diagnosis): ChecklistItem[] {
  const connector = topology.connectors.find((c) => c.arn === d.connectorArn);
  const exists = connector
    ? item(
        'connector-exists',
        'initial',
        t('VPC connector is created', 'VPC Connectorが作成されている'),
        'pass',
        t(
          `${connector.name} (revision ${connector.revision})`,
          `${connector.name}（リビジョン ${connector.revision}）`,
        ),
      )
    : item(
        'connector-exists',
        'initial',
        t('VPC connector is created', 'VPC Connectorが作成されている'),
        'fail',
        t('No VPC connector for this service was found.', 'このサービス用の VPC コネクタが見つかりません。'),
      );
  const attachedOk = d.connectorAttached && connector !== undefined;
  const attached = item(
    'connector-attached',
    'initial',
    t(`VPC connector is attached to ${d.serviceName}`, `App RunnerサービスにVPC Connectorが適用されている`),
    attachedOk ? 'pass' : 'fail',
    attachedOk
      ? t(
          `${d.serviceName} uses ${connector.name} for outbound traffic.`,
          `${d.serviceName} は送信に ${connector.name} を使っています。`,
        )
      : t(
          `${d.serviceName} does not send its traffic through a VPC connector.`,
          `${d.serviceName} の通信は VPC コネクタを経由していません。`,
        ),
  );
  const active = item(
    'connector-active',
    'periodic',
    t('VPC connector status is ACTIVE', 'VPC Connector の状態が ACTIVE'),
    connector?.status === 'ACTIVE' ? 'pass' : 'fail',
    connector
      ? t(`${connector.name} is ${connector.status}.`, `${connector.name} の状態は ${connector.status} です。`)
      : t('No connector.', 'コネクタがありません。'),
  );
  return [exists, attached, active];
}

function dbItem(d: Diagnosis): ChecklistItem {
  // DNS errors count: the database is reached by its endpoint name.
  const blocking = d.findings
    .filter((f) => (f.path === 'database' || f.path === 'dns') && f.severity === 'error')
    .map((f) => f.id);
  const title = t('Database connection is confirmed', 'RDS接続が確認できている');
  if (d.verdicts.database === 'reachable') {
    return item(
      'db-reachable',
      'initial',
      title,
      'pass',
      t(
        `${d.serviceName} can reach ${d.dbInstanceId ?? 'the database'}.`,
        `${d.serviceName} から ${d.dbInstanceId ?? 'データベース'} に到達できます。`,
      ),
    );
  }
  if (d.verdicts.database === 'blocked') {
    return item(
      'db-reachable',
      'initial',
      title,
      'fail',
      t(`Blocked: ${blocking.join(', ')}`, `遮断されています: ${blocking.join(', ')}`),
    );
  }
  return item(
    'db-reachable',
    'initial',
    title,
    'unknown',
    t('The database path could not be determined.', 'データベースへの経路を判定できませんでした。'),
  );
}

function logItem(scan: ChecklistContext['logScan']): ChecklistItem {
  const title = t('No errors in the CloudWatch logs', 'CloudWatchログでエラーがないことを確認');
  if (!scan)
    return item(
      'logs-clean',
      'initial',
      title,
      'unknown',
      t('The application logs could not be read.', 'アプリケーションログを読み取れませんでした。'),
    );
  if (scan.errorLines > 0) {
    return item(
      'logs-clean',
      'initial',
      title,
      'fail',
      t(
        `${scan.errorLines} error line(s) in the recent application log.`,
        `最近のアプリケーションログにエラーが ${scan.errorLines} 行あります。`,
      ),
    );
  }
  return scan.connectedLineSeen
    ? item(
        'logs-clean',
        'initial',
        title,
        'pass',
        t(
          '"Successfully connected to database" seen, no error lines.',
          '"Successfully connected to database" があり、エラー行はありません。',
        ),
      )
    : item(
        'logs-clean',
        'initial',
        title,
        'unknown',
        t(
          'No error lines, but no "Successfully connected to database" line either.',
          'エラー行はありませんが、"Successfully connected to database" の行もありません。',
        ),
      );
}

function rulesItem(d: Diagnosis): ChecklistItem {
  const broad = d.findings.filter((f) => OVER_BROAD_FINDINGS.includes(f.id));
  const evidence = broad.flatMap((f) => f.evidence.map((e) => e.id));
  return item(
    'rules-reviewed',
    'periodic',
    t('Security group rules reviewed', 'セキュリティグループルールの見直し'),
    broad.length > 0 ? 'fail' : 'pass',
    broad.length > 0
      ? t(`Over-broad rules: ${evidence.join(', ')}`, `広すぎるルールがあります: ${evidence.join(', ')}`)
      : t(
          'No rule opens the DB port to the internet or allows all egress.',
          'DB ポートをインターネットに開放するルールや全送信許可のルールはありません。',
        ),
  );
}

const BY_DIAGNOSE = t(
  'the connection test (Diagnose: health and db-health)',
  '接続テスト（診断: health と db-health）',
);

/** Passes only when the latest test's db-health answered healthy within the window (runbook 6.3, 9). */
function testItem(at: string | undefined, outcome: HttpOutcome | undefined, now: string): ChecklistItem {
  const title = t('Connection test run', '接続テストの実行');
  if (!at)
    return item(
      'connection-test-recent',
      'periodic',
      title,
      'unknown',
      t('No connection test on record.', '接続テストの記録がありません。'),
    );
  const days = (Date.parse(now) - Date.parse(at)) / 86_400_000;
  const recent = Number.isFinite(days) && days <= CONNECTION_TEST_MAX_AGE_DAYS;
  const ago = Number.isFinite(days) ? Math.floor(Math.max(days, 0)) : '?';
  const when = t(
    `Last run ${at} (${ago} day(s) ago; due every ${CONNECTION_TEST_MAX_AGE_DAYS} days)`,
    `前回の実行は ${at}（${ago} 日前。${CONNECTION_TEST_MAX_AGE_DAYS} 日ごとに実行）`,
  );
  const lastChecked = { at, by: BY_DIAGNOSE };
  if (!recent)
    return {
      ...item(
        'connection-test-recent',
        'periodic',
        title,
        'fail',
        t(`${when.en}: overdue.`, `${when.ja}。期限切れです。`),
      ),
      lastChecked,
    };
  switch (outcome) {
    case 'healthy':
      return {
        ...item(
          'connection-test-recent',
          'periodic',
          title,
          'pass',
          t(`${when.en}: db-health answered connected.`, `${when.ja}。db-health は connected を返しました。`),
        ),
        lastChecked,
      };
    case 'unhealthy':
    case 'unreachable':
      return {
        ...item(
          'connection-test-recent',
          'periodic',
          title,
          'fail',
          t(
            `${when.en}: it failed (db-health ${outcome}). Fix the cause and run the test again.`,
            `${when.ja}。失敗しました（db-health: ${outcome}）。原因を直して再実行してください。`,
          ),
        ),
        lastChecked,
      };
    case 'skipped':
      return {
        ...item(
          'connection-test-recent',
          'periodic',
          title,
          'unknown',
          t(`${when.en}: db-health was not checked from here.`, `${when.ja}。db-health はここからは確認していません。`),
        ),
        lastChecked,
      };
    default:
      return {
        ...item(
          'connection-test-recent',
          'periodic',
          title,
          'unknown',
          t(
            `${when.en}: its result was not recorded. Run Diagnose again.`,
            `${when.ja}。結果が記録されていません。診断を再実行してください。`,
          ),
        ),
        lastChecked,
      };
  }
}

const MANUAL_ITEMS: ChecklistItem[] = [
  item(
    'performance-metrics',
    'periodic',
    t('Performance metrics reviewed', 'パフォーマンスメトリクスの確認'),
    'manual',
    t('Check latency and connection counts in CloudWatch.', 'CloudWatch でレイテンシと接続数を確認してください。'),
  ),
  item(
    'change-connector-redeploy',
    'change',
    t('Changing the VPC connector redeploys the service', 'VPC Connector変更時はサービス再起動が必要'),
    'manual',
    t('Plan for the 5-10 minute redeploy.', '5〜10 分の再デプロイを見込んでください。'),
  ),
  item(
    'change-sg-immediate',
    'change',
    t('Security group changes take effect immediately', 'セキュリティグループ変更は即座に反映'),
    'manual',
    t(
      'A wrong rule breaks traffic at once; re-run the diagnosis after each change.',
      '誤ったルールは即座に通信を止めます。変更のたびに診断を再実行してください。',
    ),
  ),
  item(
    'change-subnets-new-connector',
    'change',
    t('Create a new VPC connector to change subnets', 'サブネット変更時は新規VPC Connector作成を推奨'),
    'manual',
    t(
      'Connectors cannot be edited: create one, attach it, then delete the old one.',
      'コネクタは編集できません。新しく作成して適用し、古いものを削除してください。',
    ),
  ),
];

export function evaluateChecklist(
  topology: Topology,
  diagnosis: Diagnosis,
  context: ChecklistContext,
): ChecklistItem[] {
  const [exists, attached, active] = connectorItems(topology, diagnosis);
  // The items judged from the account snapshot were last checked when it was read.
  const bySnapshot = {
    at: topology.loadedAt,
    by: t(
      'the account snapshot (DescribeVpcConnectors, DescribeSecurityGroups)',
      'アカウントのスナップショット（DescribeVpcConnectors、DescribeSecurityGroups）',
    ),
  };
  return [
    groupItem(
      topology,
      diagnosis,
      context.appRunnerGroupName ?? DEFAULT_SETUP_SETTINGS.appRunnerSecurityGroupName,
      context.appRunnerGroupNameTag ?? DEFAULT_SETUP_SETTINGS.appRunnerSecurityGroupNameTag,
    ),
    exists,
    attached,
    dbItem(diagnosis),
    logItem(context.logScan),
    { ...active, lastChecked: bySnapshot },
    { ...rulesItem(diagnosis), lastChecked: bySnapshot },
    testItem(context.lastConnectionTestAt, context.lastConnectionTestOutcome, context.now),
    ...MANUAL_ITEMS.map((i) =>
      i.id === 'performance-metrics' && context.performance ? performanceItem(context.performance) : i,
    ),
  ];
}

// The checklist's "Performance metrics reviewed" (runbook 9) evaluated from App Runner's metrics instead of
// left manual: pass, fail or unknown (no requests in the window), with the figures and their source.
export function performanceItem(verdict: PerformanceVerdict): ChecklistItem {
  return {
    id: 'performance-metrics',
    section: 'periodic',
    title: msg('Performance metrics reviewed'),
    state: verdict.state,
    detail: verdict.detail,
    ...(verdict.checkedAt
      ? { lastChecked: { at: verdict.checkedAt, by: msg('App Runner metrics (CloudWatch)') } }
      : {}),
  };
}
