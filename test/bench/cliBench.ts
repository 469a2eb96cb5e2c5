// The installed CLI as a user runs it: the packaged files alone (what `vsce ls` lists) copied outside the
// repository, `bin/apprunner-vpc.js plan --json` as a child process against the bench's sandbox, timed as a
// whole process, its AWS calls counted by the sandbox's call record; and, beside it, the AWS CLI's
// `describe-service` for the same service against the same endpoint.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../../sandbox/index';
import { REPO_ROOT } from '../support/vscodeServer';
import { withTimeout } from './timeout';

const STEP_MS = 60_000;

/** The .vsix's files, copied to a fresh folder: the CLI without the repository's node_modules or out/. */
export function installPackage(): string {
  const files = execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const dir = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-installed-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join(REPO_ROOT, f), path.join(dir, f));
  }
  return dir;
}

interface ProcessRun {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a whole process, killed (and reported by `what`) when it outlives `timeoutMs`. */
export async function timedProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  what: string,
): Promise<ProcessRun> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  try {
    const code = await withTimeout(exited, timeoutMs, what);
    return { code, ms: performance.now() - started, stdout, stderr };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

interface CallRecord {
  total: number;
  operations: Record<string, number>;
}

async function callRecord(sandbox: Sandbox, reset = false): Promise<CallRecord> {
  const res = await withTimeout(
    fetch(`${sandbox.adminUrl}/calls${reset ? '/reset' : ''}`, { method: reset ? 'POST' : 'GET' }),
    STEP_MS,
    "the sandbox's call record",
  );
  return (await res.json()) as CallRecord;
}

export interface CliBenchContext {
  installDir: string;
  sandbox: Sandbox;
  n: number;
  env: NodeJS.ProcessEnv;
  /** The longest one `plan` may take. */
  timeoutMs: number;
}

function planArgs(ctx: CliBenchContext, service: string): string[] {
  return [
    path.join(ctx.installDir, 'bin', 'apprunner-vpc.js'),
    'plan',
    '--service',
    service,
    '--json',
    '--endpoint-url',
    ctx.sandbox.endpoint,
    '--region',
    ctx.sandbox.region,
  ];
}

async function plan(ctx: CliBenchContext, service: string, what: string): Promise<ProcessRun> {
  const run = await timedProcess(process.execPath, planArgs(ctx, service), ctx.env, ctx.timeoutMs, what);
  // plan: 0 nothing to do, 2 changes to make; anything else is a failure, not a figure.
  if (run.code !== 0 && run.code !== 2)
    throw new Error(`bench: ${what} exited ${run.code}: ${run.stderr.trim().slice(0, 400)}`);
  return run;
}

/** cliReads_N, cliListServicesPages_N and cliPlanMs_N: `plan --service kyudai-api --json`, `samples` times. */
export async function measureCliPlan(ctx: CliBenchContext, samples: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {
    [`cliReads_${ctx.n}`]: [],
    [`cliListServicesPages_${ctx.n}`]: [],
    [`cliPlanMs_${ctx.n}`]: [],
  };
  for (let i = 0; i < samples; i++) {
    await callRecord(ctx.sandbox, true);
    const run = await plan(ctx, 'kyudai-api', `the CLI's plan at ${ctx.n} services (${i + 1}/${samples})`);
    const calls = await callRecord(ctx.sandbox);
    out[`cliReads_${ctx.n}`].push(calls.total);
    out[`cliListServicesPages_${ctx.n}`].push(calls.operations.ListServices ?? 0);
    out[`cliPlanMs_${ctx.n}`].push(run.ms);
  }
  return out;
}

/**
 * cliPlanVsAwsCliRatio_N: our `plan --service <ARN>` against `aws apprunner describe-service --service-arn`,
 * whole processes, in pairs (one warm-up pair first), so both see the same machine load; the ratio per pair.
 */
export async function measureCliVsAwsCli(ctx: CliBenchContext, samples: number): Promise<Record<string, number[]>> {
  const arn = ctx.sandbox.seedInfo().serviceArn;
  if (!arn) throw new Error('bench: the scale seed names no service ARN for kyudai-api');
  const awsArgs = [
    'apprunner',
    'describe-service',
    '--service-arn',
    arn,
    '--endpoint-url',
    ctx.sandbox.endpoint,
    '--region',
    ctx.sandbox.region,
    '--output',
    'json',
  ];
  const ours: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i <= samples; i++) {
    const mine = await plan(ctx, arn, `the CLI's plan by ARN at ${ctx.n} services (${i}/${samples})`);
    const aws = await timedProcess(
      'aws',
      awsArgs,
      ctx.env,
      STEP_MS,
      `aws apprunner describe-service (${i}/${samples})`,
    );
    if (aws.code !== 0)
      throw new Error(`bench: aws apprunner describe-service exited ${aws.code}: ${aws.stderr.trim()}`);
    if (i === 0) continue; // warm-up
    ours.push(mine.ms);
    theirs.push(aws.ms);
    ratios.push(mine.ms / aws.ms);
  }
  return {
    [`cliPlanByArnMs_${ctx.n}`]: ours,
    [`awsCliDescribeServiceMs_${ctx.n}`]: theirs,
    [`cliPlanVsAwsCliRatio_${ctx.n}`]: ratios,
  };
}
