// `node scripts/seed-table.mjs`: runs the real CLI against one sandbox, reset for every seed (diagnose, plan,
// apply --yes, diagnose) and writes the table into docs/real-accounts.md between its markers. A sandbox test
// (test/sandbox/seed-table.test.ts) builds it again and fails when the committed table differs.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
execSync('npx tsc -p tsconfig.json', { cwd: root, stdio: 'inherit' });
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const require = createRequire(import.meta.url);
const { buildSeedTable, tableIn } = require('../out/test/support/seedTable.js');
const doc = path.join(root, 'docs', 'real-accounts.md');
const text = readFileSync(doc, 'utf8');
const old = tableIn(text);
if (!old) throw new Error(`${doc} has no seed-table markers`);
writeFileSync(doc, text.replace(old, await buildSeedTable()));
console.log(`${doc} updated.`);
process.exit(0);
