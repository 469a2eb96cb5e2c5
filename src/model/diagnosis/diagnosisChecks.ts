// The checks the analysis makes, named, with the finding ids each can raise: the report lists the ones that
// raised nothing as passed (collapsed), so a reader sees what was verified and not only what failed.
import type { Diagnosis, FindingPath, LocalizedText } from './diagnosis';
import type { FindingId } from './findingIds';
import { msg } from '../l10n/text';

export interface CheckDefinition {
  path: FindingPath;
  title: LocalizedText;
  findingIds: FindingId[];
  /** Checked whatever else is known (the service's own state). */
  always?: boolean;
  /** Only listed when this holds (the proxy hop exists only when the database is an RDS Proxy). */
  appliesTo?: (d: Diagnosis) => boolean;
}

// Generic in the ids so that the list below keeps them, for the completeness guard after it.
const c = <const I extends FindingId>(
  path: FindingPath,
  title: LocalizedText,
  findingIds: I[],
  always = false,
): CheckDefinition & { findingIds: I[] } =>
  always ? { path, title, findingIds, always } : { path, title, findingIds };

const LISTED = [
  c('database', msg('Service egress goes through a VPC connector'), ['egress-not-vpc', 'connector-missing']),
  c('database', msg('Connector is ACTIVE and in the database VPC'), ['connector-inactive', 'connector-other-vpc']),
  c('database', msg('Database (instance, cluster or proxy) is known and available'), [
    'db-not-found',
    'db-unknown',
    'db-not-available',
  ]),
  c('database', msg('Connector groups allow the DB port outbound'), ['sg-egress-missing-db-port']),
  c('database', msg('Database groups allow the DB port inbound'), ['sg-ingress-missing-db-port']),
  c('database', msg('Network ACLs allow the DB port and the ephemeral return'), [
    'nacl-denies-db-port',
    'nacl-missing-ephemeral-return',
  ]),
  c('database', msg('DATABASE_URL points at the database endpoint and port'), [
    'database-url-missing',
    'database-url-mismatch',
    'db-port-differs',
    'database-url-in-secret',
    'database-url-secret-unreadable',
  ]),
  {
    ...c('database', msg('RDS Proxy reaches its target on the DB port'), [
      'proxy-target-unknown',
      'proxy-egress-missing-target-port',
      'proxy-target-ingress-missing',
    ]),
    appliesTo: (d: Diagnosis) => d.dbKind === 'proxy',
  },
  c('internet', msg('Connector subnets route 0.0.0.0/0 to a working NAT gateway'), [
    'no-nat-route',
    'igw-route-not-nat',
    'nat-gateway-unavailable',
    'nat-subnet-no-igw-route',
    'default-route-not-nat',
  ]),
  c('internet', msg('Groups and ACLs allow HTTPS out and replies back'), [
    'sg-egress-missing-https',
    'nacl-denies-https',
    'nacl-missing-https-return',
  ]),
  c('dns', msg('VPC DNS support and hostnames are on'), ['dns-support-off', 'dns-hostnames-off']),
  c('dns', msg('Connector groups allow UDP 53 out'), ['sg-egress-missing-dns']),
  c(
    'availability',
    msg('Service is running'),
    ['service-not-running', 'service-operation-in-progress', 'service-not-found', 'service-details-missing'],
    true,
  ),
  c('availability', msg('Connector subnets span two or more supported AZs, one shared with the DB'), [
    'single-az',
    'no-shared-az-with-db',
    'unsupported-az',
  ]),
  c('security', msg('No DB port open to the internet, no allow-all egress'), [
    'db-port-open-to-world',
    'allow-all-egress',
  ]),
  c('security', msg('Security groups are tagged'), ['untagged-group']),
  c('cost', msg('No unused VPC connectors'), ['unused-connector']),
  c('cost', msg('Connector subnets use a NAT gateway in their own AZ'), ['nat-cross-az']),
];

export const CHECKS: readonly CheckDefinition[] = LISTED;

/** A catalogued finding no check lists (it would never show as passed or failed): the compiler names it here. */
type Unlisted = Exclude<FindingId, (typeof LISTED)[number]['findingIds'][number]>;
const everyFindingHasACheck: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFindingHasACheck;

export type CheckState = 'passed' | 'failed' | 'not-checked';

/** Whether the analysis could look at a path at all: no DB or no connector leaves the database path unchecked. */
function pathChecked(d: Diagnosis, path: FindingPath): boolean {
  if (d.findings.some((f) => f.id === 'service-not-found' || f.id === 'service-details-missing')) return false;
  if (path === 'database') return d.dbInstanceId !== undefined && d.connectorArn !== undefined;
  if (path === 'internet' || path === 'dns') return d.connectorAttached;
  if (path === 'availability') return d.connectorArn !== undefined;
  return true;
}

/** Info findings that say a check could not be made (a URL held in a secret that was not read). */
const NOT_CHECKED_FINDINGS = new Set<FindingId>(['database-url-in-secret']);

export function checkStates(d: Diagnosis): { check: CheckDefinition; state: CheckState }[] {
  return CHECKS.filter((check) => check.appliesTo?.(d) ?? true).map((check) => {
    const mine = d.findings.filter((f) => check.findingIds.includes(f.id));
    const raised = mine.some((f) => f.severity !== 'info');
    const unread = mine.some((f) => NOT_CHECKED_FINDINGS.has(f.id));
    const state: CheckState = raised
      ? 'failed'
      : unread
        ? 'not-checked'
        : check.always || pathChecked(d, check.path)
          ? 'passed'
          : 'not-checked';
    return { check, state };
  });
}
