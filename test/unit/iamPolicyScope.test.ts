// The policy a security team signs: every write scoped by the resource types and condition keys AWS's Service
// Authorization Reference gives the action (test/support/iamServiceReference.json, extracted from the npm
// package named in its "source"), the read-only policy on its own, secrets only when tagged, and an evaluation
// of the conditions: what the tool does is allowed, a change to what it did not create is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IamPolicy } from '../support/iamActions';
import { isAllowed, type IamRequest } from '../support/iamEvaluate';
import {
  isReadAction,
  narrowToVpc,
  READABLE_SECRET_TAG,
  SECRET_ACTIONS,
  SERVICE_REFERENCE,
  wildcardWrites,
} from '../support/iamPolicyDocument';
import { SOURCE_ROOT } from '../support/sourceFiles';

function readPolicy(file: string): IamPolicy {
  return JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', file), 'utf8')) as IamPolicy;
}

// "arn:${Partition}:ec2:${Region}:${Account}:security-group/${SecurityGroupId}" as a pattern a policy's ARN
// (with its own * wildcards) must fit: each ${...} is one or more characters, a policy's * stands for them.
function fitsFormat(arn: string, format: string): boolean {
  const parts = format.split(/\$\{[^}]+\}/);
  const re = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^:]*');
  // The policy's ARN may put * where the format has a name, never a different resource type.
  return new RegExp(`^${re}$`).test(arn);
}

function keyAllowed(key: string, allowed: string[]): boolean {
  return allowed.some((k) =>
    new RegExp(`^${k.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\$\{[^}]+\}/g, '.+')}$`, 'i').test(key),
  );
}

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const OUR_VPC = 'vpc-0our';
const OTHER_VPC = 'vpc-0other';
const managed = { 'aws:ResourceTag/ManagedBy': 'apprunner-vpc' };
const group = (id: string, vpc: string, keys: Record<string, string> = {}): IamRequest['resources'][number] => ({
  arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${id}`,
  keys: { 'ec2:Vpc': `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${vpc}`, ...keys },
});
const connector = (name: string, keys: Record<string, string> = {}): IamRequest['resources'][number] => ({
  arn: `arn:aws:apprunner:${REGION}:${ACCOUNT}:vpcconnector/${name}/1/abc123`,
  keys,
});
const service = { arn: `arn:aws:apprunner:${REGION}:${ACCOUNT}:service/kyudai-api/0123abcd` };

// What the tool itself sends (src/aws/appRunnerOps.ts, src/aws/ec2Ops.ts).
const TOOL_REQUESTS: [string, IamRequest][] = [
  [
    'attach the service to its connector',
    {
      action: 'apprunner:UpdateService',
      resources: [service, connector('campus-sns-vpc-connector')],
      keys: { 'apprunner:VpcConnectorArn': connector('campus-sns-vpc-connector').arn },
    },
  ],
  ['detach (egress DEFAULT)', { action: 'apprunner:UpdateService', resources: [service] }],
  [
    'create the tagged connector',
    {
      action: 'apprunner:CreateVpcConnector',
      resources: [connector('campus-sns-vpc-connector')],
      keys: { 'aws:RequestTag/ManagedBy': 'apprunner-vpc' },
    },
  ],
  ['delete its connector', { action: 'apprunner:DeleteVpcConnector', resources: [connector('old', managed)] }],
  [
    'create the tagged group in the VPC',
    {
      action: 'ec2:CreateSecurityGroup',
      resources: [{ arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${OUR_VPC}` }, group('sg-new', OUR_VPC)],
      keys: { 'aws:RequestTag/ManagedBy': 'apprunner-vpc', 'aws:RequestTag/Name': 'sg-apprunner' },
    },
  ],
  [
    'tag it on create',
    {
      action: 'ec2:CreateTags',
      resources: [group('sg-new', OUR_VPC)],
      keys: { 'ec2:CreateAction': 'CreateSecurityGroup' },
    },
  ],
  [
    'egress of its group',
    { action: 'ec2:AuthorizeSecurityGroupEgress', resources: [group('sg-app', OUR_VPC, managed)] },
  ],
  ['revoke its egress', { action: 'ec2:RevokeSecurityGroupEgress', resources: [group('sg-app', OUR_VPC, managed)] }],
  ['ingress to the DB group', { action: 'ec2:AuthorizeSecurityGroupIngress', resources: [group('sg-rds', OUR_VPC)] }],
  [
    'turn on DNS',
    { action: 'ec2:ModifyVpcAttribute', resources: [{ arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${OUR_VPC}` }] },
  ],
  [
    'read a tagged secret',
    {
      action: 'secretsmanager:GetSecretValue',
      resources: [
        {
          arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-url-AbCdEf`,
          keys: { [`aws:ResourceTag/${READABLE_SECRET_TAG.key}`]: READABLE_SECRET_TAG.value },
        },
      ],
    },
  ],
  ['look up CloudTrail events', { action: 'cloudtrail:LookupEvents', resources: [] }],
];

