// `npm run sandbox`: starts the sandbox, prints `endpoint: http://127.0.0.1:N` once ready, and runs until
// interrupted. When moto is missing it says how to install it, and with --install-moto (or a yes on a
// terminal) installs it into ./.sandbox/venv.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline/promises';
import { parseCliArgs, USAGE, type CliOptions } from './cliArgs';
import { startSandbox } from './index';
import { findMotoPython, localVenvDir, MOTO_INSTALL_HINT } from './python';

async function ensureMoto(opts: CliOptions): Promise<boolean> {
  if (findMotoPython()) return true;
  console.error(MOTO_INSTALL_HINT);
  let install = opts.installMoto;
  if (!install && process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    install = /^y/i.test(await rl.question(`Install moto into ${localVenvDir()} now? [y/N] `));
    rl.close();
  }
  if (!install) return false;
  // The one installer (pinned moto into .sandbox/venv) that npm start and npm test use too.
  const setup = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'moto-setup.mjs')], {
    stdio: 'inherit',
  });
  return setup.status === 0 && findMotoPython() !== undefined;
}

async function main(): Promise<void> {
  const opts = parseCliArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  if (!(await ensureMoto(opts))) {
    process.exitCode = 1;
    return;
  }
  const sandbox = await startSandbox(opts);
  const seed = sandbox.seedInfo();
  console.log(`endpoint: ${sandbox.endpoint}`);
  console.log(`admin:    ${sandbox.adminUrl}/ (reset, faults, calls, config, seed)`);
  if (seed.serviceArn) console.log(`service:  ${seed.serviceArn}`);
  console.log('credentials: AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing region ap-northeast-1');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
