// The sandbox's CloudTrail: every write call through the front is recorded with its signing identity (as
// STS GetCallerIdentity names it), and `cloudtrail:LookupEvents` answers from that record with CloudTrail's
// rules (one lookup attribute, MaxResults 1..50, time range, newest first, pages). Read through the real SDK
// client and the real `aws` CLI (botocore's own model parses the answers).
import assert from 'node:assert/strict';
import { CloudTrailClient, LookupEventsCommand, type Event } from '@aws-sdk/client-cloudtrail';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { awsCli, execFileAsync } from './engineSupport';
import {
  admin,
  expectAwsError,
  getSandbox,
  sandboxClients,
  sandboxEnv,
  seed,
  TEST_CREDENTIALS,
  TEST_REGION,
} from './support';

function trail(): CloudTrailClient {
  return new CloudTrailClient({
    region: TEST_REGION,
    endpoint: getSandbox().endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
}

async function lookupByResource(name: string): Promise<Event[]> {
  return (
    (
      await trail().send(
        new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: name }] }),
      )
    ).Events ?? []
  );
}

describe('sandbox CloudTrail: the record of write calls and LookupEvents', function () {
  this.timeout(120_000);
  beforeEach(async () => {
    await getSandbox().reset('runbook');
  });

  it('records a group created and a rule granted with the caller STS names, newest first, secrets never in the record', async () => {
    const { ec2, sts } = sandboxClients();
    const me = await sts.send(new GetCallerIdentityCommand({}));
    const started = new Date(Date.now() - 1000);
    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'trail-test', Description: 'x', VpcId: seed().vpcId }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: seed().sgRdsId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: group.GroupId }] },
        ],
      }),
    );
    const events = await lookupByResource(seed().sgRdsId ?? '');
    assert.deepEqual(
      events.map((e) => e.EventName),
      ['AuthorizeSecurityGroupIngress'],
    );
    const [grant] = events;
    assert.equal(grant?.EventSource, 'ec2.amazonaws.com');
    assert.equal(grant?.AccessKeyId, TEST_CREDENTIALS.accessKeyId);
    assert.equal(grant?.Username, me.Arn?.split('/').pop());
    assert.ok(
      grant?.EventTime && grant.EventTime >= started && grant.EventTime <= new Date(),
      String(grant?.EventTime),
    );
    const record = JSON.parse(grant?.CloudTrailEvent ?? '{}') as {
      userIdentity: { arn: string };
      sourceIPAddress: string;
      requestParameters: { ipPermissions: { fromPort: string; groups: { groupId: string }[] }[] };
    };
    assert.equal(record.userIdentity.arn, me.Arn);
    assert.equal(record.sourceIPAddress, '127.0.0.1');
    assert.equal(record.requestParameters.ipPermissions[0].fromPort, '5432');
    assert.equal(record.requestParameters.ipPermissions[0].groups[0].groupId, group.GroupId);
    // The created group is the CreateSecurityGroup event's resource (from the answer), with the VPC.
    const created = await lookupByResource(group.GroupId ?? '');
    assert.deepEqual(
      created.map((e) => e.EventName),
      ['CreateSecurityGroup'],
    );
    assert.ok(
      created[0]?.Resources?.some((r) => r.ResourceType === 'AWS::EC2::VPC' && r.ResourceName === seed().vpcId),
    );
    // Newest first over everything; reads (Describe*, GetCallerIdentity) are not recorded.
    const all = (await trail().send(new LookupEventsCommand({}))).Events ?? [];
    assert.deepEqual(
      all.map((e) => e.EventName),
      ['AuthorizeSecurityGroupIngress', 'CreateSecurityGroup'],
    );
    const raw = JSON.stringify(await admin('GET', 'events'));
    for (const secret of seed().secretValues ?? []) assert.ok(!raw.includes(secret), 'a seed secret is in the record');
  });

  it("hides DATABASE_URL's password in an UpdateService record", async () => {
    const out = JSON.parse(
      await awsCli(['apprunner', 'describe-service', '--service-arn', seed().serviceArn ?? '']),
    ) as { Service: { SourceConfiguration: Record<string, unknown> } };
    const source = out.Service.SourceConfiguration as Record<string, unknown>;
    delete source.CodeRepository;
    await awsCli([
      'apprunner',
      'update-service',
      '--service-arn',
      seed().serviceArn ?? '',
      '--source-configuration',
      JSON.stringify(source),
    ]);
    const [update] = await lookupByResource(seed().serviceArn ?? '');
    assert.equal(update?.EventName, 'UpdateService');
    assert.equal(update?.EventSource, 'apprunner.amazonaws.com');
    assert.match(update?.CloudTrailEvent ?? '', /HIDDEN_DUE_TO_SECURITY_REASONS/);
    for (const secret of seed().secretValues ?? []) assert.ok(!(update?.CloudTrailEvent ?? '').includes(secret));
  });

  it('names the IAM user whose access key signed the call (a key made with iam create-access-key)', async () => {
    await awsCli(['iam', 'create-user', '--user-name', 'alice']);
    const key = (
      JSON.parse(await awsCli(['iam', 'create-access-key', '--user-name', 'alice'])) as {
        AccessKey: { AccessKeyId: string; SecretAccessKey: string };
      }
    ).AccessKey;
    const { ec2 } = sandboxClients();
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: seed().sgRdsId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }],
      }),
    );
    const env = { ...sandboxEnv(), AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey };
    await execFileAsync(
      'aws',
      [
        'ec2',
        'revoke-security-group-ingress',
        '--group-id',
        seed().sgRdsId ?? '',
        '--protocol',
        'tcp',
        '--port',
        '5432',
        '--cidr',
        '10.0.0.0/16',
        '--endpoint-url',
        getSandbox().endpoint,
      ],
      { env },
    );
    // The real aws CLI reads the record back (botocore parses the answer with CloudTrail's model).
    const looked = JSON.parse(
      await awsCli([
        'cloudtrail',
        'lookup-events',
        '--lookup-attributes',
        'AttributeKey=Username,AttributeValue=alice',
      ]),
    ) as { Events: { EventName: string; CloudTrailEvent: string; EventTime: number | string }[] };
    assert.deepEqual(
      looked.Events.map((e) => e.EventName),
      ['RevokeSecurityGroupIngress'],
    );
    assert.equal(
      (JSON.parse(looked.Events[0]?.CloudTrailEvent ?? '{}') as { userIdentity: { arn: string } }).userIdentity.arn,
      'arn:aws:iam::123456789012:user/alice',
    );
  });

  it("refuses what CloudTrail refuses, with CloudTrail's error codes; pages with NextToken", async () => {
    const { ec2 } = sandboxClients();
    for (const name of ['trail-a', 'trail-b', 'trail-c'])
      await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: 'x', VpcId: seed().vpcId }));
    await expectAwsError(
      trail().send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: 'EventName', AttributeValue: 'CreateSecurityGroup' },
            { AttributeKey: 'Username', AttributeValue: 'moto' },
          ],
        }),
      ),
      'InvalidLookupAttributesException',
      400,
    );
    await expectAwsError(trail().send(new LookupEventsCommand({ MaxResults: 51 })), 'InvalidMaxResultsException', 400);
    await expectAwsError(
      trail().send(new LookupEventsCommand({ StartTime: new Date(), EndTime: new Date(Date.now() - 60_000) })),
      'InvalidTimeRangeException',
      400,
    );
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await trail().send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateSecurityGroup' }],
          MaxResults: 2,
          NextToken: token,
        }),
      );
      names.push(
        ...(page.Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent ?? '{}').requestParameters.groupName as string),
      );
      token = page.NextToken;
      pages++;
    } while (token);
    assert.equal(pages, 2);
    assert.deepEqual(names, ['trail-c', 'trail-b', 'trail-a']);
    await expectAwsError(
      trail().send(new LookupEventsCommand({ MaxResults: 2, NextToken: 'bm90LWEtdG9rZW4' })),
      'InvalidNextTokenException',
      400,
    );
    // A time range that ends before the calls finds none of them.
    const before = await trail().send(new LookupEventsCommand({ EndTime: new Date(Date.now() - 3_600_000) }));
    assert.deepEqual(before.Events, []);
  });

  it("an injected fault on LookupEvents answers in CloudTrail's JSON wire format: the SDK reads AccessDeniedException", async () => {
    await admin('POST', 'faults', {
      failNth: [
        {
          operation: 'LookupEvents',
          nth: 1,
          service: 'cloudtrail',
          error: { code: 'AccessDeniedException', status: 400, message: 'not authorized: cloudtrail:LookupEvents' },
        },
      ],
    });
    try {
      const e = await expectAwsError(trail().send(new LookupEventsCommand({})), 'AccessDeniedException', 400);
      assert.match(e.message, /cloudtrail:LookupEvents/);
      // Only the first call was failed: the next one is answered.
      assert.ok(Array.isArray((await trail().send(new LookupEventsCommand({}))).Events));
    } finally {
      await admin('DELETE', 'faults');
    }
  });
});
