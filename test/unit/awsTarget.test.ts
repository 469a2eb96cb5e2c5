import assert from 'node:assert/strict';
import { isLoopbackHost, resolveRegion, serviceEndpointUrl } from '../../src/model/common/awsTarget';
import { maskSecrets } from '../../src/model/common/secretMask';

describe('awsTarget', () => {
  it('takes the region from the setting, else the profile, else ap-northeast-1', () => {
    assert.equal(resolveRegion('eu-west-1', 'us-east-1'), 'eu-west-1');
    assert.equal(resolveRegion('', 'us-east-1'), 'us-east-1');
    assert.equal(resolveRegion(undefined, undefined), 'ap-northeast-1');
  });

  it('recognises loopback hosts only', () => {
    assert.ok(isLoopbackHost('127.0.0.1:4566/_apps/abc'));
    assert.ok(isLoopbackHost('localhost:8080'));
    assert.ok(isLoopbackHost('[::1]:3000'));
    assert.ok(!isLoopbackHost('abc123.ap-northeast-1.awsapprunner.com'));
    assert.ok(!isLoopbackHost('127.0.0.1.example.com'));
    assert.ok(!isLoopbackHost('10.0.0.5'));
  });

  it('calls services over https, and over http only on loopback', () => {
    assert.equal(
      serviceEndpointUrl('abc.ap-northeast-1.awsapprunner.com', '/api/v1/health'),
      'https://abc.ap-northeast-1.awsapprunner.com/api/v1/health',
    );
    assert.equal(
      serviceEndpointUrl('127.0.0.1:4566/_apps/x', 'api/v1/db-health'),
      'http://127.0.0.1:4566/_apps/x/api/v1/db-health',
    );
    assert.equal(serviceEndpointUrl('127.0.0.1:4566/_apps/x', ''), 'http://127.0.0.1:4566/_apps/x');
    assert.equal(
      serviceEndpointUrl('abc.ap-northeast-1.awsapprunner.com', ''),
      'https://abc.ap-northeast-1.awsapprunner.com',
    );
  });
});

describe('maskSecrets (formerly redactSecrets)', () => {
  it('masks access key ids, secret and token assignments, and known secret values', () => {
    const text =
      'key AKIAIOSFODNN7EXAMPLE secret_access_key=wJalrXUtnFEMI/K7MDENG X-Amz-Security-Token: FwoGZXIvYXdz and mySecretValue123';
    const out = maskSecrets(text, ['mySecretValue123']);
    assert.doesNotMatch(out, /AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI|FwoGZXIvYXdz|mySecretValue123/);
    assert.match(out, /\*\*\*/);
  });
});
