// The per-seed table of docs/real-accounts.md (issue 15): for every sandbox seed, what the real CLI says on a
// fresh sandbox: `diagnose --json` before, `plan --json` (steps and warnings, or the refusal), `apply --yes
// --json`, `diagnose --json` after. Written by scripts/seed-table.mjs; a sandbox test builds it again and
// compares it with the committed file, so the table cannot go stale. Only ids that do not change between runs
// appear (step ids, warning codes, finding ids); resource ids moto invents are replaced by their kind.
import { main } from '../../src/cli/main';
import { startSandbox } from '../../sandbox/index';
import { PassThrough } from 'node:stream';
import { SEEDS } from '../../sandbox/seed/registry';
import type { SeedName } from '../../sandbox/seed/seedInfo';

export const SEED_TABLE_START = '<!-- seed-table:start (scripts/seed-table.mjs writes this part) -->';
export const SEED_TABLE_END = '<!-- seed-table:end -->';

/** The scale seed is the runbook's world with many copies (the bench's); the table leaves it out. */
const SKIPPED = new Set(['scale']);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(endpoint: string, argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Object.assign(new PassThrough(), { isTTY: false }),
  };
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'ap-northeast-1',
    AWS_DEFAULT_REGION: 'ap-northeast-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_ENDPOINT_URL: undefined,
    AWS_PROFILE: undefined,
    LANG: 'C',
  };
  const code = await main(
    [...argv, '--endpoint-url', endpoint, '--region', 'ap-northeast-1', '--poll-interval', '0.05'],
    io,
    env,
  );
  return { code, stdout, stderr };
}

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

async function seedRow(name: SeedName): Promise<string> {
  const sandbox = await startSandbox({ port: 0, seed: name, operationDelayMs: 300, quiet: true });
  try {
    const before = findings(await cli(sandbox.endpoint, ['diagnose', '--json']));
    const planned = await cli(sandbox.endpoint, ['plan', '--json']);
    if (planned.code !== 0 && planned.code !== 2) {
      return `| \`${name}\` | refused: ${stable(planned.stderr.trim().split('\n')[0] ?? '')} | — | — | ${before} | ${before} |`;
    }
    const plan = (JSON.parse(planned.stdout) as { plan: { steps: { id: string }[]; warnings: { code: string }[] } })
      .plan;
    const applied = await cli(sandbox.endpoint, ['apply', '--yes', '--json']);
    let status = `exit ${applied.code}`;
    try {
      status = (JSON.parse(applied.stdout) as { result: { status: string } }).result.status;
    } catch {
      /* the exit code says it */
    }
    const after = findings(await cli(sandbox.endpoint, ['diagnose', '--json']));
    return `| \`${name}\` | ${list(plan.steps.map((s) => s.id))} | ${list(plan.warnings.map((w) => w.code))} | ${status} | ${before} | ${after} |`;
  } finally {
    await sandbox.stop();
  }
}

/** The table's Markdown, one row per seed in the registry's order. */
export async function buildSeedTable(): Promise<string> {
  const rows: string[] = [];
  for (const seed of SEEDS) if (!SKIPPED.has(seed.name)) rows.push(await seedRow(seed.name));
  return [
    SEED_TABLE_START,
    '| seed | plan steps | plan warnings | apply | diagnose before (warnings and errors) | diagnose after |',
    '|---|---|---|---|---|---|',
    ...rows,
    SEED_TABLE_END,
  ].join('\n');
}

/** The table part of the committed document (between the markers). */
export function tableIn(document: string): string | undefined {
  const start = document.indexOf(SEED_TABLE_START);
  const end = document.indexOf(SEED_TABLE_END);
  return start >= 0 && end > start ? document.slice(start, end + SEED_TABLE_END.length) : undefined;
}
