import assert from 'node:assert/strict';
import { buildDiagram, planStepForFix } from '../../src/model/diagram';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { afterSetup, IDS, removeRule } from './fixtures/topologyBuilder';

const OPTIONS = { appRunnerGroupName: 'sg-apprunner', databaseGroupName: 'sg-rds', dbPort: 5432 };

describe('diagram fixes: the one plan step a fix button applies', () => {
  it("the broken sg-rds edge applies exactly the setup plan's ingress step: TCP 5432 from sg-apprunner", () => {
    const t = afterSetup();
    removeRule(t, 'sgr-db-from-app');
    const fix = buildDiagram(t, 'kyudai-api', OPTIONS)?.edges.find((e) => e.id === 'db-ingress')?.fix;
    assert.ok(fix);
    const result = planStepForFix(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', fix);
    assert.equal(result.kind, 'step');
    if (result.kind !== 'step' || result.step.kind !== 'authorize-ingress') throw new Error('expected an ingress step');
    assert.equal(result.step.group.id, IDS.sgDb);
    assert.deepEqual(
      [result.step.rule.protocol, result.step.rule.fromPort, result.step.rule.toPort, result.step.rule.group?.id],
      ['tcp', 5432, 5432, IDS.sgApp],
    );
  });

  it('says "done" when the rule is back in place (a second click changes nothing)', () => {
    const t = afterSetup();
    const fix = {
      step: 'authorize-db-ingress' as const,
      params: { groupId: IDS.sgDb, peerGroupId: IDS.sgApp, port: '5432' },
      title: { en: '', ja: '' },
    };
    assert.deepEqual(planStepForFix(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', fix), { kind: 'done' });
  });

  it('builds the step from the finding parameters when no setup plan can be made', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-app-https');
    t.dbInstances = [];
    const fix = { step: 'authorize-egress-https' as const, params: { groupId: IDS.sgApp }, title: { en: '', ja: '' } };
    const result = planStepForFix(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', fix);
    assert.equal(result.kind === 'step' && result.step.id, 'authorize-egress-https');
    assert.deepEqual(planStepForFix(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', { ...fix, params: {} }), {
      kind: 'unavailable',
    });
  });
});
