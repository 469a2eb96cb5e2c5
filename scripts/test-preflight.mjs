// What `npm test` needs beyond npm packages, checked in its first seconds (as .ci/run does for CI): Debian's
// chromium and ripgrep for the host and e2e layers (installed with apt-get when we run as root), moto and the
// AWS CLI for the sandbox (installed with pip when we run as root; without root, the pinned moto goes into
// .sandbox/venv, scripts/moto-setup.mjs). Anything still missing ends the run with one message naming the
// exact command, instead of layers failing one after the other minutes later.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureMotoPython, findMotoPython, MotoSetupProblem } from './moto-setup.mjs';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function has(command, args, timeoutMs = 30_000) {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: timeoutMs });
  return r.status === 0;
}

function chromiumProblem() {
  const chosen = process.env.CHROME_PATH;
  if (chosen)
    return existsSync(chosen)
      ? undefined
      : `CHROME_PATH is ${chosen}, which does not exist: point it at a Chromium binary, or unset it to use Debian's chromium.`;
  return CHROMIUM.some((p) => existsSync(p)) ? undefined : 'chromium';
}

/** Missing pieces as [what, fix command] pairs; installs what it may first. */
export function preflight({ browser, sandbox }) {
  const root = process.getuid?.() === 0 && process.env.APPRUNNER_VPC_NO_INSTALL !== '1';
  const apt = [];
  const chromium = browser ? chromiumProblem() : undefined;
  if (chromium === 'chromium') apt.push('chromium');
  if (browser && !existsSync('/usr/bin/rg')) apt.push('ripgrep');
  if (apt.length && root && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Debian packages: ${apt.join(' ')} (apt-get, as .ci/run does)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env, timeout: 300_000 });
    spawnSync('apt-get', ['install', '-y', '-qq', ...apt], { stdio: 'inherit', env, timeout: 600_000 });
  }
  const pip = [];
  // moto without root: the pinned one into .sandbox/venv (the sandbox looks there too, sandbox/python.ts).
  let motoProblem;
  if (sandbox && !root && !findMotoPython()) {
    try {
      ensureMotoPython();
    } catch (error) {
      if (!(error instanceof MotoSetupProblem)) throw error;
      motoProblem = error.message;
    }
  }
  const motoMissing = () => sandbox && !motoProblem && !findMotoPython();
  if (motoMissing()) pip.push('moto[server]');
  if (sandbox && !has('aws', ['--version'])) pip.push('awscli');
  if (pip.length && root) {
    console.log(`Installing Python packages: ${pip.join(' ')} (pip, as .ci/run does)`);
    spawnSync('python3', ['-m', 'pip', 'install', '--quiet', ...pip], { stdio: 'inherit', timeout: 600_000 });
  }
  const problems = [];
  const chromiumNow = browser ? chromiumProblem() : undefined;
  if (chromiumNow && chromiumNow !== 'chromium') problems.push(chromiumNow);
  const aptMissing = [
    ...(chromiumNow === 'chromium' ? ['chromium'] : []),
    ...(browser && !existsSync('/usr/bin/rg') ? ['ripgrep'] : []),
  ];
  if (aptMissing.length) problems.push(`sudo apt-get install -y ${aptMissing.join(' ')}`);
  const pipMissing = [
    ...(motoMissing() ? ['"moto[server]"'] : []),
    ...(sandbox && !has('aws', ['--version']) ? ['awscli'] : []),
  ];
  if (pipMissing.length) problems.push(`python3 -m pip install ${pipMissing.join(' ')}`);
  if (motoProblem) problems.push(motoProblem);
  return problems;
}
