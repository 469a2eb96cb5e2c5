// buildDiagram(snapshot, service): the runbook's section 1.2 picture for one service, drawn from the account.
// Nodes and structure come from the snapshot; every state of a traffic path comes from analyzeService (the
// reachability analysis), so the picture, the diagnosis and the checklist always agree.
import type { Finding, LocalizedText } from '../diagnosis/diagnosis';
import { analyzeService, type AnalyzeOptions } from '../diagnosis/reachability';
import { findService, resolveContext, type AnalysisContext } from '../diagnosis/reachabilityContext';
import { findGroupByName, type NamedGroup } from '../topology/groupNames';
import { DEFAULT_SETUP_SETTINGS } from '../plan/setupSettings';
import type { Topology } from '../topology/topology';
import { type ElementState, inProgress, plain, stateFrom } from './elementState';
import { EDGE_FINDING_IDS, EDGE_FINDINGS, worst } from './findingMap';
import {
  appGroupNode,
  connectorNode,
  dbGroupNode,
  dbNode,
  internetNode,
  serviceNode,
  serviceNodeId,
  subnetNode,
} from './nodes';
import { routeScene } from './routes';
import type { DiagramEdge, DiagramModel, DiagramNode, EdgeKind } from './types';
import { msg } from '../l10n/text';

export interface DiagramOptions extends AnalyzeOptions {
  connectorName?: string;
  /** Ids of nodes and edges an operation started from the panel is changing right now. */
  busy?: readonly string[];
}

const WORKING: LocalizedText = msg('operation in progress');

function edge(id: string, kind: EdgeKind, from: string, to: string, s: ElementState, label?: string): DiagramEdge {
  return { id, kind, from, to, ...s, ...(label ? { label } : {}) };
}

function preferred<T extends NamedGroup>(
  items: readonly T[],
  name: string | undefined,
  nameTag?: string,
): T | undefined {
  return findGroupByName(items, name, nameTag) ?? items[0];
}

function pathEdges(
  ctx: AnalysisContext,
  findings: readonly Finding[],
  names: string[],
  exitId: string | undefined,
): DiagramEdge[] {
  const on = (kind: EdgeKind): Finding[] => findings.filter((f) => EDGE_FINDINGS[kind]?.includes(f.id));
  const port = `TCP ${ctx.dbPort}`;
  const checkable = Boolean(ctx.connector && ctx.db);
  const later = plain('unknown', msg('checked once a connector exists'));
  const [chosen, ...others] = names;
  const attached = ctx.attached && !ctx.connectorArnMissing;
  const out: DiagramEdge[] = [
    edge(
      `attach:${chosen}`,
      'attach',
      serviceNodeId(chosen),
      'connector',
      stateFrom(attached ? plain('ok', msg('VPC egress')) : plain('unknown', msg('default egress')), on('attach')),
    ),
    ...others.map((name) =>
      edge(`attach:${name}`, 'attach', serviceNodeId(name), 'connector', plain('ok', msg('VPC egress'))),
    ),
    edge(
      'db-egress',
      'db-egress',
      'sg-app',
      'sg-db',
      stateFrom(checkable ? plain('ok', msg('{0} allowed', port)) : later, on('db-egress')),
      port,
    ),
    edge(
      'db-ingress',
      'db-ingress',
      'sg-db',
      'db',
      stateFrom(
        checkable && ctx.connectorGroups.length > 0 ? plain('ok', msg('{0} allowed', port)) : later,
        on('db-ingress'),
      ),
      port,
    ),
  ];
  const internet = attached
    ? edge(
        'internet',
        'internet',
        exitId ?? 'connector',
        'internet',
        stateFrom(plain('ok', msg('HTTPS through NAT')), on('internet')),
        'HTTPS 443',
      )
    : edge(
        'internet',
        'internet',
        serviceNodeId(chosen),
        'internet',
        plain('ok', msg("App Runner's default egress")),
        'HTTPS 443',
      );
  return [...out, internet];
}

function structure(ctx: AnalysisContext, appGroupId: string | undefined): DiagramEdge[] {
  if (!ctx.connector) return [];
  const member = ctx.connectorSubnets.map((s) =>
    edge(`member:${s.id}`, 'member', 'connector', `subnet:${s.id}`, plain('ok', msg('connector subnet'))),
  );
  const usesApp = appGroupId !== undefined && ctx.connectorGroups.some((g) => g.id === appGroupId);
  const uses = edge(
    'uses-group',
    'uses-group',
    'connector',
    'sg-app',
    usesApp
      ? plain('ok', msg('connector security group'))
      : plain('warning', msg('the connector does not use this group')),
  );
  return [...member, uses];
}

