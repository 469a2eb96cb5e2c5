// A snapshot of one service (docs/performance.md, "Read set per command") knows no other service: the plan
// and the teardown must not take that for "no other user", and answer only once the question was asked.
import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { deleteConnectorPlan, plan } from '../../src/model/plan/plan';
import { otherUsersOf, withConnectorUsers } from '../../src/model/topology/connectorUse';
import type { Topology } from '../../src/model/topology/topology';
import { doneWorld, SERVICE_ARN, SETTINGS } from './fixtures/planWorld';

function scoped(t: Topology): Topology {
  return { ...t, scope: { service: t.services[0].name, connectorUsers: {} } };
}

function mismatchedScoped(): Topology {
  const t = doneWorld();
  t.connectors[0].securityGroupIds = ['sg-other'];
  return scoped(t);
}

function planOf(t: Topology): ReturnType<typeof plan> {
  const r = resolveDesired(t, SETTINGS);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return plan(t, r.desired);
}

const changeIds = (t: Topology): string[] =>
  planOf(t)
    .steps.filter((s) => s.mutating)
    .map((s) => s.id);

describe('scoped snapshot: who else uses a connector', () => {
  it('a full snapshot answers from its services; a scoped one only once asked', () => {
    const full = doneWorld();
    const arn = full.connectors[0].arn;
    assert.deepEqual(otherUsersOf(full, arn, SERVICE_ARN), { known: true, users: [] });
    const t = scoped(full);
    assert.deepEqual(otherUsersOf(t, arn, SERVICE_ARN), { known: false });
    const answered = withConnectorUsers(t, arn, { users: [{ name: 'other-api', arn: 'arn:other' }], servicesRead: 7 });
    assert.deepEqual(otherUsersOf(answered, arn, SERVICE_ARN), { known: true, users: ['other-api'] });
  });

  it('does not delete a mismatched connector before the question is answered, and says what it costs', () => {
    const t = mismatchedScoped();
    assert.deepEqual(changeIds(t), ['create-connector', 'attach-connector']);
    const w = planOf(t).warnings.find((x) => x.code === 'connector-users-unknown');
    assert.deepEqual(w?.evidence, [t.connectors[0].arn]);
    assert.match(w?.message.en ?? '', /one DescribeService call per service/);
  });

  it('deletes it once the walk found no other user, and notes the calls it cost', () => {
    const t = mismatchedScoped();
    const answered = withConnectorUsers(t, t.connectors[0].arn, { users: [], servicesRead: 300 });
    assert.deepEqual(changeIds(answered), ['create-connector', 'attach-connector', 'delete-connector']);
    const p = planOf(answered);
    assert.ok(!p.warnings.some((x) => x.code === 'connector-users-unknown'));
    assert.ok(p.notes.some((n) => n.en.includes('300 DescribeService calls')));
  });

  it('keeps it and names the other user the walk stopped at', () => {
    const t = mismatchedScoped();
    const users = [{ name: 'scale-svc-0003', arn: 'arn:aws:apprunner:x:1:service/scale-svc-0003/1' }];
    const answered = withConnectorUsers(t, t.connectors[0].arn, { users, servicesRead: 3 });
    assert.deepEqual(changeIds(answered), ['create-connector', 'attach-connector']);
    const kept = planOf(answered).warnings.find((x) => x.code === 'old-connector-kept');
    assert.match(kept?.message.en ?? '', /scale-svc-0003/);
  });

  it('delete-connector refuses to decide on a scoped snapshot until asked, then names the user', () => {
    const t = scoped(doneWorld());
    t.services = [];
    const name = t.connectors[0].name;
    const before = deleteConnectorPlan(t, name);
    assert.ok(!before.ok && before.issues[0].code === 'connector-users-unknown');
    const inUse = withConnectorUsers(t, t.connectors[0].arn, {
      users: [{ name: 'b-api', arn: 'arn:b' }],
      servicesRead: 2,
    });
    const refused = deleteConnectorPlan(inUse, name);
    assert.ok(!refused.ok && refused.issues[0].code === 'connector-in-use');
    assert.match(refused.issues[0].message.en, /b-api/);
    const free = withConnectorUsers(t, t.connectors[0].arn, { users: [], servicesRead: 2 });
    const r = deleteConnectorPlan(free, name);
    assert.ok(r.ok);
    assert.deepEqual(
      r.plan.steps.map((s) => s.kind),
      ['delete-connector'],
    );
  });

  it('moving off a connector only notes that its other users were not checked: no call per service for advice', () => {
    const t = scoped(doneWorld());
    const oldArn = `${t.connectors[0].arn}-old`;
    t.connectors.push({ ...t.connectors[0], arn: oldArn, name: 'hand-made-connector' });
    t.services[0].vpcConnectorArn = oldArn;
    const p = planOf(t);
    assert.ok(!p.warnings.some((w) => w.code === 'previous-connector-unused' || w.code === 'connector-users-unknown'));
    assert.ok(p.notes.some((n) => n.en.includes('hand-made-connector may be used by no other service: not checked')));
  });
});
