// Entry point of the bundled CLI (dist/cli.js, run by bin/apprunner-vpc.js).
import { main } from './main';

main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`apprunner-vpc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
