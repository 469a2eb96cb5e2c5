// AWS's own configuration rules, as the extension and the CLI apply them: region order, per-service endpoint
// order, settings a workspace may not set, the terminal command for `aws sso login`.
import assert from 'node:assert/strict';
import { customEndpoints, resolveRegion, targetKey } from '../../src/model/common/awsTarget';
import {
  envKey,
  configKey,
  regionCandidates,
  resolveEndpoint,
  resolveEndpoints,
} from '../../src/model/common/endpointConfig';
import { regionNotListedWarning } from '../../src/model/common/regions';
import { connectionSettingValue, settingWriteTarget } from '../../src/model/common/settingScope';
import { quoteForShell, shellKind, ssoLoginCommand } from '../../src/model/common/terminalQuote';

describe('AWS configuration: region', () => {
  it('follows the SDKs: setting or flag, AWS_REGION, AWS_DEFAULT_REGION, the profile, then ap-northeast-1', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-2' };
    assert.equal(resolveRegion(...regionCandidates('us-west-2', env, 'ap-south-1')), 'us-west-2');
    assert.equal(resolveRegion(...regionCandidates('', env, 'ap-south-1')), 'eu-west-1');
    assert.equal(
      resolveRegion(...regionCandidates(undefined, { AWS_DEFAULT_REGION: 'us-east-2' }, 'ap-south-1')),
      'us-east-2',
    );
    assert.equal(resolveRegion(...regionCandidates(undefined, {}, 'ap-south-1')), 'ap-south-1');
    assert.equal(resolveRegion(...regionCandidates(undefined, {}, undefined)), 'ap-northeast-1');
  });

  it('warns about a region missing from our list instead of refusing it', () => {
    assert.equal(regionNotListedWarning('ap-northeast-1'), undefined);
    const warning = regionNotListedWarning('ap-east-2');
    assert.match(warning?.en ?? '', /ap-east-2.*trying anyway/);
    assert.match(warning?.ja ?? '', /ap-east-2.*試します/);
  });
});

