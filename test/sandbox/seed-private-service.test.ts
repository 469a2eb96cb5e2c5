// The `private-service` seed and private services in general: IsPubliclyAccessible=false, an App Runner
// interface endpoint and a VPC ingress connection. Shape through the AWS API (the emulator's new operations
// checked against botocore's model), the URL failing from the workstation for any private service, and
// db-health from inside the VPC before and after the runbook's rules (aws CLI).
import assert from 'node:assert/strict';
import { UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { CreateVpcEndpointCommand, DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2';
import type { Sandbox } from '../../sandbox/index';
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
} from './seedSupport';
import { TEST_IMAGE, TEST_OPERATION_DELAY_MS, waitFor, wireProblems, type WireRecord } from './support';

/** One App Runner call as raw JSON, so its answer can be checked against the model. */
async function appRunnerRaw(
  sandbox: Sandbox,
  operation: string,
  input: unknown,
): Promise<WireRecord & { json: Record<string, unknown> }> {
  const res = await fetch(sandbox.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AppRunner.${operation}`,
      authorization:
        'AWS4-HMAC-SHA256 Credential=testing/20260101/ap-northeast-1/apprunner/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(input),
  });
  const body = await res.text();
  return { operation, status: res.status, body, json: JSON.parse(body) as Record<string, unknown> };
}

/** What a plain request from the workstation gets: an HTTP status, or the connection's failure. */
async function fromWorkstation(serviceUrl: string, path: string): Promise<string> {
  try {
    const res = await fetch(`http://${serviceUrl}${path}`);
    return `HTTP ${res.status}`;
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return `connection failed (${cause?.code ?? 'unknown'})`;
  }
}

interface IngressConnection {
  VpcIngressConnectionArn: string;
  ServiceArn: string;
  Status: string;
  DomainName: string;
  IngressVpcConfiguration: { VpcId: string; VpcEndpointId: string };
}

describe('sandbox seed: private-service', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;

  before(async function () {
    this.timeout(180_000);
    sandbox = await startSeed('private-service');
  });

  after(async () => {
    await sandbox?.stop();
  });

  /** Pending states must outlast the checks that look at them, even on a loaded machine. */
  async function slowOperations<T>(body: () => Promise<T>): Promise<T> {
    await sandbox.configure({ operationDelayMs: 3000 });
    try {
      return await body();
    } finally {
      await sandbox.configure({ operationDelayMs: TEST_OPERATION_DELAY_MS });
    }
  }

  it('is not publicly accessible and has an AVAILABLE ingress connection through an App Runner interface endpoint', async () => {
    const info = sandbox.seedInfo();
    const out = await awsCli<{
      Service: {
        Status: string;
        NetworkConfiguration: {
          IngressConfiguration: { IsPubliclyAccessible: boolean };
          EgressConfiguration: { EgressType: string };
        };
      };
    }>(sandbox, ['apprunner', 'describe-service', '--service-arn', info.serviceArn ?? '']);
    assert.equal(out.Service.Status, 'RUNNING');
    assert.deepEqual(out.Service.NetworkConfiguration.IngressConfiguration, { IsPubliclyAccessible: false });
    assert.deepEqual(out.Service.NetworkConfiguration.EgressConfiguration, { EgressType: 'DEFAULT' });

    const { ec2 } = clientsOf(sandbox);
    const endpoint = (await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [info.vpcEndpointId ?? ''] })))
      .VpcEndpoints?.[0];
    assert.equal(endpoint?.VpcEndpointType, 'Interface');
    assert.equal(endpoint?.ServiceName, 'com.amazonaws.ap-northeast-1.apprunner.requests');
    assert.equal(endpoint?.VpcId, info.vpcId);
    assert.deepEqual(
      endpoint?.Groups?.map((g) => g.GroupId),
      [info.sgEndpointId],
    );

    const list = await awsCli<{
      VpcIngressConnectionSummaryList: { VpcIngressConnectionArn: string; ServiceArn: string }[];
    }>(sandbox, ['apprunner', 'list-vpc-ingress-connections', '--filter', `ServiceArn=${info.serviceArn}`]);
    assert.deepEqual(list.VpcIngressConnectionSummaryList, [
      { VpcIngressConnectionArn: info.ingressConnectionArn, ServiceArn: info.serviceArn },
    ]);
    const described = await appRunnerRaw(sandbox, 'DescribeVpcIngressConnection', {
      VpcIngressConnectionArn: info.ingressConnectionArn,
    });
    assert.deepEqual(wireProblems(described), []);
    const conn = described.json.VpcIngressConnection as IngressConnection;
    assert.equal(conn.Status, 'AVAILABLE');
    assert.deepEqual(conn.IngressVpcConfiguration, { VpcId: info.vpcId, VpcEndpointId: info.vpcEndpointId });
  });

  it('does not answer from the workstation; answers a client inside the VPC, not one in another VPC', async () => {
    const info = sandbox.seedInfo();
    const url = `${sandbox.endpoint.replace('http://', '')}/_apps/${info.serviceId}`;
    assert.match(await fromWorkstation(url, '/api/v1/health'), /^connection failed/);
    assert.match(await fromWorkstation(url, '/api/v1/db-health'), /^connection failed/);
    const inside = await fetch(`http://${url}/api/v1/health`, {
      headers: { 'x-sandbox-source-vpc': info.vpcId ?? '' },
    });
    assert.deepEqual([inside.status, await inside.json()], [200, { status: 'healthy' }]);
    await assert.rejects(
      fetch(`http://${url}/api/v1/health`, { headers: { 'x-sandbox-source-vpc': 'vpc-0000000000000000' } }),
      /fetch failed/,
    );
  });

  it("db-health from inside the VPC turns connected with the runbook's rules (ingress and egress are separate)", async () => {
    const info = sandbox.seedInfo();
    const serviceId = info.serviceId ?? '';
    assertNotConnected(
      await dbHealth(sandbox, serviceId, info.vpcId),
      'a private service still egresses to the internet by default',
      /egress is DEFAULT/,
    );
    const ids = await runbookRules(sandbox, {
      vpcId: info.vpcId ?? '',
      dbGroupId: info.sgRdsId ?? '',
      port: 5432,
      subnets: info.privateSubnetIds,
    });
    await attachConnector(sandbox, info.serviceArn ?? '', ids.connectorArn);
    assertConnected(await dbHealth(sandbox, serviceId, info.vpcId), 'VPC egress through the connector, rules in place');
    const out = await awsCli<{
      Service: { NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: boolean } } };
    }>(sandbox, ['apprunner', 'describe-service', '--service-arn', info.serviceArn ?? '']);
    assert.equal(
      out.Service.NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible,
      false,
      'changing egress keeps the service private',
    );
  });

  it('any service created private fails the same way from the workstation, and answers once made public', async () => {
    const created = await awsCli<{ Service: { ServiceArn: string; ServiceUrl: string } }>(sandbox, [
      'apprunner',
      'create-service',
      '--service-name',
      'kyudai-admin',
      '--source-configuration',
      JSON.stringify({
        ImageRepository: { ImageIdentifier: TEST_IMAGE, ImageRepositoryType: 'ECR_PUBLIC' },
        AutoDeploymentsEnabled: false,
      }),
      '--network-configuration',
      JSON.stringify({ IngressConfiguration: { IsPubliclyAccessible: false } }),
    ]);
    const { ServiceArn: arn, ServiceUrl: url } = created.Service;
    assert.match(
      await fromWorkstation(url, '/api/v1/health'),
      /^connection failed/,
      'not even while it is being created',
    );
    await waitRunning(sandbox, arn);
    assert.match(await fromWorkstation(url, '/api/v1/health'), /^connection failed/);
    await slowOperations(async () => {
      // Through the SDK: the CLI can take longer than a sandbox deployment.
      await clientsOf(sandbox).appRunner.send(
        new UpdateServiceCommand({
          ServiceArn: arn,
          NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: true } },
        }),
      );
      assert.match(
        await fromWorkstation(url, '/api/v1/health'),
        /^connection failed/,
        'the change takes effect with the deployment',
      );
    });
    await waitRunning(sandbox, arn);
    assert.equal(await fromWorkstation(url, '/api/v1/health'), 'HTTP 200');
  });

  it('serves the VPC ingress connection operations as the model says: create, pending then available, update, delete', async () => {
    const info = sandbox.seedInfo();
    const created = await awsCli<{ Service: { ServiceArn: string; ServiceUrl: string } }>(sandbox, [
      'apprunner',
      'create-service',
      '--service-name',
      'kyudai-internal',
      '--source-configuration',
      JSON.stringify({
        ImageRepository: { ImageIdentifier: TEST_IMAGE, ImageRepositoryType: 'ECR_PUBLIC' },
        AutoDeploymentsEnabled: false,
      }),
      '--network-configuration',
      JSON.stringify({ IngressConfiguration: { IsPubliclyAccessible: false } }),
    ]);
    const { ServiceArn: arn, ServiceUrl: url } = created.Service;
    await waitRunning(sandbox, arn);
    const inside = () =>
      fetch(`http://${url}/api/v1/health`, { headers: { 'x-sandbox-source-vpc': info.vpcId ?? '' } }).then(
        (r) => r.status,
        () => 'no connection',
      );
    assert.equal(await inside(), 'no connection', 'no ingress connection yet');

    // Refused as App Runner refuses them (the operation declares no ResourceNotFoundException).
    const { ec2 } = clientsOf(sandbox);
    const s3 = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: info.vpcId,
        VpcEndpointType: 'Interface',
        ServiceName: 'com.amazonaws.ap-northeast-1.s3',
        SubnetIds: info.privateSubnetIds.slice(0, 1),
      }),
    );
    const bad = async (input: Record<string, unknown>) => {
      const r = await appRunnerRaw(sandbox, 'CreateVpcIngressConnection', input);
      assert.deepEqual(wireProblems(r), []);
      return [r.status, r.json.__type];
    };
    const config = { VpcId: info.vpcId, VpcEndpointId: info.vpcEndpointId };
    assert.deepEqual(
      await bad({
        ServiceArn: arn,
        VpcIngressConnectionName: 'kyudai-internal',
        IngressVpcConfiguration: { ...config, VpcEndpointId: s3.VpcEndpoint?.VpcEndpointId },
      }),
      [400, 'InvalidRequestException'],
    );
    assert.deepEqual(
      await bad({
        ServiceArn: `${arn.slice(0, -4)}0000`,
        VpcIngressConnectionName: 'kyudai-internal',
        IngressVpcConfiguration: config,
      }),
      [400, 'InvalidRequestException'],
    );
    assert.deepEqual(
      await bad({ ServiceArn: arn, VpcIngressConnectionName: 'kyudai-api-private', IngressVpcConfiguration: config }),
      [400, 'InvalidRequestException'],
      'name taken',
    );
    assert.deepEqual(
      await bad({ ServiceArn: arn, VpcIngressConnectionName: 'no', IngressVpcConfiguration: config }),
      [400, 'InvalidRequestException'],
      'name too short',
    );

    const connArn = await slowOperations(async () => {
      const made = await appRunnerRaw(sandbox, 'CreateVpcIngressConnection', {
        ServiceArn: arn,
        VpcIngressConnectionName: 'kyudai-internal',
        IngressVpcConfiguration: config,
        Tags: [{ Key: 'team', Value: 'kyudai' }],
      });
      assert.deepEqual(wireProblems(made), []);
      const created = made.json.VpcIngressConnection as IngressConnection;
      assert.equal(created.Status, 'PENDING_CREATION');
      assert.match(
        created.VpcIngressConnectionArn,
        /^arn:aws:apprunner:ap-northeast-1:123456789012:vpcingressconnection\/kyudai-internal\/[0-9a-f]{32}$/,
      );
      assert.equal(await inside(), 'no connection', 'not while PENDING_CREATION');
      const early = await appRunnerRaw(sandbox, 'DeleteVpcIngressConnection', {
        VpcIngressConnectionArn: created.VpcIngressConnectionArn,
      });
      assert.deepEqual(
        [early.status, early.json.__type, wireProblems(early)],
        [400, 'InvalidStateException', []],
        'not while PENDING_CREATION',
      );
      return created.VpcIngressConnectionArn;
    });
    const status = async () =>
      (
        await awsCli<{ VpcIngressConnection: IngressConnection }>(sandbox, [
          'apprunner',
          'describe-vpc-ingress-connection',
          '--vpc-ingress-connection-arn',
          connArn,
        ])
      ).VpcIngressConnection.Status;
    await waitFor('AVAILABLE', async () => ((await status()) === 'AVAILABLE' ? true : undefined), 20_000, 200);
    assert.equal(await inside(), 200, 'reachable inside the VPC once the connection is AVAILABLE');
    const tags = await awsCli<{ Tags: { Key: string; Value: string }[] }>(sandbox, [
      'apprunner',
      'list-tags-for-resource',
      '--resource-arn',
      connArn,
    ]);
    assert.deepEqual(tags.Tags, [{ Key: 'team', Value: 'kyudai' }]);

    const updated = await appRunnerRaw(sandbox, 'UpdateVpcIngressConnection', {
      VpcIngressConnectionArn: connArn,
      IngressVpcConfiguration: config,
    });
    assert.deepEqual(wireProblems(updated), []);
    assert.equal((updated.json.VpcIngressConnection as IngressConnection).Status, 'PENDING_UPDATE');
    await waitFor('AVAILABLE again', async () => ((await status()) === 'AVAILABLE' ? true : undefined), 20_000, 200);

    const deleted = await appRunnerRaw(sandbox, 'DeleteVpcIngressConnection', { VpcIngressConnectionArn: connArn });
    assert.deepEqual(wireProblems(deleted), []);
    assert.equal((deleted.json.VpcIngressConnection as IngressConnection).Status, 'PENDING_DELETION');
    await waitFor('DELETED', async () => ((await status()) === 'DELETED' ? true : undefined), 20_000, 200);
    assert.equal(await inside(), 'no connection', 'no way in once the ingress connection is deleted');
    const missing = await appRunnerRaw(sandbox, 'DescribeVpcIngressConnection', {
      VpcIngressConnectionArn: connArn.replace(/[0-9a-f]{4}$/, '0000'),
    });
    assert.deepEqual(
      [missing.status, missing.json.__type, wireProblems(missing)],
      [400, 'ResourceNotFoundException', []],
    );
  });
});
