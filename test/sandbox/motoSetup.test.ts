// `npm start` on a machine with Node and Python 3 but no moto: it makes .sandbox/venv and runs that venv's pip for
// the pinned moto (scripts/moto-setup.mjs). PyPI is not reachable from the test machines, so the venv's pip is
// replaced by a recording stand-in right after `python -m venv` made it (the Python given as SANDBOX_PYTHON is a
// wrapper that does so); the venv itself is real.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const START = path.join(REPO_ROOT, 'scripts', 'start.mjs');
const SETUP = path.join(REPO_ROOT, 'scripts', 'moto-setup.mjs');
const PINNED = 'moto[server]==5.2.1';

function script(file: string, body: string): void {
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

function processesMentioning(text: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

describe('npm start installs moto into .sandbox/venv when no Python has it', function () {
  this.timeout(180_000);
  let work: string;
  let bare: string;
  let shims: string;
  let calls: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    work = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-moto-setup-'));
    bare = path.join(work, 'bare');
    // A real Python 3 without moto: a venv of the machine's python3 (its site-packages are not seen).
    const made = spawnSync('python3', ['-m', 'venv', '--without-pip', bare], { encoding: 'utf8' });
    assert.equal(made.status, 0, `python3 -m venv: ${made.stderr}`);
    assert.notEqual(
      spawnSync(path.join(bare, 'bin', 'python'), ['-c', 'import moto'], { stdio: 'ignore' }).status,
      0,
      'the bare Python has no moto',
    );
    shims = path.join(work, 'shims');
    mkdirSync(shims);
    calls = path.join(work, 'pip-calls.log');
    script(path.join(work, 'pip-standin'), `echo "$0 $*" >> "${calls}"\nexit 1`);
    // python3 and python on PATH are this Python too, so no candidate has moto.
    const wrapper = [
      `"${bare}/bin/python" "$@"; code=$?`,
      `if [ "$1" = "-m" ] && [ "$2" = "venv" ] && [ $code = 0 ]; then cp "${work}/pip-standin" "$3/bin/pip"; fi`,
      'exit $code',
    ].join('\n');
    script(path.join(shims, 'python3'), wrapper);
    script(path.join(shims, 'python'), wrapper);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function npmStart(
    project: string,
    python: string,
  ): ReturnType<typeof spawnSync> & { stdout: string; stderr: string } {
    mkdirSync(project, { recursive: true });
    return spawnSync(process.execPath, [START], {
      cwd: project,
      encoding: 'utf8',
      timeout: 150_000,
      env: { ...process.env, SANDBOX_PYTHON: python, PATH: `${shims}:${process.env.PATH ?? ''}` },
    });
  }

  it('creates .sandbox/venv, runs its pip for the pinned moto[server], and a failed install ends with one message and exit code 3', () => {
    const project = path.join(work, 'project');
    const run = npmStart(project, path.join(shims, 'python3'));
    const venv = path.join(project, '.sandbox', 'venv');
    assert.ok(existsSync(path.join(venv, 'bin', 'python')), `a venv was made\n${run.stdout}\n${run.stderr}`);
    assert.deepEqual(readFileSync(calls, 'utf8').trim().split('\n'), [
      `${venv}/bin/pip install --disable-pip-version-check ${PINNED}`,
    ]);
    assert.match(run.stdout, /Installing moto\[server\]==5\.2\.1 into \.sandbox\/venv/, 'it says what it installs');
    assert.equal(run.status, 3, run.stderr);
    assert.equal(run.stderr.match(/Could not install/g)?.length, 1, run.stderr);
    assert.ok(run.stderr.includes(`${venv}/bin/pip install "${PINNED}"`), 'the command to run by hand');
    assert.deepEqual(processesMentioning(work), [], 'no process left behind');
  });

  it('without the venv module: one message with the command for Debian/Ubuntu, macOS and Windows, nothing made', () => {
    const noVenv = path.join(shims, 'python-without-venv');
    script(noVenv, `case "$2" in *ensurepip*) exit 1;; esac\nexec "${bare}/bin/python" "$@"`);
    const project = path.join(work, 'project-no-venv');
    const run = npmStart(project, noVenv);
    assert.equal(run.status, 3, run.stderr);
    assert.match(run.stderr, /has no venv module/);
    for (const line of [
      /Debian\/Ubuntu: +sudo apt-get install -y python3 python3-venv/,
      /macOS: +brew /,
      /Windows: +winget /,
    ])
      assert.match(run.stderr, line);
    assert.equal(existsSync(path.join(project, '.sandbox')), false, 'nothing made');
  });

  it('with moto present, nothing is installed', function () {
    const withMoto = ['python3', 'python'].find(
      (p) => spawnSync(p, ['-c', 'import moto.server, botocore'], { stdio: 'ignore' }).status === 0,
    );
    if (!withMoto) this.skip(); // the sandbox layer itself needs moto: this machine runs it from .sandbox/venv
    const project = path.join(work, 'project-with-moto');
    mkdirSync(project);
    const run = spawnSync(process.execPath, [SETUP], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, SANDBOX_PYTHON: withMoto },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /moto is already there/);
    assert.equal(existsSync(path.join(project, '.sandbox')), false, 'no venv made');
  });
});
