// A small layered layout, left to right in the order traffic flows: services, connector, subnets (boxed by
// AZ) and the App Runner group, NAT gateways and the DB group, internet gateways and the database, the
// internet. Within a column the internet path sits above the database path; single nodes are pulled towards
// their neighbours so lines stay short. Deterministic: the same model always gives the same picture.
import type { DiagramLayout, DiagramModel, DiagramNode, GroupBox, NodeBox, NodeKind } from './types';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 52;
const COLUMN_GAP = 64;
const ROW_GAP = 20;
const MARGIN = 24;
const GROUP_PAD = 10;
const GROUP_LABEL = 18;

const COLUMN: Record<NodeKind, number> = { service: 0, connector: 1, subnet: 2, 'sg-app': 2, nat: 3, 'sg-db': 3, igw: 4, db: 4, internet: 5 };
const BAND: Record<NodeKind, number> = { service: 0, connector: 0, subnet: 0, nat: 0, igw: 0, internet: 0, 'sg-app': 1, 'sg-db': 1, db: 1 };

interface Slot {
  node: DiagramNode;
  top: number; // extra space above (an AZ box's padding and label)
  bottom: number;
}

function columnSlots(nodes: DiagramNode[]): Slot[] {
  const sorted = [...nodes].sort((a, b) => BAND[a.kind] - BAND[b.kind] || (a.group ?? '').localeCompare(b.group ?? ''));
  return sorted.map((node, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const opens = node.group !== undefined && prev?.group !== node.group;
    const closes = node.group !== undefined && next?.group !== node.group;
    return { node, top: opens ? GROUP_PAD + GROUP_LABEL : 0, bottom: closes ? GROUP_PAD : 0 };
  });
}

function stack(slots: Slot[], startY: number): number[] {
  let y = startY;
  return slots.map((slot) => {
    y += slot.top;
    const at = y;
    y += NODE_HEIGHT + slot.bottom + ROW_GAP;
    return at;
  });
}

function height(slots: Slot[]): number {
  return slots.reduce((h, s) => h + s.top + NODE_HEIGHT + s.bottom + ROW_GAP, -ROW_GAP);
}

export function layoutDiagram(model: DiagramModel): DiagramLayout {
  const columns = new Map<number, DiagramNode[]>();
  for (const n of model.nodes) columns.set(COLUMN[n.kind], [...(columns.get(COLUMN[n.kind]) ?? []), n]);
  const order = [...columns.keys()].sort((a, b) => a - b);
  const slotsByColumn = order.map((c) => columnSlots(columns.get(c) ?? []));
  const tallest = Math.max(...slotsByColumn.map(height), NODE_HEIGHT);
  const centreY = new Map<string, number>();
  const boxes: NodeBox[] = [];
  order.forEach((column, i) => {
    const slots = slotsByColumn[i];
    let ys = stack(slots, MARGIN + (tallest - height(slots)) / 2);
    if (slots.length === 1) {
      // A lone node sits level with the average of the neighbours already placed to its left.
      const id = slots[0].node.id;
      const near = model.edges.filter((e) => e.to === id || e.from === id).map((e) => centreY.get(e.to === id ? e.from : e.to))
        .filter((y): y is number => y !== undefined);
      if (near.length > 0) ys = [near.reduce((a, b) => a + b, 0) / near.length - NODE_HEIGHT / 2];
    }
    slots.forEach((slot, j) => {
      const box = { id: slot.node.id, x: MARGIN + column * (NODE_WIDTH + COLUMN_GAP), y: ys[j], width: NODE_WIDTH, height: NODE_HEIGHT };
      boxes.push(box);
      centreY.set(box.id, box.y + NODE_HEIGHT / 2);
    });
  });
  const groups = groupBoxes(model.nodes, boxes);
  const maxColumn = order.length > 0 ? order[order.length - 1] : 0;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height), ...groups.map((g) => g.y + g.height));
  return { width: MARGIN * 2 + (maxColumn + 1) * NODE_WIDTH + maxColumn * COLUMN_GAP, height: bottom + MARGIN, nodes: boxes, groups };
}

function groupBoxes(nodes: DiagramNode[], boxes: NodeBox[]): GroupBox[] {
  const byGroup = new Map<string, NodeBox[]>();
  for (const n of nodes) {
    const box = boxes.find((b) => b.id === n.id);
    if (n.group && box) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), box]);
  }
  return [...byGroup.entries()].map(([label, members]) => {
    const top = Math.min(...members.map((b) => b.y)) - GROUP_PAD - GROUP_LABEL;
    const bottom = Math.max(...members.map((b) => b.y + b.height)) + GROUP_PAD;
    const left = Math.min(...members.map((b) => b.x)) - GROUP_PAD;
    return { id: `az:${label}`, label, x: left, y: top, width: NODE_WIDTH + GROUP_PAD * 2, height: bottom - top };
  });
}
