import assert from 'node:assert/strict';
import type { FailNth } from '../../sandbox/index';
import { assertRunbookState } from './runbookState';
import { applyPlan } from '../../src/engine/applyPlan';
import { cli, setupPlan, useTestCredentials } from './engineSupport';
import { getSandbox } from './support';

// Each step's call is refused as if the IAM policy lacked that one action: a realistic way for a setup to stop
// halfway, and not retried (unlike throttling and 5xx, which the SDK and the engine retry).
const EC2_DENIED = {
  code: 'UnauthorizedOperation',
  status: 403,
  message: 'You are not authorized to perform this operation.',
};
const APPRUNNER_DENIED = {
  code: 'AccessDeniedException',
  status: 403,
  message: 'User is not authorized to perform this action',
};
const ec2Denied = (operation: string, nth: number): FailNth[] => [{ operation, nth, error: EC2_DENIED }];
const appRunnerDenied = (operation: string): FailNth[] => [{ operation, nth: 1, error: APPRUNNER_DENIED }];

const CASES: { step: string; failNth: FailNth[] }[] = [
  { step: 'create-apprunner-sg', failNth: ec2Denied('CreateSecurityGroup', 1) },
  { step: 'authorize-egress-db', failNth: ec2Denied('AuthorizeSecurityGroupEgress', 1) },
  { step: 'authorize-egress-https', failNth: ec2Denied('AuthorizeSecurityGroupEgress', 2) },
  { step: 'authorize-egress-dns', failNth: ec2Denied('AuthorizeSecurityGroupEgress', 3) },
  { step: 'revoke-default-egress', failNth: ec2Denied('RevokeSecurityGroupEgress', 1) },
  { step: 'authorize-db-ingress', failNth: ec2Denied('AuthorizeSecurityGroupIngress', 1) },
  { step: 'create-connector', failNth: appRunnerDenied('CreateVpcConnector') },
  { step: 'attach-connector', failNth: appRunnerDenied('UpdateService') },
  { step: 'wait-for-service', failNth: appRunnerDenied('ListOperations') },
];

describe('apply interrupted halfway converges on the next run', function () {
  before(() => useTestCredentials());
  afterEach(async () => getSandbox().clearFaults());

  for (const c of CASES) {
    it(`a failure in ${c.step} stops with a clear message; the second apply converges with no duplicates`, async () => {
      await getSandbox().reset();
      await getSandbox().setFaults({ failNth: c.failNth });
      const failed = await cli(['apply', '--yes', '--json']);
      assert.equal(failed.code, 1, failed.stderr);
      const doc = JSON.parse(failed.stdout) as {
        result: {
          status: string;
          error: { stepId: string; message: { en: string }; doneSoFar: { en: string }; rerun: { en: string } };
        };
      };
      assert.equal(doc.result.status, 'failed');
      assert.equal(doc.result.error.stepId, c.step);
      assert.match(
        doc.result.error.message.en,
        /failed: Access denied by AWS \((UnauthorizedOperation|AccessDeniedException)\)\. Check that the profile's IAM policy allows this action/,
      );
      assert.match(doc.result.error.rerun.en, /^Re-running apply re-reads the account, skips what is already done/);
      assert.match(failed.stderr.trim().split('\n').at(-1) ?? '', /^apprunner-vpc: .* failed: Access denied by AWS/);

      await getSandbox().clearFaults();
      const second = await cli(['apply', '--yes']);
      assert.equal(second.code, 0, second.stdout + second.stderr);
      await assertRunbookState();
      assert.equal((await cli(['plan'])).code, 0);
    });
  }

  it('a 5xx that outlasts the SDK and step retries stops the run as a server error; the re-run converges', async () => {
    await getSandbox().reset();
    const { clients, plan: p } = await setupPlan();
    await getSandbox().setFaults({
      failNth: Array.from({ length: 30 }, (_, i) => ({ operation: 'CreateVpcConnector', nth: i + 1 })),
    });
    const waits: string[] = [];
    const result = await applyPlan(clients, p, {
      pollIntervalMs: 20,
      stepRetryDelaysMs: [10, 10],
      onProgress: (e) => {
        if (e.type === 'waiting') waits.push(e.message.en);
      },
    });
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.stepId, 'create-connector');
    assert.equal(result.error?.kind, 'server');
    assert.equal(waits.filter((w) => /server error; trying this step again/.test(w)).length, 2);
    await getSandbox().clearFaults();
    assert.equal((await cli(['apply', '--yes'])).code, 0);
    await assertRunbookState();
  });

  it('two applies started at once end with one group, one set of rules and one connector', async () => {
    await getSandbox().reset();
    const [a, b] = await Promise.all([cli(['apply', '--yes']), cli(['apply', '--yes'])]);
    assert.equal(a.code, 0, a.stdout + a.stderr);
    assert.equal(b.code, 0, b.stdout + b.stderr);
    await assertRunbookState();
  });
});
