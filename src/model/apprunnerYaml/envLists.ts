// run.env / build.env ([{name, value}]) and run.secrets ([{name, value-from}]).
import type { Pair } from 'yaml';
import type { ValidationContext } from './context';
import { ENV_ITEM_KEYS, SECRET_ITEM_KEYS } from './keys';
import { messages } from './messages';
import { deref, expectMap, join, knownPairs, listItems, readText, requirePair } from './nodes';
import { classifySecretReference } from './secretReference';
import type { EnvEntry, SecretEntry } from './types';

interface NamedItem {
  path: string;
  range: EnvEntry['range'];
  name?: EnvEntry['name'];
  value?: EnvEntry['value'];
}

/** Each list item as {name, <valueKey>}; both keys are required by the file format. */
function readNamedList(
  ctx: ValidationContext,
  pair: Pair | undefined,
  path: string,
  keys: readonly ['name', string],
): NamedItem[] {
  const valueKey = keys[1];
  const items: NamedItem[] = [];
  listItems(ctx, pair, path, 'list').forEach((item, index) => {
    const itemPath = join(path, index);
    const itemNode = deref(ctx, item);
    const map = expectMap(ctx, itemNode, itemPath, itemNode);
    if (!map) return;
    const pairs = knownPairs(ctx, map, itemPath, keys);
    const namePair = requirePair(ctx, pairs, 'name', itemPath, map);
    const valuePair = requirePair(ctx, pairs, valueKey, itemPath, map);
    const entry: NamedItem = { path: itemPath, range: ctx.rangeOf(map) };
    if (namePair) entry.name = readText(ctx, namePair, join(itemPath, 'name'));
    // An empty env value is legal (App Runner allows ""); an empty secret reference is not.
    if (valuePair)
      entry.value = readText(ctx, valuePair, join(itemPath, valueKey), { allowEmpty: valueKey === 'value' });
    items.push(entry);
  });
  return items;
}

export function readEnvList(ctx: ValidationContext, pair: Pair | undefined, path: string): EnvEntry[] {
  return readNamedList(ctx, pair, path, ENV_ITEM_KEYS).map(({ range, name, value }) => ({ range, name, value }));
}

export function readSecretList(ctx: ValidationContext, pair: Pair | undefined, path: string): SecretEntry[] {
  return readNamedList(ctx, pair, path, SECRET_ITEM_KEYS).map(({ path: itemPath, range, name, value }) => {
    const entry: SecretEntry = { range, name, valueFrom: value };
    if (!value) return entry;
    const reference = classifySecretReference(value.value);
    const at = value.range;
    const valuePath = join(itemPath, 'value-from');
    if (!reference)
      ctx.report('invalid-secret-reference', 'error', messages.invalidSecretReference(value.value), at, valuePath);
    else if (reference.kind === 'ssm-name')
      ctx.report('secret-parameter-name', 'info', messages.secretParameterName(value.value), at, valuePath);
    if (reference) entry.reference = reference;
    return entry;
  });
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Name checks over every variable that reaches one process: invalid and reserved names, and names defined
 * twice (a duplicate points at its first definition).
 */
export function checkEnvNames(ctx: ValidationContext, named: { name?: EnvEntry['name']; path: string }[]): void {
  const firstByName = new Map<string, string>();
  for (const { name, path } of named) {
    if (!name) continue;
    if (!ENV_NAME.test(name.value))
      ctx.report('invalid-env-name', 'warning', messages.invalidEnvName(name.value), name.range, path);
    else if (name.value.toUpperCase().startsWith('AWSAPPRUNNER'))
      ctx.report('reserved-env-name', 'error', messages.reservedEnvName(name.value), name.range, path);
    const first = firstByName.get(name.value);
    if (first !== undefined)
      ctx.report('duplicate-env-name', 'warning', messages.duplicateEnvName(name.value, first), name.range, path);
    else firstByName.set(name.value, path);
  }
}
