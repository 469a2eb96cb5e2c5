// The diagram's plain data: what the panel draws for one service (a pure function of the snapshot: docs/design.md,
// 'How data flows'). Shared by the model, the extension side of the panel and the webview bundle, so types only.
import type { LocalizedText } from '../diagnosis/diagnosis';
import type { DiagramFix } from '../fix/diagramFix';

export type { DiagramFix };

/** ok, warning, broken, in progress, unknown: one mapping to colour and icon in the webview. */
export type DiagramState = 'ok' | 'warning' | 'broken' | 'progress' | 'unknown';

export type NodeKind = 'internet' | 'service' | 'connector' | 'subnet' | 'nat' | 'igw' | 'db' | 'sg-app' | 'sg-db';

/** The traffic paths of the issue (connector, DB on its port, internet on 443) and the structure between them. */
export type EdgeKind = 'attach' | 'member' | 'uses-group' | 'route' | 'db-egress' | 'db-ingress' | 'internet';

export interface DetailRow {
  label: LocalizedText;
  value: string;
}

interface Element {
  id: string;
  state: DiagramState;
  /** A few words: "no VPC egress", "TCP 5432 allowed". */
  reason: LocalizedText;
  /** The analysis' full sentences behind the state (finding messages). */
  notes: LocalizedText[];
  fix?: DiagramFix;
  /** A link to documentation when the fix is outside AWS API calls (routes, NAT gateways). */
  docUrl?: string;
}

export interface DiagramNode extends Element {
  kind: NodeKind;
  label: string;
  sublabel?: string;
  /** Grouping box: the availability zone of a subnet. */
  group?: string;
  /** The AWS id or ARN to reveal in the tree; absent for placeholders of things not created yet. */
  resourceId?: string;
  details: DetailRow[];
}

export interface DiagramEdge extends Element {
  kind: EdgeKind;
  from: string;
  to: string;
  label?: string;
}

export interface DiagramModel {
  serviceName: string;
  /** Every service in the snapshot, for the service picker. */
  services: string[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Snapshot time, shown in the panel's footer. */
  loadedAt: string;
}

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox extends Point {
  id: string;
  width: number;
  height: number;
}

export interface GroupBox extends NodeBox {
  label: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  groups: GroupBox[];
}
