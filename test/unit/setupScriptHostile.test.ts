// The exported script with hostile names (no comment line turns into a command),
// bash 3.2 (macOS) only, and one region whatever the shell has set.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DesiredSetup } from '../../src/model/plan/desired';
import { setupFromService } from '../../src/model/plan/setupFromService';
import { setupScript, type SetupScriptContext } from '../../src/model/plan/setupScript';
import { HOSTILE_FIELDS, HOSTILE_NAMES, withCanary, type HostileField } from '../support/hostileNames';
import { seededWorld, SETTINGS } from './fixtures/planWorld';

const BASE_CONTEXT: SetupScriptContext = {
  region: 'ap-northeast-1',
  accountId: '123456789012',
  dbSecurityGroupName: 'sg-rds',
  generatedAt: '2026-11-28T00:00:00Z',
  lang: 'en',
  basis: 'proposed',
};

function baseDesired(): DesiredSetup {
  const result = setupFromService(seededWorld(), SETTINGS, 'kyudai-api');
  if (!result.ok) throw new Error('no setup');
  return result.desired;
}

function scriptWith(field: HostileField, value: string, lang: 'en' | 'ja' = 'en'): string {
  const d = { ...baseDesired() };
  const ctx = { ...BASE_CONTEXT, lang };
  if (field === 'subnetIds') d.subnetIds = [value, ...d.subnetIds.slice(1)];
  else if (field in d) (d as unknown as Record<string, string>)[field] = value;
  else (ctx as unknown as Record<string, string>)[field] = value;
  return setupScript(d, ctx);
}

