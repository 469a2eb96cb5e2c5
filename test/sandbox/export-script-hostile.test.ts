// Hostile names in the exported script, the sandbox half: names that reach the exported script (the DB group's Name tag, shown in
// its comments and messages) carry shell syntax, line breaks and Unicode line separators. The script, run with
// bash and the real aws CLI against the sandbox, must still set up the runbook's state and run nothing but what
// it is made of: every injected command would create a canary file, and none may exist afterwards.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertRunbookState } from './runbookState';
import { awsCli, cli, execFileAsync, useTestCredentials } from './engineSupport';
import { getSandbox, sandboxEnv, seed } from './support';

/** A Name tag value holding one injection attempt per canary (EC2 accepts any Unicode in tag values). */
function hostileName(canary: (n: number) => string): string {
  return [
    `rds $(touch ${canary(1)})`,
    `\`touch ${canary(2)}\``,
    `'; touch ${canary(3)}; '`,
    `"; touch ${canary(4)}; "`,
    `\ntouch ${canary(5)} #`,
    `\u2028touch ${canary(6)}`,
    `\r\ntouch ${canary(7)}`,
  ].join(' ');
}

describe('Export Setup: hostile names in the script, run against the sandbox', function () {
  this.timeout(240_000);

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
  });

  it('sets up the runbook state, and no injected command runs (canaries absent, only aws calls logged)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hostile-script-'));
    const canary = (n: number) => path.join(dir, `canary-${n}`);
    const name = hostileName(canary);
    const dbGroup = seed().sgRdsId ?? '';
    await awsCli([
      'ec2',
      'create-tags',
      '--resources',
      dbGroup,
      '--tags',
      JSON.stringify([{ Key: 'Name', Value: name }]),
    ]);
    // As EC2 stores it (its XML answer normalises the \r\n), compared again after the script ran.
    const nameTag = async (): Promise<string | undefined> =>
      (
        JSON.parse(await awsCli(['ec2', 'describe-security-groups', '--group-ids', dbGroup])) as {
          SecurityGroups: { Tags?: { Key: string; Value: string }[] }[];
        }
      ).SecurityGroups[0].Tags?.find((t) => t.Key === 'Name')?.Value;
    const tagBefore = await nameTag();
    assert.ok(tagBefore?.includes('$(touch'), 'EC2 kept the hostile Name tag');

    const exported = await cli(['export-script']);
    assert.equal(exported.code, 0, exported.stderr);
    const script = exported.stdout;
    assert.ok(script.includes('touch'), 'the hostile name reaches the script (else this test proves nothing)');

    // Every aws call the script makes goes through this wrapper, which logs its first two words and runs the
    // real CLI; anything else the script runs comes from the script's own text.
    const bin = path.join(dir, 'bin');
    const log = path.join(dir, 'aws-calls.log');
    const realAws = (await execFileAsync('bash', ['-c', 'command -v aws'])).stdout.trim();
    await execFileAsync('mkdir', ['-p', bin]);
    writeFileSync(
      path.join(bin, 'aws'),
      `#!/bin/bash\nprintf '%s %s\\n' "$1" "$2" >> '${log}'\nexec '${realAws}' "$@"\n`,
    );
    chmodSync(path.join(bin, 'aws'), 0o755);
    const file = path.join(dir, 'setup.sh');
    writeFileSync(file, script);
    let code = 0;
    let output = '';
    try {
      const run = await execFileAsync('bash', [file], {
        env: { ...sandboxEnv(), PATH: `${bin}:${process.env.PATH ?? ''}`, POLL_SECONDS: '1' },
        timeout: 200_000,
      });
      output = run.stdout + run.stderr;
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      code = failed.code ?? -1;
      output = (failed.stdout ?? '') + (failed.stderr ?? '');
    }
    assert.equal(code, 0, output);

    for (let n = 1; n <= 7; n++) assert.equal(existsSync(canary(n)), false, `injection ${n} ran: ${output}`);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    assert.ok(calls.length > 5, 'the script made its aws calls');
    for (const call of calls) assert.match(call, /^(sts|ec2|apprunner|rds) [a-z0-9-]+$/, call);
    await assertRunbookState();
    // The tag is the user's and stays as it was.
    assert.equal(await nameTag(), tagBefore);
  });
});
