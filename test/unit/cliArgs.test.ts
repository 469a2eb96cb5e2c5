import assert from 'node:assert/strict';
import path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { langOf } from '../../src/cli/session';
import { loadBundles } from '../../src/l10nBundles';
import { registerBundle } from '../../src/model/l10n/text';

describe('apprunner-vpc argument parsing', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const r = parseArgs([
      'apply',
      '--service',
      'my-api',
      '--db-instance=my-db',
      '--subnets',
      'subnet-a, subnet-b',
      '--connector-name',
      'my-conn',
      '--security-group-name',
      'app-sg',
      '--db-security-group-name=db-sg',
      '--region',
      'us-east-1',
      '--profile=dev',
      '--endpoint-url',
      'http://127.0.0.1:4566',
      '--yes',
      '--json',
      '--lang',
      'ja',
      '--poll-interval',
      '0.5',
      '--wait-timeout=60',
    ]);
    assert.ok(r.ok);
    assert.deepEqual(r.args, {
      command: 'apply',
      service: 'my-api',
      dbInstance: 'my-db',
      subnets: ['subnet-a', 'subnet-b'],
      connectorName: 'my-conn',
      securityGroupName: 'app-sg',
      dbSecurityGroupName: 'db-sg',
      region: 'us-east-1',
      profile: 'dev',
      endpointUrl: 'http://127.0.0.1:4566',
      yes: true,
      json: true,
      lang: 'ja',
      pollIntervalSeconds: 0.5,
      waitTimeoutSeconds: 60,
    });
  });
  it('knows export-script', () => {
    const r = parseArgs(['export-script', '--service', 'my-api', '--lang=ja']);
    assert.ok(r.ok && r.args.command === 'export-script' && r.args.service === 'my-api' && r.args.lang === 'ja');
  });
  it('defaults to help with no command', () => {
    const r = parseArgs([]);
    assert.ok(r.ok && r.args.command === 'help');
  });
  it('--lang takes English and any language with a bundle, and names the available ones otherwise', () => {
    const lang = (value: string) => {
      const r = parseArgs(['plan', '--lang', value]);
      return r.ok ? r.args.lang : r.error;
    };
    assert.equal(lang('ja'), 'ja');
    assert.equal(lang('ja-JP'), 'ja');
    assert.equal(lang('EN'), 'en');
    assert.match(lang('de') ?? '', /^--lang must be one of en, ja: .*bundle\.l10n\.<lang>\.json \(got "de"\)$/);
    // A third language is a bundle file: with the German stub (test/unit/fixtures/l10n) loaded, --lang de works
    // and the error lists it.
    const root = path.resolve(__dirname, '..', '..', '..');
    assert.deepEqual(loadBundles(path.join(root, 'test', 'unit', 'fixtures', 'l10n')), ['de']);
    try {
      assert.equal(lang('de'), 'de');
      assert.match(lang('fr') ?? '', /^--lang must be one of en, ja, de: /);
      // Without --lang the locale decides, for any bundled language; an unbundled one reads English.
      const args = { command: 'plan' } as Parameters<typeof langOf>[0];
      assert.equal(langOf(args, { LANG: 'de_DE.UTF-8' }), 'de');
      assert.equal(langOf(args, { LC_ALL: 'ja_JP.UTF-8', LANG: 'de_DE.UTF-8' }), 'ja');
      assert.equal(langOf(args, { LANG: 'fr_FR.UTF-8' }), 'en');
    } finally {
      registerBundle('de', {})();
    }
  });

  it('refuses unknown commands and options, missing values and bad values', () => {
    const errors = [
      parseArgs(['deploy']),
      parseArgs(['plan', '--force']),
      parseArgs(['plan', '--service']),
      parseArgs(['plan', '--service', '--json']),
      parseArgs(['plan', '--lang', 'fr']),
      parseArgs(['plan', '--poll-interval', 'soon']),
      parseArgs(['plan', '--db-port', 'abc']),
      parseArgs(['plan', '--db-port', '54.32']),
    ].map((r) => (r.ok ? 'ok' : r.error));
    assert.deepEqual(errors, [
      'unknown command "deploy" (use one of: plan, apply, detach, delete-connector, diagnose, export, export-script, history, migrate, help)',
      'unknown option "--force"',
      '--service needs a value',
      '--service needs a value',
      '--lang must be one of en, ja: a language needs its bundle l10n/bundle.l10n.<lang>.json (got "fr")',
      '--poll-interval must be a number of seconds (got "soon")',
      '--db-port must be a whole number from 1 to 65535 (got "abc")',
      '--db-port must be a whole number from 1 to 65535 (got "54.32")',
    ]);
  });
  it('keeps our messages over node:util parseArgs for short forms, stray words and values given to switches', () => {
    const short = parseArgs(['apply', '-y', '-h']);
    assert.ok(short.ok && short.args.command === 'help' && short.args.yes);
    const errors = [
      parseArgs(['plan', 'extra']),
      parseArgs(['plan', '--yes=no']),
      parseArgs(['plan', '--subnets=']),
      parseArgs(['plan', '-x']),
    ].map((r) => (r.ok ? 'ok' : r.error));
    assert.deepEqual(errors, [
      'unknown option "extra"',
      '--yes does not take a value',
      '--subnets needs subnet ids separated by commas (got "")',
      'unknown option "-x"',
    ]);
  });
  it('export: --format chooses one of the four formats, --out a folder; anything else is refused', () => {
    const ok = parseArgs(['export', '--format', 'cdk', '--out=build/iac']);
    assert.ok(ok.ok);
    assert.equal(ok.args.command, 'export');
    assert.equal(ok.args.format, 'cdk');
    assert.equal(ok.args.out, 'build/iac');
    const bare = parseArgs(['export']);
    assert.ok(bare.ok && bare.args.format === undefined, 'bash is chosen when the command runs, as for export-script');
    const errors = [
      parseArgs(['export', '--format', 'pulumi']),
      parseArgs(['export', '--format']),
      parseArgs(['export', '--out=']),
    ].map((r) => (r.ok ? 'ok' : r.error));
    assert.deepEqual(errors, [
      '--format must be one of bash, cloudformation, cdk, terraform (got "pulumi")',
      '--format needs a value',
      '--out needs a folder',
    ]);
  });
});
