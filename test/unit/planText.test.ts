import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { deleteConnectorPlan, detachPlan, plan } from '../../src/model/plan/plan';
import { renderPlan } from '../../src/model/plan/planText';
import { doneWorld, seededWorld, SETTINGS } from './fixtures/planWorld';

describe('plan text', () => {
  it('renders each step with its API call in English and Japanese', () => {
    const t = seededWorld();
    const r = resolveDesired(t, SETTINGS);
    assert.ok(r.ok);
    const p = plan(t, r.desired);
    const en = renderPlan(p, 'en');
    assert.match(en, /1\. \[create-apprunner-sg\] Create security group sg-apprunner \(apprunner-connector\) in vpc-1/);
    assert.match(
      en,
      /ec2:CreateSecurityGroup GroupName=apprunner-connector .* Tags=\[Name=sg-apprunner, ManagedBy=apprunner-vpc\]/,
    );
    assert.match(
      en,
      /ec2:AuthorizeSecurityGroupEgress GroupId=<id of apprunner-connector> IpProtocol=udp FromPort=53 ToPort=53 CidrIp=0\.0\.0\.0\/0/,
    );
    assert.match(
      en,
      /apprunner:CreateVpcConnector VpcConnectorName=campus-sns-vpc-connector Subnets=\[subnet-a, subnet-c, subnet-d\]/,
    );
    const ja = renderPlan(p, 'ja');
    assert.match(ja, /セキュリティグループ sg-apprunner \(apprunner-connector\) を作成/);
    assert.match(ja, /（確認）/);
  });
  it('says there is nothing to do for a finished account', () => {
    const t = doneWorld();
    const r = resolveDesired(t, SETTINGS);
    assert.ok(r.ok);
    assert.match(renderPlan(plan(t, r.desired), 'en'), /^No changes/);
    assert.match(renderPlan(plan(t, r.desired), 'ja'), /^変更なし/);
  });
});

describe('detach and delete-connector plans', () => {
  it('detach: UpdateService to DEFAULT then wait, nothing when already DEFAULT', () => {
    const attached = detachPlan(doneWorld(), 'kyudai-api');
    assert.ok(attached.ok);
    assert.deepEqual(
      attached.plan.steps.map((s) => s.id),
      ['detach-connector', 'wait-for-service'],
    );
    const already = detachPlan(seededWorld(), 'kyudai-api');
    assert.ok(already.ok);
    assert.deepEqual(already.plan.steps, []);
    const unknown = detachPlan(seededWorld(), 'nope');
    assert.ok(!unknown.ok && unknown.issues[0].code === 'service-unknown');
  });
  it('delete: refused while a service uses the connector, planned once it is free', () => {
    const inUse = deleteConnectorPlan(doneWorld(), 'campus-sns-vpc-connector');
    assert.ok(!inUse.ok);
    assert.match(inUse.issues[0].message.en, /used by kyudai-api/);
    const t = doneWorld();
    Object.assign(t.services[0], { egressType: 'DEFAULT', vpcConnectorArn: undefined });
    const free = deleteConnectorPlan(t, 'campus-sns-vpc-connector');
    assert.ok(free.ok);
    assert.deepEqual(
      free.plan.steps.map((s) => s.id),
      ['delete-connector'],
    );
  });
});
