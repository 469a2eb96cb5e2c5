// The audit of the whole run: every AWS operation the tool's own clients made in the sandbox, host and
// reliability layers (their reports under test-results/) against docs/iam-policy.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { actionsInPolicy, type IamPolicy } from '../support/iamActions';
import { readFreshLayerReport } from '../support/layerReports';
import { SOURCE_ROOT } from '../support/sourceFiles';
import { setFigure } from './figures';

// Allowed actions the tool never calls itself, so no sandbox counter can see them: each with the reason it is
// in the policy anyway.
const NOT_CALLED_DIRECTLY: Record<string, string> = {
  'ec2:CreateTags':
    'authorised as part of CreateSecurityGroup with TagSpecifications (the group is tagged at creation); never a call of its own',
  'iam:CreateServiceLinkedRole':
    "App Runner creates its networking service-linked role on the caller's behalf with the first VPC connector; the call is App Runner's, checked against the caller's policy",
  'iam:PassRole':
    'authorised as part of CreateExpressGatewayService (ECS checks that the caller may pass the execution and infrastructure roles); never a call of its own',
  'ssm:GetParameter':
    'only for a DATABASE_URL held in an SSM parameter and read with --read-secrets; no seed gives a service an SSM reference yet (the secrets seed uses Secrets Manager), so no layer makes this call',
};

type OperationsReport = { toolOperations: Record<string, number> };

describe('Audit: the IAM policy allows exactly what the tool calls', () => {
  it('every AWS operation the tool made in the sandbox, host and reliability layers is allowed, and every allowed action was made', () => {
    // Counted by the sandbox from the requests carrying the tool's user agent (src/aws/clients.ts).
    const layers: [string, Record<string, number>][] = [
      ['sandbox', readFreshLayerReport<OperationsReport>('aws-operations-sandbox').toolOperations],
      ['host', readFreshLayerReport<OperationsReport>('aws-operations-host').toolOperations],
      ['reliability', readFreshLayerReport<OperationsReport>('aws-operations-reliability').toolOperations],
    ];
    const counted = new Map<string, string[]>();
    for (const [layer, operations] of layers) {
      for (const signed of Object.keys(operations)) {
        // The sandbox counts by SigV4 signing name; CloudWatch signs as "monitoring", its IAM prefix is "cloudwatch".
        const operation = signed.replace(/^monitoring:/, 'cloudwatch:');
        counted.set(operation, [...(counted.get(operation) ?? []), layer]);
      }
    }
    const allowed = actionsInPolicy(policyFile());
    const notAllowed = [...counted.keys()].filter((operation) => !allowed.includes(operation)).sort();
    const neverMade = allowed.filter((action) => !counted.has(action) && !NOT_CALLED_DIRECTLY[action]);
    setFigure('iamCallsNotAllowed', notAllowed.length, counted.size);
    setFigure('iamPolicyMatches', notAllowed.length === 0 && neverMade.length === 0 ? 1 : 0, counted.size);
    assert.deepEqual(
      notAllowed.map((o) => `${o} (called in: ${counted.get(o)?.join(', ')})`),
      [],
      'operations the tool made that docs/iam-policy.json does not allow',
    );
    assert.deepEqual(
      neverMade,
      [],
      'allowed actions no layer exercised: test them, or list them in NOT_CALLED_DIRECTLY with the reason',
    );
    for (const action of Object.keys(NOT_CALLED_DIRECTLY))
      assert.ok(allowed.includes(action), `${action} is listed but not in the policy`);
  });
});

function policyFile(): IamPolicy {
  return JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam-policy.json'), 'utf8')) as IamPolicy;
}