/** Findings not drawn on an edge go to the nodes their evidence names, else to the service. */
function placeNodeFindings(nodes: DiagramNode[], findings: readonly Finding[], serviceId: string): DiagramNode[] {
  const byNode = new Map<string, Finding[]>();
  for (const f of findings.filter((x) => !EDGE_FINDING_IDS.has(x.id))) {
    const ids = new Set(f.evidence.map((e) => e.id));
    const targets = nodes.filter((n) => n.resourceId !== undefined && ids.has(n.resourceId));
    for (const n of targets.length > 0 ? targets : nodes.filter((x) => x.id === serviceId)) {
      byNode.set(n.id, [...(byNode.get(n.id) ?? []), f]);
    }
  }
  return nodes.map((n) => {
    const own = byNode.get(n.id);
    return own ? { ...n, ...stateFrom(n, own) } : n;
  });
}

export function buildDiagram(
  topology: Topology,
  serviceName: string,
  options: DiagramOptions = {},
): DiagramModel | undefined {
  const service = findService(topology, serviceName);
  if (!service) return undefined;
  const diagnosis = analyzeService(topology, service.arn, options);
  const ctx = resolveContext(topology, service, options);
  const others = ctx.connector
    ? topology.services.filter(
        (s) => s !== service && s.egressType === 'VPC' && s.vpcConnectorArn === ctx.connector?.arn,
      )
    : [];
  const subnets = ctx.connector
    ? ctx.connectorSubnets
    : topology.subnets.filter((s) => ctx.db?.subnetIds.includes(s.id));
  const routes = routeScene(topology, subnets, service);
  const appGroup =
    preferred(ctx.connectorGroups, options.appRunnerGroupName, options.appRunnerGroupNameTag) ??
    findGroupByName(
      topology.securityGroups.filter((g) => g.vpcId === (ctx.connectorVpcId ?? ctx.db?.vpcId)),
      options.appRunnerGroupName,
      options.appRunnerGroupNameTag,
    );
  const vpcId = ctx.connectorVpcId ?? ctx.db?.vpcId;
  const nodes: DiagramNode[] = [
    internetNode(),
    serviceNode(service),
    ...others.map(serviceNode),
    connectorNode(ctx.connector, options.connectorName ?? 'VPC connector', service.arn),
    ...subnets.map((s) => subnetNode(s, Boolean(ctx.connector))),
    ...routes.nodes,
    appGroupNode(
      appGroup,
      options.appRunnerGroupNameTag ||
        (options.appRunnerGroupName ?? DEFAULT_SETUP_SETTINGS.appRunnerSecurityGroupNameTag),
      vpcId,
    ),
    dbGroupNode(
      preferred(ctx.dbGroups, options.databaseGroupName),
      options.databaseGroupName ?? DEFAULT_SETUP_SETTINGS.databaseSecurityGroupName,
    ),
    dbNode(ctx.db),
  ];
  const names = [service.name, ...others.map((s) => s.name)];
  let edges = [
    ...pathEdges(ctx, diagnosis.findings, names, routes.exitId),
    ...structure(ctx, appGroup?.id),
    ...routes.edges,
  ];
  let placed = placeNodeFindings(nodes, diagnosis.findings, serviceNodeId(service.name));
  // The redeploy after attaching takes minutes: the service and its connector edge show it.
  if (service.status === 'OPERATION_IN_PROGRESS') {
    edges = edges.map((e) => (e.id === `attach:${service.name}` ? { ...e, ...inProgress(e, WORKING) } : e));
  }
  const busy = new Set(options.busy ?? []);
  placed = placed.map((n) => (busy.has(n.id) && n.state !== 'progress' ? { ...n, ...inProgress(n, WORKING) } : n));
  edges = edges.map((e) => (busy.has(e.id) && e.state !== 'progress' ? { ...e, ...inProgress(e, WORKING) } : e));
  return {
    serviceName: service.name,
    services: topology.services.map((s) => s.name).sort(),
    nodes: placed,
    edges,
    loadedAt: topology.loadedAt,
  };
}

/** The worst state in the picture, for the panel's title and the host's summary. */
export function overallState(model: DiagramModel): ReturnType<typeof worst> {
  return worst([...model.nodes, ...model.edges].map((x) => x.state));
}
