// Every App Runner operation the sandbox implements answers in the shapes of botocore's model (required
// members, types, enums, limits), and every documented error case returns its code and HTTP status.
import assert from 'node:assert/strict';
import * as ar from '@aws-sdk/client-apprunner';
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { IMPLEMENTED_OPERATIONS } from '../../sandbox/apprunner/emulator';
import { loadAppRunnerModel, validateShape } from '../../sandbox/apprunner/model';
import {
  expectAwsError,
  getSandbox,
  recordingAppRunnerClient,
  sandboxClients,
  seed,
  TEST_IMAGE,
  waitForServiceStatus,
  type WireRecord,
} from './support';

const model = loadAppRunnerModel();
// ServiceId's pattern is a 36-character UUID while its own min/max say 32; real ids are 32 hex digits.
const OUTPUT_OPTIONS = { rejectUnknownMembers: true, skipPatternFor: ['ServiceId'] };

function problemsOf(record: WireRecord): string[] {
  const body = JSON.parse(record.body) as Record<string, unknown>;
  if (record.status === 200) {
    const shape = model.operations[record.operation]?.output?.shape ?? '';
    return validateShape(model, shape, body, record.operation, OUTPUT_OPTIONS);
  }
  const { __type: code, ...rest } = body;
  const declared = (model.operations[record.operation]?.errors ?? []).map((e) => e.shape);
  const issues = declared.includes(String(code)) ? [] : [`${record.operation}: ${String(code)} is not a declared error`];
  return [...issues, ...validateShape(model, String(code), rest, `${record.operation} error`, { rejectUnknownMembers: true })];
}

