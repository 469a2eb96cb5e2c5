// Small readers over yaml nodes that report type mistakes instead of throwing, so one bad value never
// hides the problems after it.
import { isAlias, isMap, isNode, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Anchor, ValidationContext } from './context';
import { messages, type ExpectedType } from './messages';
import type { Localized, Located } from './types';
import { msg } from '../l10n/text';

/** The node behind an alias, or the node itself; null/undefined for empty values. */
export function deref(ctx: ValidationContext, node: unknown): Node | null {
  if (isAlias(node)) {
    const target = ctx.doc ? node.resolve(ctx.doc) : undefined;
    return target ?? null;
  }
  return isNode(node) ? node : null;
}

/** True for a missing value: nothing after the colon, `~` or `null`. */
export function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** How a node reads to a user, for "must be X, not Y" messages. */
export function describeNode(node: Node | null): Localized {
  if (isEmpty(node)) return msg('empty');
  if (isMap(node)) return msg('a mapping');
  if (isSeq(node)) return msg('a list');
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'number') return msg('the number {0}', node.source ?? String(value));
    if (typeof value === 'boolean') return msg('the boolean {0}', String(value));
    return msg('a string');
  }
  return msg('an unsupported value');
}

/** A scalar's text as written: `1.0` stays "1.0", `true` stays "true". */
export function scalarText(node: Node | null): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

export function expectMap(ctx: ValidationContext, node: Node | null, path: string, at: Anchor): YAMLMap | undefined {
  if (isMap(node)) return node;
  if (isEmpty(node)) ctx.report('empty-value', 'error', messages.emptyValue(path), at, path);
  else ctx.report('wrong-type', 'error', messages.wrongType(path, 'mapping', describeNode(node)), node, path);
  return undefined;
}

/**
 * The map's pairs by key name. Keys outside `known` are reported as warnings (they are kept out of the
 * result so later checks only see what App Runner reads).
 */
export function knownPairs(
  ctx: ValidationContext,
  map: YAMLMap,
  path: string,
  known: readonly string[],
): Map<string, Pair> {
  const result = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = scalarText(deref(ctx, pair.key));
    if (key !== undefined && known.includes(key)) {
      if (!result.has(key)) result.set(key, pair);
      continue;
    }
    ctx.report('unknown-key', 'warning', messages.unknownKey(key ?? '?', path, known), pair, join(path, key ?? '?'));
  }
  return result;
}

export function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Reports a required key that is absent; `at` is where the squiggle goes (usually the parent's key). */
export function requirePair(
  ctx: ValidationContext,
  pairs: Map<string, Pair>,
  key: string,
  parent: string,
  at: Anchor,
): Pair | undefined {
  const pair = pairs.get(key);
  if (!pair) ctx.report('missing-key', 'error', messages.missingKey(join(parent, key)), at, join(parent, key));
  return pair;
}

/**
 * A scalar value as text. Empty values are reported unless `allowEmpty` (then they read as "").
 * Mappings and lists are type errors.
 */
export function readText(
  ctx: ValidationContext,
  pair: Pair,
  path: string,
  options: { allowEmpty?: boolean; expected?: ExpectedType } = {},
): Located<string> | undefined {
  const node = deref(ctx, pair.value);
  if (isEmpty(node)) {
    if (options.allowEmpty) return { value: '', range: ctx.rangeOf(pair) };
    ctx.report('empty-value', 'error', messages.emptyValue(path), pair, path);
    return undefined;
  }
  const text = scalarText(node);
  if (text === undefined) {
    ctx.report(
      'wrong-type',
      'error',
      messages.wrongType(path, options.expected ?? 'string', describeNode(node)),
      node,
      path,
    );
    return undefined;
  }
  return { value: text, range: ctx.rangeOf(node) };
}

/** The items of an optional list value (absent or empty reads as no items); anything else is a type error. */
export function listItems(
  ctx: ValidationContext,
  pair: Pair | undefined,
  path: string,
  expected: ExpectedType,
): unknown[] {
  const node = pair ? deref(ctx, pair.value) : null;
  if (isEmpty(node)) return [];
  if (isSeq(node)) return node.items;
  ctx.report('wrong-type', 'error', messages.wrongType(path, expected, describeNode(node)), node, path);
  return [];
}

/** A list of command strings; an empty value is an empty list. */
export function readCommands(ctx: ValidationContext, pair: Pair | undefined, path: string): Located<string>[] {
  const commands: Located<string>[] = [];
  listItems(ctx, pair, path, 'list-of-strings').forEach((item, index) => {
    const itemNode = deref(ctx, item);
    const itemPath = join(path, index);
    const text = scalarText(itemNode);
    if (text !== undefined) commands.push({ value: text, range: ctx.rangeOf(itemNode) });
    else if (isMap(itemNode))
      ctx.report('wrong-type', 'error', messages.commandIsMapping(itemPath), itemNode, itemPath);
    else if (!isEmpty(itemNode))
      ctx.report(
        'wrong-type',
        'error',
        messages.wrongType(itemPath, 'string', describeNode(itemNode)),
        itemNode,
        itemPath,
      );
  });
  return commands;
}
