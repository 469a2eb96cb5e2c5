import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { healthCheckPlan, planPart } from '../../src/model/plan/planParts';
import { seededWorld, SETTINGS } from './fixtures/planWorld';

describe('plan parts for single-purpose commands', () => {
  const t = seededWorld();
  const r = resolveDesired(t, SETTINGS);
  if (!r.ok) throw new Error('fixture');
  const full = plan(t, r.desired);

  it('splits the setup plan into its parts, in order, covering every step once', () => {
    const parts = (['security-groups', 'connector', 'attach', 'health'] as const).map((part) =>
      planPart(full, part).steps.map((s) => s.id),
    );
    assert.deepEqual(parts[0], [
      'create-apprunner-sg',
      'authorize-egress-db',
      'authorize-egress-https',
      'authorize-egress-dns',
      'revoke-default-egress',
      'authorize-db-ingress',
    ]);
    assert.deepEqual(parts[1], ['create-connector']);
    assert.deepEqual(parts[2], ['attach-connector', 'wait-for-service']);
    assert.deepEqual(parts[3], ['check-health', 'check-db-health']);
    assert.deepEqual(
      parts.flat(),
      full.steps.map((s) => s.id),
    );
  });

  it('builds a health-only plan for a service', () => {
    const p = healthCheckPlan(t.services[0], '/health', '/db');
    assert.deepEqual(
      p.steps.map((s) => [s.id, s.kind === 'check-health' ? s.path : '']),
      [
        ['check-health', '/health'],
        ['check-db-health', '/db'],
      ],
    );
    assert.ok(p.steps.every((s) => !s.mutating));
  });
});
