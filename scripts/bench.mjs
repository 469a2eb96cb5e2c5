// `npm run bench`: see test/bench/runBench.ts. Builds first (production bundles), then measures.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
execSync('node scripts/build.mjs && npx tsc -p tsconfig.json', { stdio: 'inherit' });
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const require = createRequire(import.meta.url);
await require('../out/test/bench/runBench.js').main();
process.exit(0);
