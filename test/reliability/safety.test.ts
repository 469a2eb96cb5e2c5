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

describe('Reliability: access is never widened, and the IAM policy is generated from the code', () => {
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
});

function policyFile(): IamPolicy {
  return JSON.parse(readFileSync(path.join(SOURCE_ROOT, 'docs', 'iam-policy.json'), 'utf8')) as IamPolicy;
}
