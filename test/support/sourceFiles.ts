import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every .ts file below the given folders of the repository, with its text. */
export function sourceFiles(...folders: string[]): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts'))
        out.push({ file: path.relative(SOURCE_ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const folder of folders) walk(path.join(SOURCE_ROOT, folder));
  return out;
}
