// Every App Runner operation the sandbox implements answers in the shapes of botocore's model (required
// members, types, enums, limits), checked on the raw JSON the SDK received.
import assert from 'node:assert/strict';
import * as ar from '@aws-sdk/client-apprunner';
import { CreateSecurityGroupCommand, CreateVpcEndpointCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { IMPLEMENTED_OPERATIONS } from '../../sandbox/apprunner/emulator';
import {
  getSandbox,
  recordingAppRunnerClient,
  sandboxClients,
  seed,
  TEST_IMAGE,
  waitFor,
  waitForServiceStatus,
  wireProblems,
  type WireRecord,
} from './support';

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
    const sg = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'apprunner-connector',
        Description: 'model test',
        VpcId: seed().vpcId,
      }),
    );
    groupId = sg.GroupId ?? '';
  });

  it('answers all 21 operations with responses that validate against service-2.json', async () => {
    const subnets = seed().privateSubnetIds.slice(0, 2);
    const conn = await client.send(
      new ar.CreateVpcConnectorCommand({
        VpcConnectorName: 'model-connector',
        Subnets: subnets,
        SecurityGroups: [groupId],
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    );
    const connectorArn = conn.VpcConnector?.VpcConnectorArn ?? '';
    await client.send(new ar.DescribeVpcConnectorCommand({ VpcConnectorArn: connectorArn }));
    await client.send(new ar.ListVpcConnectorsCommand({}));
    const created = await client.send(
      new ar.CreateServiceCommand({
        ServiceName: 'model-service',
        SourceConfiguration: {
          ImageRepository: { ImageIdentifier: TEST_IMAGE, ImageRepositoryType: 'ECR_PUBLIC' },
          AutoDeploymentsEnabled: false,
        },
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
      new ar.UpdateServiceCommand({
        ServiceArn: arn,
        NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: connectorArn } },
      }),
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
      [
        'START_DEPLOYMENT:SUCCEEDED',
        'RESUME_SERVICE:SUCCEEDED',
        'PAUSE_SERVICE:SUCCEEDED',
        'UPDATE_SERVICE:SUCCEEDED',
        'CREATE_SERVICE:SUCCEEDED',
      ],
    );
    // A VPC ingress connection through an App Runner interface endpoint in the seed's VPC.
    const endpoint = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: seed().vpcId,
        VpcEndpointType: 'Interface',
        ServiceName: 'com.amazonaws.ap-northeast-1.apprunner.requests',
        SubnetIds: subnets,
      }),
    );
    const ingressVpc = { VpcId: seed().vpcId, VpcEndpointId: endpoint.VpcEndpoint?.VpcEndpointId };
    const ingress = await client.send(
      new ar.CreateVpcIngressConnectionCommand({
        ServiceArn: arn,
        VpcIngressConnectionName: 'model-ingress',
        IngressVpcConfiguration: ingressVpc,
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    );
    const ingressArn = ingress.VpcIngressConnection?.VpcIngressConnectionArn ?? '';
    const ingressStatus = async (status: string) =>
      waitFor(`ingress connection ${status}`, async () => {
        const out = await client.send(
          new ar.DescribeVpcIngressConnectionCommand({ VpcIngressConnectionArn: ingressArn }),
        );
        return out.VpcIngressConnection?.Status === status ? true : undefined;
      });
    await ingressStatus('AVAILABLE');
    const listed = await client.send(new ar.ListVpcIngressConnectionsCommand({ Filter: { ServiceArn: arn } }));
    assert.deepEqual(
      listed.VpcIngressConnectionSummaryList?.map((c) => c.VpcIngressConnectionArn),
      [ingressArn],
    );
    await client.send(
      new ar.UpdateVpcIngressConnectionCommand({
        VpcIngressConnectionArn: ingressArn,
        IngressVpcConfiguration: ingressVpc,
      }),
    );
    await ingressStatus('AVAILABLE');
    await client.send(new ar.DeleteVpcIngressConnectionCommand({ VpcIngressConnectionArn: ingressArn }));
    await ingressStatus('DELETED');
    await client.send(new ar.DeleteServiceCommand({ ServiceArn: arn }));
    const deleted = await waitForServiceStatus(client, arn, 'DELETED');
    assert.equal(deleted.ServiceUrl, undefined);
    const gone = await client.send(new ar.DeleteVpcConnectorCommand({ VpcConnectorArn: connectorArn }));
    assert.equal(gone.VpcConnector?.Status, 'INACTIVE');

    const seen = new Set(records.filter((r) => r.status === 200).map((r) => r.operation));
    assert.deepEqual([...seen].sort(), [...IMPLEMENTED_OPERATIONS].sort());
    assert.equal(IMPLEMENTED_OPERATIONS.length, 21);
    assert.deepEqual(records.flatMap(wireProblems), []);
  });
});
