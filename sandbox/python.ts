// Finds a Python that can run moto's server: $SANDBOX_PYTHON, the project-local .sandbox/venv, then
// python3 on PATH. moto depends on botocore, so the same Python also gives us App Runner's model.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MOTO_INSTALL_HINT =
  'moto is not installed: node scripts/moto-setup.mjs installs the pinned one into .sandbox/venv (npm start and npm test do it by themselves), or: pip install "moto[server]==5.2.1"';

export function localVenvDir(root = process.cwd()): string {
  // Under .sandbox/, which git already ignores.
  return path.join(root, '.sandbox', 'venv');
}

function candidates(): string[] {
  const venv = path.join(localVenvDir(), process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
  return [process.env.SANDBOX_PYTHON, fs.existsSync(venv) ? venv : undefined, 'python3', 'python'].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
}

export function canRunMoto(python: string): boolean {
  try {
    execFileSync(python, ['-c', 'import moto.server, botocore'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** The first Python that can import moto.server, or undefined when moto is missing everywhere. */
export function findMotoPython(): string | undefined {
  return candidates().find(canRunMoto);
}
