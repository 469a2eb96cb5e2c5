// Entry point of the bundled CLI (dist/cli.js, run by bin/apprunner-vpc.js).
import '../l10nBundles'; // first: translations are registered before any module builds a text
import { main } from './main';

// The SDK's yearly Node-version reminder (NodeVersionSupportWarning) would land in the middle of our output on
// every run; the README states the Node versions we support. Set before the first client is made.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`apprunner-vpc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
