// The sandbox's ECS Express Mode emulator: the four operations through the real aws CLI (botocore 1.43.11 builds
// the requests and parses the answers) and the SDK, answers checked against botocore's ECS model, AWS's
// documented refusals with their error codes, and the fake application on the service's endpoint answering
// db-health from the same ground truth as App Runner services.
import assert from 'node:assert/strict';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateExpressGatewayServiceCommand,
  DeleteExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  ECSClient,
  UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { loadBotocoreModel, validateShape } from '../../sandbox/apprunner/model';
import { trustPolicy } from '../../src/model/plan/expressMigration';
import { awsCli, awsCliError, assertConnected, assertNotConnected, dbHealth } from './seedSupport';
import { expectAwsError, getSandbox, sandboxClients, seed, TEST_CREDENTIALS, TEST_REGION, waitFor } from './support';

const ACCOUNT = '123456789012';
const EXEC = `arn:aws:iam::${ACCOUNT}:role/test-exec`;
const INFRA = `arn:aws:iam::${ACCOUNT}:role/test-infra`;

function ecsIam(): { ecs: ECSClient; iam: IAMClient } {
  const config = {
    region: TEST_REGION,
    endpoint: getSandbox().endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  };
  return { ecs: new ECSClient(config), iam: new IAMClient(config) };
}

async function makeRoles(): Promise<void> {
  const { iam } = ecsIam();
  for (const [name, principal] of [
    ['test-exec', 'ecs-tasks.amazonaws.com'],
    ['test-infra', 'ecs.amazonaws.com'],
    ['test-wrong-trust', 'lambda.amazonaws.com'],
  ] as const) {
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy(principal) }));
  }
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'test-infra',
      PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices',
    }),
  );
}

/** The App Runner service's DATABASE_URL, so the Express app talks to the same database. */
async function databaseUrl(): Promise<string> {
  const { appRunner } = sandboxClients();
  const out = await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }));
  const env = out.Service?.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {};
  return env.DATABASE_URL ?? '';
}

/** A task group with the runbook's DB egress, and the DB group's ingress from it (as Set Up would add). */
async function taskGroup(): Promise<string> {
  const { ec2 } = sandboxClients();
  const s = seed();
  const g = await ec2.send(
    new CreateSecurityGroupCommand({ GroupName: `tasks-${Date.now()}`, Description: 'tasks', VpcId: s.vpcId }),
  );
  const id = g.GroupId ?? '';
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: s.sgRdsId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: id }] }],
    }),
  );
  return id;
}

const model = () => loadBotocoreModel('ecs/2014-11-13');

function outputProblems(operation: string, output: unknown): string[] {
  const op = model().operations[operation];
  return validateShape(model(), op?.output?.shape ?? '', output, operation, { rejectUnknownMembers: true });
}

