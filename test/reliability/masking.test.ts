// Figures for secrets and hostile names: the masking corpus through maskSecrets (maskingCorpus, maskingLeaks) and hostile names
// through the exported script (hostileNamesTried, scriptInjections): each name in each field, checked with
// bash -n and run to its end against a PATH holding only an aws stand-in and curl/sleep stubs, with a canary
// file. A name counts as tried only when its run reached the script's end: a run that stops early never reached
// the lines (connector, attach, health) where the name could still do harm.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { maskSecrets } from '../../src/model/common/secretMask';
import { setupScript, type SetupScriptContext } from '../../src/model/plan/setupScript';
import { setupFromService } from '../../src/model/plan/setupFromService';
import { HOSTILE_FIELDS, HOSTILE_NAMES, withCanary } from '../support/hostileNames';
import { MASKING_CORPUS } from '../support/maskingCorpus';
import { seededWorld, SETTINGS } from '../unit/fixtures/planWorld';
import { maskedIo } from '../../src/cli/io';
import { add } from './metrics';

const CONTEXT: SetupScriptContext = {
  region: 'ap-northeast-1',
  accountId: '123456789012',
  dbSecurityGroupName: 'sg-rds',
  generatedAt: '2026-11-28T00:00:00Z',
  lang: 'en',
  basis: 'proposed',
};

function stubBin(dir: string): string {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const stub = (name: string, body: string): void => {
    writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  // The aws stand-in answers each call the script makes as the AWS CLI would (the --output text form the
  // script asks for): a group id where one is created, 0 where the script counts other network interfaces, an
  // ARN for the new connector. A call it does not know fails, so the run stops instead of going on with nonsense.
  stub(
    'aws',
    `query=; prev=
for a in "$@"; do [ "$prev" = --query ] && query=$a; prev=$a; done
case "$1 $2" in
  'sts get-caller-identity') echo 123456789012 ;;
  'ec2 describe-vpcs') echo vpc-1 ;;
  'ec2 describe-security-groups') echo None ;;
  'ec2 create-security-group') echo sg-0a1b2c3d4e5f60718 ;;
  'ec2 describe-network-interfaces') echo 0 ;;
  'ec2 authorize-security-group-egress' | 'ec2 authorize-security-group-ingress' | 'ec2 revoke-security-group-egress')
    echo '{"Return": true}' ;;
  'apprunner list-vpc-connectors') echo None ;;
  'apprunner create-vpc-connector') echo arn:aws:apprunner:ap-northeast-1:123456789012:vpcconnector/c/1/0123456789abcdef ;;
  'apprunner update-service') echo 0123456789abcdef0123456789abcdef ;;
  'apprunner describe-service')
    case "$query" in
      *ServiceUrl*) echo x7abc.ap-northeast-1.awsapprunner.com ;;
      *Service.Status*) echo RUNNING ;;
      *NetworkConfiguration*) printf 'None\\tTrue\\tIPV4\\n' ;;
      *) echo "aws stand-in: no answer for the query $query" >&2; exit 252 ;;
    esac ;;
  *) echo "aws stand-in: no answer for $1 $2" >&2; exit 252 ;;
esac`,
  );
  stub('curl', `echo '{"status": "healthy", "database": "connected"}'`);
  stub('sleep', 'true');
  execFileSync('ln', [
    '-sf',
    execFileSync('bash', ['-c', 'command -v grep']).toString().trim(),
    path.join(bin, 'grep'),
  ]);
  return bin;
}

/**
 * Whether a run reached the script's end: "Done." after the health checks. With a hostile account id the end
 * is the account check, which must refuse: the stand-in's credentials are for account 123456789012.
 */
export function finished(field: string, run: { status: number | null; stdout: string; stderr: string }): boolean {
  if (field === 'accountId') return run.status === 1 && run.stderr.includes('These ids belong to account');
  return run.status === 0 && run.stdout.trimEnd().split('\n').pop() === 'Done.';
}

describe('Reliability: masking and hostile names', function () {
  this.timeout(600_000);

  it('the masking corpus: no secret survives maskSecrets', () => {
    let leaks = 0;
    for (const c of MASKING_CORPUS) {
      const out = maskSecrets(c.input, c.extra);
      leaks += c.secrets.filter((secret) => out.includes(secret)).length;
    }
    add('maskingCorpus', MASKING_CORPUS.length, MASKING_CORPUS.length);
    add('maskingLeaks', leaks, MASKING_CORPUS.length);
    assert.equal(leaks, 0);
  });

  it("hostile log lines through the CLI's output: no terminal control character reaches the terminal", () => {
    const lines = [
      'GET / 200 \x1b]0;pwned\x07',
      '\x1b[2J\x1b[H cleared',
      'link \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\',
      'C1 CSI \x9b31m red',
      'carriage\roverwritten',
      'bell\x07 backspace\x08 del\x7f nul\x00',
    ];
    let passed = 0;
    for (const line of lines) {
      let out = '';
      maskedIo(
        { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => undefined }, stdin: process.stdin },
        [],
      ).stdout.write(`${line}\n`);
      // eslint-disable-next-line no-control-regex
      passed += (out.match(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g) ?? []).length;
    }
    add('terminalControlsPassed', passed, lines.length);
    assert.equal(passed, 0);
  });

  it('hostile names in every field of the exported script: nothing but the aws CLI runs', () => {
    const result = setupFromService(seededWorld(), SETTINGS, 'kyudai-api');
    assert.ok(result.ok);
    const dir = mkdtempSync(path.join(tmpdir(), 'reliability-hostile-'));
    const bin = stubBin(dir);
    const canary = path.join(dir, 'CANARY');
    let runs = 0;
    let tried = 0;
    let injections = 0;
    const unfinished: string[] = [];
    try {
      for (const name of HOSTILE_NAMES) {
        for (const field of HOSTILE_FIELDS) {
          const value = withCanary(name, canary);
          const d = { ...result.desired };
          const ctx = { ...CONTEXT };
          if (field === 'subnetIds') d.subnetIds = [value, ...d.subnetIds.slice(1)];
          else if (field in d) (d as unknown as Record<string, string>)[field] = value;
          else (ctx as unknown as Record<string, string>)[field] = value;
          const file = path.join(dir, 'setup.sh');
          writeFileSync(file, setupScript(d, ctx));
          runs++;
          const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
          const run = spawnSync('/bin/bash', [file], {
            cwd: dir,
            env: { PATH: bin, POLL_SECONDS: '0', HOME: dir },
            encoding: 'utf8',
            timeout: 20_000,
          });
          if (syntax.status !== 0 || existsSync(canary) || /command not found/.test(run.stderr)) injections++;
          if (finished(field, run)) tried++;
          else if (unfinished.length < 5)
            unfinished.push(`${field} = ${JSON.stringify(name)}: exit ${run.status}, ${run.stderr.trim().slice(-300)}`);
          rmSync(canary, { force: true });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    add('hostileNamesTried', tried, runs);
    add('scriptInjections', injections, runs);
    assert.equal(injections, 0);
    assert.equal(tried, runs, `runs that stopped before the script's end:\n${unfinished.join('\n')}`);
  });
});
