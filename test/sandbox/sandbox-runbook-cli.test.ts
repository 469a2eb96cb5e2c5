// The runbook's own `aws` commands (sections 3.1, 3.2, 4.2, 5.1, 7), run with the real AWS CLI against
// the sandbox with only the placeholders filled in, leave the state the runbook describes. Its 3.1 command is
// refused, as AWS refuses it (GroupName can't start with "sg-"); the runbook goes on with a valid GroupName
// and the runbook's name as the group's Name tag.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { getSandbox, getServiceUrl, sandboxClients, sandboxEnv, seed, waitFor } from './support';

const run = promisify(execFile);

// Copied verbatim from the runbook (placeholders included); the last test checks them against the runbook's
// command blocks, copied with their source into test/fixtures/runbook/commands.md.
const RUNBOOK = {
  createGroup: `aws ec2 create-security-group \\
  --group-name sg-apprunner \\
  --description "Security group for App Runner VPC Connector" \\
  --vpc-id [VPC_ID]`,
  egress5432: `aws ec2 authorize-security-group-egress \\
  --group-id [sg-apprunner-id] \\
  --protocol tcp \\
  --port 5432 \\
  --source-group [sg-rds-id]`,
  egress443: `aws ec2 authorize-security-group-egress \\
  --group-id [sg-apprunner-id] \\
  --protocol tcp \\
  --port 443 \\
  --cidr 0.0.0.0/0`,
  egress53: `aws ec2 authorize-security-group-egress \\
  --group-id [sg-apprunner-id] \\
  --protocol udp \\
  --port 53 \\
  --cidr 0.0.0.0/0`,
  ingress5432: `aws ec2 authorize-security-group-ingress \\
  --group-id [sg-rds-id] \\
  --protocol tcp \\
  --port 5432 \\
  --source-group [sg-apprunner-id]`,
  createConnector: `aws apprunner create-vpc-connector \\
  --vpc-connector-name "campus-sns-vpc-connector" \\
  --subnets "[\\"subnet-xxxxx\\",\\"subnet-yyyyy\\"]" \\
  --security-groups "[\\"sg-apprunner-id\\"]" \\
  --region ap-northeast-1`,
  updateService: `aws apprunner update-service \\
  --service-arn "arn:aws:apprunner:ap-northeast-1:[AccountID]:service/kyudai-api/[ServiceID]" \\
  --network-configuration '{
    "EgressConfiguration": {
      "EgressType": "VPC",
      "VpcConnectorArn": "arn:aws:apprunner:ap-northeast-1:[AccountID]:vpcconnector/campus-sns-vpc-connector/[ConnectorID]"
    }
  }'`,
  describeSubnets: `aws ec2 describe-subnets \\
  --subnet-ids subnet-xxxxx subnet-yyyyy \\
  --query 'Subnets[*].[SubnetId,AvailabilityZone,VpcId]'`,
  describeGroups: `aws ec2 describe-security-groups \\
  --group-ids [sg-apprunner-id] [sg-rds-id] \\
  --query 'SecurityGroups[*].[GroupId,IpPermissions,IpPermissionsEgress]'`,
  describeConnector: `aws apprunner describe-vpc-connector \\
  --vpc-connector-arn "arn:aws:apprunner:ap-northeast-1:[AccountID]:vpcconnector/campus-sns-vpc-connector/[ConnectorID]"`,
};

