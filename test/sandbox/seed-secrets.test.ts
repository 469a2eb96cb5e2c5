// The `secrets` seed: kyudai-api's DATABASE_URL comes from Secrets Manager through
// RuntimeEnvironmentSecrets. Its shape through the AWS API (App Runner's answer checked against botocore's
// model), db-health decided from the injected value before and after the runbook's rules (aws CLI), secrets
// read at deployment as App Runner does, and the password in no answer and no log line.
import assert from 'node:assert/strict';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Sandbox } from '../../sandbox/index';
import { INSTANCE_ROLE_ARN } from '../../sandbox/seed/secretsSeed';
import {
  assertConnected,
  assertNotConnected,
  attachConnector,
  awsCli,
  clientsOf,
  dbHealth,
  runbookRules,
  startSeed,
  waitRunning,
  type DbHealth,
} from './seedSupport';
import { waitFor, wireProblems } from './support';

interface ImageConfiguration {
  RuntimeEnvironmentVariables?: Record<string, string>;
  RuntimeEnvironmentSecrets?: Record<string, string>;
}

describe('sandbox seed: secrets', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let password = '';
  const answers: DbHealth[] = [];

  before(async function () {
    this.timeout(180_000);
    sandbox = await startSeed('secrets');
    const value = await awsCli<{ SecretString: string }>(sandbox, [
      'secretsmanager',
      'get-secret-value',
      '--secret-id',
      sandbox.seedInfo().secretArn ?? '',
    ]);
    password = decodeURIComponent(new URL(value.SecretString).password);
  });

  after(async () => {
    await sandbox?.stop();
  });

  async function health(): Promise<DbHealth> {
    const h = await dbHealth(sandbox, sandbox.seedInfo().serviceId ?? '');
    answers.push(h);
    return h;
  }

  it('stores the DB URL in Secrets Manager, with a real password and the DB endpoint', async () => {
    const info = sandbox.seedInfo();
    assert.ok(password.length >= 16, 'a generated password');
    const described = await awsCli<{ Name: string; ARN: string }>(sandbox, [
      'secretsmanager',
      'describe-secret',
      '--secret-id',
      'kyudai/database-url',
    ]);
    assert.deepEqual([described.Name, described.ARN], ['kyudai/database-url', info.secretArn]);
    assert.match(
      described.ARN,
      /^arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:kyudai\/database-url-[A-Za-z0-9]{6}$/,
    );
  });

  it("references the secret through RuntimeEnvironmentSecrets (not a plain variable), in the model's shape", async () => {
    const info = sandbox.seedInfo();
    const out = await awsCli<{
      Service: {
        SourceConfiguration: { ImageRepository: { ImageConfiguration: ImageConfiguration } };
        InstanceConfiguration: { InstanceRoleArn?: string };
      };
    }>(sandbox, ['apprunner', 'describe-service', '--service-arn', info.serviceArn ?? '']);
    const image = out.Service.SourceConfiguration.ImageRepository.ImageConfiguration;
    assert.deepEqual(image.RuntimeEnvironmentSecrets, { DATABASE_URL: info.secretArn });
    assert.deepEqual(image.RuntimeEnvironmentVariables, { APP_ENV: 'production' });
    assert.equal(out.Service.InstanceConfiguration.InstanceRoleArn, INSTANCE_ROLE_ARN);
    // The raw JSON the emulator sent, against botocore's DescribeServiceResponse (no unknown members).
    const res = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AppRunner.DescribeService',
        authorization:
          'AWS4-HMAC-SHA256 Credential=testing/20260101/ap-northeast-1/apprunner/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify({ ServiceArn: info.serviceArn }),
    });
    const body = await res.text();
    assert.deepEqual(wireProblems({ operation: 'DescribeService', status: res.status, body }), []);
    assert.ok(!body.includes(password), 'DescribeService shows the secret ARN, never its value');
  });

  it("decides db-health from the injected value, before and after the runbook's rules", async () => {
    const info = sandbox.seedInfo();
    const before = await health();
    assertNotConnected(before, 'DEFAULT egress', /egress is DEFAULT/);
    assert.equal(before.body.error, `connection to server at "${info.dbEndpoint}", port 5432 failed: timeout expired`);
    const ids = await runbookRules(sandbox, {
      vpcId: info.vpcId ?? '',
      dbGroupId: info.sgRdsId ?? '',
      port: 5432,
      subnets: info.privateSubnetIds,
    });
    await attachConnector(sandbox, info.serviceArn ?? '', ids.connectorArn);
    assertConnected(await health(), "the secret's URL names the DB, and the rules are in place");
  });

  it('reads the secret at deployment, as App Runner does: a changed secret takes effect with the next deployment', async () => {
    const info = sandbox.seedInfo();
    const moved = `postgresql://app:${password}@kyudai-db-old.aaaaaaaaaa.ap-northeast-1.rds.amazonaws.com:5432/kyudai`;
    await awsCli(sandbox, [
      'secretsmanager',
      'put-secret-value',
      '--secret-id',
      info.secretArn ?? '',
      '--secret-string',
      moved,
    ]);
    assertConnected(await health(), 'running instances keep the value they started with');
    await awsCli(sandbox, ['apprunner', 'start-deployment', '--service-arn', info.serviceArn ?? '']);
    await waitRunning(sandbox, info.serviceArn ?? '');
    const after = await health();
    assertNotConnected(after, 'the new instances got a host that does not exist');
    assert.match(String(after.body.error), /could not translate host name "kyudai-db-old\./);
  });

  it('never shows the password: not in db-health answers, not in the application log', async () => {
    const info = sandbox.seedInfo();
    const { logs } = clientsOf(sandbox);
    const lines = await waitFor(
      "the deployments' log lines",
      async () => {
        const events = await logs.send(
          new FilterLogEventsCommand({ logGroupName: `/aws/apprunner/kyudai-api/${info.serviceId}/application` }),
        );
        const messages = (events.events ?? []).map((e) => e.message ?? '');
        // Seed, attach, redeploy: three deployments, each with its startup line and its DB line.
        return messages.filter((m) => /database/.test(m)).length >= 3 ? messages : undefined;
      },
      20_000,
      200,
    );
    assert.ok(lines.some((m) => m === 'Successfully connected to database'));
    assert.ok(lines.some((m) => /could not translate host name/.test(m)));
    assert.ok(answers.length >= 4);
    for (const text of [...lines, ...answers.map((a) => `${a.text} ${a.reason ?? ''}`)]) {
      assert.ok(!text.includes(password), `the password leaked into: ${text.replace(password, '<password>')}`);
    }
  });
});