describe('AWS configuration: endpoints', () => {
  const profile = { region: 'eu-west-1', endpoint_url: 'http://127.0.0.1:1111', services: 'dev' };
  const services = {
    'ec2.endpoint_url': 'http://127.0.0.1:2222',
    'cloudwatch_logs.endpoint_url': 'http://127.0.0.1:3333',
  };

  it('names the variables and config keys as the SDK does', () => {
    assert.equal(envKey('ec2'), 'AWS_ENDPOINT_URL_EC2');
    assert.equal(envKey('appRunner'), 'AWS_ENDPOINT_URL_APPRUNNER');
    assert.equal(envKey('logs'), 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS');
    assert.equal(configKey('logs'), 'cloudwatch_logs');
  });

  it('takes an explicit endpoint over everything', () => {
    const env = { AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9001', AWS_ENDPOINT_URL: 'http://127.0.0.1:9002' };
    assert.deepEqual(resolveEndpoint('ec2', { explicit: 'http://127.0.0.1:4566', env, profile, services }), {
      url: 'http://127.0.0.1:4566',
      source: 'setting',
    });
  });

  it('then AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the services section, the profile', () => {
    const env = { AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9001', AWS_ENDPOINT_URL: 'http://127.0.0.1:9002' };
    assert.equal(resolveEndpoint('ec2', { env, profile, services })?.source, 'env-service');
    assert.deepEqual(resolveEndpoint('sts', { env, profile, services }), {
      url: 'http://127.0.0.1:9002',
      source: 'env',
    });
    assert.deepEqual(resolveEndpoint('ec2', { env: {}, profile, services }), {
      url: 'http://127.0.0.1:2222',
      source: 'profile-service',
    });
    assert.deepEqual(resolveEndpoint('sts', { env: {}, profile, services }), {
      url: 'http://127.0.0.1:1111',
      source: 'profile',
    });
    assert.equal(resolveEndpoint('sts', { env: {}, profile: {} }), undefined);
  });

  it('does not let AWS_ENDPOINT_URL override a service-specific variable (the CLI used to)', () => {
    const endpoints = resolveEndpoints({
      env: { AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9001', AWS_ENDPOINT_URL: 'http://127.0.0.1:9002' },
    });
    assert.equal(endpoints.ec2, 'http://127.0.0.1:9001');
    assert.equal(endpoints.appRunner, 'http://127.0.0.1:9002');
  });

  it('ignores configured endpoints when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile says so, but not the explicit one', () => {
    const env = { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9002' };
    assert.deepEqual(resolveEndpoints({ env, profile }), {});
    assert.deepEqual(
      resolveEndpoints({ env: {}, profile: { ...profile, ignore_configured_endpoint_urls: 'true' } }),
      {},
    );
    assert.equal(resolveEndpoints({ explicit: 'http://127.0.0.1:4566', env }).sts, 'http://127.0.0.1:4566');
  });

  it("keys caches and lists shown endpoints by every client's endpoint", () => {
    const a = { region: 'ap-northeast-1', endpoints: { ec2: 'http://127.0.0.1:1' } };
    const b = { region: 'ap-northeast-1', endpoints: { ec2: 'http://127.0.0.1:2' } };
    assert.notEqual(targetKey(a), targetKey(b));
    assert.deepEqual(
      customEndpoints({
        region: 'x',
        endpointUrl: 'http://127.0.0.1:4566',
        endpoints: { ec2: 'http://127.0.0.1:4566', sts: 'http://h:1' },
      }),
      ['http://127.0.0.1:4566', 'http://h:1'],
    );
    assert.deepEqual(customEndpoints({ region: 'x' }), []);
  });
});

describe('settings a workspace may not set', () => {
  const seen = {
    defaultValue: '',
    globalValue: 'user-value',
    workspaceValue: 'workspace-value',
    workspaceFolderValue: 'folder-value',
  };

  it('never takes profile or endpointUrl from a workspace, trusted or not', () => {
    for (const trusted of [true, false]) {
      assert.deepEqual(connectionSettingValue('endpointUrl', seen, trusted), { value: 'user-value', source: 'user' });
      assert.deepEqual(connectionSettingValue('profile', seen, trusted), { value: 'user-value', source: 'user' });
      assert.deepEqual(connectionSettingValue('endpointUrl', { workspaceValue: 'http://evil.example' }, trusted), {
        source: 'default',
      });
    }
  });

  it("takes the workspace's region only when the workspace is trusted", () => {
    assert.deepEqual(connectionSettingValue('region', seen, true), {
      value: 'folder-value',
      source: 'workspaceFolder',
    });
    assert.deepEqual(connectionSettingValue('region', { workspaceValue: 'eu-west-1' }, true), {
      value: 'eu-west-1',
      source: 'workspace',
    });
    assert.deepEqual(connectionSettingValue('region', seen, false), { value: 'user-value', source: 'user' });
    assert.deepEqual(connectionSettingValue('region', { workspaceValue: 'eu-west-1' }, false), { source: 'default' });
  });

  it("remembers a choice where the effective value lives; machine settings in the user's", () => {
    assert.equal(settingWriteTarget(seen, false), 'workspaceFolder');
    assert.equal(settingWriteTarget({ workspaceValue: 'x', globalValue: 'y' }, false), 'workspace');
    assert.equal(settingWriteTarget({ globalValue: 'y' }, false), 'user');
    assert.equal(settingWriteTarget(undefined, false), 'user');
    assert.equal(settingWriteTarget(seen, true), 'user');
  });
});

describe('aws sso login in the terminal', () => {
  it('quotes the profile for the shell the terminal runs', () => {
    assert.equal(shellKind('/bin/bash'), 'posix');
    assert.equal(shellKind('C:\\Program Files\\PowerShell\\7\\pwsh.exe'), 'powershell');
    assert.equal(shellKind('C:\\Windows\\System32\\cmd.exe'), 'cmd');
    assert.equal(ssoLoginCommand('dev', 'posix'), "aws sso login --profile 'dev'");
    assert.equal(ssoLoginCommand("a'b; rm -rf ~", 'posix'), "aws sso login --profile 'a'\\''b; rm -rf ~'");
    assert.equal(ssoLoginCommand("it's $(x)", 'powershell'), "aws sso login --profile 'it''s $(x)'");
    assert.equal(quoteForShell('a&b%PATH%', 'cmd'), '"a&b%%PATH%%"');
    assert.equal(ssoLoginCommand(undefined, 'posix'), 'aws sso login');
  });

  it('a quoted POSIX word survives bash as the same single argument', async () => {
    const { execFileSync } = await import('node:child_process');
    for (const name of ["it's", 'a b', '$(touch /tmp/x)', 'semi;colon', 'back`tick`']) {
      const out = execFileSync('bash', ['-c', `printf '%s' ${quoteForShell(name, 'posix')}`], { encoding: 'utf8' });
      assert.equal(out, name);
    }
  });
});
