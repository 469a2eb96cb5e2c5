// The boxes of the picture, each from the snapshot alone: its label, ids and rules for the details pane, and
// its own state (service status, connector status, NAT state, DB status). Findings are added by buildDiagram.
import { describeRule } from '../topology/securityGroupRules';
import { type DatabaseTarget, databaseLabel } from '../topology/databaseTargets';
import type { AppRunnerService, NatGateway, SecurityGroup, Subnet, VpcConnector } from '../topology/topology';
import { type ElementState, plain } from './elementState';
import { fixFor } from './findingMap';
import type { DetailRow, DiagramNode, NodeKind } from './types';
import { serviceEndpointUrl } from '../common/awsTarget';

const row = (en: string, ja: string, value: string): DetailRow => ({ label: { en, ja }, value });

function node(
  id: string,
  kind: NodeKind,
  label: string,
  s: ElementState,
  extra: Partial<DiagramNode> = {},
): DiagramNode {
  return { id, kind, label, details: [], ...s, ...extra };
}

export const serviceNodeId = (name: string): string => `service:${name}`;

export function internetNode(): DiagramNode {
  return node('internet', 'internet', 'Internet', plain('ok', 'outside AWS', 'AWS の外部'));
}

export function serviceNode(s: AppRunnerService): DiagramNode {
  const state: ElementState =
    s.status === 'RUNNING'
      ? plain('ok', 'running', '実行中')
      : s.status === 'OPERATION_IN_PROGRESS'
        ? plain('progress', 'operation in progress', '処理中')
        : s.status === 'PAUSED'
          ? plain('warning', 'paused', '一時停止中')
          : plain('broken', s.status, s.status);
  return node(serviceNodeId(s.name), 'service', s.name, state, {
    sublabel: 'App Runner',
    resourceId: s.arn,
    details: [
      row('ARN', 'ARN', s.arn),
      row('Status', '状態', s.status),
      row('Egress', '送信経路', s.egressType ?? '?'),
      ...(s.ipAddressType ? [row('IP address type', 'IP アドレスタイプ', s.ipAddressType)] : []),
      ...(s.url ? [row('URL', 'URL', serviceEndpointUrl(s.url, ''))] : []),
      ...(s.lastOperation
        ? [row('Last operation', '最後の操作', `${s.lastOperation.type} ${s.lastOperation.status}`)]
        : []),
    ],
  });
}

export function connectorNode(c: VpcConnector | undefined, wantedName: string, serviceArn: string): DiagramNode {
  if (!c) {
    return node(
      'connector',
      'connector',
      wantedName,
      plain('broken', 'not created yet', 'まだ作成されていません', { fix: fixFor('create-connector', { serviceArn }) }),
      { sublabel: 'VPC connector' },
    );
  }
  const s = c.status === 'ACTIVE' ? plain('ok', 'active', '有効') : plain('broken', c.status, c.status);
  return node('connector', 'connector', c.name, s, {
    sublabel: `VPC connector · rev ${c.revision}`,
    resourceId: c.arn,
    details: [
      row('ARN', 'ARN', c.arn),
      row('Status', '状態', c.status),
      row('Subnets', 'サブネット', c.subnetIds.join(', ')),
      row('Security groups', 'セキュリティグループ', c.securityGroupIds.join(', ') || 'VPC default'),
    ],
  });
}

export function subnetNode(s: Subnet, used: boolean): DiagramNode {
  const state = used
    ? plain('ok', 'used by the connector', 'コネクタが使用中')
    : plain('unknown', 'not used by a connector yet', 'まだコネクタに使われていません');
  return node(`subnet:${s.id}`, 'subnet', s.name ?? s.id, state, {
    sublabel: s.cidrBlock,
    group: s.availabilityZone,
    resourceId: s.id,
    details: [
      row('Subnet', 'サブネット', s.id),
      row('AZ', 'AZ', `${s.availabilityZone}${s.availabilityZoneId ? ` (${s.availabilityZoneId})` : ''}`),
      row('CIDR', 'CIDR', s.cidrBlock),
      row('Private', 'プライベート', String(s.isPrivate)),
      row('Route table', 'ルートテーブル', s.routeTableId ?? '-'),
    ],
  });
}