// What a holder of the policy must not be able to do.
const REFUSED_EVERYWHERE: [string, IamRequest][] = [
  [
    'open egress of a group the tool did not create',
    { action: 'ec2:AuthorizeSecurityGroupEgress', resources: [group('sg-theirs', OUR_VPC)] },
  ],
  [
    'revoke egress of a shared group',
    { action: 'ec2:RevokeSecurityGroupEgress', resources: [group('sg-default', OUR_VPC)] },
  ],
  [
    'delete a connector someone else made',
    { action: 'apprunner:DeleteVpcConnector', resources: [connector('theirs')] },
  ],
  [
    'create a connector without the tag',
    { action: 'apprunner:CreateVpcConnector', resources: [connector('untagged')] },
  ],
  [
    'point a service at another source connection',
    {
      action: 'apprunner:UpdateService',
      resources: [service],
      keys: { 'apprunner:ConnectionArn': `arn:aws:apprunner:${REGION}:${ACCOUNT}:connection/evil/1` },
    },
  ],
  [
    'create an untagged group',
    {
      action: 'ec2:CreateSecurityGroup',
      resources: [{ arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${OUR_VPC}` }, group('sg-x', OUR_VPC)],
    },
  ],
  [
    'retag an existing group',
    { action: 'ec2:CreateTags', resources: [group('sg-rds', OUR_VPC)], keys: { 'aws:RequestTag/ManagedBy': 'x' } },
  ],
  [
    'read any secret',
    {
      action: 'secretsmanager:GetSecretValue',
      resources: [{ arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod-root-AbCdEf` }],
    },
  ],
  [
    'read any parameter',
    { action: 'ssm:GetParameter', resources: [{ arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/prod/root` }] },
  ],
];

describe('IAM policy: scoped as the Service Authorization Reference allows', () => {
  const full = readPolicy('iam-policy.json');
  const readOnly = readPolicy('iam-policy-readonly.json');

  it('names the published source of its reference data', () => {
    assert.match(SERVICE_REFERENCE.source, /^@cloud-copilot\/iam-data@\d/);
  });

  it('every statement names only resource types and condition keys the reference lists for its actions', () => {
    for (const policy of [full, readOnly]) {
      for (const s of policy.Statement) {
        for (const action of [s.Action].flat()) {
          const ref = SERVICE_REFERENCE.actions[action];
          assert.ok(ref, `${action} is in the reference`);
          const service = action.split(':')[0];
          const types = ref.resourceTypes.map((r) => {
            const type = SERVICE_REFERENCE.resourceTypes[`${service}:${r.name.toLowerCase()}`];
            return { arn: type?.arn, conditionKeys: [...r.conditionKeys, ...(type?.conditionKeys ?? [])] };
          });
          const named = [s.Resource].flat().filter((r) => r !== '*');
          if (named.length === 0) {
            assert.ok(isReadAction(action), `${s.Sid}: the write ${action} is not granted on "*"`);
            continue;
          }
          const fitted = named.map((arn) => {
            const type = types.find((t) => t.arn && fitsFormat(arn, t.arn));
            assert.ok(type, `${s.Sid}: ${arn} is a resource type of ${action} (${types.map((t) => t.arn).join(', ')})`);
            return type;
          });
          const keys = [...ref.conditionKeys, ...fitted.flatMap((t) => t?.conditionKeys ?? [])];
          for (const block of Object.values(s.Condition ?? {}))
            for (const key of Object.keys(block))
              assert.ok(
                keyAllowed(key, keys),
                `${s.Sid}: ${action} takes the condition key ${key} (${keys.join(', ')})`,
              );
        }
      }
    }
  });

  it('grants no write on "*" without a condition (policyWildcardWrites), and the read-only policy no write at all', () => {
    assert.deepEqual(wildcardWrites(full), []);
    const writes = readOnly.Statement.flatMap((s) => [s.Action].flat()).filter(
      (a) => !isReadAction(a) || SECRET_ACTIONS.includes(a),
    );
    assert.deepEqual(writes, []);
  });

  it('reads CloudTrail among the reads, in both policies', () => {
    for (const policy of [full, readOnly]) {
      const read = policy.Statement.find((s) => s.Sid === 'ReadTopologyAndLogs');
      assert.ok([read?.Action].flat().includes('cloudtrail:LookupEvents'));
    }
    assert.ok(
      !full.Statement.filter((s) => s.Sid !== 'ReadTopologyAndLogs').some((s) =>
        [s.Action].flat().includes('cloudtrail:LookupEvents'),
      ),
    );
  });

  for (const [what, request] of TOOL_REQUESTS) {
    it(`allows what the tool does: ${what}`, () => {
      assert.ok(isAllowed(full, request), 'docs/iam-policy.json');
      assert.ok(
        isAllowed(narrowToVpc(full, { region: REGION, account: ACCOUNT, vpcId: OUR_VPC }), request),
        'narrowed to the VPC',
      );
    });
  }

  for (const [what, request] of REFUSED_EVERYWHERE) {
    it(`refuses: ${what}`, () => {
      assert.equal(isAllowed(full, request), false);
    });
  }

  it('narrowed to one VPC, refuses a write to a group the tool did not create in another VPC', () => {
    const narrowed = narrowToVpc(full, { region: REGION, account: ACCOUNT, vpcId: OUR_VPC });
    for (const action of [
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:AuthorizeSecurityGroupEgress',
      'ec2:RevokeSecurityGroupEgress',
    ]) {
      assert.equal(isAllowed(narrowed, { action, resources: [group('sg-elsewhere', OTHER_VPC)] }), false, action);
      // Even one carrying the tool's tag: the VPC decides.
      assert.equal(isAllowed(narrowed, { action, resources: [group('sg-tagged', OTHER_VPC, managed)] }), false, action);
    }
    assert.equal(
      isAllowed(narrowed, {
        action: 'ec2:CreateSecurityGroup',
        resources: [{ arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${OTHER_VPC}` }, group('sg-n', OTHER_VPC)],
        keys: { 'aws:RequestTag/ManagedBy': 'apprunner-vpc' },
      }),
      false,
    );
    assert.equal(
      isAllowed(narrowed, {
        action: 'ec2:ModifyVpcAttribute',
        resources: [{ arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${OTHER_VPC}` }],
      }),
      false,
    );
  });

  it('docs/iam.md shows the narrowed policy as `npm run iam-policy -- --vpc` prints it', () => {
    const doc = readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam.md'), 'utf8');
    const command = /npm run iam-policy -- --vpc (\S+) --region (\S+) --account (\S+)/.exec(doc);
    assert.ok(command, 'docs/iam.md gives the command');
    const block = /### Narrowed to one VPC[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    assert.ok(block, 'docs/iam.md shows the narrowed policy');
    assert.deepEqual(
      JSON.parse(block),
      narrowToVpc(full, { vpcId: command[1], region: command[2], account: command[3] }),
    );
  });
});
