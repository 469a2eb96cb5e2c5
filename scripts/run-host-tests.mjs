// `npm run test:host`: the host test layer inside the VS Code server + headless Chromium (see DESIGN 6).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { ensureBuilt, runHostTests } = require('../out/test/support/hostRunner.js');
ensureBuilt();
process.exitCode = await runHostTests();
