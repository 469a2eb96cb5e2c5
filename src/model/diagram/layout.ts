// A small layered layout, top to bottom in the order traffic flows (as the runbook's section 1.2 draws it):
// services, the connector, its subnets (boxed by AZ) beside the App Runner group, NAT gateways beside the DB
// group, internet gateways beside the database, the internet. Within a row the internet path is on the left
// and the database path on the right; a row's lone node sits above or below its neighbours so lines stay
// short. Deterministic: the same model always gives the same picture.
import type { DiagramLayout, DiagramModel, DiagramNode, GroupBox, NodeBox, NodeKind } from './types';

export const NODE_WIDTH = 156;
export const NODE_HEIGHT = 48;
const ROW_GAP = 72;
const NODE_GAP = 28;
const MARGIN = 24;
const GROUP_PAD = 8;
const GROUP_LABEL = 16;
const LABEL_GAP = 72;

const ROW: Record<NodeKind, number> = {
  service: 0,
  connector: 1,
  subnet: 2,
  'sg-app': 2,
  nat: 3,
  'sg-db': 3,
  igw: 4,
  db: 4,
  internet: 5,
};
const BAND: Record<NodeKind, number> = {
  service: 0,
  connector: 0,
  subnet: 0,
  nat: 0,
  igw: 0,
  internet: 0,
  'sg-app': 1,
  'sg-db': 1,
  db: 1,
};

interface Slot {
  node: DiagramNode;
  before: number; // an AZ box's padding on its left
  after: number;
}

function rowSlots(nodes: DiagramNode[]): Slot[] {
  const band = (n: DiagramNode): number => (n.kind === 'internet' ? 2 : BAND[n.kind]);
  const sorted = [...nodes].sort((a, b) => band(a) - band(b) || (a.group ?? '').localeCompare(b.group ?? ''));
  return sorted.map((node, i) => {
    const opens = node.group !== undefined && sorted[i - 1]?.group !== node.group;
    const closes = node.group !== undefined && sorted[i + 1]?.group !== node.group;
    // The internet beside a service (default egress) leaves room for the line's label.
    const beside = node.kind === 'internet' && i > 0 ? LABEL_GAP : 0;
    return { node, before: (opens ? GROUP_PAD : 0) + beside, after: closes ? GROUP_PAD : 0 };
  });
}

/** A service on App Runner's default egress reaches the internet itself: the internet is drawn in its row. */
function rowOf(model: DiagramModel, node: DiagramNode): number {
  if (node.kind !== 'internet') return ROW[node.kind];
  const source = model.edges.find((e) => e.kind === 'internet' && e.to === node.id)?.from;
  return model.nodes.find((n) => n.id === source)?.kind === 'service' ? ROW.service : ROW.internet;
}

function rowWidth(slots: Slot[]): number {
  return slots.reduce((w, s) => w + s.before + NODE_WIDTH + s.after + NODE_GAP, -NODE_GAP);
}

function place(slots: Slot[], startX: number): number[] {
  let x = startX;
  return slots.map((slot) => {
    x += slot.before;
    const at = x;
    x += NODE_WIDTH + slot.after + NODE_GAP;
    return at;
  });
}

export function layoutDiagram(model: DiagramModel): DiagramLayout {
  const rows = new Map<number, DiagramNode[]>();
  for (const n of model.nodes) rows.set(rowOf(model, n), [...(rows.get(rowOf(model, n)) ?? []), n]);
  const order = [...rows.keys()].sort((a, b) => a - b);
  const slotsByRow = order.map((r) => rowSlots(rows.get(r) ?? []));
  const widest = Math.max(...slotsByRow.map(rowWidth), NODE_WIDTH);
  const centreX = new Map<string, number>();
  const boxes: NodeBox[] = [];
  const grouped = model.nodes.some((n) => n.group);
  order.forEach((row, i) => {
    const slots = slotsByRow[i];
    let xs = place(slots, MARGIN + (widest - rowWidth(slots)) / 2);
    if (slots.length === 1) {
      // A lone node sits level with the average of the neighbours already placed above it.
      const id = slots[0].node.id;
      const near = model.edges
        .filter((e) => e.to === id || e.from === id)
        .map((e) => centreX.get(e.to === id ? e.from : e.to))
        .filter((x): x is number => x !== undefined);
      if (near.length > 0) xs = [Math.max(MARGIN, near.reduce((a, b) => a + b, 0) / near.length - NODE_WIDTH / 2)];
    }
    // Rows below the AZ boxes' labels move down by the label height.
    const y = MARGIN + i * (NODE_HEIGHT + ROW_GAP) + (grouped && row >= ROW.subnet ? GROUP_LABEL : 0);
    slots.forEach((slot, j) => {
      const box = { id: slot.node.id, x: xs[j], y, width: NODE_WIDTH, height: NODE_HEIGHT };
      boxes.push(box);
      centreX.set(box.id, box.x + NODE_WIDTH / 2);
    });
  });
  const groups = groupBoxes(model.nodes, boxes);
  const right = Math.max(...boxes.map((b) => b.x + b.width), ...groups.map((g) => g.x + g.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height), ...groups.map((g) => g.y + g.height));
  return { width: right + MARGIN, height: bottom + MARGIN, nodes: boxes, groups };
}

function groupBoxes(nodes: DiagramNode[], boxes: NodeBox[]): GroupBox[] {
  const byGroup = new Map<string, NodeBox[]>();
  for (const n of nodes) {
    const box = boxes.find((b) => b.id === n.id);
    if (n.group && box) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), box]);
  }
  return [...byGroup.entries()].map(([label, members]) => {
    const left = Math.min(...members.map((b) => b.x)) - GROUP_PAD;
    const right = Math.max(...members.map((b) => b.x + b.width)) + GROUP_PAD;
    const top = Math.min(...members.map((b) => b.y)) - GROUP_PAD - GROUP_LABEL;
    const bottom = Math.max(...members.map((b) => b.y + b.height)) + GROUP_PAD;
    return { id: `az:${label}`, label, x: left, y: top, width: right - left, height: bottom - top };
  });
}
