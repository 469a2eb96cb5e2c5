import assert from 'node:assert/strict';
import type { FailNth } from '../../sandbox/index';
import { assertRunbookState } from './runbookState';
import { cli, useTestCredentials } from './engineSupport';
import { getSandbox } from './support';

// Each write step fails on every attempt the SDK makes (the CLI's clients try 3 times), so apply stops there.
const attempts = (operation: string, first: number): FailNth[] => [first, first + 1, first + 2].map((nth) => ({ operation, nth }));

const CASES: { step: string; failNth: FailNth[] }[] = [
  { step: 'create-apprunner-sg', failNth: attempts('CreateSecurityGroup', 1) },
  { step: 'authorize-egress-db', failNth: attempts('AuthorizeSecurityGroupEgress', 1) },
  { step: 'authorize-egress-https', failNth: attempts('AuthorizeSecurityGroupEgress', 2) },
  { step: 'authorize-egress-dns', failNth: attempts('AuthorizeSecurityGroupEgress', 3) },
  { step: 'revoke-default-egress', failNth: attempts('RevokeSecurityGroupEgress', 1) },
  { step: 'authorize-db-ingress', failNth: attempts('AuthorizeSecurityGroupIngress', 1) },
  { step: 'create-connector', failNth: attempts('CreateVpcConnector', 1) },
  { step: 'attach-connector', failNth: attempts('UpdateService', 1) },
  { step: 'wait-for-service', failNth: attempts('ListOperations', 1) },
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
      const doc = JSON.parse(failed.stdout) as { result: { status: string; error: { stepId: string; message: { en: string }; doneSoFar: { en: string }; rerun: { en: string } } } };
      assert.equal(doc.result.status, 'failed');
      assert.equal(doc.result.error.stepId, c.step);
      assert.match(doc.result.error.message.en, /failed: AWS returned a server error \(500\)/);
      assert.match(doc.result.error.rerun.en, /^Re-running apply re-reads the account, skips what is already done/);
      assert.match(failed.stderr.trim().split('\n').at(-1) ?? '', /^apprunner-vpc: .* failed: AWS returned a server error/);

      await getSandbox().clearFaults();
      const second = await cli(['apply', '--yes']);
      assert.equal(second.code, 0, second.stdout + second.stderr);
      await assertRunbookState();
      assert.equal((await cli(['plan'])).code, 0);
    });
  }

  it('two applies started at once end with one group, one set of rules and one connector', async () => {
    await getSandbox().reset();
    const [a, b] = await Promise.all([cli(['apply', '--yes']), cli(['apply', '--yes'])]);
    assert.equal(a.code, 0, a.stdout + a.stderr);
    assert.equal(b.code, 0, b.stdout + b.stderr);
    await assertRunbookState();
  });
});
