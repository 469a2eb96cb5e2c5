import assert from 'node:assert/strict';
import { markdownText } from '../../src/model/common/markdownText';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { planMarkdown } from '../../src/model/plan/planMarkdown';
import { SETTINGS, seededWorld, doneWorld } from './fixtures/planWorld';

describe('plan document (Markdown shown before Apply)', () => {
  it('lists every step with its API call and parameters, in English and Japanese', () => {
    const world = seededWorld();
    const desired = resolveDesired(world, SETTINGS);
    assert.ok(desired.ok);
    const p = plan(world, desired.desired);
    const en = planMarkdown('Set up VPC connector', p, 'en');
    assert.match(en, /^# Set up VPC connector/);
    for (const step of p.steps) assert.ok(en.includes(markdownText(step.title.en)), step.id);
    assert.match(en, /ec2:AuthorizeSecurityGroupEgress/);
    assert.match(en, /apprunner:CreateVpcConnector/);
    assert.match(en, /VpcConnectorName: `campus-sns-vpc-connector`/);
    assert.match(en, /\*\*Apply\*\*/);
    const ja = planMarkdown('VPC Connector のセットアップ', p, 'ja');
    assert.match(ja, /## ステップ/);
    assert.ok(ja.includes(markdownText(p.steps[0].title.ja)));
  });

  it('says there is nothing to change for a finished setup', () => {
    const world = doneWorld();
    const desired = resolveDesired(world, SETTINGS);
    assert.ok(desired.ok);
    const text = planMarkdown('Set up', plan(world, desired.desired), 'en');
    assert.match(text, /No changes/);
    assert.doesNotMatch(text, /\*\*Apply\*\*/);
  });
});