export function natNode(n: NatGateway): DiagramNode {
  const s =
    n.state === 'available'
      ? plain('ok', 'available', '利用可能')
      : n.state === 'pending'
        ? plain('progress', 'pending', '作成中')
        : plain('broken', n.state, n.state);
  return node(`nat:${n.id}`, 'nat', n.id, s, {
    sublabel: 'NAT gateway',
    resourceId: n.id,
    details: [
      row('NAT gateway', 'NAT ゲートウェイ', n.id),
      row('State', '状態', n.state),
      row('Subnet', 'サブネット', n.subnetId),
    ],
  });
}

export function igwNode(id: string): DiagramNode {
  return node(`igw:${id}`, 'igw', id, plain('ok', 'attached', 'アタッチ済み'), {
    sublabel: 'Internet gateway',
    resourceId: id,
    details: [row('Internet gateway', 'インターネットゲートウェイ', id)],
  });
}

/** The Name tag people know the group by (the runbook's sg-apprunner, sg-rds), else its GroupName. */
function shownName(g: SecurityGroup): string {
  return g.tags.Name || g.name;
}

function groupDetails(g: SecurityGroup): DetailRow[] {
  const rules = (egress: boolean): string =>
    g.rules
      .filter((r) => r.egress === egress)
      .map(describeRule)
      .join('; ') || '-';
  return [
    row('Group', 'グループ', `${g.id} (${g.name})`),
    row('VPC', 'VPC', g.vpcId),
    row('Inbound', 'インバウンド', rules(false)),
    row('Outbound', 'アウトバウンド', rules(true)),
  ];
}

export function appGroupNode(g: SecurityGroup | undefined, wantedName: string, vpcId: string | undefined): DiagramNode {
  if (!g) {
    return node(
      'sg-app',
      'sg-app',
      wantedName,
      plain('broken', 'not created yet', 'まだ作成されていません', {
        fix: fixFor('create-apprunner-sg', vpcId ? { vpcId } : {}),
      }),
      { sublabel: 'Security group' },
    );
  }
  return node('sg-app', 'sg-app', shownName(g), plain('ok', 'in place', '作成済み'), {
    sublabel: g.id,
    resourceId: g.id,
    details: groupDetails(g),
  });
}

export function dbGroupNode(g: SecurityGroup | undefined, wantedName: string): DiagramNode {
  if (!g)
    return node(
      'sg-db',
      'sg-db',
      wantedName,
      plain('unknown', 'database group not found', 'DB のグループが見つかりません'),
      { sublabel: 'Security group' },
    );
  return node('sg-db', 'sg-db', shownName(g), plain('ok', 'in place', '作成済み'), {
    sublabel: g.id,
    resourceId: g.id,
    details: groupDetails(g),
  });
}

export function dbNode(db: DatabaseTarget | undefined): DiagramNode {
  if (!db)
    return node('db', 'db', 'Database', plain('unknown', 'no database found', 'データベースが見つかりません'), {
      sublabel: 'RDS',
    });
  const s = db.status === 'available' ? plain('ok', 'available', '利用可能') : plain('warning', db.status, db.status);
  const kind = databaseLabel(db);
  const endpoints = db.endpoints.filter((e) => e.role !== 'member').map((e) => `${e.role}: ${e.address}:${e.port}`);
  return node('db', 'db', db.id, s, {
    sublabel: `${db.kind === 'proxy' ? 'RDS Proxy' : db.engine} :${db.port}`,
    resourceId: db.id,
    details: [
      row('Database', 'データベース', `${kind.en}`),
      row('Status', '状態', db.status),
      row('Endpoint', 'エンドポイント', endpoints.join(', ') || `${db.endpointAddress ?? '?'}:${db.port}`),
      ...(db.behind
        ? [
            row(
              'Forwards to',
              '転送先',
              `${databaseLabel(db.behind).en} :${db.behind.port} (${db.behind.securityGroupIds.join(', ') || '-'})`,
            ),
          ]
        : []),
      row('AZ', 'AZ', db.availabilityZone ?? '-'),
      row('Security groups', 'セキュリティグループ', db.securityGroupIds.join(', ')),
      row('Subnets', 'サブネット', db.subnetIds.join(', ')),
    ],
  });
}
