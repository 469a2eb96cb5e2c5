// `npm start`: build, then the sandbox and the VS Code server with the extension (see test/support/startDev.ts).
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
execSync('node scripts/build.mjs && npx tsc -p tsconfig.json', { stdio: 'inherit' });
// Node 20 is supported until the SDK drops it; its reminder is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const require = createRequire(import.meta.url);
await require('../out/test/support/startDev.js').startDev();
