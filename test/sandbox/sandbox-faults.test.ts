// Fault injection changes what the SDK sees: latency, throttling (App Runner, EC2, RDS), server errors,
// failing the Nth call of an operation, over the API, the admin endpoint and the CLI flags.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as ar from '@aws-sdk/client-apprunner';
import { CreateSecurityGroupCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { parseCliArgs } from '../../sandbox/cliArgs';
import { getClients } from '../../src/aws/clients';
import { useTestCredentials } from './engineSupport';
import {
  admin,
  callCounts,
  expectAwsError,
  firedFaults,
  getSandbox,
  resetCallCounts,
  sandboxClients,
  seed,
  TEST_CREDENTIALS,
  TEST_REGION,
} from './support';

async function elapsed(call: () => Promise<unknown>): Promise<number> {
  const start = Date.now();
  await call();
  return Date.now() - start;
}

describe('sandbox fault injection', function () {
  this.timeout(30_000);

  before(async () => {
    await getSandbox().reset();
  });

  afterEach(async () => {
    await getSandbox().clearFaults();
  });

  it('adds latency to App Runner calls and to calls proxied to moto', async () => {
    const { appRunner, ec2 } = sandboxClients();
    await getSandbox().setFaults({ latencyMs: 250 });
    assert.ok((await elapsed(() => appRunner.send(new ar.ListServicesCommand({})))) >= 250);
    assert.ok((await elapsed(() => ec2.send(new DescribeVpcsCommand({})))) >= 250);
    await getSandbox().clearFaults();
    assert.ok((await elapsed(() => ec2.send(new DescribeVpcsCommand({})))) < 250);
  });

  it('throttles App Runner with ThrottlingException (429), which the SDK retries', async () => {
    await getSandbox().setFaults({ throttleRate: 1 });
    await expectAwsError(sandboxClients().appRunner.send(new ar.ListServicesCommand({})), 'ThrottlingException', 429);
    await resetCallCounts();
    const retrying = sandboxClients({ maxAttempts: 3 });
    const err = await expectAwsError(
      retrying.appRunner.send(new ar.ListServicesCommand({})),
      'ThrottlingException',
      429,
    );
    assert.equal((err as { $metadata: { attempts?: number } }).$metadata.attempts, 3);
    assert.equal((await callCounts()).operations.ListServices, 3);
  });

  it('throttles EC2 with RequestLimitExceeded (503) and RDS with Throttling', async () => {
    await getSandbox().setFaults({ throttleRate: 1 });
    const { ec2, rds } = sandboxClients();
    await expectAwsError(ec2.send(new DescribeVpcsCommand({})), 'RequestLimitExceeded', 503);
    await expectAwsError(rds.send(new DescribeDBInstancesCommand({})), 'Throttling', 400);
  });

  it('throttles about the share of calls it is told to', async () => {
    await getSandbox().setFaults({ throttleRate: 0.5 });
    const { appRunner } = sandboxClients();
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, () => appRunner.send(new ar.ListServicesCommand({}))),
    );
    const throttled = results.filter((r) => r.status === 'rejected').length;
    assert.ok(throttled > 10 && throttled < 50, `${throttled} of 60 throttled`);
  });

  it('answers 5xx internal errors at the server error rate', async () => {
    await getSandbox().setFaults({ serverErrorRate: 1 });
    const { appRunner, ec2 } = sandboxClients();
    await expectAwsError(
      appRunner.send(new ar.DescribeServiceCommand({ ServiceArn: seed().serviceArn })),
      'InternalServiceErrorException',
      500,
    );
    await expectAwsError(ec2.send(new DescribeVpcsCommand({})), 'InternalError', 500);
  });

  it('fails exactly the Nth call of an EC2 action, counted from when the fault was set', async () => {
    const { ec2 } = sandboxClients();
    await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'nth-0', Description: 'before the fault', VpcId: seed().vpcId }),
    );
    await getSandbox().setFaults({ failNth: [{ operation: 'CreateSecurityGroup', nth: 2 }] });
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'nth-1', Description: 'first', VpcId: seed().vpcId }));
    await expectAwsError(
      ec2.send(new CreateSecurityGroupCommand({ GroupName: 'nth-2', Description: 'second', VpcId: seed().vpcId })),
      'InternalError',
      500,
    );
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'nth-3', Description: 'third', VpcId: seed().vpcId }));
  });

  it('fails the Nth App Runner call with a chosen error', async () => {
    await getSandbox().setFaults({
      failNth: [
        {
          operation: 'UpdateService',
          nth: 1,
          error: { code: 'InvalidStateException', status: 400, message: 'injected' },
        },
      ],
    });
    const { appRunner } = sandboxClients();
    const update = () =>
      appRunner.send(
        new ar.UpdateServiceCommand({ ServiceArn: seed().serviceArn, InstanceConfiguration: { Cpu: '1024' } }),
      );
    const err = await expectAwsError(update(), 'InvalidStateException', 400);
    assert.equal(err.message, 'injected');
    const second = await update();
    assert.equal(second.Service?.Status, 'OPERATION_IN_PROGRESS');
  });

  it('tells apart operations with the same name in two services when a service is given', async () => {
    await getSandbox().setFaults({ failNth: [{ operation: 'ListTagsForResource', service: 'logs', nth: 1 }] });
    const { appRunner, logs } = sandboxClients();
    await appRunner.send(new ar.ListTagsForResourceCommand({ ResourceArn: seed().serviceArn }));
    const logGroupArn = `arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/apprunner/kyudai-api/${seed().serviceId}/application`;
    await expectAwsError(
      logs.send(new ListTagsForResourceCommand({ resourceArn: logGroupArn })),
      'ServiceUnavailableException',
      500,
    );
  });

  it('is driven over HTTP by the admin endpoint, which also counts calls per operation', async () => {
    await admin('POST', 'calls/reset');
    const toolBefore = (await callCounts()).toolOperations;
    await admin('POST', 'faults', {
      failNth: [{ operation: 'DescribeVpcs', nth: 1, error: { code: 'UnauthorizedOperation', status: 403 } }],
    });
    assert.deepEqual(await admin('GET', 'faults'), {
      failNth: [{ operation: 'DescribeVpcs', nth: 1, error: { code: 'UnauthorizedOperation', status: 403 } }],
    });
    const { ec2, appRunner } = sandboxClients();
    await expectAwsError(ec2.send(new DescribeVpcsCommand({})), 'UnauthorizedOperation', 403);
    await ec2.send(new DescribeVpcsCommand({}));
    await appRunner.send(new ar.ListVpcConnectorsCommand({}));
    const counts = await callCounts();
    assert.deepEqual(
      { total: counts.total, operations: counts.operations },
      { total: 3, operations: { DescribeVpcs: 2, ListVpcConnectors: 1 } },
    );
    assert.deepEqual(
      await firedFaults(),
      [{ operation: 'DescribeVpcs', service: 'ec2', kind: 'custom', nth: 1 }],
      'the fault that fired',
    );
    // The test's own clients are not the tool: only requests with the apprunner-vpc user agent count as its calls.
    assert.deepEqual(counts.toolOperations, toolBefore);
    useTestCredentials();
    await getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }).ec2.send(new DescribeVpcsCommand({}));
    assert.equal((await callCounts()).toolOperations['ec2:DescribeVpcs'], (toolBefore['ec2:DescribeVpcs'] ?? 0) + 1);
    await admin('DELETE', 'faults');
    assert.deepEqual(await firedFaults(), [], 'clearing the faults empties the fired list');
    assert.deepEqual(await admin('GET', 'faults'), {});
    await assert.rejects(admin('POST', 'faults', { throttleRate: 2 }), /HTTP 400/);
  });

  it('takes faults from the command line flags', async () => {
    assert.deepEqual(parseCliArgs(['--latency', '50', '--throttle', '0.3', '--fail-nth', 'UpdateService:2']).faults, {
      latencyMs: 50,
      throttleRate: 0.3,
      failNth: [{ operation: 'UpdateService', nth: 2 }],
    });
    const cli = path.resolve(__dirname, '../../sandbox/cli.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--seed', 'empty', '--server-errors', '1', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`sandbox CLI exited with ${code}`)));
      });
      const client = new ar.AppRunnerClient({
        region: 'ap-northeast-1',
        endpoint,
        credentials: TEST_CREDENTIALS,
        maxAttempts: 1,
      });
      await expectAwsError(client.send(new ar.ListServicesCommand({})), 'InternalServiceErrorException', 500);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  });

  it('is cleared by a reset', async () => {
    await getSandbox().setFaults({ throttleRate: 1 });
    await getSandbox().reset();
    const out = await sandboxClients().appRunner.send(new ar.ListServicesCommand({}));
    assert.equal(out.ServiceSummaryList?.length, 1);
  });
});
