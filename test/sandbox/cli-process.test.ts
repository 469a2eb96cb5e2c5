import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { useTestCredentials } from './engineSupport';
import { getSandbox, sandboxEnv } from './support';

const ENTRY = join(__dirname, '..', '..', 'src', 'cli', 'index.js');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ENTRY, ...args],
      { env: { ...sandboxEnv(), LANG: 'ja_JP.UTF-8' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('the apprunner-vpc entry point as a process', function () {
  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
  });

  it('plan exits 2 on the seeded world and prints Japanese text under a Japanese locale', async () => {
    const out = await run(['plan']);
    assert.equal(out.code, 2, out.stderr);
    assert.match(out.stdout, /セキュリティグループ sg-apprunner \(apprunner-connector\) を作成/);
  });

  it('--json prints one JSON document on stdout', async () => {
    const out = await run(['plan', '--json', '--lang', 'en']);
    assert.equal(out.code, 2);
    const doc = JSON.parse(out.stdout) as {
      command: string;
      changes: boolean;
      target: { region: string; endpointUrl: string };
    };
    assert.equal(doc.command, 'plan');
    assert.equal(doc.changes, true);
    assert.equal(doc.target.endpointUrl, getSandbox().endpoint);
  });

  it('an error exits 1 with one line on stderr', async () => {
    const out = await run(['plan', '--service', 'missing-api', '--lang', 'en']);
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('apprunner-vpc:')).length,
      1,
    );
  });
});
