// `npm run test:electron`: the same host suite in desktop VS Code via @vscode/test-electron, for machines
// that can download VS Code (not used in CI here, where downloads are impossible). It starts the sandbox
// the same way the code-server runner does, and reads pass/fail from the results file.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { startLocalAws, testAwsEnvironment } = require('../out/test/support/localAws.js');
const { RESULTS_FILE_ENV } = require('../out/test/support/results.js');

const work = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-electron-'));
const resultsFile = path.join(work, 'results.jsonl');
writeFileSync(resultsFile, '');
const workspace = path.join(work, 'workspace');
cpSync(path.join(root, 'sample-workspace'), workspace, { recursive: true });
const userData = path.join(work, 'user');
writeFileSync(path.join(work, 'settings.json'), '{}');
const aws = await startLocalAws();
let code = 1;
try {
  const settingsDir = path.join(userData, 'User');
  (await import('node:fs')).mkdirSync(settingsDir, { recursive: true });
  writeFileSync(
    path.join(settingsDir, 'settings.json'),
    JSON.stringify({
      'apprunnerVpc.endpointUrl': aws.endpoint,
      'apprunnerVpc.region': 'ap-northeast-1',
      'security.workspace.trust.enabled': false,
    }),
  );
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'host', 'index.js'),
    launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions'],
    extensionTestsEnv: {
      ...testAwsEnvironment(work),
      [RESULTS_FILE_ENV]: resultsFile,
      APPRUNNER_VPC_SANDBOX_ADMIN: aws.adminUrl ?? '',
    },
  }).catch(() => undefined);
  const events = readFileSync(resultsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const end = events.find((e) => e.event === 'end');
  for (const e of events) if (e.event === 'fail') console.log(`  \u2716 ${e.title}\n      ${e.error.split('\n')[0]}`);
  console.log(
    end ? `electron host: ${end.passes} passed, ${end.failures} failed` : 'electron host: no results reported',
  );
  code = end && end.failures === 0 && end.passes > 0 ? 0 : 1;
} finally {
  await aws.stop();
}
process.exitCode = code;
