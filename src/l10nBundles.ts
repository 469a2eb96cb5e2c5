// Registers every l10n/bundle.l10n.<lang>.json with the model's translator (src/model/l10n/text.ts) as a side
// effect of being imported. Entry points import it first (extension, CLI, mocha's `require`), so module-level
// texts are built with their translations. A third language is a new bundle file, no code change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { registerBundle } from './model/l10n/text';

/** The nearest `l10n` folder above `from` holding our bundles (dist/, out/src/ and src/ all sit below it). */
export function findL10nDir(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'l10n');
    if (existsSync(path.join(candidate, 'bundle.l10n.ja.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Registers the bundles in `dir`; returns their languages. A bundle that is not JSON is reported, not fatal. */
export function loadBundles(dir: string | undefined = findL10nDir(__dirname)): string[] {
  if (!dir) return [];
  const langs: string[] = [];
  for (const name of readdirSync(dir)) {
    const lang = /^bundle\.l10n\.([a-z]{2,3}(?:-[a-z0-9]+)?)\.json$/i.exec(name)?.[1]?.toLowerCase();
    if (!lang) continue;
    try {
      registerBundle(lang, JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, string>);
      langs.push(lang);
    } catch (e) {
      process.emitWarning(`apprunner-vpc: ignoring ${name}: ${(e as Error).message}`);
    }
  }
  return langs;
}

loadBundles();
