// Where a finding belongs in apprunner.yaml for the Problems view: a finding about the database URL sits on
// that env entry's value; everything else is about the service as a whole and sits on the first line of
// configuration (past header comments), so the Problems view lists it under the file the user edits.
import type { ParseResult, TextRange } from '../apprunnerYaml';
import type { Finding } from './diagnosis';

export interface PlacedFinding {
  finding: Finding;
  range: TextRange;
}

function firstContentLine(text: string): TextRange {
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const line = index < 0 ? 0 : index;
  return { startLine: line, startCol: 0, endLine: line, endCol: (lines[line] ?? '').length };
}

/** The env entry named by an 'environment' evidence (DATABASE_URL or another database URL variable). */
function envRange(parsed: ParseResult, name: string): TextRange | undefined {
  const entries = [...(parsed.config.run?.env ?? []), ...(parsed.config.run?.secrets ?? [])];
  const entry = entries.find((e) => e.name?.value === name);
  if (!entry) return undefined;
  const value = 'value' in entry ? entry.value : 'valueFrom' in entry ? entry.valueFrom : undefined;
  return value?.range ?? entry.name?.range ?? entry.range;
}

export function placeFindings(findings: readonly Finding[], text: string, parsed: ParseResult): PlacedFinding[] {
  const top = firstContentLine(text);
  return findings.map((finding) => {
    const env = finding.evidence.find((e) => e.kind === 'environment');
    return { finding, range: (env && envRange(parsed, env.id)) ?? top };
  });
}
