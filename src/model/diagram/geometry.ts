// Where an edge is drawn between two boxes: from the side of one box facing the other to the facing side of
// the other, as a smooth curve, with its label beside the middle. Pure, so the webview and tests share it.
import type { NodeBox, Point } from './types';

export interface EdgeGeometry {
  d: string;
  label: Point;
  /** Where the label's text starts from: beside a vertical line, centred above a horizontal one. */
  anchor: 'start' | 'middle';
}

const centre = (b: NodeBox): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const round = (n: number): number => Math.round(n * 10) / 10;

export function edgeGeometry(from: NodeBox, to: NodeBox): EdgeGeometry {
  const a = centre(from);
  const b = centre(to);
  // Boxes in different rows connect bottom to top; boxes in one row connect side to side.
  const vertical = Math.abs(b.y - a.y) > from.height / 2;
  if (vertical) {
    const down = b.y > a.y;
    const start = { x: a.x, y: down ? from.y + from.height : from.y };
    const end = { x: b.x, y: down ? to.y : to.y + to.height };
    const bend = (end.y - start.y) / 2;
    const d = `M${round(start.x)},${round(start.y)} C${round(start.x)},${round(start.y + bend)} ${round(end.x)},${round(end.y - bend)} ${round(end.x)},${round(end.y)}`;
    return { d, label: { x: round((start.x + end.x) / 2 + 6), y: round((start.y + end.y) / 2 + 4) }, anchor: 'start' };
  }
  const right = b.x > a.x;
  const start = { x: right ? from.x + from.width : from.x, y: a.y };
  const end = { x: right ? to.x : to.x + to.width, y: b.y };
  return {
    d: `M${round(start.x)},${round(start.y)} L${round(end.x)},${round(end.y)}`,
    label: { x: round((start.x + end.x) / 2), y: round(start.y - 6) },
    anchor: 'middle',
  };
}
