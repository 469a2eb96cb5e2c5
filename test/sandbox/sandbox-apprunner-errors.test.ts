// Every documented App Runner error case returns its code and HTTP status, with an error body that matches
// botocore's model (the error is declared for the operation; `Message` is its only member).
import assert from 'node:assert/strict';
import * as ar from '@aws-sdk/client-apprunner';
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, type EC2Client } from '@aws-sdk/client-ec2';
import {
  expectAwsError,
  getSandbox,
  recordingAppRunnerClient,
  sandboxClients,
  seed,
  TEST_IMAGE,
  waitForServiceStatus,
  wireProblems,
  type WireRecord,
} from './support';

describe('sandbox App Runner documented errors, with their code and HTTP status', function () {
  this.timeout(30_000);
  let client: ar.AppRunnerClient;
  let records: WireRecord[];
  let ec2: EC2Client;

  before(async () => {
    await getSandbox().reset();
    ({ client, records } = recordingAppRunnerClient());
    ({ ec2 } = sandboxClients());
  });

  const serviceArn = () => seed().serviceArn ?? '';
  const missingArn =
    'arn:aws:apprunner:ap-northeast-1:123456789012:service/nope-service/0123456789abcdef0123456789abcdef';
  const cases: { title: string; call: () => Promise<unknown>; code: string; status: number }[] = [
    {
      title: 'a name that breaks the pattern',
      call: () =>
        client.send(
          new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'bad name!', Subnets: seed().privateSubnetIds }),
        ),
      code: 'InvalidRequestException',
      status: 400,
    },
    {
      title: 'a name that is too short',
      call: () =>
        client.send(new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'abc', Subnets: seed().privateSubnetIds })),
      code: 'InvalidRequestException',
      status: 400,
    },
    {
      title: 'a subnet that does not exist in EC2',
      call: () =>
        client.send(
          new ar.CreateVpcConnectorCommand({
            VpcConnectorName: 'ghost-subnets',
            Subnets: ['subnet-0000000000000dead'],
          }),
        ),
      code: 'InvalidRequestException',
      status: 400,
    },
    {
      title: 'a security group that does not exist',
      call: () =>
        client.send(
          new ar.CreateVpcConnectorCommand({
            VpcConnectorName: 'ghost-groups',
            Subnets: seed().privateSubnetIds,
            SecurityGroups: ['sg-0000000000000dead'],
          }),
        ),
      code: 'InvalidRequestException',
      status: 400,
    },
    {
      title: 'a security group from another VPC',
      call: async () => {
        const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
        const other = await ec2.send(
          new CreateSecurityGroupCommand({ GroupName: 'elsewhere', Description: 'x', VpcId: vpc.Vpc?.VpcId }),
        );
        return client.send(
          new ar.CreateVpcConnectorCommand({
            VpcConnectorName: 'mixed-vpcs',
            Subnets: seed().privateSubnetIds,
            SecurityGroups: [other.GroupId ?? ''],
          }),
        );
      },
      code: 'InvalidRequestException',
      status: 400,
    },
    {
      title: 'subnets from two VPCs',
      call: async () => {
        const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.8.0.0/16' }));
        const other = await ec2.send(
          new CreateSubnetCommand({
            VpcId: vpc.Vpc?.VpcId,
            CidrBlock: '10.8.1.0/24',
            AvailabilityZone: 'ap-northeast-1a',
          }),
        );
        return client.send(
          new ar.CreateVpcConnectorCommand({
            VpcConnectorName: 'two-vpcs',
            Subnets: [seed().privateSubnetIds[0] ?? '', other.Subnet?.SubnetId ?? ''],
          }),
        );
      },
      code: 'InvalidRequestException',
      status: 400,
    },
    {
      title: 'VPC egress without a connector ARN',
      call: () =>
        client.send(
          new ar.UpdateServiceCommand({
            ServiceArn: serviceArn(),
            NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC' } },
          }),
        ),
      code: 'InvalidRequestException',
      status: 400,
    },
    {
      title: 'deleting a connector a service still uses',
      call: async () => {
        const sg = await ec2.send(
          new CreateSecurityGroupCommand({ GroupName: 'in-use-test', Description: 'x', VpcId: seed().vpcId }),
        );
        const conn = await client.send(
          new ar.CreateVpcConnectorCommand({
            VpcConnectorName: 'in-use-conn',
            Subnets: seed().privateSubnetIds,
            SecurityGroups: [sg.GroupId ?? ''],
          }),
        );
        const arn = conn.VpcConnector?.VpcConnectorArn ?? '';
        await client.send(
          new ar.UpdateServiceCommand({
            ServiceArn: serviceArn(),
            NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: arn } },
          }),
        );
        await waitForServiceStatus(client, serviceArn());
        return client.send(new ar.DeleteVpcConnectorCommand({ VpcConnectorArn: arn }));
      },
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
            VpcConnectorArn:
              'arn:aws:apprunner:ap-northeast-1:123456789012:vpcconnector/nope/1/0123456789abcdef0123456789abcdef',
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
      assert.deepEqual(wireProblems(wire[0] as WireRecord), []);
    });
  }

  it('InvalidStateException for a change while an operation is in progress', async () => {
    await client.send(new ar.StartDeploymentCommand({ ServiceArn: serviceArn() }));
    await expectAwsError(
      client.send(new ar.PauseServiceCommand({ ServiceArn: serviceArn() })),
      'InvalidStateException',
      400,
    );
    await waitForServiceStatus(client, serviceArn());
  });

  it('ServiceQuotaExceededException once the VPC connector quota is used up', async () => {
    const { VpcConnectors = [] } = await client.send(new ar.ListVpcConnectorsCommand({}));
    await getSandbox().configure({ connectorQuota: VpcConnectors.filter((c) => c.Status === 'ACTIVE').length });
    try {
      await expectAwsError(
        client.send(
          new ar.CreateVpcConnectorCommand({ VpcConnectorName: 'over-quota', Subnets: seed().privateSubnetIds }),
        ),
        'ServiceQuotaExceededException',
        400,
      );
    } finally {
      await getSandbox().configure({ connectorQuota: 100 });
    }
  });

  it('ServiceQuotaExceededException once the service quota is used up', async () => {
    const { ServiceSummaryList = [] } = await client.send(new ar.ListServicesCommand({}));
    await getSandbox().configure({ serviceQuota: ServiceSummaryList.length });
    try {
      await expectAwsError(
        client.send(
          new ar.CreateServiceCommand({
            ServiceName: 'one-too-many',
            SourceConfiguration: {
              ImageRepository: { ImageIdentifier: TEST_IMAGE, ImageRepositoryType: 'ECR_PUBLIC' },
              AutoDeploymentsEnabled: false,
            },
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
