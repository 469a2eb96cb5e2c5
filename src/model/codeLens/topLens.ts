// The first line of apprunner.yaml: which service this file is, its state and its egress, then the actions
// that apply to it (`kyudai-api · RUNNING · egress VPC via campus-sns-vpc-connector (ACTIVE)`).
import type { Localized, TextRange } from '../apprunnerYaml/types';
import type { AppRunnerService, Topology } from '../topology';
import { internetLenses } from './internetLens';
import { LENS_COMMANDS, type LensInput, type LensModel, same } from './types';

const TOP: TextRange = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };

/** The top lenses sit above the file's first line, even when it is a comment. */
export function topRange(): TextRange {
  return TOP;
}

/** `egress VPC via campus-sns-vpc-connector (ACTIVE)` / `egress DEFAULT`. */
export function egressText(service: AppRunnerService, topology: Topology): Localized {
  if (!service.detailsLoaded || !service.egressType) return { en: 'egress not loaded yet', ja: 'egress 読み込み中' };
  if (service.egressType !== 'VPC') return same('egress DEFAULT');
  const connector = topology.connectors.find((c) => c.arn === service.vpcConnectorArn);
  if (!connector) {
    const name = service.vpcConnectorArn?.split('/')[1] ?? '?';
    return { en: `egress VPC via ${name} (not found)`, ja: `egress VPC via ${name}（見つかりません）` };
  }
  return same(`egress VPC via ${connector.name} (${connector.status})`);
}

/** `OPERATION_IN_PROGRESS · UPDATE_SERVICE in progress` while App Runner is busy, else the status. */
function statusText(service: AppRunnerService): Localized {
  const op = service.lastOperation;
  const busy = op && (op.status === 'PENDING' || op.status === 'IN_PROGRESS' || op.status === 'ROLLBACK_IN_PROGRESS');
  if (service.status === 'OPERATION_IN_PROGRESS' || busy) {
    const what = op && busy ? op.type : 'operation';
    return { en: `${service.status} · ${what} in progress`, ja: `${service.status} · ${what} 実行中` };
  }
  return same(service.status);
}

function join(...parts: Localized[]): Localized {
  return { en: parts.map((p) => p.en).join(' · '), ja: parts.map((p) => p.ja).join(' · ') };
}

function linkLens(range: TextRange, title: Localized, tooltip?: Localized): LensModel {
  return { id: 'top', range, title, tooltip, command: LENS_COMMANDS.link };
}

function actions(range: TextRange, service: AppRunnerService): LensModel[] {
  const arg = [service.name];
  const list: LensModel[] = [];
  // Attaching applies only while the service does not egress through a VPC yet.
  if (service.detailsLoaded && service.egressType !== 'VPC') {
    list.push({ id: 'action:attachConnector', range, title: { en: 'Attach connector', ja: 'コネクタを接続' }, command: LENS_COMMANDS.attachConnector, args: arg });
  }
  list.push(
    { id: 'action:diagnose', range, title: { en: 'Diagnose', ja: '診断' }, command: LENS_COMMANDS.diagnose, args: arg },
    { id: 'action:showDiagram', range, title: { en: 'Show diagram', ja: '構成図' }, command: LENS_COMMANDS.showDiagram, args: arg },
    { id: 'action:checkHealth', range, title: { en: 'Check health', ja: 'ヘルスチェック' }, command: LENS_COMMANDS.checkHealth, args: arg },
    { id: 'action:link', range, title: { en: 'Change link', ja: 'リンクを変更' }, command: LENS_COMMANDS.link },
  );
  return list;
}

function howLinked(input: LensInput): Localized {
  const link = input.link;
  if (link.kind === 'setting') return { en: 'Linked by the setting apprunnerVpc.linkedService.', ja: '設定 apprunnerVpc.linkedService でリンクしています。' };
  if (link.kind === 'remembered') return { en: 'Linked by your choice for this folder.', ja: 'このフォルダーで選んだサービスにリンクしています。' };
  if (link.kind === 'serviceName') {
    return { en: 'Linked by the setting apprunnerVpc.serviceName (no service deploys this repository and folder).',
      ja: '設定 apprunnerVpc.serviceName でリンクしています（このリポジトリとフォルダーをデプロイしているサービスはありません）。' };
  }
  return { en: 'Linked automatically: the service deploys this repository and folder.', ja: '自動リンク: このリポジトリとフォルダーをデプロイしているサービスです。' };
}

/** The top lens and, when the service is known, its action lenses. */
export function topLenses(input: LensInput): LensModel[] {
  const range = topRange();
  const link = input.link;
  // Without a snapshot an automatic link cannot be known yet: say why instead of asking too early.
  if (link.kind === 'none' && !input.snapshot) {
    return [linkLens(range, join(same('App Runner'), input.unavailable ?? { en: 'loading…', ja: '読み込み中…' }))];
  }
  if (link.kind === 'none') {
    return [linkLens(range, { en: 'Link to an App Runner service...', ja: 'App Runner サービスにリンク...' },
      { en: 'No service deploys this file automatically; choose one.', ja: 'このファイルを使うサービスを自動で特定できませんでした。選んでください。' })];
  }
  if (link.kind === 'ambiguous') {
    const names = link.candidates.join(', ');
    return [linkLens(range, { en: `Link to an App Runner service... (${link.candidates.length} match)`, ja: `App Runner サービスにリンク...（${link.candidates.length} 件が一致）` },
      same(names))];
  }
  const name = link.serviceName;
  const snapshot = input.snapshot;
  const service = snapshot?.services.find((s) => s.name === name);
  if (!snapshot || !service) {
    const why: Localized = !snapshot || input.loading
      ? input.unavailable ?? (input.loading ? { en: 'loading…', ja: '読み込み中…' } : { en: 'not loaded', ja: '未読み込み' })
      : { en: `not found in ${snapshot.region}`, ja: `${snapshot.region} に見つかりません` };
    return [linkLens(range, join(same(name), why), howLinked(input))];
  }
  const tooltip = service.source?.kind === 'image'
    ? join(howLinked(input), { en: `${name} is deployed from an image: App Runner does not read this file for it`, ja: `${name} はイメージからデプロイされているため、App Runner はこのファイルを読みません` })
    : howLinked(input);
  const top: LensModel = { id: 'top', range, title: join(same(name), statusText(service), egressText(service, snapshot)), tooltip,
    command: LENS_COMMANDS.showDiagram, args: [name] };
  return [top, ...internetLenses(snapshot, service, range), ...actions(range, service)];
}
