import assert from 'node:assert/strict';
import { resolveDesired, type DesiredSetup } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { freeRuleNumber, privateDatabaseHosts } from '../../src/model/plan/planBlockers';
import { type Plan, planBlockers } from '../../src/model/plan/planSteps';
import { renderPlan } from '../../src/model/plan/planText';
import type { NetworkAcl, NetworkAclEntry, Topology } from '../../src/model/topology/topology';
import { doneWorld, seededWorld, SETTINGS } from './fixtures/planWorld';

function planOf(t: Topology, subnetIds?: string[]): { p: Plan; d: DesiredSetup } {
  const r = resolveDesired(t, SETTINGS, { subnetIds });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return { p: plan(t, r.desired), d: r.desired };
}

const entry = (ruleNumber: number, egress: boolean, action: 'allow' | 'deny', cidr: string, ports?: [number, number]) =>
  ({
    ruleNumber,
    egress,
    action,
    cidrBlock: cidr,
    protocol: ports ? '6' : '-1',
    ...(ports ? { portFrom: ports[0], portTo: ports[1] } : {}),
  }) satisfies NetworkAclEntry;

/** The VPC's default ACL allows everything; the DB subnet (subnet-a) gets its own ACL with `entries`. */
function withDbAcl(entries: NetworkAclEntry[]): Topology {
  const t = seededWorld();
  const open: NetworkAcl = {
    id: 'acl-default',
    vpcId: 'vpc-1',
    isDefault: true,
    subnetIds: [],
    entries: [entry(100, false, 'allow', '0.0.0.0/0'), entry(100, true, 'allow', '0.0.0.0/0')],
  };
  t.networkAcls = [open, { id: 'acl-db', vpcId: 'vpc-1', isDefault: false, subnetIds: ['subnet-a'], entries }];
  return t;
}

const codes = (p: Plan): string[] => planBlockers(p).map((w) => w.code);
const dbCheck = (p: Plan) => p.steps.find((s) => s.id === 'check-db-health');
const healthCheck = (p: Plan) => p.steps.find((s) => s.id === 'check-health');