// A PATH with nothing but a logging `aws` stub, `curl` and `sleep` stubs and the few tools the script uses:
// any injected command is either "not found" or creates the canary.
function sandboxBin(dir: string): string {
  const bin = path.join(dir, 'bin');
  execFileSync('mkdir', ['-p', bin]);
  const stub = (name: string, body: string): void => {
    writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  stub(
    'aws',
    `printf '%s\\0' "$@" >> "${dir}/aws.log"; printf '\\n' >> "${dir}/aws.log"
case "$*" in
  *get-caller-identity*) echo 123456789012 ;;
  *describe-vpcs*) echo vpc-1 ;;
  *describe-security-groups*) echo None ;;
  *create-security-group*) echo sg-new ;;
  *list-vpc-connectors*) printf 'None\\tNone\\tNone\\n' ;;
  *create-vpc-connector*) echo arn:aws:apprunner:ap-northeast-1:123456789012:vpcconnector/x/1/y ;;
  *ServiceUrl*) echo 127.0.0.1:9/_apps/x ;;
  *Service.Status*) echo RUNNING ;;
  *NetworkConfiguration*) printf 'None\\tTrue\\tIPV4\\n' ;;
  *) echo ok ;;
esac`,
  );
  stub('curl', `echo '{"status": "healthy", "database": "connected"}'`);
  stub('sleep', 'true');
  for (const tool of ['grep', 'tr'])
    execFileSync('ln', [
      '-s',
      execFileSync('bash', ['-c', `command -v ${tool}`])
        .toString()
        .trim(),
      path.join(bin, tool),
    ]);
  return bin;
}

describe('exported script: hostile names', function () {
  this.timeout(60_000);

  it(`no comment or message line carries a control or line-separator character (${HOSTILE_NAMES.length} names x ${HOSTILE_FIELDS.length} fields)`, () => {
    for (const name of HOSTILE_NAMES) {
      for (const field of HOSTILE_FIELDS) {
        const script = scriptWith(field, withCanary(name, '/tmp/canary'));
        // Outside a quoted word, every line starts as a command or a comment of its own: the only line breaks
        // are the script's own '\n', and no value adds \r, \u2028, \u2029, NEL or other controls anywhere.
        assert.doesNotMatch(
          script,
          // eslint-disable-next-line no-control-regex -- the test looks for control characters
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/,
          `${field} = ${JSON.stringify(name)}`,
        );
        for (const line of script.split('\n').filter((l) => /^\s*#/.test(l))) assert.doesNotMatch(line, /\n/);
      }
    }
  });

  it('bash -n accepts every script (each name in each field)', () => {
    for (const name of HOSTILE_NAMES) {
      for (const field of HOSTILE_FIELDS)
        execFileSync('bash', ['-n', '-c', scriptWith(field, withCanary(name, '/tmp/canary'))]);
    }
  });

  it('a run with every field hostile and a logging aws stub runs nothing else: the canary stays absent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
    const bin = sandboxBin(dir);
    const canary = path.join(dir, 'CANARY');
    let runs = 0;
    for (const name of HOSTILE_NAMES) {
      const value = withCanary(name, canary);
      const d = { ...baseDesired(), subnetIds: [value, 'subnet-c'] };
      for (const field of HOSTILE_FIELDS)
        if (field in d && field !== 'subnetIds') (d as unknown as Record<string, string>)[field] = value;
      const ctx = {
        ...BASE_CONTEXT,
        lang: runs % 2 ? ('ja' as const) : ('en' as const),
        dbSecurityGroupName: value,
        generatedAt: value,
        region: value,
        accountId: value,
      };
      const file = path.join(dir, 'setup.sh');
      writeFileSync(file, setupScript(d, ctx));
      const run = spawnSync('/bin/bash', [file], {
        cwd: dir,
        env: { PATH: bin, POLL_SECONDS: '0', HOME: dir },
        encoding: 'utf8',
        timeout: 20_000,
      });
      runs++;
      assert.ok(!existsSync(canary), `${JSON.stringify(name)} ran a command:\n${run.stdout}\n${run.stderr}`);
      assert.doesNotMatch(run.stderr, /command not found|No such file/, JSON.stringify(name));
    }
    // The stub saw the calls: the script ran, and only the aws CLI was asked to do anything.
    assert.ok(readFileSync(path.join(dir, 'aws.log'), 'utf8').includes('get-caller-identity'));
    assert.equal(runs, HOSTILE_NAMES.length);
  });
});

describe('exported script: bash 3.2 only', function () {
  this.timeout(60_000);
  const scripts = [
    setupScript(baseDesired(), BASE_CONTEXT),
    setupScript(baseDesired(), { ...BASE_CONTEXT, lang: 'ja', basis: 'attached' }),
  ];

  it('shellcheck --shell=bash finds nothing', () => {
    for (const script of scripts) {
      const run = spawnSync('shellcheck', ['--shell=bash', '--severity=style', '-'], {
        input: script,
        encoding: 'utf8',
      });
      assert.equal(run.error, undefined, 'shellcheck is installed');
      assert.equal(run.status, 0, run.stdout);
    }
  });

  it('uses no bash-4-only syntax (case conversion, associative arrays, mapfile, |&, ;& and ;;&, ${x@Q}, coproc, &>> )', () => {
    const bash4 = [
      /\$\{[^}]*(,,|\^\^|,|\^)\}/,
      /\bdeclare\s+-[a-zA-Z]*A/,
      /\blocal\s+-[a-zA-Z]*A/,
      /\b(mapfile|readarray|coproc)\b/,
      /\|&/,
      /;;?&/,
      /\$\{[^}]*@[QEPAa]\}/,
      /&>>/,
      /\bdeclare\s+-n\b/,
      /\bwait\s+-n\b/,
      /\$\{[^}:]*:[^}]*:-[0-9]/,
    ];
    for (const script of scripts) {
      for (const pattern of bash4) assert.doesNotMatch(script, pattern);
    }
  });
});

describe('exported script: the region', () => {
  const script = setupScript(baseDesired(), BASE_CONTEXT);

  it('exports AWS_REGION and AWS_DEFAULT_REGION alike, so CLI v1, v2 and the SDKs agree', () => {
    assert.match(script, /\nexport AWS_REGION=ap-northeast-1\n/);
    assert.match(script, /\nexport AWS_DEFAULT_REGION=ap-northeast-1\n/);
  });

  it('verifies the region (the VPC is there) before the first change, after the account', () => {
    const account = script.indexOf('aws sts get-caller-identity');
    const region = script.indexOf('aws ec2 describe-vpcs --vpc-ids "$VPC_ID"');
    const firstChange = script.search(/aws (ec2|apprunner) (create|authorize|revoke|update)/);
    assert.ok(account > 0 && region > account && region < firstChange, `${account} ${region} ${firstChange}`);
  });
});
