// Where an edge is drawn between two boxes: from the side of one box facing the other to the facing side of
// the other, as a smooth curve, with its label at the middle. Pure, so the webview and tests share it.
import type { NodeBox, Point } from './types';

export interface EdgeGeometry {
  d: string;
  label: Point;
}

function anchor(box: NodeBox, towards: NodeBox): Point {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const tx = towards.x + towards.width / 2;
  const ty = towards.y + towards.height / 2;
  // Side by side: leave from the left or right edge; stacked in one column: from the top or bottom.
  if (Math.abs(tx - cx) > box.width / 2) return { x: tx > cx ? box.x + box.width : box.x, y: cy };
  return { x: cx, y: ty > cy ? box.y + box.height : box.y };
}

const round = (n: number): number => Math.round(n * 10) / 10;

export function edgeGeometry(from: NodeBox, to: NodeBox): EdgeGeometry {
  const a = anchor(from, to);
  const b = anchor(to, from);
  const horizontal = a.y === from.y + from.height / 2 && Math.abs(b.x - a.x) > 1;
  const bend = horizontal ? (b.x - a.x) / 2 : (b.y - a.y) / 2;
  const c1 = horizontal ? { x: a.x + bend, y: a.y } : { x: a.x, y: a.y + bend };
  const c2 = horizontal ? { x: b.x - bend, y: b.y } : { x: b.x, y: b.y - bend };
  const d = `M${round(a.x)},${round(a.y)} C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(b.x)},${round(b.y)}`;
  return { d, label: { x: round((a.x + b.x) / 2), y: round((a.y + b.y) / 2) } };
}
