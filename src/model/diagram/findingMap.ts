// Which edge of the picture each finding of the reachability analysis belongs to, its few-word reason, and
// the fix it offers. The rules themselves live in src/model/reachability.ts; this file only places them.
import type { Finding, FixStep, LocalizedText } from '../diagnosis';
import type { DiagramFix, DiagramState, EdgeKind } from './types';

const CONNECTOR_PATH = ['egress-not-vpc', 'connector-missing', 'connector-inactive', 'connector-other-vpc'];
const DNS_BLOCKERS = ['dns-support-off'];

/** Findings drawn on an edge; the rest go to the node their evidence names. */
export const EDGE_FINDINGS: Partial<Record<EdgeKind, readonly string[]>> = {
  attach: CONNECTOR_PATH,
  'db-egress': [...CONNECTOR_PATH, 'sg-egress-missing-db-port', ...DNS_BLOCKERS],
  'db-ingress': ['sg-ingress-missing-db-port', 'nacl-denies-db-port', 'nacl-missing-ephemeral-return'],
  internet: [
    'no-nat-route', 'igw-route-not-nat', 'nat-gateway-unavailable', 'nat-subnet-no-igw-route', 'default-route-not-nat',
    'sg-egress-missing-https', 'nacl-denies-https', 'nacl-missing-https-return', ...DNS_BLOCKERS,
  ],
};

export const EDGE_FINDING_IDS = new Set(Object.values(EDGE_FINDINGS).flat());

const SHORT: Record<string, LocalizedText> = {
  'egress-not-vpc': { en: 'no VPC egress', ja: 'VPC 経由の送信なし' },
  'connector-missing': { en: 'connector missing', ja: 'コネクタがありません' },
  'connector-inactive': { en: 'connector inactive', ja: 'コネクタが無効' },
  'connector-other-vpc': { en: 'connector in another VPC', ja: 'コネクタが別の VPC' },
  'sg-egress-missing-db-port': { en: 'no outbound rule for the DB port', ja: 'DB ポートの送信ルールなし' },
  'sg-ingress-missing-db-port': { en: 'no inbound rule from the connector group', ja: 'コネクタのグループからの受信ルールなし' },
  'nacl-denies-db-port': { en: 'network ACL blocks the DB port', ja: 'ネットワーク ACL が DB ポートを遮断' },
  'nacl-missing-ephemeral-return': { en: 'network ACL blocks the replies', ja: 'ネットワーク ACL が戻り通信を遮断' },
  'no-nat-route': { en: 'no route to a NAT gateway', ja: 'NAT ゲートウェイへのルートなし' },
  'igw-route-not-nat': { en: 'routes to an internet gateway, not NAT', ja: 'NAT ではなくインターネットゲートウェイへのルート' },
  'nat-gateway-unavailable': { en: 'NAT gateway not available', ja: 'NAT ゲートウェイが利用不可' },
  'nat-subnet-no-igw-route': { en: 'NAT gateway has no internet route', ja: 'NAT ゲートウェイにインターネットへのルートなし' },
  'default-route-not-nat': { en: 'default route not checked', ja: 'デフォルトルートは未確認' },
  'sg-egress-missing-https': { en: 'no outbound rule for 443', ja: '443 の送信ルールなし' },
  'nacl-denies-https': { en: 'network ACL blocks 443', ja: 'ネットワーク ACL が 443 を遮断' },
  'nacl-missing-https-return': { en: 'network ACL blocks the replies', ja: 'ネットワーク ACL が戻り通信を遮断' },
  'dns-support-off': { en: 'VPC DNS is off', ja: 'VPC の DNS が無効' },
  'allow-all-egress': { en: 'allows all outbound traffic', ja: 'すべての送信を許可' },
  'db-port-open-to-world': { en: 'DB port open to the internet', ja: 'DB ポートがインターネットに公開' },
  'single-az': { en: 'only one availability zone', ja: 'アベイラビリティゾーンが 1 つだけ' },
  'unsupported-az': { en: 'AZ without App Runner VPC egress', ja: 'App Runner の VPC 送信がない AZ' },
  'service-not-running': { en: 'not running', ja: '停止中' },
};

/** The few words for a finding; the first sentence of its message when there is no short form. */
export function shortReason(f: Finding): LocalizedText {
  const cut = (s: string): string => s.split(/(?<=[.。])\s*/)[0] ?? s;
  return SHORT[f.id] ?? { en: cut(f.message.en), ja: cut(f.message.ja) };
}

const FIX_TITLES: Record<FixStep, LocalizedText> = {
  'create-apprunner-sg': { en: 'Create the App Runner security group', ja: 'App Runner 用セキュリティグループを作成' },
  'revoke-default-egress': { en: 'Remove the allow-all outbound rule', ja: '全許可のアウトバウンドルールを削除' },
  'revoke-default-egress-ipv6': { en: 'Remove the allow-all outbound rule to ::/0', ja: '::/0 への全許可のアウトバウンドルールを削除' },
  'authorize-egress-https-ipv6': { en: 'Allow outbound HTTPS (443) over IPv6', ja: 'IPv6 の HTTPS（443）の送信を許可' },
  'authorize-egress-dns-ipv6': { en: 'Allow outbound DNS (UDP 53) over IPv6', ja: 'IPv6 の DNS（UDP 53）の送信を許可' },
  'authorize-egress-db': { en: 'Allow outbound to the database port', ja: 'データベースポートへの送信を許可' },
  'authorize-egress-https': { en: 'Allow outbound HTTPS (443)', ja: 'HTTPS（443）の送信を許可' },
  'authorize-egress-dns': { en: 'Allow outbound DNS (UDP 53)', ja: 'DNS（UDP 53）の送信を許可' },
  'authorize-db-ingress': { en: 'Allow the database port from the App Runner group', ja: 'App Runner のグループからのデータベースポートを許可' },
  'create-connector': { en: 'Create the VPC connector', ja: 'VPC コネクタを作成' },
  'attach-connector': { en: 'Attach the VPC connector', ja: 'VPC コネクタをアタッチ' },
  'wait-for-service': { en: 'Wait for the service', ja: 'サービスを待機' },
  'check-health': { en: 'Check health', ja: 'ヘルスチェック' },
  'check-db-health': { en: 'Check the database connection', ja: 'データベース接続を確認' },
  'detach-connector': { en: 'Detach the VPC connector', ja: 'VPC コネクタを外す' },
  'delete-connector': { en: 'Delete the VPC connector', ja: 'VPC コネクタを削除' },
  'enable-dns-support': { en: 'Enable VPC DNS support', ja: 'VPC の DNS サポートを有効化' },
  'enable-dns-hostnames': { en: 'Enable VPC DNS host names', ja: 'VPC の DNS ホスト名を有効化' },
};

/** Steps that are whole commands of the extension (with their own prompts); rule steps run alone. */
export const COMMAND_FOR_STEP: Partial<Record<FixStep, string>> = {
  'create-apprunner-sg': 'apprunnerVpc.createSecurityGroups',
  'create-connector': 'apprunnerVpc.createConnector',
  'attach-connector': 'apprunnerVpc.attachConnector',
};

/** Changes the engine applies as plan steps after a confirmation: rules, and the VPC's DNS attributes. */
export const SINGLE_STEPS: ReadonlySet<FixStep> = new Set<FixStep>([
  'revoke-default-egress', 'authorize-egress-db', 'authorize-egress-https', 'authorize-egress-dns', 'authorize-db-ingress',
  'enable-dns-support', 'enable-dns-hostnames',
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
