// Which key of apprunner.yaml a cursor position is on (for hovers and CodeLens placement).
import { isMap, isNode, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { ValidationContext } from './context';
import { join } from './nodes';
import type { TextRange } from './types';

export type KeyPath = (string | number)[];

export interface KeyPathInfo {
  /** Keys and list indexes from the top, e.g. ['run', 'env', 0, 'name']. */
  path: KeyPath;
  /** True when the position is on the key itself, false when on its value. */
  onKey: boolean;
  /** The key's range when onKey, else the value's. */
  range: TextRange;
}

/** `run.env[0].name` */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>(join, '');
}

/** Zero-based line and column, as VS Code gives them. Undefined outside any key or value. */
export function keyPathAt(text: string, line: number, col: number): KeyPathInfo | undefined {
  const ctx = new ValidationContext(text);
  const lineStart = ctx.lines.lineStart(line);
  if (lineStart === undefined || col < 0) return undefined;
  const doc = parseDocument(text, { prettyErrors: false });
  return walk(ctx, doc.contents, lineStart + col, []);
}

function contains(node: Node, offset: number): boolean {
  return node.range !== undefined && node.range !== null && offset >= node.range[0] && offset <= node.range[1];
}

function walk(ctx: ValidationContext, node: unknown, offset: number, path: KeyPath): KeyPathInfo | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (!key || key.value === null) continue;
      const keyPath = [...path, String(key.value)];
      if (contains(key, offset)) return { path: keyPath, onKey: true, range: ctx.rangeOf(key) };
      if (isNode(pair.value) && contains(pair.value, offset)) {
        return (
          walk(ctx, pair.value, offset, keyPath) ?? { path: keyPath, onKey: false, range: ctx.rangeOf(pair.value) }
        );
      }
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      if (isNode(item) && contains(item, offset)) {
        const itemPath = [...path, index];
        return walk(ctx, item, offset, itemPath) ?? { path: itemPath, onKey: false, range: ctx.rangeOf(item) };
      }
    }
  }
  return undefined;
}