describe('plan blockers: network ACLs between the connector and the database', () => {
  it('names the deny entry on the DB port, blocks only the database check, and gives the allow to add', () => {
    const t = withDbAcl([
      entry(90, false, 'deny', '10.0.2.0/24', [5432, 5432]),
      entry(100, false, 'allow', '0.0.0.0/0'),
      entry(100, true, 'allow', '0.0.0.0/0'),
    ]);
    const { p } = planOf(t, ['subnet-c', 'subnet-d']);
    assert.deepEqual(codes(p), ['nacl-denies-db-port']);
    const [b] = planBlockers(p);
    assert.ok(b.evidence.includes('acl-db#90'), b.evidence.join());
    assert.match(b.message.en, /acl-db \(acl-db#90\) blocks inbound TCP 5432/);
    assert.match(
      b.blocker?.fix.en ?? '',
      /create-network-acl-entry --network-acl-id acl-db --ingress --rule-number 89 --protocol tcp --port-range From=5432,To=5432 --cidr-block 10\.0\.2\.0\/24 --rule-action allow/,
    );
    assert.ok(b.blocker?.fix.ja, 'the fix is translated');
    const db = dbCheck(p);
    assert.ok(db?.kind === 'check-health' && db.blockedBy?.en.includes('acl-db#90'));
    const health = healthCheck(p);
    assert.ok(health?.kind === 'check-health' && health.blockedBy === undefined);
  });

  it('finds the missing return path (stateless ACLs) as the implicit deny', () => {
    // Inbound 5432 allowed, outbound only 443: the replies to the connector's ephemeral ports hit '*'.
    const t = withDbAcl([
      entry(100, false, 'allow', '10.0.0.0/16', [5432, 5432]),
      entry(100, true, 'allow', '0.0.0.0/0', [443, 443]),
    ]);
    const { p } = planOf(t, ['subnet-c', 'subnet-d']);
    assert.deepEqual(codes(p), ['nacl-missing-ephemeral-return']);
    const [b] = planBlockers(p);
    assert.ok(b.evidence.includes('acl-db#*'));
    assert.match(b.blocker?.fix.en ?? '', /--egress --rule-number 109 --protocol tcp --port-range From=1024,To=65535/);
  });

  it('has nothing to say when the ACLs allow both ways, or when the plan writes nothing', () => {
    const open = withDbAcl([entry(100, false, 'allow', '0.0.0.0/0'), entry(100, true, 'allow', '0.0.0.0/0')]);
    assert.deepEqual(codes(planOf(open, ['subnet-c', 'subnet-d']).p), []);
    const done = doneWorld();
    done.dbInstances[0].status = 'stopped';
    const { p } = planOf(done);
    assert.equal(p.steps.length, 0);
    assert.deepEqual(p.warnings, []);
  });
});

describe('plan blockers: the database, DNS and Availability Zones', () => {
  it('blocks on a stopped database with the command that starts it', () => {
    const t = seededWorld();
    t.dbInstances[0].status = 'stopped';
    const { p } = planOf(t);
    assert.deepEqual(codes(p), ['db-not-available']);
    assert.match(planBlockers(p)[0].message.en, /kyudai-db is stopped/);
    assert.match(
      planBlockers(p)[0].blocker?.fix.en ?? '',
      /aws rds start-db-instance --db-instance-identifier kyudai-db/,
    );
  });

  it('blocks when DNS resolution is off in the VPC', () => {
    const t = seededWorld();
    t.vpcs[0].enableDnsSupport = false;
    const { p } = planOf(t);
    assert.deepEqual(codes(p), ['vpc-dns-support-off']);
    assert.deepEqual(planBlockers(p)[0].evidence, ['vpc-1']);
    assert.match(planBlockers(p)[0].blocker?.fix.en ?? '', /modify-vpc-attribute --vpc-id vpc-1 --enable-dns-support/);
  });

  it('blocks a private database name only when DNS hostnames are off', () => {
    const t = seededWorld();
    t.vpcs[0].enableDnsSupport = true;
    t.vpcs[0].enableDnsHostnames = false;
    // The RDS endpoint resolves without hostnames: no blocker.
    assert.deepEqual(codes(planOf(t).p), []);
    const src = t.services[0].source;
    if (src) src.environment = { DATABASE_URL: 'postgresql://u@db.internal.example:5432/app' };
    assert.deepEqual(privateDatabaseHosts(t, t.services[0]), ['db.internal.example']);
    const { p } = planOf(t, ['subnet-c', 'subnet-d']);
    assert.deepEqual(codes(p), ['private-name-dns-off']);
    assert.deepEqual(planBlockers(p)[0].evidence, ['vpc-1', 'db.internal.example']);
  });

  it('plans subnets in an unsupported AZ with a blocker on both checks instead of refusing them', () => {
    const t = seededWorld();
    t.unsupportedAzIds = ['apne1-az1'];
    const { p } = planOf(t, ['subnet-a', 'subnet-c']);
    assert.deepEqual(codes(p), ['connector-az-unsupported']);
    assert.deepEqual(planBlockers(p)[0].evidence, ['subnet-c']);
    const db = dbCheck(p);
    const health = healthCheck(p);
    assert.ok(db?.kind === 'check-health' && db.blockedBy?.en.includes('apne1-az1'));
    assert.ok(health?.kind === 'check-health' && health.blockedBy?.en.includes('apne1-az1'));
  });

  it('shows blockers apart from warnings, each with its code and fix', () => {
    const t = seededWorld();
    t.dbInstances[0].status = 'stopped';
    const text = renderPlan(planOf(t).p);
    assert.match(
      text,
      /Blockers \(apply stops before its first change[^\n]*\n {2}x \[db-not-available\] [^\n]+\n {6}Fix: Start it/,
    );
    assert.doesNotMatch(text, /Warnings:/);
    assert.match(renderPlan(planOf(t).p, 'ja'), /修正: /);
  });
});

describe('plan blockers: a free rule number for the fix', () => {
  const acl = (numbers: number[]): NetworkAcl => ({
    id: 'acl-1',
    vpcId: 'vpc-1',
    isDefault: false,
    subnetIds: [],
    entries: numbers.map((n) => entry(n, false, 'allow', '0.0.0.0/0')),
  });
  it('takes the highest free number below the deny entry', () => {
    assert.equal(freeRuleNumber(acl([90, 89]), false, 90), 88);
    assert.equal(freeRuleNumber(acl([]), false, 1), 1);
  });
  it('goes after the last entry when only the implicit deny blocks', () => {
    assert.equal(freeRuleNumber(acl([100, 200]), false, 32767), 209);
    assert.equal(freeRuleNumber(acl([]), false, 32767), 109);
  });
});