describe('sandbox: the runbook with the real aws CLI', function () {
  this.timeout(60_000);
  const fill: Record<string, string> = {};

  /** Runs a runbook command through bash with the placeholders filled and --endpoint-url added. */
  async function runbook(command: string): Promise<unknown> {
    let text = command;
    for (const [placeholder, value] of Object.entries(fill)) text = text.split(placeholder).join(value);
    assert.doesNotMatch(text, /\[[A-Za-z_-]+\]|xxxxx|yyyyy/, `unfilled placeholder in: ${text}`);
    const { stdout } = await run('bash', ['-c', `${text} --endpoint-url ${getSandbox().endpoint} --output json`], {
      env: { ...sandboxEnv(), AWS_MAX_ATTEMPTS: '1' },
    });
    return stdout.trim() ? JSON.parse(stdout) : undefined;
  }

  /** The error code the CLI prints when the sandbox refuses a runbook command. */
  async function refused(command: string): Promise<string> {
    try {
      await runbook(command);
    } catch (e) {
      return /An error occurred \(([^)]+)\)/.exec(String((e as { stderr?: string }).stderr ?? ''))?.[1] ?? String(e);
    }
    return 'accepted';
  }

  before(async () => {
    await getSandbox().reset();
    const s = seed();
    Object.assign(fill, {
      '[VPC_ID]': s.vpcId ?? '',
      '[sg-rds-id]': s.sgRdsId ?? '',
      '[AccountID]': '123456789012',
      '[ServiceID]': s.serviceId ?? '',
      'subnet-xxxxx': s.privateSubnetIds[0] ?? '',
      'subnet-yyyyy': s.privateSubnetIds[1] ?? '',
    });
  });

  it('3.1 refuses the literal sg-apprunner GroupName (InvalidParameterValue, as AWS does)', async () => {
    assert.equal(await refused(RUNBOOK.createGroup), 'InvalidParameterValue');
  });

  it('3.1 with a valid GroupName (Name tag sg-apprunner) creates the group with the three outbound rules', async () => {
    const valid =
      RUNBOOK.createGroup.replace('--group-name sg-apprunner', '--group-name apprunner-connector') +
      " --tag-specifications 'ResourceType=security-group,Tags=[{Key=Name,Value=sg-apprunner}]'";
    const created = (await runbook(valid)) as { GroupId: string };
    fill['[sg-apprunner-id]'] = created.GroupId;
    fill['sg-apprunner-id'] = created.GroupId;
    for (const c of [RUNBOOK.egress5432, RUNBOOK.egress443, RUNBOOK.egress53]) await runbook(c);
  });

  it('3.2 lets sg-rds accept 5432 from sg-apprunner', async () => {
    await runbook(RUNBOOK.ingress5432);
  });

  it('4.2 creates campus-sns-vpc-connector, ACTIVE', async () => {
    const out = (await runbook(RUNBOOK.createConnector)) as {
      VpcConnector: { VpcConnectorArn: string; Status: string; Subnets: string[] };
    };
    assert.equal(out.VpcConnector.Status, 'ACTIVE');
    assert.deepEqual(out.VpcConnector.Subnets, seed().privateSubnetIds.slice(0, 2));
    fill['[ConnectorID]'] = out.VpcConnector.VpcConnectorArn.split('/').slice(2).join('/');
  });

  it('5.1 attaches it: the service redeploys and comes back RUNNING with VPC egress', async () => {
    const out = (await runbook(RUNBOOK.updateService)) as { Service: { Status: string }; OperationId: string };
    assert.equal(out.Service.Status, 'OPERATION_IN_PROGRESS');
    const arn = `arn:aws:apprunner:ap-northeast-1:123456789012:service/kyudai-api/${seed().serviceId}`;
    await waitFor('kyudai-api RUNNING', async () => {
      const { stdout } = await run(
        'aws',
        ['apprunner', 'describe-service', '--service-arn', arn, '--endpoint-url', getSandbox().endpoint],
        { env: sandboxEnv() },
      );
      const service = (
        JSON.parse(stdout) as { Service: { Status: string; NetworkConfiguration: { EgressConfiguration: unknown } } }
      ).Service;
      if (service.Status !== 'RUNNING') return undefined;
      assert.equal(
        JSON.stringify(service.NetworkConfiguration.EgressConfiguration).includes('"EgressType":"VPC"'),
        true,
      );
      return true;
    });
  });

  it('6 reaches the database: health, db-health and the log line', async () => {
    const url = `127.0.0.1:${new URL(getSandbox().endpoint).port}/_apps/${seed().serviceId}`;
    assert.deepEqual((await getServiceUrl(url, '/api/v1/health')).body, { status: 'healthy' });
    assert.deepEqual((await getServiceUrl(url, '/api/v1/db-health')).body, {
      status: 'healthy',
      database: 'connected',
    });
    const { logs } = sandboxClients();
    // The instance writes its log line just after the deployment finishes, as on AWS.
    await waitFor('the connection log line', async () => {
      const events = await logs.send(
        new FilterLogEventsCommand({ logGroupName: `/aws/apprunner/kyudai-api/${seed().serviceId}/application` }),
      );
      return events.events?.at(-1)?.message === 'Successfully connected to database' ? true : undefined;
    });
  });

  it('7 the troubleshooting commands show the state the runbook describes', async () => {
    const subnets = (await runbook(RUNBOOK.describeSubnets)) as string[][];
    assert.deepEqual(subnets.map((s) => s[1]).sort(), ['ap-northeast-1a', 'ap-northeast-1c']);
    assert.ok(subnets.every((s) => s[2] === seed().vpcId));
    type Perm = {
      IpProtocol: string;
      FromPort?: number;
      IpRanges: { CidrIp: string }[];
      UserIdGroupPairs: { GroupId: string }[];
    };
    const groups = (await runbook(RUNBOOK.describeGroups)) as [string, Perm[], Perm[]][];
    const app = groups.find((g) => g[0] === fill['sg-apprunner-id']);
    const rds = groups.find((g) => g[0] === seed().sgRdsId);
    const rule = (p: Perm) =>
      `${p.IpProtocol}:${p.FromPort ?? 'all'}:${[...p.UserIdGroupPairs.map((u) => u.GroupId), ...p.IpRanges.map((r) => r.CidrIp)].join(',')}`;
    const egress = (app?.[2] ?? []).map(rule);
    for (const expected of [`tcp:5432:${seed().sgRdsId}`, 'tcp:443:0.0.0.0/0', 'udp:53:0.0.0.0/0'])
      assert.ok(egress.includes(expected), expected);
    assert.deepEqual(app?.[1], [], 'sg-apprunner has no inbound rules');
    assert.deepEqual((rds?.[1] ?? []).map(rule), [`tcp:5432:${fill['sg-apprunner-id']}`]);
    const connector = (await runbook(RUNBOOK.describeConnector)) as {
      VpcConnector: { Status: string; SecurityGroups: string[] };
    };
    assert.equal(connector.VpcConnector.Status, 'ACTIVE');
    assert.deepEqual(connector.VpcConnector.SecurityGroups, [fill['sg-apprunner-id']]);
  });

  it('uses the runbook text verbatim (the command blocks copied in test/fixtures/runbook/commands.md)', () => {
    const file = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'runbook', 'commands.md');
    const text = fs.readFileSync(file, 'utf8');
    for (const [name, command] of Object.entries(RUNBOOK))
      assert.ok(text.includes(command), `${name} differs from the runbook`);
  });
});
