import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { validateConnectorName, validatePort, validateSecurityGroupName } from '../../src/model/plan/validators';
import { seededWorld, SETTINGS } from './fixtures/planWorld';

function issueCodes(
  subnetIds: string[] | undefined,
  extra: Partial<typeof SETTINGS> = {},
  dbInstanceId?: string,
): string[] {
  const t = seededWorld();
  const r = resolveDesired(t, { ...SETTINGS, ...extra }, { subnetIds, dbInstanceId });
  return r.ok ? [] : r.issues.map((i) => i.code);
}

describe('desired setup: subnet rules', () => {
  it('refuses one subnet', () => assert.deepEqual(issueCodes(['subnet-a']), ['subnets-too-few']));
  it('refuses the same AZ twice', () => assert.deepEqual(issueCodes(['subnet-a', 'subnet-a2']), ['subnets-same-az']));
  it('refuses a public subnet and says why', () => {
    const r = resolveDesired(seededWorld(), SETTINGS, { subnetIds: ['subnet-a', 'subnet-pub'] });
    assert.ok(!r.ok);
    assert.equal(r.issues[0].code, 'subnet-public');
    assert.match(r.issues[0].message.en, /no public IP/);
    assert.match(r.issues[0].message.ja, /パブリック/);
  });
  it('refuses subnets of another VPC', () =>
    assert.deepEqual(issueCodes(['subnet-x1', 'subnet-x2']), ['subnet-other-vpc', 'subnet-other-vpc']));
  it('refuses unknown subnet ids', () => assert.deepEqual(issueCodes(['subnet-a', 'subnet-nope']), ['subnet-unknown']));
  it('leaves an AZ App Runner does not support to the plan, as a blocker (planBlockers.test.ts)', () => {
    const t = seededWorld();
    t.unsupportedAzIds = ['apne1-az1'];
    const r = resolveDesired(t, SETTINGS, { subnetIds: ['subnet-a', 'subnet-c'] });
    assert.ok(r.ok);
    assert.deepEqual(r.desired.subnetIds, ['subnet-a', 'subnet-c']);
  });
  it('skips unsupported AZs when choosing subnets itself', () => {
    const t = seededWorld();
    t.unsupportedAzIds = ['apne1-az1'];
    const r = resolveDesired(t, SETTINGS);
    assert.ok(r.ok);
    assert.deepEqual(r.desired.subnetIds, ['subnet-a', 'subnet-d']);
  });
  it('derives VPC, DB group and port from the DB instance', () => {
    const r = resolveDesired(seededWorld(), SETTINGS);
    assert.ok(r.ok);
    assert.equal(r.desired.vpcId, 'vpc-1');
    assert.equal(r.desired.dbSecurityGroupId, 'sg-rds1');
    assert.equal(r.desired.dbPort, 5432);
  });
  it("picks the DB the service's database URL names, read as the diagnosis reads it", () => {
    const t = seededWorld();
    const other = {
      ...t.dbInstances[0],
      id: 'other-db',
      endpointAddress: 'other-db.abc.ap-northeast-1.rds.amazonaws.com',
    };
    t.dbInstances.push(other);
    // A driver suffix and an upper-case host: the URL still names kyudai-db.
    t.services[0].source = {
      kind: 'image',
      identifier: 'img',
      environment: { DATABASE_URL: 'postgresql+asyncpg://u@KYUDAI-DB.abc.ap-northeast-1.rds.amazonaws.com:5432/app' },
    };
    const r = resolveDesired(t, SETTINGS);
    assert.ok(r.ok);
    assert.equal(r.desired.dbInstanceId, 'kyudai-db');
  });
});

describe('desired setup: names and lookups', () => {
  it('refuses an unknown service', () =>
    assert.deepEqual(issueCodes(undefined, { serviceName: 'nope-api' }), ['service-unknown']));
  it('refuses an unknown DB instance', () => assert.deepEqual(issueCodes(undefined, {}, 'nope-db'), ['db-unknown']));
  it('picks the DB that DATABASE_URL points at when there are several', () => {
    const t = seededWorld();
    t.dbInstances.unshift({ ...t.dbInstances[0], id: 'other-db', endpointAddress: 'other.example' });
    const r = resolveDesired(t, SETTINGS);
    assert.ok(r.ok);
    assert.equal(r.desired.dbInstanceId, 'kyudai-db');
  });
  it('checks the connector name against the App Runner pattern', () => {
    assert.deepEqual(validateConnectorName('campus-sns-vpc-connector'), []);
    for (const bad of ['abc', '-abcd', 'has space', 'a'.repeat(41), 'dots.not.ok']) {
      assert.equal(validateConnectorName(bad)[0]?.code, 'connector-name-invalid', bad);
    }
    assert.deepEqual(validateConnectorName('a'.repeat(40)), []);
  });
  it('checks security group names and ports', () => {
    assert.deepEqual(validateSecurityGroupName('apprunner-connector'), []);
    // EC2 refuses names starting with sg- (any case), the runbook's own sg-apprunner too; the reason names the fix.
    for (const bad of ['sg-apprunner', 'SG-rds', 'sg-0123456789abcdef0']) {
      const [refused] = validateSecurityGroupName(bad);
      assert.equal(refused?.code, 'security-group-name-reserved-prefix', bad);
      assert.match(refused?.message.en ?? '', /can't|refuses names starting with "sg-"/);
      assert.match(refused?.message.ja ?? '', /sg-/);
    }
    assert.deepEqual(validateSecurityGroupName('my-sg-apprunner'), []);
    assert.equal(validateSecurityGroupName('bad\u00e9name')[0]?.code, 'security-group-name-invalid');
    assert.equal(validateSecurityGroupName('')[0]?.code, 'security-group-name-invalid');
    assert.deepEqual(validatePort(5432), []);
    for (const bad of [0, 65536, 1.5, -1]) assert.equal(validatePort(bad)[0]?.code, 'port-out-of-range');
  });
  it('an invalid connector name stops the setup before anything is looked up', () => {
    assert.deepEqual(issueCodes(undefined, { connectorName: 'x' }), ['connector-name-invalid']);
  });
});
