// The catalog of findings: every finding the diagnosis can report, by id, with what belongs to the id itself:
// its path, the fixes it may offer and its few words in the diagram. The rest is keyed by FindingId elsewhere
// and the compiler holds each table complete or truthful:
// - the checks that raise it: CHECKS (diagnosisChecks.ts) must list every id (a compile-time guard there);
// - finding() (findingBuilder.ts) accepts only the path and the fix kinds catalogued here for its id;
// - the diagram edge it is drawn on: FINDING_EDGES (diagram/findingMap.ts), a Record<FindingId, ...>;
// - the fix in words: fixText.ts, by plan step (the steps listed under `fixes`).
import type { StepId } from '../plan/planSteps';
import { msg, type Localized } from '../l10n/text';

/** The diagnosis path a finding belongs to (database, internet, DNS, availability, security, cost). */
export type FindingPath = 'database' | 'internet' | 'dns' | 'availability' | 'security' | 'cost';

/**
 * Plan steps a fix runs: the planner's step ids (src/model/plan/planSteps.ts), plus the VPC DNS attribute changes
 * the planner does not have yet. `params` name the resources (group ids, port, rule ids, ARNs).
 */
export type FixStep = StepId | 'enable-dns-support' | 'enable-dns-hostnames';

export interface FindingEntry {
  path: FindingPath;
  /** What a finding with this id may offer as its fix: plan steps, a documentation link ([] for none). */
  fixes: readonly (FixStep | 'link')[];
  /** The few words the diagram shows; without them, the first sentence of the finding's message. */
  short?: Localized;
}

export const FINDING_CATALOG = {
  'egress-not-vpc': {
    path: 'database',
    fixes: ['attach-connector', 'create-connector'],
    short: msg('no VPC egress'),
  },
  'connector-missing': { path: 'database', fixes: ['create-connector'], short: msg('connector missing') },
  'connector-inactive': { path: 'database', fixes: ['create-connector'], short: msg('connector inactive') },
  'connector-other-vpc': {
    path: 'database',
    fixes: ['create-connector'],
    short: msg('connector in another VPC'),
  },
  'db-not-found': { path: 'database', fixes: [] },
  'db-unknown': { path: 'database', fixes: [] },
  'db-not-available': { path: 'database', fixes: ['link'] },
  'sg-egress-missing-db-port': {
    path: 'database',
    fixes: ['authorize-egress-db'],
    short: msg('no outbound rule for the DB port'),
  },
  'sg-ingress-missing-db-port': {
    path: 'database',
    fixes: ['authorize-db-ingress'],
    short: msg('no inbound rule from the connector group'),
  },
  'nacl-denies-db-port': { path: 'database', fixes: ['link'], short: msg('network ACL blocks the DB port') },
  'nacl-missing-ephemeral-return': {
    path: 'database',
    fixes: ['link'],
    short: msg('network ACL blocks the replies'),
  },
  'database-url-missing': { path: 'database', fixes: ['link'] },
  'database-url-mismatch': { path: 'database', fixes: ['link'] },
  'db-port-differs': { path: 'database', fixes: [] },
  'database-url-in-secret': { path: 'database', fixes: [] },
  'database-url-secret-unreadable': { path: 'database', fixes: ['link'] },
  'proxy-target-unknown': { path: 'database', fixes: ['link'] },
  'proxy-egress-missing-target-port': { path: 'database', fixes: ['link'] },
  'proxy-target-ingress-missing': { path: 'database', fixes: ['link'] },
  'no-nat-route': { path: 'internet', fixes: ['link'], short: msg('no route to a NAT gateway') },
  'igw-route-not-nat': { path: 'internet', fixes: ['link'], short: msg('routes to an internet gateway, not NAT') },
  'nat-gateway-unavailable': { path: 'internet', fixes: ['link'], short: msg('NAT gateway not available') },
  'nat-subnet-no-igw-route': { path: 'internet', fixes: ['link'], short: msg('NAT gateway has no internet route') },
  'default-route-not-nat': { path: 'internet', fixes: ['link'], short: msg('default route not checked') },
  'sg-egress-missing-https': {
    path: 'internet',
    fixes: ['authorize-egress-https'],
    short: msg('no outbound rule for 443'),
  },
  'nacl-denies-https': { path: 'internet', fixes: ['link'], short: msg('network ACL blocks 443') },
  'nacl-missing-https-return': { path: 'internet', fixes: ['link'], short: msg('network ACL blocks the replies') },
  'dns-support-off': { path: 'dns', fixes: ['enable-dns-support'], short: msg('VPC DNS is off') },
  'dns-hostnames-off': { path: 'dns', fixes: ['enable-dns-hostnames'] },
  'sg-egress-missing-dns': { path: 'dns', fixes: ['authorize-egress-dns'] },
  'service-not-running': { path: 'availability', fixes: [], short: msg('not running') },
  'service-operation-in-progress': { path: 'availability', fixes: [] },
  'service-not-found': { path: 'database', fixes: [] },
  'service-details-missing': { path: 'database', fixes: [] },
  'single-az': { path: 'availability', fixes: ['link'], short: msg('only one availability zone') },
  'no-shared-az-with-db': { path: 'availability', fixes: ['link'] },
  'unsupported-az': { path: 'availability', fixes: ['link'], short: msg('AZ without App Runner VPC egress') },
  'db-port-open-to-world': { path: 'security', fixes: ['link'], short: msg('DB port open to the internet') },
  'allow-all-egress': {
    path: 'security',
    fixes: ['revoke-default-egress'],
    short: msg('allows all outbound traffic'),
  },
  'untagged-group': { path: 'security', fixes: ['link'] },
  'unused-connector': { path: 'cost', fixes: ['link', 'delete-connector'] },
  'nat-cross-az': { path: 'cost', fixes: ['link'] },
} as const satisfies Record<string, FindingEntry>;

export type FindingId = keyof typeof FINDING_CATALOG;

/** The path catalogued for an id (for a union of ids, any of theirs). */
export type CatalogPath<I extends FindingId> = (typeof FINDING_CATALOG)[I]['path'];
/** The fix kinds catalogued for an id: its plan steps, and 'link' when it may point at documentation. */
export type CatalogFix<I extends FindingId> = (typeof FINDING_CATALOG)[I]['fixes'][number];

export const isFindingId = (id: string): id is FindingId => Object.prototype.hasOwnProperty.call(FINDING_CATALOG, id);

/** The catalog entry of an id, typed as the plain shape (for code that reads it without knowing the id). */
export const findingEntry = (id: FindingId): FindingEntry => FINDING_CATALOG[id];
