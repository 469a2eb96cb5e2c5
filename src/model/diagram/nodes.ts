// The boxes of the picture, each from the snapshot alone: its label, ids and rules for the details pane, and
// its own state (service status, connector status, NAT state, DB status). Findings are added by buildDiagram.
import { describeRule } from '../topology/securityGroupRules';
import { type DatabaseTarget, databaseLabel } from '../topology/databaseTargets';
import type { AppRunnerService, NatGateway, SecurityGroup, Subnet, VpcConnector } from '../topology/topology';
import { type ElementState, plain } from './elementState';
import { fixFor } from './findingMap';
import type { DetailRow, DiagramNode, NodeKind } from './types';
import { serviceEndpointUrl } from '../common/awsTarget';
import { type Localized, msg, same } from '../l10n/text';

const row = (label: Localized, value: string): DetailRow => ({ label, value });

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
  return node('internet', 'internet', 'Internet', plain('ok', msg('outside AWS')));
}

export function serviceNode(s: AppRunnerService): DiagramNode {
  const state: ElementState =
    s.status === 'RUNNING'
      ? plain('ok', msg('running'))
      : s.status === 'OPERATION_IN_PROGRESS'
        ? plain('progress', msg('operation in progress'))
        : s.status === 'PAUSED'
          ? plain('warning', msg('paused'))
          : plain('broken', same(s.status));
  return node(serviceNodeId(s.name), 'service', s.name, state, {
    sublabel: 'App Runner',
    resourceId: s.arn,
    details: [
      row(msg('ARN'), s.arn),
      row(msg('Status'), s.status),
      row(msg('Egress'), s.egressType ?? '?'),
      ...(s.ipAddressType ? [row(msg('IP address type'), s.ipAddressType)] : []),
      ...(s.url ? [row(msg('URL'), serviceEndpointUrl(s.url, ''))] : []),
      ...(s.lastOperation ? [row(msg('Last operation'), `${s.lastOperation.type} ${s.lastOperation.status}`)] : []),
    ],
  });
}

export function connectorNode(c: VpcConnector | undefined, wantedName: string, serviceArn: string): DiagramNode {
  if (!c) {
    return node(
      'connector',
      'connector',
      wantedName,
      plain('broken', msg('not created yet'), { fix: fixFor('create-connector', { serviceArn }) }),
      { sublabel: 'VPC connector' },
    );
  }
  const s = c.status === 'ACTIVE' ? plain('ok', msg('active')) : plain('broken', same(c.status));
  return node('connector', 'connector', c.name, s, {
    sublabel: `VPC connector · rev ${c.revision}`,
    resourceId: c.arn,
    details: [
      row(msg('ARN'), c.arn),
      row(msg('Status'), c.status),
      row(msg('Subnets'), c.subnetIds.join(', ')),
      row(msg('Security groups'), c.securityGroupIds.join(', ') || 'VPC default'),
    ],
  });
}

export function subnetNode(s: Subnet, used: boolean): DiagramNode {
  const state = used ? plain('ok', msg('used by the connector')) : plain('unknown', msg('not used by a connector yet'));
  return node(`subnet:${s.id}`, 'subnet', s.name ?? s.id, state, {
    sublabel: s.cidrBlock,
    group: s.availabilityZone,
    resourceId: s.id,
    details: [
      row(msg('Subnet'), s.id),
      row(msg('AZ'), `${s.availabilityZone}${s.availabilityZoneId ? ` (${s.availabilityZoneId})` : ''}`),
      row(msg('CIDR'), s.cidrBlock),
      row(msg('Private'), String(s.isPrivate)),
      row(msg('Route table'), s.routeTableId ?? '-'),
    ],
  });
}

export function natNode(n: NatGateway): DiagramNode {
  const s =
    n.state === 'available'
      ? plain('ok', msg('available'))
      : n.state === 'pending'
        ? plain('progress', msg('pending'))
        : plain('broken', same(n.state));
  return node(`nat:${n.id}`, 'nat', n.id, s, {
    sublabel: 'NAT gateway',
    resourceId: n.id,
    details: [row(msg('NAT gateway'), n.id), row(msg('State'), n.state), row(msg('Subnet'), n.subnetId)],
  });
}

export function igwNode(id: string): DiagramNode {
  return node(`igw:${id}`, 'igw', id, plain('ok', msg('attached')), {
    sublabel: 'Internet gateway',
    resourceId: id,
    details: [row(msg('Internet gateway'), id)],
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
    row(msg('Group'), `${g.id} (${g.name})`),
    row(msg('VPC'), g.vpcId),
    row(msg('Inbound'), rules(false)),
    row(msg('Outbound'), rules(true)),
  ];
}

export function appGroupNode(g: SecurityGroup | undefined, wantedName: string, vpcId: string | undefined): DiagramNode {
  if (!g) {
    return node(
      'sg-app',
      'sg-app',
      wantedName,
      plain('broken', msg('not created yet'), {
        fix: fixFor('create-apprunner-sg', vpcId ? { vpcId } : {}),
      }),
      { sublabel: 'Security group' },
    );
  }
  return node('sg-app', 'sg-app', shownName(g), plain('ok', msg('in place')), {
    sublabel: g.id,
    resourceId: g.id,
    details: groupDetails(g),
  });
}

export function dbGroupNode(g: SecurityGroup | undefined, wantedName: string): DiagramNode {
  if (!g)
    return node('sg-db', 'sg-db', wantedName, plain('unknown', msg('database group not found')), {
      sublabel: 'Security group',
    });
  return node('sg-db', 'sg-db', shownName(g), plain('ok', msg('in place')), {
    sublabel: g.id,
    resourceId: g.id,
    details: groupDetails(g),
  });
}

export function dbNode(db: DatabaseTarget | undefined): DiagramNode {
  if (!db)
    return node('db', 'db', 'Database', plain('unknown', msg('no database found')), {
      sublabel: 'RDS',
    });
  const s = db.status === 'available' ? plain('ok', msg('available')) : plain('warning', same(db.status));
  const kind = databaseLabel(db);
  const endpoints = db.endpoints.filter((e) => e.role !== 'member').map((e) => `${e.role}: ${e.address}:${e.port}`);
  return node('db', 'db', db.id, s, {
    sublabel: `${db.kind === 'proxy' ? 'RDS Proxy' : db.engine} :${db.port}`,
    resourceId: db.id,
    details: [
      row(msg('Database'), `${kind.en}`),
      row(msg('Status'), db.status),
      row(msg('Endpoint'), endpoints.join(', ') || `${db.endpointAddress ?? '?'}:${db.port}`),
      ...(db.behind
        ? [
            row(
              msg('Forwards to'),
              `${databaseLabel(db.behind).en} :${db.behind.port} (${db.behind.securityGroupIds.join(', ') || '-'})`,
            ),
          ]
        : []),
      row(msg('AZ'), db.availabilityZone ?? '-'),
      row(msg('Security groups'), db.securityGroupIds.join(', ')),
      row(msg('Subnets'), db.subnetIds.join(', ')),
    ],
  });
}
