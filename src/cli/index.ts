// Entry point of the CLI (dist/cli.js, run by bin/apprunner-vpc.js). Small on purpose: the commands, the engine
// and the AWS SDK are in the backend bundle (dist/backend.js, src/backend.ts's runCli), which the build keeps
// external here, so the .vsix holds one copy of the SDK for the extension and the CLI.
import '../l10nBundles'; // first: translations are registered before any module builds a text
import type * as Backend from '../backend';

// The SDK's yearly Node-version reminder (NodeVersionSupportWarning) would land in the middle of our output on
// every run; the README states the Node versions we support. Set before the first client is made.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { runCli } = require('../backend') as typeof Backend;

runCli(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`apprunner-vpc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
