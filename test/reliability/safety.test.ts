import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDesired } from '../../src/model/plan/desired';
import { actionsInPolicy, iamActionsInSource, withImpliedActions, type IamPolicy } from '../support/iamActions';
import { plan } from '../../src/model/plan/plan';
import { wideningSteps } from '../../src/model/plan/planSafety';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import type { Topology } from '../../src/model/topology/topology';
import { afterSetup, beforeSetup } from '../unit/fixtures/topologyBuilder';
import { SOURCE_ROOT, sourceFiles } from '../support/sourceFiles';
import { readFreshLayerReport } from '../support/layerReports';
import { callCounts } from '../sandbox/support';
import { isReadAction, wildcardWrites } from '../support/iamPolicyDocument';
import { set } from './metrics';

function worldOpenVariant(): Topology {
  const t = beforeSetup();
  const rds = t.securityGroups.find((g) => g.tags.Name === 'sg-rds');
  rds?.rules.push({
    id: 'sgr-world',
    groupId: rds.id,
    egress: false,
    protocol: 'tcp',
    fromPort: 5432,
    toPort: 5432,
    cidrIpv4: '0.0.0.0/0',
  });
  return t;
}

// Allowed actions the tool never calls itself, so no sandbox counter can see them: each with the reason it is
// in the policy anyway.
const NOT_CALLED_DIRECTLY: Record<string, string> = {
  'ec2:CreateTags':
    'authorised as part of CreateSecurityGroup with TagSpecifications (the group is tagged at creation); never a call of its own',
  'iam:CreateServiceLinkedRole':
    "App Runner creates its networking service-linked role on the caller's behalf with the first VPC connector; the call is App Runner's, checked against the caller's policy",
  'ssm:GetParameter':
    'only for a DATABASE_URL held in an SSM parameter and read with --read-secrets; no seed gives a service an SSM reference yet (the secrets seed uses Secrets Manager), so no layer makes this call',
};

type OperationsReport = { toolOperations: Record<string, number> };

describe('Reliability: access is never widened, and the IAM policy allows exactly what the tool calls', () => {
  it('no plan over the unit snapshots adds world ingress or allow-all rules', () => {
    // A check of the planner; the widenedAccess figure itself is read from the rules after each fault run.
    const worlds: [string, Topology][] = [
      ['before setup', beforeSetup()],
      ['after setup', afterSetup()],
      ['DB port already open to the world', worldOpenVariant()],
    ];
    for (const [name, world] of worlds) {
      const desired = resolveDesired(world, DEFAULT_SETUP_SETTINGS);
      assert.ok(desired.ok, `${name}: ${desired.ok ? '' : desired.issues[0].message.en}`);
      if (!desired.ok) continue;
      const p = plan(world, desired.desired);
      assert.deepEqual(wideningSteps(p), [], name);
      if (name.includes('open to the world'))
        assert.ok(
          p.warnings.some((w) => w.code === 'db-port-open-to-world'),
          'the existing world rule is reported',
        );
    }
  });

  it('docs/iam-policy.json is regenerated from the code (npm run iam-policy)', () => {
    const code = withImpliedActions(
      sourceFiles('src/aws', 'src/engine', 'src/cli').flatMap((f) => iamActionsInSource(f.text)),
    );
    assert.deepEqual(actionsInPolicy(policyFile()), code, 'run "npm run iam-policy"');
  });

  it('docs/iam-policy.json grants no write on "*" without a condition', () => {
    const policy = policyFile();
    const writes = actionsInPolicy(policy).filter((a) => !isReadAction(a));
    const wildcard = wildcardWrites(policy);
    set('policyWildcardWrites', wildcard.length, writes.length);
    assert.deepEqual(wildcard, []);
  });

  it('every AWS operation the tool made in the sandbox, host and reliability layers is allowed, and every allowed action was made', async () => {
    // Counted by the sandbox from the requests carrying the tool's user agent (src/aws/clients.ts).
    const layers: [string, Record<string, number>][] = [
      ['sandbox', readFreshLayerReport<OperationsReport>('aws-operations-sandbox').toolOperations],
      ['host', readFreshLayerReport<OperationsReport>('aws-operations-host').toolOperations],
      ['reliability', (await callCounts()).toolOperations],
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
    set('iamCallsNotAllowed', notAllowed.length, counted.size);
    set('iamPolicyMatches', notAllowed.length === 0 && neverMade.length === 0 ? 1 : 0, counted.size);
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
