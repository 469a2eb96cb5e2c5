// Which edge of the picture each finding of the reachability analysis belongs to, its few-word reason, and
// the fix it offers. The rules themselves live in src/model/diagnosis/reachability.ts; this file only places them.
import type { Finding, FixStep, LocalizedText } from '../diagnosis/diagnosis';
import type { DiagramFix, DiagramState, EdgeKind } from './types';
import { findingEntry, type FindingId } from '../diagnosis/findingIds';
import { mapText, msg } from '../l10n/text';
import { CommandId } from '../common/commandIds';

const CONNECTOR_PATH = ['attach', 'db-egress'] as const;
const OFF_EDGE = [] as const;

/**
 * The edges each finding is drawn on; [] for a finding drawn on the node its evidence names. Complete by type:
 * a new finding in the catalog (diagnosis/findingIds.ts) does not compile until it is placed here. The
 * connector's problems cut both the attachment and the way to the database; VPC DNS off cuts both ways out.
 */
export const FINDING_EDGES: Record<FindingId, readonly EdgeKind[]> = {
  'egress-not-vpc': CONNECTOR_PATH,
  'connector-missing': CONNECTOR_PATH,
  'connector-inactive': CONNECTOR_PATH,
  'connector-other-vpc': CONNECTOR_PATH,
  'db-not-found': OFF_EDGE,
  'db-unknown': OFF_EDGE,
  'db-not-available': OFF_EDGE,
  'sg-egress-missing-db-port': ['db-egress'],
  'sg-ingress-missing-db-port': ['db-ingress'],
  'nacl-denies-db-port': ['db-ingress'],
  'nacl-missing-ephemeral-return': ['db-ingress'],
  'database-url-missing': OFF_EDGE,
  'database-url-mismatch': OFF_EDGE,
  'db-port-differs': OFF_EDGE,
  'database-url-in-secret': OFF_EDGE,
  'database-url-secret-unreadable': OFF_EDGE,
  'proxy-target-unknown': OFF_EDGE,
  'proxy-egress-missing-target-port': OFF_EDGE,
  'proxy-target-ingress-missing': OFF_EDGE,
  'no-nat-route': ['internet'],
  'igw-route-not-nat': ['internet'],
  'nat-gateway-unavailable': ['internet'],
  'nat-subnet-no-igw-route': ['internet'],
  'default-route-not-nat': ['internet'],
  'sg-egress-missing-https': ['internet'],
  'nacl-denies-https': ['internet'],
  'nacl-missing-https-return': ['internet'],
  'dns-support-off': ['db-egress', 'internet'],
  'dns-hostnames-off': OFF_EDGE,
  'sg-egress-missing-dns': OFF_EDGE,
  'service-not-running': OFF_EDGE,
  'service-operation-in-progress': OFF_EDGE,
  'service-not-found': OFF_EDGE,
  'service-details-missing': OFF_EDGE,
  'single-az': OFF_EDGE,
  'no-shared-az-with-db': OFF_EDGE,
  'unsupported-az': OFF_EDGE,
  'db-port-open-to-world': OFF_EDGE,
  'allow-all-egress': OFF_EDGE,
  'untagged-group': OFF_EDGE,
  'unused-connector': OFF_EDGE,
  'nat-cross-az': OFF_EDGE,
};

const placed = Object.entries(FINDING_EDGES) as [FindingId, readonly EdgeKind[]][];

/** Findings drawn on an edge, by edge; the rest go to the node their evidence names. */
export const EDGE_FINDINGS: Partial<Record<EdgeKind, readonly FindingId[]>> = Object.fromEntries(
  [...new Set(placed.flatMap(([, edges]) => edges))].map((edge) => [
    edge,
    placed.filter(([, edges]) => edges.includes(edge)).map(([id]) => id),
  ]),
);

export const EDGE_FINDING_IDS = new Set(placed.filter(([, edges]) => edges.length > 0).map(([id]) => id));

/** The few words for a finding (from the catalog); the first sentence of its message when there is no short form. */
export function shortReason(f: Finding): LocalizedText {
  const cut = (s: string): string => s.split(/(?<=[.。])\s*/)[0] ?? s;
  return findingEntry(f.id).short ?? mapText(f.message, cut);
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
export const COMMAND_FOR_STEP: Partial<Record<FixStep, CommandId>> = {
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
