// A fix in words, naming the exact change: shown in the report, in the confirmation before a fix is
// applied, and in the Problems view's hover. Plan-step parameters come from the finding (src/model/*Checks).
import type { Fix, LocalizedText } from './diagnosis';

type Params = Record<string, string>;

const TEXTS: Record<string, (p: Params) => LocalizedText> = {
  'authorize-egress-db': (p) => ({
    en: `Add an outbound rule to ${p.groupId}: TCP ${p.port} to ${p.peerGroupId}`,
    ja: `${p.groupId} に送信ルールを追加: TCP ${p.port} → ${p.peerGroupId}`,
  }),
  'authorize-db-ingress': (p) => ({
    en: `Add an inbound rule to ${p.groupId}: TCP ${p.port} from ${p.peerGroupId}`,
    ja: `${p.groupId} に受信ルールを追加: TCP ${p.port} ← ${p.peerGroupId}`,
  }),
  'authorize-egress-https': (p) => ({
    en: `Add an outbound rule to ${p.groupId}: TCP 443 to 0.0.0.0/0`,
    ja: `${p.groupId} に送信ルールを追加: TCP 443 → 0.0.0.0/0`,
  }),
  'authorize-egress-dns': (p) => ({
    en: `Add an outbound rule to ${p.groupId}: UDP 53 to 0.0.0.0/0`,
    ja: `${p.groupId} に送信ルールを追加: UDP 53 → 0.0.0.0/0`,
  }),
  'revoke-default-egress': (p) => ({
    en: `Revoke the allow-all outbound rule ${p.ruleIds ?? ''} from ${p.groupId} (after the runbook's three rules are in place)`,
    ja: `${p.groupId} から全送信許可ルール ${p.ruleIds ?? ''} を削除（手順書の 3 つのルールを追加した後）`,
  }),
  'attach-connector': (p) => ({
    en: `Attach the VPC connector ${p.connectorArn} to ${p.serviceArn} (the service redeploys: 5-10 minutes)`,
    ja: `VPC コネクタ ${p.connectorArn} を ${p.serviceArn} に適用（サービスが再デプロイされます: 5〜10 分）`,
  }),
  'create-connector': () => ({
    en: 'Create a VPC connector and attach it: run the guided setup (Set Up VPC Connector)',
    ja: 'VPC コネクタを作成して適用: ガイド付きセットアップ（VPC コネクタのセットアップ）を実行',
  }),
  'delete-connector': (p) => ({
    en: `Delete the unused VPC connector ${p.connectorArn}`,
    ja: `未使用の VPC コネクタ ${p.connectorArn} を削除`,
  }),
  'enable-dns-support': (p) => ({
    en: `Turn on DNS resolution (enableDnsSupport) in ${p.vpcId}: aws ec2 modify-vpc-attribute --vpc-id ${p.vpcId} --enable-dns-support`,
    ja: `${p.vpcId} の DNS 解決（enableDnsSupport）を有効化: aws ec2 modify-vpc-attribute --vpc-id ${p.vpcId} --enable-dns-support`,
  }),
  'enable-dns-hostnames': (p) => ({
    en: `Turn on DNS hostnames (enableDnsHostnames) in ${p.vpcId}: aws ec2 modify-vpc-attribute --vpc-id ${p.vpcId} --enable-dns-hostnames`,
    ja: `${p.vpcId} の DNS ホスト名（enableDnsHostnames）を有効化: aws ec2 modify-vpc-attribute --vpc-id ${p.vpcId} --enable-dns-hostnames`,
  }),
};

export function fixText(fix: Fix): LocalizedText {
  if (fix.kind === 'link') return { en: `See ${fix.url}`, ja: `参照: ${fix.url}` };
  const text = TEXTS[fix.step];
  return text ? text(fix.params ?? {}) : { en: `Run the plan step ${fix.step}`, ja: `計画ステップ ${fix.step} を実行` };
}