describe('sandbox: ECS Express Mode emulator', function () {
  this.timeout(60_000);
  before(async () => {
    await getSandbox().reset();
    await makeRoles();
  });

  it('creates, describes, updates and deletes through the aws CLI; every answer fits botocore’s model', async () => {
    const s = seed();
    const group = await taskGroup();
    const created = await awsCli<{ service: { serviceArn: string; status: { statusCode: string } } }>(getSandbox(), [
      'ecs',
      'create-express-gateway-service',
      '--service-name',
      'cli-express',
      '--execution-role-arn',
      EXEC,
      '--infrastructure-role-arn',
      INFRA,
      '--primary-container',
      JSON.stringify({ image: 'public.ecr.aws/x/app:1', containerPort: 8080 }),
      '--network-configuration',
      JSON.stringify({ subnets: s.privateSubnetIds, securityGroups: [group] }),
      '--health-check-path',
      '/api/v1/health',
    ]);
    assert.deepEqual(outputProblems('CreateExpressGatewayService', created), []);
    const arn = created.service.serviceArn;
    assert.equal(arn, `arn:aws:ecs:${TEST_REGION}:${ACCOUNT}:service/default/cli-express`);
    assert.equal(created.service.status.statusCode, 'ACTIVE');
    const described = await awsCli<{ service: { activeConfigurations: Record<string, unknown>[] } }>(getSandbox(), [
      'ecs',
      'describe-express-gateway-service',
      '--service-arn',
      arn,
    ]);
    assert.deepEqual(outputProblems('DescribeExpressGatewayService', described), []);
    const config = described.service.activeConfigurations[0] ?? {};
    assert.deepEqual(config.networkConfiguration, { subnets: s.privateSubnetIds, securityGroups: [group] });
    assert.equal(config.cpu, '256', 'the documented default CPU');
    assert.deepEqual(
      (config.ingressPaths as { accessType: string }[]).map((p) => p.accessType),
      ['PRIVATE'],
      'private subnets only: an internal load balancer',
    );
    const updated = await awsCli(getSandbox(), [
      'ecs',
      'update-express-gateway-service',
      '--service-arn',
      arn,
      '--cpu',
      '512',
    ]);
    assert.deepEqual(outputProblems('UpdateExpressGatewayService', updated), []);
    const deleted = await awsCli<{ service: { status: { statusCode: string } } }>(getSandbox(), [
      'ecs',
      'delete-express-gateway-service',
      '--service-arn',
      arn,
    ]);
    assert.deepEqual(outputProblems('DeleteExpressGatewayService', deleted), []);
    assert.equal(deleted.service.status.statusCode, 'DRAINING');
    const { ecs } = ecsIam();
    await waitFor(
      'INACTIVE',
      async () =>
        (await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: arn }))).service?.status?.statusCode ===
        'INACTIVE'
          ? true
          : undefined,
      10_000,
      100,
    );
    await expectAwsError(
      ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: arn, cpu: '1024' })),
      'ServiceNotActiveException',
      400,
    );
  });

  it('refuses what AWS refuses, with its error codes', async () => {
    const s = seed();
    const { ecs } = ecsIam();
    const base = {
      executionRoleArn: EXEC,
      infrastructureRoleArn: INFRA,
      primaryContainer: { image: 'public.ecr.aws/x/app:1' },
      networkConfiguration: { subnets: s.privateSubnetIds },
    };
    const create = (extra: Record<string, unknown>) =>
      ecs.send(new CreateExpressGatewayServiceCommand({ ...base, serviceName: `bad-${Date.now()}`, ...extra }));
    await expectAwsError(create({ executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/nope` }), 'ClientException', 400);
    await expectAwsError(
      create({ infrastructureRoleArn: `arn:aws:iam::${ACCOUNT}:role/test-wrong-trust` }),
      'ClientException',
      400,
    );
    await expectAwsError(create({ healthCheckPath: 'health' }), 'InvalidParameterException', 400);
    await expectAwsError(create({ serviceName: 'has space' }), 'InvalidParameterException', 400);
    await expectAwsError(
      create({ networkConfiguration: { subnets: ['subnet-00000000000000000'] } }),
      'InvalidParameterException',
      400,
    );
    const { ec2 } = sandboxClients();
    const other = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
    const foreign = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'foreign', Description: 'x', VpcId: other.Vpc?.VpcId }),
    );
    await expectAwsError(
      create({ networkConfiguration: { subnets: s.privateSubnetIds, securityGroups: [foreign.GroupId ?? ''] } }),
      'InvalidParameterException',
      400,
    );
    await expectAwsError(create({ cluster: 'no-such-cluster' }), 'ClusterNotFoundException', 400);
    await expectAwsError(
      ecs.send(
        new DescribeExpressGatewayServiceCommand({
          serviceArn: `arn:aws:ecs:${TEST_REGION}:${ACCOUNT}:service/default/x`,
        }),
      ),
      'ResourceNotFoundException',
      400,
    );
    await expectAwsError(
      ecs.send(
        new DeleteExpressGatewayServiceCommand({
          serviceArn: `arn:aws:ecs:${TEST_REGION}:${ACCOUNT}:service/default/x`,
        }),
      ),
      'ServiceNotFoundException',
      400,
    );
    // The aws CLI's own parameter validation is botocore's: it refuses a request without primaryContainer first.
    assert.match(
      await awsCliError(getSandbox(), [
        'ecs',
        'create-express-gateway-service',
        '--execution-role-arn',
        EXEC,
        '--infrastructure-role-arn',
        INFRA,
      ]),
      /primary-container|primaryContainer/,
    );
    await ecs.send(new CreateExpressGatewayServiceCommand({ ...base, serviceName: 'twice' }));
    await expectAwsError(
      ecs.send(new CreateExpressGatewayServiceCommand({ ...base, serviceName: 'twice' })),
      'InvalidParameterException',
      400,
    );
  });

  it('serves the app on the endpoint: private from the workstation, db-health from the ground truth inside the VPC', async () => {
    const s = seed();
    const { ecs } = ecsIam();
    const group = await taskGroup();
    const url = await databaseUrl();
    const make = async (name: string, groups: string[]) => {
      const out = await ecs.send(
        new CreateExpressGatewayServiceCommand({
          serviceName: name,
          executionRoleArn: EXEC,
          infrastructureRoleArn: INFRA,
          primaryContainer: { image: 'public.ecr.aws/x/app:1', environment: [{ name: 'DATABASE_URL', value: url }] },
          networkConfiguration: { subnets: s.privateSubnetIds, securityGroups: groups },
        }),
      );
      const endpoint = out.service?.activeConfigurations?.[0]?.ingressPaths?.[0]?.endpoint ?? '';
      return /\/_apps\/([0-9a-f]{32})$/.exec(endpoint)?.[1] ?? '';
    };
    const withRule = await make('with-rule', [group]);
    const noGroup = await make('no-group', []);
    // Before its tasks pass the health check the load balancer has nothing to send to.
    const early = await fetch(`${getSandbox().endpoint}/_apps/${withRule}/api/v1/health`, {
      headers: { 'x-sandbox-source-vpc': s.vpcId ?? '' },
    });
    assert.equal(early.status, 503);
    await waitFor(
      'serving',
      async () => ((await dbHealth(getSandbox(), withRule, s.vpcId)).status === 200 ? true : undefined),
      10_000,
      100,
    );
    assertConnected(await dbHealth(getSandbox(), withRule, s.vpcId), 'tasks in the task group the DB group admits');
    assertNotConnected(
      await dbHealth(getSandbox(), noGroup, s.vpcId),
      'tasks without a group the DB admits',
      /no DB security group allows inbound|no connector security group allows outbound/,
    );
    await assert.rejects(
      fetch(`${getSandbox().endpoint}/_apps/${withRule}/api/v1/health`),
      'an internal load balancer does not answer the workstation',
    );
  });
});
