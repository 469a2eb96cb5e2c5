import assert from 'node:assert/strict';
import { wideningSteps } from '../../src/model/plan/planSafety';
import type { Plan, PlanStep } from '../../src/model/plan/planSteps';

const group = { name: 'sg-rds', vpcId: 'vpc-1', id: 'sg-1' };
const base = { title: { en: 't', ja: 't' }, apiCall: { action: 'x', params: {} }, mutating: true };
const ingress = (
  cidrIpv4: string | undefined,
  protocol: 'tcp' | '-1' = 'tcp',
  fromPort = 5432,
  toPort = 5432,
): PlanStep => ({
  ...base,
  id: 'authorize-db-ingress',
  kind: 'authorize-ingress',
  group,
  rule: { protocol, fromPort, toPort, cidrIpv4, group: cidrIpv4 ? undefined : group },
});
const plan = (steps: PlanStep[]): Plan => ({ kind: 'setup', steps, warnings: [], notes: [] });

describe('plan safety', () => {
  it('accepts ingress from a security group', () => {
    assert.deepEqual(wideningSteps(plan([ingress(undefined)])), []);
  });

  it('flags ingress from 0.0.0.0/0 or ::/0, and allow-all rules', () => {
    assert.equal(wideningSteps(plan([ingress('0.0.0.0/0')])).length, 1);
    assert.equal(wideningSteps(plan([ingress('::/0')])).length, 1);
    assert.equal(wideningSteps(plan([ingress(undefined, '-1', -1, -1)])).length, 1);
    assert.equal(wideningSteps(plan([ingress('10.0.0.0/16', 'tcp', 0, 65535)])).length, 1);
  });
});
