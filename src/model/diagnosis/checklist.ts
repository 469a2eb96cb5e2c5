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

function groupItem(topology: Topology, d: Diagnosis, name: string, nameTag: string | undefined): ChecklistItem {
  const group = findGroupByName(
    topology.securityGroups.filter((g) => !d.vpcId || g.vpcId === d.vpcId),
    name,
    nameTag,
  );
  const shown = nameTag && nameTag !== name ? `${nameTag} (${name})` : name;
  const title = msg('Security group ({0}) is created', shown);
  return group
    ? item('sg-apprunner-exists', 'initial', title, 'pass', msg('{0} in {1}', group.id, group.vpcId))
    : item('sg-apprunner-exists', 'initial', title, 'fail', msg('No group named {0} was found.', name));
}

function connectorItems(topology: Topology, d: Diagnosis): ChecklistItem[] {
  const connector = topology.connectors.find((c) => c.arn === d.connectorArn);
  const exists = connector
    ? item(
        'connector-exists',
        'initial',
        msg('VPC connector is created'),
        'pass',
        msg('{0} (revision {1})', connector.name, connector.revision),
      )
    : item(
        'connector-exists',
        'initial',
        msg('VPC connector is created'),
        'fail',
        msg('No VPC connector for this service was found.'),
      );
  const attachedOk = d.connectorAttached && connector !== undefined;
  const attached = item(
    'connector-attached',
    'initial',
    msg('VPC connector is attached to {0}', d.serviceName),
    attachedOk ? 'pass' : 'fail',
    attachedOk
      ? msg('{0} uses {1} for outbound traffic.', d.serviceName, connector.name)
      : msg('{0} does not send its traffic through a VPC connector.', d.serviceName),
  );
  const active = item(
    'connector-active',
    'periodic',
    msg('VPC connector status is ACTIVE'),
    connector?.status === 'ACTIVE' ? 'pass' : 'fail',
    connector ? msg('{0} is {1}.', connector.name, connector.status) : msg('No connector.'),
  );
  return [exists, attached, active];
}

function dbItem(d: Diagnosis): ChecklistItem {
  // DNS errors count: the database is reached by its endpoint name.
  const blocking = d.findings
    .filter((f) => (f.path === 'database' || f.path === 'dns') && f.severity === 'error')
    .map((f) => f.id);
  const title = msg('Database connection is confirmed');
  if (d.verdicts.database === 'reachable') {
    return item(
      'db-reachable',
      'initial',
      title,
      'pass',
      d.dbInstanceId
        ? msg('{0} can reach {1}.', d.serviceName, d.dbInstanceId)
        : msg('{0} can reach the database.', d.serviceName),
    );
  }
  if (d.verdicts.database === 'blocked') {
    return item('db-reachable', 'initial', title, 'fail', msg('Blocked: {0}', blocking.join(', ')));
  }
  return item('db-reachable', 'initial', title, 'unknown', msg('The database path could not be determined.'));
}

function logItem(scan: ChecklistContext['logScan']): ChecklistItem {
  const title = msg('No errors in the CloudWatch logs');
  if (!scan) return item('logs-clean', 'initial', title, 'unknown', msg('The application logs could not be read.'));
  if (scan.errorLines > 0) {
    return item(
      'logs-clean',
      'initial',
      title,
      'fail',
      msg('{0} error line(s) in the recent application log.', scan.errorLines),
    );
  }
  return scan.connectedLineSeen
    ? item('logs-clean', 'initial', title, 'pass', msg('"Successfully connected to database" seen, no error lines.'))
    : item(
        'logs-clean',
        'initial',
        title,
        'unknown',
        msg('No error lines, but no "Successfully connected to database" line either.'),
      );
}

function rulesItem(d: Diagnosis): ChecklistItem {
  const broad = d.findings.filter((f) => OVER_BROAD_FINDINGS.includes(f.id));
  const evidence = broad.flatMap((f) => f.evidence.map((e) => e.id));
  return item(
    'rules-reviewed',
    'periodic',
    msg('Security group rules reviewed'),
    broad.length > 0 ? 'fail' : 'pass',
    broad.length > 0
      ? msg('Over-broad rules: {0}', evidence.join(', '))
      : msg('No rule opens the DB port to the internet or allows all egress.'),
  );
}

const BY_DIAGNOSE = msg('the connection test (Diagnose: health and db-health)');

/** Passes only when the latest test's db-health answered healthy within the window (runbook 6.3, 9). */
function testItem(at: string | undefined, outcome: HttpOutcome | undefined, now: string): ChecklistItem {
  const title = msg('Connection test run');
  if (!at) return item('connection-test-recent', 'periodic', title, 'unknown', msg('No connection test on record.'));
  const days = (Date.parse(now) - Date.parse(at)) / 86_400_000;
  const recent = Number.isFinite(days) && days <= CONNECTION_TEST_MAX_AGE_DAYS;
  const ago = Number.isFinite(days) ? Math.floor(Math.max(days, 0)) : '?';
  const when = msg('Last run {0} ({1} day(s) ago; due every {2} days)', at, ago, CONNECTION_TEST_MAX_AGE_DAYS);
  const lastChecked = { at, by: BY_DIAGNOSE };
  if (!recent)
    return {
      ...item('connection-test-recent', 'periodic', title, 'fail', msg('{0}: overdue.', when)),
      lastChecked,
    };
  switch (outcome) {
    case 'healthy':
      return {
        ...item('connection-test-recent', 'periodic', title, 'pass', msg('{0}: db-health answered connected.', when)),
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
          msg('{0}: it failed (db-health {1}). Fix the cause and run the test again.', when, outcome),
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
          msg('{0}: db-health was not checked from here.', when),
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
          msg('{0}: its result was not recorded. Run Diagnose again.', when),
        ),
        lastChecked,
      };
  }
}

const MANUAL_ITEMS: ChecklistItem[] = [
  item(
    'performance-metrics',
    'periodic',
    msg('Performance metrics reviewed'),
    'manual',
    msg('Check latency and connection counts in CloudWatch.'),
  ),
  item(
    'change-connector-redeploy',
    'change',
    msg('Changing the VPC connector redeploys the service'),
    'manual',
    msg('Plan for the 5-10 minute redeploy.'),
  ),
  item(
    'change-sg-immediate',
    'change',
    msg('Security group changes take effect immediately'),
    'manual',
    msg('A wrong rule breaks traffic at once; re-run the diagnosis after each change.'),
  ),
  item(
    'change-subnets-new-connector',
    'change',
    msg('Create a new VPC connector to change subnets'),
    'manual',
    msg('Connectors cannot be edited: create one, attach it, then delete the old one.'),
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
    by: msg('the account snapshot (DescribeVpcConnectors, DescribeSecurityGroups)'),
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
