// The per-seed table of docs/real-accounts.md: for every sandbox seed, what the real CLI says on a
// fresh sandbox: `diagnose --json` before, `plan --json` (steps and warnings, or the refusal), `apply --yes
// --json`, `diagnose --json` after. Written by scripts/seed-table.mjs; a sandbox test builds it again and
// compares it with the committed file, so the table cannot go stale. Only ids that do not change between runs
// appear (step ids, warning codes, finding ids); resource ids moto invents are replaced by their kind.
import { startSandbox } from '../../sandbox/index';
import type { CliRun } from '../sandbox/engineSupport';
import { seedPass, TABLE_SEEDS, type SeedPass } from '../sandbox/seedPass';
import { setSandbox, TEST_OPERATION_DELAY_MS } from '../sandbox/support';

export const SEED_TABLE_START = '<!-- seed-table:start (scripts/seed-table.mjs writes this part) -->';
export const SEED_TABLE_END = '<!-- seed-table:end -->';

type Run = CliRun;

/** Moto's random ids replaced by their kind, so the table is the same on every run. */
const stable = (text: string): string =>
  text
    .replace(/\b(sg|subnet|vpc|eni|igw|nat|rtb|acl|i|eigw|tgw)-[0-9a-f]{8,17}\b/g, '$1-…')
    .replace(/arn:aws:[^\s,;)]+/g, 'arn:…')
    .replace(/\|/g, '\\|');

const list = (items: string[]): string => (items.length ? [...new Set(items)].map((i) => `\`${i}\``).join(', ') : '—');

function findings(run: Run): string {
  try {
    const out = JSON.parse(run.stdout) as { findings: { id: string; severity: string }[] };
    return list(
      out.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => f.id)
        .sort(),
    );
  } catch {
    return `failed (exit ${run.code}): ${stable(run.stderr.split('\n')[0] ?? '')}`;
  }
}

/** One seed's row, from its shared pass (seedPass.ts): diagnose, plan, apply --yes, diagnose, on one reset. */
export function seedRow(pass: SeedPass): string {
  const name = pass.name;
  const before = findings(pass.diagnoseBefore);
  const planned = pass.plan;
  if (planned.code !== 0 && planned.code !== 2) {
    return `| \`${name}\` | refused: ${stable(planned.stderr.trim().split('\n')[0] ?? '')} | — | — | ${before} | ${before} |`;
  }
  const plan = (JSON.parse(planned.stdout) as { plan: { steps: { id: string }[]; warnings: { code: string }[] } }).plan;
  const applied = pass.apply;
  if (!applied || !pass.diagnoseAfter) throw new Error(`${name}: the pass did not apply (not a table seed)`);
  let status = `exit ${applied.code}`;
  try {
    status = (JSON.parse(applied.stdout) as { result: { status: string } }).result.status;
  } catch {
    /* the exit code says it */
  }
  const after = findings(pass.diagnoseAfter);
  return `| \`${name}\` | ${list(plan.steps.map((s) => s.id))} | ${list(plan.warnings.map((w) => w.code))} | ${status} | ${before} | ${after} |`;
}

/** The table's Markdown, one row per seed in the registry's order, from the passes on the running sandbox. */
export async function seedTableOfPasses(): Promise<string> {
  const rows: string[] = [];
  for (const name of TABLE_SEEDS) rows.push(seedRow(await seedPass(name)));
  return [
    SEED_TABLE_START,
    '| seed | plan steps | plan warnings | apply | diagnose before (warnings and errors) | diagnose after |',
    '|---|---|---|---|---|---|',
    ...rows,
    SEED_TABLE_END,
  ].join('\n');
}

/** For scripts/seed-table.mjs: a sandbox of its own (the tests' settings), reset for each seed's pass. */
export async function buildSeedTable(): Promise<string> {
  const sandbox = await startSandbox({
    port: 0,
    seed: 'runbook',
    operationDelayMs: TEST_OPERATION_DELAY_MS,
    quiet: true,
  });
  setSandbox(sandbox);
  try {
    return await seedTableOfPasses();
  } finally {
    setSandbox(undefined);
    await sandbox.stop();
  }
}

/** The table part of the committed document (between the markers). */
export function tableIn(document: string): string | undefined {
  const start = document.indexOf(SEED_TABLE_START);
  const end = document.indexOf(SEED_TABLE_END);
  return start >= 0 && end > start ? document.slice(start, end + SEED_TABLE_END.length) : undefined;
}
