// `npm run readme-images`: copies the screenshots the e2e layer takes (test-results/screenshots/, or the
// folder given as the first argument) into media/readme/, the packaged folder the README's images point at
// (relative paths inside the .vsix, so they show on the Marketplace without a repository URL).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.resolve(process.argv[2] ?? path.join(root, 'test-results', 'screenshots'));
const to = path.join(root, 'media', 'readme');
// README name <- e2e screenshot name (the tree, CodeLens, the diagram dark and light, the diagnosis).
const IMAGES = {
  'explorer.png': 'setup-explorer-after.png',
  'codelens.png': 'codelens-after-setup.png',
  'diagram-dark.png': 'diagram-before-setup-dark.png',
  'diagram-light.png': 'diagram-after-setup-light.png',
  'checklist.png': 'checklist-before-setup.png',
  'diagnosis.png': 'diagnose-report-preview.png',
};
mkdirSync(to, { recursive: true });
const missing = [];
for (const [name, source] of Object.entries(IMAGES)) {
  const file = path.join(from, source);
  if (existsSync(file)) copyFileSync(file, path.join(to, name));
  else missing.push(source);
}
console.log(
  `media/readme/: ${Object.keys(IMAGES).length - missing.length} images copied from ${path.relative(root, from) || from}`,
);
if (missing.length) {
  console.log(`not found (run npm run test:e2e first): ${missing.join(', ')}`);
  process.exitCode = 1;
}
