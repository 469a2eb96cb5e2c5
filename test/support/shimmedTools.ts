// The `aws` CLI and python3 the sandbox layers run hundreds of times (the runbook's commands, the exported
// scripts, moto): when they come from a version manager's shims (pyenv), every call first runs the shim's bash
// to find the interpreter again, about 0.4 s of CPU on top of the CLI's own 0.7 s (measured on the CI machine,
// docs/development.md "How long npm test takes"). The folder the shim resolves to goes first on PATH instead,
// once per test process: the same programs run, found directly.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export function resolveShimmedTools(): void {
  const found = spawnSync('bash', ['-c', 'command -v aws'], { encoding: 'utf8' }).stdout.trim();
  if (!found.includes(`${path.sep}shims${path.sep}`)) return;
  const real = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8' });
  if (real.status !== 0 || !real.stdout.trim()) return;
  process.env.PATH = `${path.dirname(real.stdout.trim())}${path.delimiter}${process.env.PATH ?? ''}`;
}
