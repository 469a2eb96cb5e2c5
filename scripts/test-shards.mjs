// The sandbox layer in shards: its files split over N mocha processes, each with its own sandbox (the root hook
// starts one per process), run side by side. The layer waits more than it computes (App Runner's operation
// delays, health checks), so two shards on two cores finish in well under the time of one (the `aws` CLI
// processes are most of its CPU; docs/development.md, "How long npm test takes").
// Files are split by their measured time (greedy, heaviest first); files that share a memoized per-sandbox
// result (seedPass.ts) stay in one shard. `SANDBOX_SHARDS=1` runs the layer as one process, as before.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Seconds per file, measured in CI on 2026-12-01 (tests only; hooks add about 15 %). A file not listed counts
 * as DEFAULT_SECONDS; a stale figure costs balance, never correctness.
 */
const SECONDS = {
  'iac-parity': 160,
  'real-accounts-net': 20,
  'export-script': 74,
  'sandbox-strict': 28,
  'dns-egress': 24,
  'export-script-hostile': 24,
  'engine-faults': 22,
  'seed-db-names': 60,
  'seed-private-service': 18,
  'diagnose-breakage': 15,
  'engine-behaviour': 15,
  'seed-aurora-proxy': 15,
  'seed-mysql': 14,
  'nat-cost': 14,
  'sandbox-runbook-cli': 12,
  'sandbox-seed': 10,
  'seed-secrets': 9,
  'seed-cdk-default': 8,
  'sandbox-cloudtrail': 7,
};
const DEFAULT_SECONDS = 4;

/** Files that must share a process: seed-table and iac-parity read one memoized pass per seed and sandbox. */
const TOGETHER = [['seed-table', 'iac-parity']];

function listTests(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

const stem = (file) => path.basename(file).replace(/\.test\.js$/, '');

/** The test files of `dir` in `count` groups of about equal measured time. */
export function shardFiles(dir, count) {
  const files = listTests(dir);
  const units = [];
  const placed = new Set();
  for (const group of TOGETHER) {
    const members = files.filter((f) => group.includes(stem(f)));
    if (members.length === 0) continue;
    members.forEach((f) => placed.add(f));
    units.push(members);
  }
  for (const f of files) if (!placed.has(f)) units.push([f]);
  const weight = (unit) => unit.reduce((sum, f) => sum + (SECONDS[stem(f)] ?? DEFAULT_SECONDS), 0);
  units.sort((a, b) => weight(b) - weight(a));
  const shards = Array.from({ length: count }, () => ({ files: [], seconds: 0 }));
  for (const unit of units) {
    const lightest = shards.reduce((min, s) => (s.seconds < min.seconds ? s : min));
    lightest.files.push(...unit);
    lightest.seconds += weight(unit);
  }
  return shards.filter((s) => s.files.length > 0).map((s) => ({ ...s, files: s.files.sort() }));
}

/** How many shards: SANDBOX_SHARDS (3 is the planned default, not yet measured twice), else 2 where there are at least 2 cores. */
export function shardCount() {
  const wanted = Number(process.env.SANDBOX_SHARDS);
  if (Number.isInteger(wanted) && wanted >= 1) return wanted;
  return Math.min(2, os.availableParallelism?.() ?? os.cpus().length);
}

/** The mocha command line of a config file, with explicit files in place of its `spec`. */
export function mochaArgs(configFile, files) {
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const args = ['mocha', '--no-config', '--ui', config.ui ?? 'bdd', '--reporter', config.reporter ?? 'spec'];
  if (config.timeout !== undefined) args.push('--timeout', String(config.timeout));
  for (const r of config.require ?? []) args.push('--require', r);
  if (config.exit) args.push('--exit');
  return [...args, ...files];
}

/** The shards' part files of report `name` (written by test/support/layerReports.ts's writeShardReport). */
function shardParts(reportsDir, name) {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir).filter((f) => f.startsWith(`${name}.shard-`) && f.endsWith('.json'));
}

/** Adds the shards' parts of a report (`toolOperations` counts) into the report the reliability layer reads. */
export function mergeShardReports(reportsDir, name) {
  const parts = shardParts(reportsDir, name);
  if (parts.length === 0) return;
  const toolOperations = {};
  for (const part of parts) {
    const file = path.join(reportsDir, part);
    const value = JSON.parse(readFileSync(file, 'utf8'));
    for (const [op, n] of Object.entries(value.toolOperations ?? {}))
      toolOperations[op] = (toolOperations[op] ?? 0) + n;
    rmSync(file);
  }
  writeFileSync(
    path.join(reportsDir, `${name}.json`),
    `${JSON.stringify({ writtenAt: new Date().toISOString(), toolOperations, shards: parts.length }, null, 2)}\n`,
  );
}

/** Removes parts an earlier, interrupted run left behind (they would be added to this run's report). */
export function clearShardReports(reportsDir, name) {
  for (const f of shardParts(reportsDir, name)) rmSync(path.join(reportsDir, f));
}
