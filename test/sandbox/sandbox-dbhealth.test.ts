// The application behind ServiceUrl: /api/v1/health while running, and /api/v1/db-health that turns
// "connected" exactly when the runbook's rules are in place (and back when one is revoked), with the
// deployment's log line in CloudWatch Logs.
import assert from 'node:assert/strict';
import * as ar from '@aws-sdk/client-apprunner';
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  DescribeNetworkAclsCommand,
  ModifyVpcAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { StartDBInstanceCommand, StopDBInstanceCommand, type RDSClient } from '@aws-sdk/client-rds';
import { getSandbox, getServiceUrl, sandboxClients, seed, waitFor, waitForServiceStatus } from './support';

const tcp5432 = (peer: { groupId?: string; cidr?: string }): IpPermission[] => [
  {
    IpProtocol: 'tcp',
    FromPort: 5432,
    ToPort: 5432,
    UserIdGroupPairs: peer.groupId ? [{ GroupId: peer.groupId }] : undefined,
    IpRanges: peer.cidr ? [{ CidrIp: peer.cidr }] : undefined,
  },
];

describe('sandbox application behind ServiceUrl', function () {
  this.timeout(30_000);
  let appRunner: ar.AppRunnerClient;
  let ec2: EC2Client;
  let logs: CloudWatchLogsClient;
  let rds: RDSClient;
  let url = '';
  let appGroup = '';
  const rdsGroup = () => seed().sgRdsId ?? '';

  async function dbHealth(): Promise<{ body: Record<string, unknown>; reason: string | null }> {
    const res = await getServiceUrl(url, '/api/v1/db-health');
    assert.equal(res.status, 200);
    return { body: res.body, reason: res.headers.get('x-sandbox-reason') };
  }

  async function assertConnected(expected: boolean, why: string): Promise<void> {
    const { body, reason } = await dbHealth();
    if (expected) assert.deepEqual(body, { status: 'healthy', database: 'connected' }, `${why}: ${reason}`);
    else {
      assert.equal(body.status, 'unhealthy', why);
      assert.match(String(body.error), /timeout expired/);
    }
  }

  before(async () => {
    await getSandbox().reset();
    ({ appRunner, ec2, logs, rds } = sandboxClients());
    const described = await appRunner.send(new ar.DescribeServiceCommand({ ServiceArn: seed().serviceArn }));
    url = described.Service?.ServiceUrl ?? '';
  });

  it('serves the health check on the loopback ServiceUrl', async () => {
    assert.match(url, /^127\.0\.0\.1:\d+\/_apps\/[0-9a-f]{32}$/);
    const res = await getServiceUrl(url, '/api/v1/health');
    assert.deepEqual([res.status, res.body], [200, { status: 'healthy' }]);
  });

  it('is unhealthy with DEFAULT egress, and the first deployment logged the failure', async () => {
    await assertConnected(false, 'DEFAULT egress cannot reach a private DB');
    const events = await logs.send(
      new FilterLogEventsCommand({ logGroupName: `/aws/apprunner/kyudai-api/${seed().serviceId}/application` }),
    );
    assert.ok(events.events?.some((e) => /Failed to connect to database/.test(e.message ?? '')));
  });

  it('turns connected exactly when the last runbook rule is in place, and back when ingress is revoked', async () => {
    const sg = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'apprunner-connector',
        Description: 'Security group for App Runner VPC Connector',
        VpcId: seed().vpcId,
      }),
    );
    appGroup = sg.GroupId ?? '';
    // moto, like AWS, gives a new group an allow-all egress rule; the runbook's group has only its own rules.
    await ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: appGroup,
        IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    );
    const conn = await appRunner.send(
      new ar.CreateVpcConnectorCommand({
        VpcConnectorName: 'campus-sns-vpc-connector',
        Subnets: seed().privateSubnetIds.slice(0, 2),
        SecurityGroups: [appGroup],
      }),
    );
    const connectorArn = conn.VpcConnector?.VpcConnectorArn ?? '';
    await appRunner.send(
      new ar.UpdateServiceCommand({
        ServiceArn: seed().serviceArn,
        NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: connectorArn } },
      }),
    );
    await waitForServiceStatus(appRunner, seed().serviceArn ?? '');
    await assertConnected(false, 'attached, but no security group rules yet');

    await ec2.send(
      new AuthorizeSecurityGroupEgressCommand({ GroupId: appGroup, IpPermissions: tcp5432({ groupId: rdsGroup() }) }),
    );
    await assertConnected(false, 'egress to sg-rds alone is not enough: sg-rds has no ingress');

    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({ GroupId: rdsGroup(), IpPermissions: tcp5432({ groupId: appGroup }) }),
    );
    await assertConnected(true, 'both runbook rules are in place');

    await ec2.send(
      new RevokeSecurityGroupIngressCommand({ GroupId: rdsGroup(), IpPermissions: tcp5432({ groupId: appGroup }) }),
    );
    await assertConnected(false, 'the ingress rule was revoked');
  });

  it('accepts CIDR rules only when they cover every subnet on the other side', async () => {
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: rdsGroup(),
        IpPermissions: tcp5432({ cidr: '10.0.11.0/24' }),
      }),
    );
    await assertConnected(false, 'ingress from one of the two connector subnets only');
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: rdsGroup(),
        IpPermissions: tcp5432({ cidr: '10.0.0.0/16' }),
      }),
    );
    await assertConnected(true, 'ingress from the VPC range covers both connector subnets');
    await ec2.send(
      new RevokeSecurityGroupEgressCommand({ GroupId: appGroup, IpPermissions: tcp5432({ groupId: rdsGroup() }) }),
    );
    await assertConnected(false, 'no egress to the DB any more');
    await ec2.send(
      new AuthorizeSecurityGroupEgressCommand({ GroupId: appGroup, IpPermissions: tcp5432({ cidr: '10.0.0.0/16' }) }),
    );
    await assertConnected(true, 'egress to a CIDR covering the DB subnets');
  });

  it('follows network ACLs: a custom ACL without return traffic breaks it, adding ephemeral ports fixes it', async () => {
    const dbSubnet = seed().privateSubnetIds[2] ?? '';
    const acl = await ec2.send(new CreateNetworkAclCommand({ VpcId: seed().vpcId }));
    const aclId = acl.NetworkAcl?.NetworkAclId ?? '';
    const entry = (ruleNumber: number, egress: boolean, from: number, to: number) =>
      ec2.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: ruleNumber,
          Protocol: '6',
          RuleAction: 'allow',
          Egress: egress,
          CidrBlock: '10.0.0.0/16',
          PortRange: { From: from, To: to },
        }),
      );
    await entry(100, false, 5432, 5432);
    const current = await ec2.send(
      new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [dbSubnet] }] }),
    );
    const association = current.NetworkAcls?.[0]?.Associations?.find((a) => a.SubnetId === dbSubnet);
    await ec2.send(
      new ReplaceNetworkAclAssociationCommand({
        AssociationId: association?.NetworkAclAssociationId,
        NetworkAclId: aclId,
      }),
    );
    const blocked = await dbHealth();
    assert.equal(blocked.body.status, 'unhealthy');
    assert.match(String(blocked.reason), /return traffic/);
    await entry(100, true, 1024, 65535);
    await assertConnected(true, 'the DB subnet ACL now lets replies out on ephemeral ports');
    // Rule order: the lowest-numbered matching rule decides.
    await ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: 50,
        Protocol: '6',
        RuleAction: 'deny',
        Egress: false,
        CidrBlock: '10.0.11.0/24',
        PortRange: { From: 5432, To: 5432 },
      }),
    );
    await assertConnected(false, 'a lower-numbered deny for one connector subnet wins over the allow');
    await entry(40, false, 5432, 5432);
    await assertConnected(true, 'an even lower allow wins over that deny');
  });

  it('needs the DB instance to be available', async () => {
    await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' }));
    const stopped = await dbHealth();
    assert.equal(stopped.body.status, 'unhealthy');
    assert.match(String(stopped.reason), /DB instance is stopped/);
    await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: 'kyudai-db' }));
    await assertConnected(true, 'the DB is available again');
  });

  it("needs DNS support in the connector's VPC to resolve the DB endpoint name", async () => {
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: seed().vpcId, EnableDnsSupport: { Value: false } }));
    const off = await dbHealth();
    assert.equal(off.body.status, 'unhealthy');
    assert.match(String(off.body.error), /could not translate host name/);
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: seed().vpcId, EnableDnsSupport: { Value: true } }));
    await assertConnected(true, 'DNS support is back on');
  });

  it('logs "Successfully connected to database" on a deployment once it can connect', async () => {
    const before = Date.now();
    await appRunner.send(new ar.StartDeploymentCommand({ ServiceArn: seed().serviceArn }));
    await waitForServiceStatus(appRunner, seed().serviceArn ?? '');
    const group = `/aws/apprunner/kyudai-api/${seed().serviceId}/application`;
    await waitFor('the deployment log line', async () => {
      const events = await logs.send(new FilterLogEventsCommand({ logGroupName: group, startTime: before }));
      return events.events?.some((e) => e.message === 'Successfully connected to database') ? true : undefined;
    });
  });

  it('stops answering while paused', async () => {
    await appRunner.send(new ar.PauseServiceCommand({ ServiceArn: seed().serviceArn }));
    await waitForServiceStatus(appRunner, seed().serviceArn ?? '', 'PAUSED');
    const res = await getServiceUrl(url, '/api/v1/health');
    assert.equal(res.status, 503);
  });
});
