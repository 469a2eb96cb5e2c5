import assert from 'node:assert/strict';
import { resultLines } from '../../src/cli/render';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { healthCheckPlan } from '../../src/model/plan/planParts';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { beforeSetup, service } from './fixtures/topologyBuilder';

describe('a private service (IsPubliclyAccessible=false)', () => {
  const settings = { ...DEFAULT_SETUP_SETTINGS, appRunnerSecurityGroupName: 'apprunner-connector' };

  it('the setup plan keeps the health steps and warns that they are not checked from here', () => {
    const t = beforeSetup();
    service(t).isPubliclyAccessible = false;
    const r = resolveDesired(t, settings);
    assert.ok(r.ok);
    const p = plan(t, r.desired);
    assert.ok(p.steps.some((s) => s.id === 'check-db-health'));
    const w = p.warnings.find((x) => x.code === 'health-not-checked-private');
    assert.ok(w);
    assert.match(w.message.en, /not checked from here.*CloudWatch log scan/);
    assert.match(w.message.ja, /プライベート/);
  });

  it('a public service has no such warning; the health-only plan has it for a private one', () => {
    const t = beforeSetup();
    const r = resolveDesired(t, settings);
    assert.ok(r.ok);
    assert.ok(!plan(t, r.desired).warnings.some((x) => x.code === 'health-not-checked-private'));
    const s = { ...service(t), isPubliclyAccessible: false };
    assert.deepEqual(
      healthCheckPlan(s, '/h', '/db').warnings.map((x) => x.code),
      ['health-not-checked-private'],
    );
  });

  it('the CLI result lines give the reason for each check not made', () => {
    const lines = resultLines(
      {
        status: 'succeeded',
        resolved: { groupIds: {}, connectorArns: {} },
        outcomes: [
          {
            stepId: 'check-health',
            status: 'not-checked',
            detail: { en: 'GET /h: not checked from here (private service)', ja: '未確認' },
          },
        ],
      },
      healthCheckPlan(service(beforeSetup()), '/h', '/db'),
      'en',
    );
    assert.deepEqual(lines, [
      'Done: 0 changes made, 0 steps already in place.',
      'GET /h: not checked from here (private service)',
    ]);
  });
});
