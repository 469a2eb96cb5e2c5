// The CloudWatch client (service metrics) goes where the AWS configuration says and under the same endpoint
// policy as every other client: AWS_ENDPOINT_URL_CLOUDWATCH and a profile's `cloudwatch` service endpoint are
// resolved, shown and refused over plain http to another machine, and the client carries the chosen profile.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getClients, resetClients } from '../../src/aws/clients';
import { CliFailure, targetNotes, targetOf } from '../../src/cli/session';
import { customEndpoints } from '../../src/model/common/awsTarget';
import { configKey, envKey, resolveEndpoints, SERVICE_IDS } from '../../src/model/common/endpointConfig';
import { endpointUrlProblem } from '../../src/model/common/endpointPolicy';

const EVIL = 'http://evil.example';

describe('CloudWatch endpoint: resolved, shown and checked like every client', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cw-endpoint-'));
  });
  after(() => {
    resetClients();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the variable and config key as the SDK does for CloudWatch', () => {
    assert.equal(envKey('cloudWatch'), 'AWS_ENDPOINT_URL_CLOUDWATCH');
    assert.equal(configKey('cloudWatch'), 'cloudwatch');
  });

  it('an environment naming an insecure CloudWatch endpoint lists it, and the policy refuses it', () => {
    const endpoints = resolveEndpoints({ env: { AWS_ENDPOINT_URL_CLOUDWATCH: EVIL } });
    assert.deepEqual(endpoints, { cloudWatch: EVIL });
    assert.ok(endpointUrlProblem(endpoints.cloudWatch));
    assert.deepEqual(customEndpoints({ region: 'us-east-1', endpoints }), [EVIL]);
  });

  it('the CLI refuses AWS_ENDPOINT_URL_CLOUDWATCH over plain http before any call', async () => {
    const env = { AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: path.join(dir, 'none'), AWS_ENDPOINT_URL_CLOUDWATCH: EVIL };
    await assert.rejects(
      targetOf({ command: 'diagnose', yes: false, json: false }, env),
      (e: unknown) => e instanceof CliFailure && e.code === 'insecure-endpoint' && e.message.includes('evil.example'),
    );
  });

  it("a profile's cloudwatch service endpoint is refused over http and shown on stderr over https", async () => {
    const config = path.join(dir, 'config');
    const write = (url: string): void =>
      writeFileSync(
        config,
        `[profile team]\nregion = eu-west-1\nservices = team-services\n\n[services team-services]\ncloudwatch =\n  endpoint_url = ${url}\n`,
      );
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') };
    const args = { command: 'diagnose' as const, yes: false, json: false, profile: 'team' };
    write(EVIL);
    await assert.rejects(
      targetOf(args, env),
      (e: unknown) => e instanceof CliFailure && e.code === 'insecure-endpoint',
    );
    write('https://monitoring.proxy.example');
    const target = await targetOf(args, env);
    assert.equal(target.endpoints?.cloudWatch, 'https://monitoring.proxy.example');
    assert.match(targetNotes(target, 'en').join('\n'), /https:\/\/monitoring\.proxy\.example/);
  });

  it('the CloudWatch client is made with the others: the target endpoint, the profile, the region', async () => {
    const clients = getClients({
      region: 'eu-west-1',
      profile: 'team',
      endpoints: { cloudWatch: 'https://monitoring.proxy.example' },
    });
    const endpoint = await clients.cloudWatch.config.endpoint?.();
    assert.equal(endpoint?.hostname, 'monitoring.proxy.example');
    assert.equal(await clients.cloudWatch.config.region(), 'eu-west-1');
    assert.equal((clients.cloudWatch.config as { profile?: string }).profile, 'team');
    assert.ok(
      Object.keys(SERVICE_IDS).every((name) => name in clients),
      'a client for every configured service',
    );
  });
});