describe('sandbox App Runner emulator against the botocore model', function () {
  this.timeout(30_000);
  // Made in before(): the sandbox starts in the root hooks, after this file is loaded.
  let client: ar.AppRunnerClient;
  let records: WireRecord[];
  let ec2: EC2Client;
  let groupId = '';

  before(async () => {
    ({ client, records } = recordingAppRunnerClient());
    ({ ec2 } = sandboxClients());
    await getSandbox().reset();
    const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'sg-apprunner', Description: 'model test', VpcId: seed().vpcId }));
    groupId = sg.GroupId ?? '';
  });

  it('answers all 16 operations with responses that validate against service-2.json', async () => {
    const subnets = seed().privateSubnetIds.slice(0, 2);
    const conn = await client.send(
      new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'model-connector', Subnets: subnets, SecurityGroups: [groupId], Tags: [{ Key: 'team', Value: 'a' }] }),
    );
    const connectorArn = conn.VpcConnector?.VpcConnectorArn ?? '';
    await client.send(new ar.DescribeVpcConnectorCommand({ VpcConnectorArn: connectorArn }));
    await client.send(new ar.ListVpcConnectorsCommand({}));
    const created = await client.send(
      new ar.CreateServiceCommand({
        ServiceName: 'model-service',
        SourceConfiguration: { ImageRepository: { ImageIdentifier: TEST_IMAGE, ImageRepositoryType: 'ECR_PUBLIC' }, AutoDeploymentsEnabled: false },
        InstanceConfiguration: { Cpu: '1 vCPU', Memory: '2 GB' },
      }),
    );
    const arn = created.Service?.ServiceArn ?? '';
    assert.equal(created.Service?.InstanceConfiguration?.Cpu, '1024', 'CPU is reported in units, as AWS does');
    await waitForServiceStatus(client, arn);
    await client.send(new ar.TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'env', Value: 'dev' }] }));
    await client.send(new ar.ListTagsForResourceCommand({ ResourceArn: arn }));
    await client.send(new ar.UntagResourceCommand({ ResourceArn: arn, TagKeys: ['env'] }));
    await client.send(new ar.ListServicesCommand({ MaxResults: 20 }));
    await client.send(
      new ar.UpdateServiceCommand({ ServiceArn: arn, NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: connectorArn } } }),
    );
    await waitForServiceStatus(client, arn);
    await client.send(new ar.PauseServiceCommand({ ServiceArn: arn }));
    await waitForServiceStatus(client, arn, 'PAUSED');
    await client.send(new ar.ResumeServiceCommand({ ServiceArn: arn }));
    await waitForServiceStatus(client, arn);
    await client.send(new ar.StartDeploymentCommand({ ServiceArn: arn }));
    await waitForServiceStatus(client, arn);
    const ops = await client.send(new ar.ListOperationsCommand({ ServiceArn: arn }));
    assert.deepEqual(
      ops.OperationSummaryList?.map((o) => `${o.Type}:${o.Status}`),
      ['START_DEPLOYMENT:SUCCEEDED', 'RESUME_SERVICE:SUCCEEDED', 'PAUSE_SERVICE:SUCCEEDED', 'UPDATE_SERVICE:SUCCEEDED', 'CREATE_SERVICE:SUCCEEDED'],
    );
    await client.send(new ar.DeleteServiceCommand({ ServiceArn: arn }));
    const deleted = await waitForServiceStatus(client, arn, 'DELETED');
    assert.equal(deleted.ServiceUrl, undefined);
    const gone = await client.send(new ar.DeleteVpcConnectorCommand({ VpcConnectorArn: connectorArn }));
    assert.equal(gone.VpcConnector?.Status, 'INACTIVE');

    const seen = new Set(records.filter((r) => r.status === 200).map((r) => r.operation));
    assert.deepEqual([...seen].sort(), [...IMPLEMENTED_OPERATIONS].sort());
    assert.equal(IMPLEMENTED_OPERATIONS.length, 16);
    assert.deepEqual(records.flatMap(problemsOf), []);
  });

  describe('documented errors, with their code and HTTP status', () => {
    const serviceArn = () => seed().serviceArn ?? '';
    const missingArn = 'arn:aws:apprunner:ap-northeast-1:123456789012:service/nope-service/0123456789abcdef0123456789abcdef';
    const cases: { title: string; call: () => Promise<unknown>; code: string; status: number }[] = [
      {
        title: 'a name that breaks the pattern',
        call: () => client.send(new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'bad name!', Subnets: seed().privateSubnetIds })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'a name that is too short',
        call: () => client.send(new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'abc', Subnets: seed().privateSubnetIds })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'a subnet that does not exist in EC2',
        call: () => client.send(new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'ghost-subnets', Subnets: ['subnet-0000000000000dead'] })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'a security group that does not exist',
        call: () =>
          client.send(new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'ghost-groups', Subnets: seed().privateSubnetIds, SecurityGroups: ['sg-0000000000000dead'] })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'a security group from another VPC',
        call: async () => {
          const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
          const other = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'elsewhere', Description: 'x', VpcId: vpc.Vpc?.VpcId }));
          return client.send(
            new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'mixed-vpcs', Subnets: seed().privateSubnetIds, SecurityGroups: [other.GroupId ?? ''] }),
          );
        },
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'subnets from two VPCs',
        call: async () => {
          const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.8.0.0/16' }));
          const other = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc?.VpcId, CidrBlock: '10.8.1.0/24', AvailabilityZone: 'ap-northeast-1a' }));
          return client.send(
            new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'two-vpcs', Subnets: [seed().privateSubnetIds[0] ?? '', other.Subnet?.SubnetId ?? ''] }),
          );
        },
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'VPC egress without a connector ARN',
        call: () => client.send(new ar.UpdateServiceCommand({ ServiceArn: serviceArn(), NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC' } } })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'ListServices MaxResults above 20',
        call: () => client.send(new ar.ListServicesCommand({ MaxResults: 21 })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'ListVpcConnectors MaxResults above 100',
        call: () => client.send(new ar.ListVpcConnectorsCommand({ MaxResults: 101 })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'ListOperations MaxResults of 0',
        call: () => client.send(new ar.ListOperationsCommand({ ServiceArn: serviceArn(), MaxResults: 0 })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'a NextToken that did not come from the service',
        call: () => client.send(new ar.ListServicesCommand({ NextToken: 'not-a-token' })),
        code: 'InvalidRequestException',
        status: 400,
      },
      {
        title: 'a service that does not exist',
        call: () => client.send(new ar.DescribeServiceCommand({ ServiceArn: missingArn })),
        code: 'ResourceNotFoundException',
        status: 400,
      },
      {
        title: 'a connector that does not exist',
        call: () =>
          client.send(
            new ar.DescribeVpcConnectorCommand({
              VpcConnectorArn: 'arn:aws:apprunner:ap-northeast-1:123456789012:vpcconnector/nope/1/0123456789abcdef0123456789abcdef',
            }),
          ),
        code: 'ResourceNotFoundException',
        status: 400,
      },
      {
        title: 'an injected internal error',
        call: async () => {
          await getSandbox().setFaults({ failNth: [{ operation: 'ListServices', nth: 1 }] });
          try {
            return await client.send(new ar.ListServicesCommand({}));
          } finally {
            await getSandbox().clearFaults();
          }
        },
        code: 'InternalServiceErrorException',
        status: 500,
      },
    ];
    for (const c of cases) {
      it(`${c.code} for ${c.title}`, async () => {
        const before = records.length;
        await expectAwsError(c.call(), c.code, c.status);
        const wire = records.slice(before).filter((r) => r.status !== 200);
        assert.equal(wire.length, 1);
        assert.deepEqual(problemsOf(wire[0] as WireRecord), []);
      });
    }

    it('InvalidStateException for a change while an operation is in progress', async () => {
      await client.send(new ar.StartDeploymentCommand({ ServiceArn: serviceArn() }));
      await expectAwsError(client.send(new ar.PauseServiceCommand({ ServiceArn: serviceArn() })), 'InvalidStateException', 400);
      await waitForServiceStatus(client, serviceArn());
    });

    it('ServiceQuotaExceededException once the service quota is used up', async () => {
      const { ServiceSummaryList = [] } = await client.send(new ar.ListServicesCommand({}));
      await getSandbox().configure({ serviceQuota: ServiceSummaryList.length });
      try {
        await expectAwsError(
          client.send(
            new ar.CreateServiceCommand({
              ServiceName: 'one-too-many',
              SourceConfiguration: { ImageRepository: { ImageIdentifier: TEST_IMAGE, ImageRepositoryType: 'ECR_PUBLIC' }, AutoDeploymentsEnabled: false },
            }),
          ),
          'ServiceQuotaExceededException',
          400,
        );
      } finally {
        await getSandbox().configure({ serviceQuota: 100 });
      }
    });
  });
});
