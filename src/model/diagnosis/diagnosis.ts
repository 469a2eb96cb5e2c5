// The shape of a diagnosis: per-path verdicts and findings with evidence and a fix. Shared by the
// reachability analysis (which makes it), the checklist, the diagnose report, the Problems view and the CLI.
import type { FindingId, FixStep } from './findingIds';
import type { Localized } from '../l10n/text';

export type Verdict = 'reachable' | 'blocked' | 'unknown';
export type Severity = 'error' | 'warning' | 'info';
import type { FindingPath } from './findingIds';
export type { FindingPath } from './findingIds';

/** One text in every bundled language (see l10n/text.ts). */
export type LocalizedText = Localized;

export type EvidenceKind =
  | 'service'
  | 'connector'
  | 'subnet'
  | 'vpc'
  | 'security-group'
  | 'security-group-rule'
  | 'route-table'
  | 'nat-gateway'
  | 'network-acl-entry'
  | 'db-instance'
  | 'environment'
  | 'availability-zone';

export interface Evidence {
  kind: EvidenceKind;
  /** sg-..., sgr-..., rtb-..., `acl-...#100` (or `#*` for the implicit deny), subnet-..., a connector ARN, ... */
  id: string;
  detail: string;
}

/** Plan steps a fix runs (defined with the finding catalog, which lists each finding's). */
export type { FixStep } from './findingIds';

export type Fix = { kind: 'plan-step'; step: FixStep; params?: Record<string, string> } | { kind: 'link'; url: string };

export interface Finding {
  /** Stable kebab-case id from the catalog (findingIds.ts), e.g. 'sg-egress-missing-db-port'. */
  id: FindingId;
  severity: Severity;
  path: FindingPath;
  message: LocalizedText;
  evidence: Evidence[];
  fix?: Fix;
}

export interface Diagnosis {
  serviceName: string;
  serviceArn?: string;
  /** The connector the analysis looked at: the attached one, or the candidate when none is attached. */
  connectorArn?: string;
  connectorAttached: boolean;
  /** The database analysed: a DB instance, DB cluster or RDS Proxy identifier (field name kept for the JSON contract). */
  dbInstanceId?: string;
  /** What `dbInstanceId` names. */
  dbKind?: 'instance' | 'cluster' | 'proxy' | 'ec2';
  /** For an RDS Proxy: the cluster or instance it forwards to. */
  dbProxyTargetId?: string;
  dbPort?: number;
  vpcId?: string;
  verdicts: { database: Verdict; internet: Verdict; dns: Verdict };
  findings: Finding[];
  /** Explanations beside the findings (not problems), e.g. the narrower DNS rule the dnsEgress setting offers. */
  notes?: LocalizedText[];
}

export const DOC_LINKS = {
  appRunnerVpc: 'https://docs.aws.amazon.com/apprunner/latest/dg/network-vpc.html',
  networkAcls: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  natGateways: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  vpcDns: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html',
  rdsStart: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_StartInstance.html',
  securityGroups: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
  appRunnerEnv: 'https://docs.aws.amazon.com/apprunner/latest/dg/env-variable.html',
  rdsProxySecurityGroups: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-setup.html',
} as const;

export function hasError(findings: readonly Finding[], path: FindingPath): boolean {
  return findings.some((f) => f.path === path && f.severity === 'error');
}
