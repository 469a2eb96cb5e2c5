// Which edge of the picture each finding of the reachability analysis belongs to, its few-word reason, and
// the fix it offers. The rules themselves live in src/model/diagnosis/reachability.ts; this file only places them.
import type { Finding, FixStep, LocalizedText } from '../diagnosis/diagnosis';
import type { DiagramFix, DiagramState, EdgeKind } from './types';
import type { FindingId } from '../diagnosis/findingIds';
import { mapText, msg } from '../l10n/text';
import { CommandId } from '../common/commandIds';

const CONNECTOR_PATH: FindingId[] = [
  'egress-not-vpc',
  'connector-missing',
  'connector-inactive',
  'connector-other-vpc',
];
const DNS_BLOCKERS: FindingId[] = ['dns-support-off'];

/** Findings drawn on an edge; the rest go to the node their evidence names. */
export const EDGE_FINDINGS: Partial<Record<EdgeKind, readonly FindingId[]>> = {
  attach: CONNECTOR_PATH,
  'db-egress': [...CONNECTOR_PATH, 'sg-egress-missing-db-port', ...DNS_BLOCKERS],
  'db-ingress': ['sg-ingress-missing-db-port', 'nacl-denies-db-port', 'nacl-missing-ephemeral-return'],
  internet: [
    'no-nat-route',
    'igw-route-not-nat',
    'nat-gateway-unavailable',
    'nat-subnet-no-igw-route',
    'default-route-not-nat',
    'sg-egress-missing-https',
    'nacl-denies-https',
    'nacl-missing-https-return',
    ...DNS_BLOCKERS,
  ],
};

export const EDGE_FINDING_IDS = new Set(Object.values(EDGE_FINDINGS).flat());

const SHORT: Partial<Record<FindingId, LocalizedText>> = {
  'egress-not-vpc': msg('no VPC egress'),
  'connector-missing': msg('connector missing'),
  'connector-inactive': msg('connector inactive'),
  'connector-other-vpc': msg('connector in another VPC'),
  'sg-egress-missing-db-port': msg('no outbound rule for the DB port'),
  'sg-ingress-missing-db-port': msg('no inbound rule from the connector group'),
  'nacl-denies-db-port': msg('network ACL blocks the DB port'),
  'nacl-missing-ephemeral-return': msg('network ACL blocks the replies'),
  'no-nat-route': msg('no route to a NAT gateway'),
  'igw-route-not-nat': msg('routes to an internet gateway, not NAT'),
  'nat-gateway-unavailable': msg('NAT gateway not available'),
  'nat-subnet-no-igw-route': msg('NAT gateway has no internet route'),
  'default-route-not-nat': msg('default route not checked'),
  'sg-egress-missing-https': msg('no outbound rule for 443'),
  'nacl-denies-https': msg('network ACL blocks 443'),
  'nacl-missing-https-return': msg('network ACL blocks the replies'),
  'dns-support-off': msg('VPC DNS is off'),
  'allow-all-egress': msg('allows all outbound traffic'),
  'db-port-open-to-world': msg('DB port open to the internet'),
  'single-az': msg('only one availability zone'),
  'unsupported-az': msg('AZ without App Runner VPC egress'),
  'service-not-running': msg('not running'),
};

/** The few words for a finding; the first sentence of its message when there is no short form. */
export function shortReason(f: Finding): LocalizedText {
  const cut = (s: string): string => s.split(/(?<=[.。])\s*/)[0] ?? s;
  return SHORT[f.id] ?? mapText(f.message, cut);
}

const FIX_TITLES: Record<FixStep, LocalizedText> = {
  'create-apprunner-sg': msg('Create the App Runner security group'),
  'revoke-default-egress': msg('Remove the allow-all outbound rule'),
  'revoke-default-egress-ipv6': msg('Remove the allow-all outbound rule to ::/0'),
  'authorize-egress-https-ipv6': msg('Allow outbound HTTPS (443) over IPv6'),
  'authorize-egress-dns-ipv6': msg('Allow outbound DNS (UDP 53) over IPv6'),
  'authorize-egress-db': msg('Allow outbound to the database port'),
  'authorize-egress-https': msg('Allow outbound HTTPS (443)'),
  'authorize-egress-dns': msg('Allow outbound DNS (UDP 53)'),
  'authorize-db-ingress': msg('Allow the database port from the App Runner group'),
  'create-connector': msg('Create the VPC connector'),
  'attach-connector': msg('Attach the VPC connector'),
  'wait-for-service': msg('Wait for the service'),
  'check-health': msg('Check health'),
  'check-db-health': msg('Check the database connection'),
  'detach-connector': msg('Detach the VPC connector'),
  'delete-connector': msg('Delete the VPC connector'),
  'enable-dns-support': msg('Enable VPC DNS support'),
  'enable-dns-hostnames': msg('Enable VPC DNS host names'),
};

/** Steps that are whole commands of the extension (with their own prompts); rule steps run alone. */
export const COMMAND_FOR_STEP: Partial<Record<FixStep, string>> = {
  'create-apprunner-sg': CommandId.createSecurityGroups,
  'create-connector': CommandId.createConnector,
  'attach-connector': CommandId.attachConnector,
};

/** Changes the engine applies as plan steps after a confirmation: rules, and the VPC's DNS attributes. */
export const SINGLE_STEPS: ReadonlySet<FixStep> = new Set<FixStep>([
  'revoke-default-egress',
  'authorize-egress-db',
  'authorize-egress-https',
  'authorize-egress-dns',
  'authorize-db-ingress',
  'enable-dns-support',
  'enable-dns-hostnames',
]);

export function fixFor(step: FixStep, params: Record<string, string> = {}): DiagramFix | undefined {
  const command = COMMAND_FOR_STEP[step];
  if (!command && !SINGLE_STEPS.has(step)) return undefined;
  return { step, command, params, title: FIX_TITLES[step] };
}

export function findingFix(f: Finding): { fix?: DiagramFix; docUrl?: string } {
  if (f.fix?.kind === 'plan-step') return { fix: fixFor(f.fix.step, f.fix.params) };
  if (f.fix?.kind === 'link') return { docUrl: f.fix.url };
  return {};
}

export function severityState(f: Finding): DiagramState {
  return f.severity === 'error' ? 'broken' : f.severity === 'warning' ? 'warning' : 'ok';
}

const RANK: Record<DiagramState, number> = { ok: 0, unknown: 1, warning: 2, progress: 3, broken: 4 };

export function worst(states: readonly DiagramState[]): DiagramState {
  return states.reduce<DiagramState>((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
}
