// The picture as Mermaid flowchart text, for docs and pull requests: the same nodes, AZ subgraphs, edges
// with their labels, and one class per state so a renderer can colour them.
import type { DiagramModel, DiagramState } from './types';
import { type Lang, localize } from '../l10n/text';

const STYLE: Record<DiagramState, string> = {
  ok: 'stroke:#2e7d32,stroke-width:2px',
  warning: 'stroke:#b26a00,stroke-width:2px',
  broken: 'stroke:#c62828,stroke-width:3px,stroke-dasharray:4 3',
  progress: 'stroke:#1565c0,stroke-width:2px,stroke-dasharray:2 2',
  unknown: 'stroke:#757575,stroke-width:1px,stroke-dasharray:2 4',
};

/** Mermaid ids allow letters, digits and underscores only. */
export function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Quotes a label: Mermaid reads `"` and `#` specially inside quoted text. */
function text(s: string): string {
  return `"${s.replace(/#/g, '#35;').replace(/"/g, '#quot;')}"`;
}

export function toMermaid(model: DiagramModel, language: Lang = 'en'): string {
  const lines = ['flowchart LR', `  %% ${model.serviceName} at ${model.loadedAt}`];
  const label = (n: DiagramModel['nodes'][number]): string =>
    text(n.sublabel ? `${n.label}<br/>${n.sublabel}` : n.label);
  for (const n of model.nodes.filter((x) => !x.group)) lines.push(`  ${mermaidId(n.id)}[${label(n)}]`);
  const groups = [...new Set(model.nodes.map((n) => n.group).filter((g): g is string => g !== undefined))];
  groups.forEach((g, i) => {
    lines.push(`  subgraph az${i}[${text(g)}]`);
    for (const n of model.nodes.filter((x) => x.group === g)) lines.push(`    ${mermaidId(n.id)}[${label(n)}]`);
    lines.push('  end');
  });
  model.edges.forEach((e) => {
    const words = [e.label, e.state === 'ok' ? undefined : `${e.state}: ${localize(e.reason, language)}`]
      .filter(Boolean)
      .join(' · ');
    const arrow = e.state === 'ok' ? '-->' : '-.->';
    lines.push(`  ${mermaidId(e.from)} ${arrow}${words ? `|${text(words)}|` : ''} ${mermaidId(e.to)}`);
  });
  for (const state of Object.keys(STYLE) as DiagramState[]) {
    const ids = model.nodes.filter((n) => n.state === state).map((n) => mermaidId(n.id));
    if (ids.length === 0) continue;
    lines.push(`  classDef ${state} ${STYLE[state]}`, `  class ${ids.join(',')} ${state}`);
  }
  model.edges.forEach((e, i) => {
    if (e.state !== 'ok') lines.push(`  linkStyle ${i} ${STYLE[e.state]}`);
  });
  return `${lines.join('\n')}\n`;
}
