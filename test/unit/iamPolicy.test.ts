import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { actionsInPolicy, iamActionsInSource, withImpliedActions, type IamPolicy } from '../support/iamActions';
import { SOURCE_ROOT, sourceFiles } from '../support/sourceFiles';
import { fullPolicy, readOnlyPolicy } from '../support/iamPolicyDocument';

function readPolicy(file: string): IamPolicy {
  return JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', file), 'utf8')) as IamPolicy;
}

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
    assert.deepEqual(policy, fullPolicy(code), 'run "npm run iam-policy"');
    assert.deepEqual(readPolicy('iam-policy-readonly.json'), readOnlyPolicy(code), 'run "npm run iam-policy"');
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
