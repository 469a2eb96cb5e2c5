// `npm start [-- --seed NAME]`: moto if missing (scripts/moto-setup.mjs), build, then the sandbox (on that seed) and the VS Code server with the extension
// (see test/support/startDev.ts).
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureMotoPython, MotoSetupProblem } from './moto-setup.mjs';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? args[seedAt + 1] : undefined;
if (seedAt >= 0 && !seed) {
  console.error('--seed needs a seed name, e.g. npm start -- --seed cdk-default');
  process.exit(2);
}
const unknown = seedAt >= 0 ? args.filter((_, i) => i !== seedAt && i !== seedAt + 1) : args;
if (unknown.length > 0) {
  console.error(`unknown option ${unknown[0]}: npm start takes only --seed NAME`);
  process.exit(2);
}
// First, before a minute of building: moto for the sandbox, installed into .sandbox/venv when missing.
try {
  ensureMotoPython();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(e instanceof MotoSetupProblem ? e.exitCode : 1);
}
execSync('node scripts/build.mjs && npx tsc -p tsconfig.json', { stdio: 'inherit' });
// Node 20 is supported until the SDK drops it; its reminder is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const require = createRequire(import.meta.url);
try {
  await require('../out/test/support/startDev.js').startDev({ seed });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
