// Runbook 8.2's change history from plain CloudTrail events: newest first, who, when, what, from where.
import assert from 'node:assert/strict';
import {
  changeHistory,
  describeChange,
  lastChangeLine,
  relativeTime,
  type TrailEventInput,
} from '../../src/model/ops/changeHistory';
import { changeHistoryMarkdown } from '../../src/model/ops/changeHistoryMarkdown';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ALICE = 'arn:aws:iam::123456789012:user/alice';

function event(
  id: string,
  name: string,
  minutesAgo: number,
  record: Record<string, unknown>,
  resources: string[],
): TrailEventInput {
  return {
    eventId: id,
    eventName: name,
    eventTime: NOW - minutesAgo * 60_000,
    eventSource: 'ec2.amazonaws.com',
    resources: resources.map((r) => ({ type: 'AWS::EC2::SecurityGroup', name: r })),
    cloudTrailEvent: JSON.stringify(record),
  };
}

describe('change history (runbook 8.2)', () => {
  it("says what a rule change did, in CloudTrail's item-wrapped shape and in plain lists", () => {
    // The shape real CloudTrail writes for AuthorizeSecurityGroupIngress / RevokeSecurityGroupIngress.
    const real = {
      groupId: 'sg-db',
      ipPermissions: {
        items: [{ ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, groups: { items: [{ groupId: 'sg-app' }] } }],
      },
    };
    assert.equal(describeChange('RevokeSecurityGroupIngress', real, {}).en, 'ingress tcp 5432 from sg-app revoked');
    const plain = {
      groupId: 'sg-app',
      ipPermissions: [{ ipProtocol: 'tcp', fromPort: '443', toPort: '443', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }],
    };
    assert.equal(
      describeChange('AuthorizeSecurityGroupEgress', plain, {}).en,
      'egress tcp 443 to 0.0.0.0/0 authorized',
    );
    assert.equal(
      describeChange(
        'RevokeSecurityGroupEgress',
        { ipPermissions: [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }] },
        {},
      ).en,
      'egress all traffic to 0.0.0.0/0 revoked',
    );
    assert.equal(
      describeChange('RevokeSecurityGroupIngress', { securityGroupRuleIds: ['sgr-1'] }, {}).en,
      'ingress rule sgr-1 revoked',
    );
    assert.match(describeChange('RevokeSecurityGroupIngress', real, {}).ja, /インバウンド tcp 5432 from sg-app を削除/);
  });

  it('names the network change of UpdateService and the connector made or deleted', () => {
    const vpc = {
      networkConfiguration: {
        egressConfiguration: {
          egressType: 'VPC',
          vpcConnectorArn: 'arn:aws:apprunner:ap-northeast-1:1:vpcconnector/campus/1/abc',
        },
      },
    };
    assert.equal(describeChange('UpdateService', vpc, {}).en, 'egress set to VPC through connector campus');
    assert.equal(
      describeChange('UpdateService', { networkConfiguration: { egressConfiguration: { egressType: 'DEFAULT' } } }, {})
        .en,
      'egress set to DEFAULT (public internet)',
    );
    assert.equal(describeChange('UpdateService', { sourceConfiguration: {} }, {}).en, 'service configuration updated');
    assert.equal(
      describeChange(
        'CreateVpcConnector',
        { vpcConnectorName: 'c', subnets: ['subnet-1'], securityGroups: ['sg-1'] },
        {},
      ).en,
      'VPC connector c created (subnets subnet-1; groups sg-1)',
    );
    assert.equal(
      describeChange('CreateSecurityGroup', { groupName: 'apprunner-connector', vpcId: 'vpc-1' }, { groupId: 'sg-9' })
        .en,
      'security group apprunner-connector (sg-9) created in vpc-1',
    );
  });

  it('orders newest first, once per event; who is the principal ARN; a service call is "AWS service"; failures say so', () => {
    const revoke = event(
      'e2',
      'RevokeSecurityGroupIngress',
      180,
      {
        userIdentity: { type: 'IAMUser', arn: ALICE },
        sourceIPAddress: '203.0.113.7',
        requestParameters: {
          groupId: 'sg-db',
          ipPermissions: [{ ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, groups: [{ groupId: 'sg-app' }] }],
        },
      },
      ['sg-db'],
    );
    const grant = event(
      'e1',
      'AuthorizeSecurityGroupIngress',
      60 * 24 * 2,
      {
        userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/deploy/ci' },
        sourceIPAddress: '198.51.100.1',
        requestParameters: {
          groupId: 'sg-db',
          ipPermissions: [{ ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, groups: [{ groupId: 'sg-app' }] }],
        },
      },
      ['sg-db'],
    );
    const byService = event(
      'e3',
      'CreateNetworkInterface',
      1,
      {
        userIdentity: { type: 'AWSService', invokedBy: 'apprunner.amazonaws.com' },
        sourceIPAddress: 'apprunner.amazonaws.com',
      },
      ['subnet-1'],
    );
    const refused = event(
      'e4',
      'AuthorizeSecurityGroupIngress',
      5,
      {
        userIdentity: { arn: ALICE },
        sourceIPAddress: '203.0.113.7',
        errorCode: 'InvalidPermission.Duplicate',
        requestParameters: {},
      },
      ['sg-db'],
    );
    const rows = changeHistory([grant, revoke, byService, refused, revoke], 'ap-northeast-1', NOW);
    assert.deepEqual(
      rows.map((r) => r.eventId),
      ['e3', 'e4', 'e2', 'e1'],
    );
    const [svc, fail, rev, old] = rows;
    assert.equal(svc?.from.en, 'AWS service (apprunner.amazonaws.com)');
    assert.equal(fail?.errorCode, 'InvalidPermission.Duplicate');
    assert.match(fail?.what.en ?? '', /failed: InvalidPermission.Duplicate/);
    assert.equal(rev?.who, ALICE);
    assert.equal(rev?.from.en, '203.0.113.7');
    assert.equal(rev?.ago.en, '3 hours ago');
    assert.equal(rev?.time, '2026-11-30T09:00:00.000Z');
    assert.equal(
      rev?.consoleUrl,
      'https://ap-northeast-1.console.aws.amazon.com/cloudtrailv2/home?region=ap-northeast-1#/events/e2',
    );
    assert.equal(old?.ago.ja, '2 日前');
    // The details pane's line: the latest successful change of the element (the refused call is skipped).
    assert.equal(lastChangeLine(rows, 'sg-db')?.en, `ingress tcp 5432 from sg-app revoked by ${ALICE} 3 hours ago`);
    assert.equal(lastChangeLine(rows, 'sg-other'), undefined);
  });

  it('relative times in both languages', () => {
    assert.deepEqual(relativeTime(NOW - 1000, NOW), { en: '1 second ago', ja: '1 秒前' });
    assert.deepEqual(relativeTime(NOW - 90 * 60_000, NOW), { en: '1 hour ago', ja: '1 時間前' });
    assert.deepEqual(relativeTime(NOW + 5000, NOW), { en: '0 seconds ago', ja: '0 秒前' });
  });

  it('renders a Markdown table with the console links, pipes escaped; an empty history says so', () => {
    const rows = changeHistory(
      [
        event(
          'e|1',
          'CreateTags',
          2,
          {
            userIdentity: { arn: ALICE },
            sourceIPAddress: '10.0.0.1',
            requestParameters: { resourcesSet: {}, tagSet: { items: [{ key: 'Name', value: 'a|b' }] } },
          },
          ['sg-1'],
        ),
      ],
      'us-east-1',
      NOW,
    );
    const md = changeHistoryMarkdown(rows, 'sg-1', 'en');
    assert.match(md, /^# Change history: sg-1/);
    assert.match(md, /tags set: Name=a\\\|b/);
    assert.match(
      md,
      /\[CreateTags\]\(<https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudtrailv2\/home\?region=us-east-1#\/events\/e%7C1>\)/,
    );
    assert.match(changeHistoryMarkdown([], 'sg-1', 'ja'), /記録された変更はありません/);
  });
});
