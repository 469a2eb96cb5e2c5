// Whether writing `target` stays inside `folder` on the local disk: no existing part of the path below the folder
// may be a symbolic link, a dangling one included (a cloned repository can hold backend/app/routers/health.py as
// a link to ~/.bashrc or to a path that does not exist yet; a write would follow it out of the workspace).
import { lstat } from 'node:fs/promises';
import path from 'node:path';

export async function writeStaysInFolder(folder: string, target: string): Promise<boolean> {
  const root = path.resolve(folder);
  const full = path.resolve(target);
  if (full !== root && !full.startsWith(root + path.sep)) return false;
  for (let p = full; p !== root && p.startsWith(root + path.sep); p = path.dirname(p)) {
    try {
      if ((await lstat(p)).isSymbolicLink()) return false;
    } catch {
      // Not there yet: the write creates it, inside the folder.
    }
  }
  return true;
}
