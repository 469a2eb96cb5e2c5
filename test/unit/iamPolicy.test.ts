import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { actionsInPolicy, iamActionsInSource, withImpliedActions, type IamPolicy } from '../support/iamActions';
import { SOURCE_ROOT, sourceFiles } from '../support/sourceFiles';

describe('IAM policy', () => {
  it('reads actions from SDK imports, ignoring type-only imports', () => {
    const source = `import { EC2Client, DescribeSubnetsCommand, paginateDescribeRouteTables, type Subnet } from '@aws-sdk/client-ec2';
      import type { ListServicesCommand } from '@aws-sdk/client-apprunner';
      import { FilterLogEventsCommand as Filter } from '@aws-sdk/client-cloudwatch-logs';`;
    assert.deepEqual(iamActionsInSource(source), [
      'ec2:DescribeRouteTables',
      'ec2:DescribeSubnets',
      'logs:FilterLogEvents',
    ]);
  });

  it('docs/iam-policy.json allows exactly the actions the code can call', () => {
    const code = withImpliedActions(
      sourceFiles('src/aws', 'src/engine', 'src/cli').flatMap((f) => iamActionsInSource(f.text)),
    );
    const policy = JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam-policy.json'), 'utf8')) as IamPolicy;
    assert.ok(code.includes('ec2:AuthorizeSecurityGroupIngress') && code.includes('apprunner:UpdateService'));
    assert.ok(code.includes('ec2:CreateTags'), 'tag-on-create is authorised as ec2:CreateTags');
    assert.deepEqual(actionsInPolicy(policy), code, 'run "npm run iam-policy" after adding an SDK command');
  });

  it("allows creating only App Runner's networking service-linked role, never any role", () => {
    const policy = JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam-policy.json'), 'utf8')) as IamPolicy;
    const iam = policy.Statement.filter((s) => [s.Action].flat().some((a) => a.startsWith('iam:')));
    assert.equal(iam.length, 1);
    assert.deepEqual(iam[0].Action, 'iam:CreateServiceLinkedRole');
    assert.match(
      String(iam[0].Resource),
      /^arn:aws:iam::\*:role\/aws-service-role\/networking\.apprunner\.amazonaws\.com\/AWSServiceRoleForAppRunnerNetworking$/,
    );
    assert.deepEqual(iam[0].Condition, { StringLike: { 'iam:AWSServiceName': 'networking.apprunner.amazonaws.com' } });
  });

  it('grants ec2:CreateTags only while creating a security group', () => {
    const policy = JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam-policy.json'), 'utf8')) as IamPolicy;
    const tagging = policy.Statement.filter((s) => [s.Action].flat().includes('ec2:CreateTags'));
    assert.equal(tagging.length, 1, 'one statement grants ec2:CreateTags');
    assert.deepEqual(tagging[0].Action, 'ec2:CreateTags', 'alone, so its condition limits nothing else');
    assert.deepEqual(tagging[0].Condition, { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' } });
    assert.equal(tagging[0].Resource, 'arn:aws:ec2:*:*:security-group/*');
    // Why the condition is enough: the code never tags an existing resource (no CreateTags of its own).
    const direct = sourceFiles('src').filter((f) => /\bCreateTagsCommand\b|\bTagResourceCommand\b/.test(f.text));
    assert.deepEqual(
      direct.map((f) => f.file),
      [],
    );
  });

  it('docs/iam.md shows a resource-scoped variant (service and connector ARNs, ec2:Vpc, aws:ResourceTag/ManagedBy)', () => {
    const doc = readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam.md'), 'utf8');
    const block = /### Resource-scoped variant[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    assert.ok(block, 'docs/iam.md has the resource-scoped variant as JSON');
    const scoped = JSON.parse(block) as IamPolicy;
    const text = JSON.stringify(scoped);
    for (const needle of [
      'arn:aws:apprunner:REGION:ACCOUNT:service/SERVICE/*',
      'arn:aws:apprunner:REGION:ACCOUNT:vpcconnector/',
      '"ec2:Vpc"',
      '"aws:ResourceTag/ManagedBy"',
      '"ec2:CreateAction"',
    ]) {
      assert.ok(text.includes(needle), needle);
    }
    // The variant grants no action the code does not call, and every write it allows is scoped.
    const code = withImpliedActions(
      sourceFiles('src/aws', 'src/engine', 'src/cli').flatMap((f) => iamActionsInSource(f.text)),
    );
    for (const action of actionsInPolicy(scoped)) assert.ok(code.includes(action), action);
    for (const st of scoped.Statement.filter((s) =>
      [s.Action].flat().some((a) => !/:(Describe|List|Get|Filter)/.test(a)),
    )) {
      assert.ok(st.Resource !== '*' || st.Condition, `${st.Sid} is scoped`);
    }
  });

  it('docs/iam.md links the one copy of the policy, docs/iam-policy.json, and repeats it nowhere', () => {
    const doc = readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam.md'), 'utf8');
    assert.match(doc, /\]\(iam-policy\.json\)/);
    const policy = readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam-policy.json'), 'utf8');
    for (const file of ['README.md', 'docs/iam.md']) {
      const text = readFileSync(path.join(SOURCE_ROOT, file), 'utf8');
      for (const block of text.matchAll(/```json\n([\s\S]*?)\n```/g))
        assert.notDeepEqual(JSON.parse(block[1]), JSON.parse(policy), `${file} repeats docs/iam-policy.json`);
    }
  });

  it('never lets the UI layers call the SDK directly', () => {
    const offenders = sourceFiles('src/vscode', 'src/model').filter((f) =>
      /from '@aws-sdk\//.test(f.text.replace(/import type[^;]+;/g, '')),
    );
    assert.deepEqual(
      offenders.map((f) => f.file),
      [],
    );
  });
});

describe('IAM policy: secrets only when opted in', () => {
  it('GetSecretValue and GetParameter are in their own statement, not in the read statement', () => {
    const policy = JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam-policy.json'), 'utf8')) as IamPolicy;
    const optIn = policy.Statement.find((s) => s.Sid === 'ReadDatabaseUrlSecretsOnlyWhenOptedIn');
    assert.deepEqual(optIn?.Action, ['secretsmanager:GetSecretValue', 'ssm:GetParameter']);
    const others = policy.Statement.filter((s) => s !== optIn).flatMap((s) => [s.Action].flat());
    assert.ok(!others.some((a) => a.startsWith('secretsmanager:') || a.startsWith('ssm:')), others.join(', '));
    for (const action of ['rds:DescribeDBClusters', 'rds:DescribeDBProxies', 'rds:DescribeDBProxyTargets']) {
      assert.ok(policy.Statement.find((s) => s.Sid === 'ReadTopologyAndLogs')?.Action.includes(action), action);
    }
  });
});
