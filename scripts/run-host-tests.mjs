// `npm run test:host`: the host test layer inside the VS Code server + headless Chromium (see DESIGN 6), in
// two windows: the main suite on a copy of sample-workspace, then the quiet-start window (no apprunner.yaml,
// workspace trust on and not granted, a settings.json that tries to redirect the connection).
// `--vscode=current` runs them on the newest code-server instead of the minimum VS Code (docs/compatibility.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
const require = createRequire(import.meta.url);
const vscodeArg = process.argv.find((a) => a.startsWith('--vscode='));
if (vscodeArg) process.env.APPRUNNER_VPC_VSCODE = vscodeArg.slice('--vscode='.length);
const { ensureBuilt, runHostTests } = require('../out/test/support/hostRunner.js');
const { WORKSPACE_SETTINGS } = require('../out/test/host/quiet/workspaceSettings.js');
ensureBuilt();
const only = process.env.APPRUNNER_VPC_HOST_PASS; // 'main' or 'quiet' to run one window
let code = 0;
if (only !== 'quiet') code = await runHostTests();
if (only !== 'main') {
  const quiet = await runHostTests({
    name: 'quiet start, untrusted workspace',
    testsDir: 'quiet',
    prepareWorkspace(folder) {
      mkdirSync(path.join(folder, '.vscode'), { recursive: true });
      writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2));
      writeFileSync(path.join(folder, 'README.md'), '# A project that has nothing to do with App Runner\n');
    },
    settings: {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.emptyWindow': false,
    },
  });
  code = code || quiet;
}
process.exitCode = code;
