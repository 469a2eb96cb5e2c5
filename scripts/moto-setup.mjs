// The local AWS sandbox runs moto's server in Python. On a fresh machine with Node and Python 3 only, `npm start`
// and `npm test` install a pinned moto into the project's own .sandbox/venv (git ignores .sandbox/): no root, no
// prompt, no change outside the project. Plain JavaScript because it runs before anything is compiled.
// `node scripts/moto-setup.mjs` does the same alone (npm run sandbox -- --install-moto calls it).
// The candidates and their order are sandbox/python.ts's: $SANDBOX_PYTHON, .sandbox/venv, python3, python.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The moto the sandbox is tested with (docs/sandbox.md, "Requirements"). */
export const MOTO_REQUIREMENT = 'moto[server]==5.2.1';

/** The exit code of a set-up that cannot finish on its own (a missing Python, a failed install). */
export const SETUP_EXIT_CODE = 3;

const windows = process.platform === 'win32';

export class MotoSetupProblem extends Error {
  exitCode = SETUP_EXIT_CODE;
}

export function venvDir(root = process.cwd()) {
  return path.join(root, '.sandbox', 'venv');
}

function venvBin(root, name) {
  return windows ? path.join(venvDir(root), 'Scripts', `${name}.exe`) : path.join(venvDir(root), 'bin', name);
}

function runs(command, args) {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 });
  return r.status === 0;
}

export function canRunMoto(python) {
  return runs(python, ['-c', 'import moto.server, botocore']);
}

function candidates(root) {
  const venvPython = venvBin(root, 'python');
  return [process.env.SANDBOX_PYTHON, existsSync(venvPython) ? venvPython : undefined, 'python3', 'python'].filter(
    (p) => typeof p === 'string' && p !== '',
  );
}

/** The first Python that can run moto's server, or undefined. */
export function findMotoPython(root = process.cwd()) {
  return candidates(root).find(canRunMoto);
}

function pythonHelp(problem) {
  return [
    problem,
    'Install it, then run the same command again:',
    '  Debian/Ubuntu:  sudo apt-get install -y python3 python3-venv',
    '  macOS:          brew install python3',
    '  Windows:        winget install -e --id Python.Python.3.12',
    'Or point SANDBOX_PYTHON at a Python 3 that has moto: pip install "' + MOTO_REQUIREMENT + '"',
  ].join('\n');
}

/**
 * A Python that can run moto: one that already can, else .sandbox/venv after installing the pinned moto into it.
 * Throws MotoSetupProblem with the one message to show when that cannot be done here.
 */
export function ensureMotoPython({ root = process.cwd(), log = console.log } = {}) {
  const found = findMotoPython(root);
  if (found) return { python: found, installed: false };
  const base = process.env.SANDBOX_PYTHON || (windows ? 'python' : 'python3');
  if (!runs(base, ['-c', 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)']))
    throw new MotoSetupProblem(
      pythonHelp(`moto (the local AWS sandbox) needs Python 3.9 or newer, and "${base}" is not one.`),
    );
  const venv = venvDir(root);
  const venvPython = venvBin(root, 'python');
  if (!existsSync(venvPython)) {
    if (!runs(base, ['-c', 'import venv, ensurepip']))
      throw new MotoSetupProblem(pythonHelp(`"${base}" has no venv module (Debian and Ubuntu ship it apart).`));
    log(`moto is missing: creating ${path.relative(root, venv) || venv} with ${base} -m venv...`);
    const created = spawnSync(base, ['-m', 'venv', venv], { stdio: 'inherit', timeout: 300_000 });
    if (created.status !== 0 || !existsSync(venvPython))
      throw new MotoSetupProblem(pythonHelp(`"${base} -m venv ${venv}" failed.`));
  }
  const pip = venvBin(root, 'pip');
  log(`Installing ${MOTO_REQUIREMENT} into ${path.relative(root, venv) || venv} (once; about a minute)...`);
  const install = spawnSync(pip, ['install', '--disable-pip-version-check', MOTO_REQUIREMENT], {
    stdio: 'inherit',
    timeout: 900_000,
  });
  if (install.status !== 0 || !canRunMoto(venvPython))
    throw new MotoSetupProblem(
      [
        `Could not install ${MOTO_REQUIREMENT} into ${venv} (pip ${install.error ? `did not run: ${install.error.message}` : `exited with ${install.status}`}).`,
        'pip needs to reach PyPI (or your pip index). Then run the same command again, or install it yourself:',
        `  ${pip} install "${MOTO_REQUIREMENT}"`,
        'Or point SANDBOX_PYTHON at a Python 3 that has moto.',
      ].join('\n'),
    );
  return { python: venvPython, installed: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { python, installed } = ensureMotoPython();
    console.log(installed ? `moto is ready: ${python}` : `moto is already there: ${python}`);
  } catch (error) {
    console.error(error instanceof MotoSetupProblem ? error.message : String(error));
    process.exitCode = error instanceof MotoSetupProblem ? error.exitCode : 1;
  }
}
