// Walking the explorer tree through its provider, as the view would.
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import type { ExplorerNode } from '../../src/vscode/explorer/node';

export interface Shown {
  node: ExplorerNode;
  label: string;
  description: string;
  icon?: string;
  contextValue?: string;
  item: vscode.TreeItem;
}

export function show(node: ExplorerNode): Shown {
  const item = node.getTreeItem();
  const icon = item.iconPath as { id?: string } | undefined;
  return {
    node,
    item,
    label: String(item.label),
    description: String(item.description ?? ''),
    icon: icon?.id,
    contextValue: item.contextValue,
  };
}

/**
 * The tooltip as VS Code shows it on hover: a service row carries none when drawn, and the provider builds it
 * in resolveTreeItem (once per hover, not once per draw).
 */
export async function tooltipOf(api: ExtensionApi, shown: Shown): Promise<string> {
  assert.equal(shown.item.tooltip, undefined, `${shown.label}: no tooltip is built while drawing the row`);
  const before = api.explorer.provider.tooltipsBuilt;
  const resolved = await api.explorer.provider.resolveTreeItem(shown.item, shown.node);
  assert.equal(api.explorer.provider.tooltipsBuilt, before + 1, 'built once, on resolve');
  const tooltip = resolved.tooltip as vscode.MarkdownString | string | undefined;
  return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
}

export async function childrenOf(api: ExtensionApi, node?: ExplorerNode): Promise<Shown[]> {
  return (await api.explorer.provider.getChildren(node)).map(show);
}

export async function child(
  api: ExtensionApi,
  parent: ExplorerNode | undefined,
  label: string | RegExp,
): Promise<Shown> {
  const all = await childrenOf(api, parent);
  const found = all.find((s) => (typeof label === 'string' ? s.label === label : label.test(s.label)));
  assert.ok(found, `"${String(label)}" among ${all.map((s) => `${s.label} (${s.description})`).join(', ')}`);
  return found;
}

/** Path from the root: account, then labels, e.g. ['Services', 'kyudai-api', 'Egress']. */
export async function nodeAt(api: ExtensionApi, ...labels: (string | RegExp)[]): Promise<Shown> {
  const roots = await childrenOf(api);
  assert.equal(roots.length, 1, 'one account root');
  let current = roots[0];
  for (const label of labels) current = await child(api, current.node, label);
  return current;
}
