// Every finding the diagnosis can report, by id, with the path its check belongs to. Finding.id, the checks
// (diagnosisChecks.ts), the diagram's edges and short texts (diagram/findingMap.ts) are typed by FindingId, so
// an id missing here or misspelt there is a compile error.
/** The diagnosis path a finding belongs to (database, internet, DNS, availability, security, cost). */
export type FindingPath = 'database' | 'internet' | 'dns' | 'availability' | 'security' | 'cost';

export const FINDING_CATALOG = {
  'egress-not-vpc': { path: 'database' },
  'connector-missing': { path: 'database' },
  'connector-inactive': { path: 'database' },
  'connector-other-vpc': { path: 'database' },
  'db-not-found': { path: 'database' },
  'db-unknown': { path: 'database' },
  'db-not-available': { path: 'database' },
  'sg-egress-missing-db-port': { path: 'database' },
  'sg-ingress-missing-db-port': { path: 'database' },
  'nacl-denies-db-port': { path: 'database' },
  'nacl-missing-ephemeral-return': { path: 'database' },
  'database-url-missing': { path: 'database' },
  'database-url-mismatch': { path: 'database' },
  'db-port-differs': { path: 'database' },
  'database-url-in-secret': { path: 'database' },
  'database-url-secret-unreadable': { path: 'database' },
  'proxy-target-unknown': { path: 'database' },
  'proxy-egress-missing-target-port': { path: 'database' },
  'proxy-target-ingress-missing': { path: 'database' },
  'no-nat-route': { path: 'internet' },
  'igw-route-not-nat': { path: 'internet' },
  'nat-gateway-unavailable': { path: 'internet' },
  'nat-subnet-no-igw-route': { path: 'internet' },
  'default-route-not-nat': { path: 'internet' },
  'sg-egress-missing-https': { path: 'internet' },
  'nacl-denies-https': { path: 'internet' },
  'nacl-missing-https-return': { path: 'internet' },
  'dns-support-off': { path: 'dns' },
  'dns-hostnames-off': { path: 'dns' },
  'sg-egress-missing-dns': { path: 'dns' },
  'service-not-running': { path: 'availability' },
  'service-operation-in-progress': { path: 'availability' },
  'service-not-found': { path: 'availability' },
  'service-details-missing': { path: 'availability' },
  'single-az': { path: 'availability' },
  'no-shared-az-with-db': { path: 'availability' },
  'unsupported-az': { path: 'availability' },
  'db-port-open-to-world': { path: 'security' },
  'allow-all-egress': { path: 'security' },
  'untagged-group': { path: 'security' },
  'unused-connector': { path: 'cost' },
  'nat-cross-az': { path: 'cost' },
} as const satisfies Record<string, { path: FindingPath }>;

export type FindingId = keyof typeof FINDING_CATALOG;

export const isFindingId = (id: string): id is FindingId => Object.prototype.hasOwnProperty.call(FINDING_CATALOG, id);
