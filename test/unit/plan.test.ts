import assert from 'node:assert/strict';
import { resolveDesired, type DesiredSetup } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { hasChanges, type Plan } from '../../src/model/plan/planSteps';
import type { Topology } from '../../src/model/topology/topology';
import { doneWorld, group, rule, seededWorld, SERVICE_ARN, SETTINGS } from './fixtures/planWorld';

function desiredFor(t: Topology, subnetIds?: string[]): DesiredSetup {
  const r = resolveDesired(t, SETTINGS, { subnetIds });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return r.desired;
}
const ids = (p: Plan): string[] => p.steps.map((s) => s.id);
const changeIds = (p: Plan): string[] => p.steps.filter((s) => s.mutating).map((s) => s.id);

describe('plan: fresh and finished accounts', () => {
  it('plans the whole runbook on the seeded account, in a safe order', () => {
    const p = plan(seededWorld(), desiredFor(seededWorld()));
    assert.deepEqual(ids(p), [
      'create-apprunner-sg',
      'authorize-egress-db',
      'authorize-egress-https',
      'authorize-egress-dns',
      'revoke-default-egress',
      'authorize-db-ingress',
      'create-connector',
      'attach-connector',
      'wait-for-service',
      'check-health',
      'check-db-health',
    ]);
    assert.equal(hasChanges(p), true);
    assert.deepEqual(p.warnings, []);
  });

  it("creates the group with a GroupName EC2 accepts and the runbook's sg-apprunner as its Name tag", () => {
    const create = plan(seededWorld(), desiredFor(seededWorld())).steps[0];
    assert.ok(create?.kind === 'create-security-group');
    assert.equal(create.group.name, 'apprunner-connector');
    assert.equal(create.tags.Name, 'sg-apprunner');
    assert.equal(create.title.en, 'Create security group sg-apprunner (apprunner-connector) in vpc-1');
  });

  it('reuses a group found by its Name tag when no group has the GroupName (made by hand, as the runbook says)', () => {
    const t = doneWorld();
    const app = group(t, 'sg-apprunner');
    app.name = 'hand-made-apprunner';
    const p = plan(t, desiredFor(t));
    assert.ok(!p.steps.some((s) => s.kind === 'create-security-group'));
    assert.deepEqual(
      p.steps.filter((s) => s.mutating),
      [],
    );
  });

  it('uses the DB subnet group subnets, one per AZ, and the runbook names and description', () => {
    const p = plan(seededWorld(), desiredFor(seededWorld()));
    const create = p.steps.find((s) => s.kind === 'create-security-group');
    assert.ok(create && create.kind === 'create-security-group');
    assert.equal(create.description, 'Security group for App Runner VPC Connector');
    assert.equal(create.group.vpcId, 'vpc-1');
    assert.equal(create.tags.ManagedBy, 'apprunner-vpc');
    const connector = p.steps.find((s) => s.kind === 'create-connector');
    assert.ok(connector && connector.kind === 'create-connector');
    assert.equal(connector.connectorName, 'campus-sns-vpc-connector');
    assert.deepEqual(connector.subnetIds, ['subnet-a', 'subnet-c', 'subnet-d']);
  });

  it('plans the egress rules of the runbook table (5432 to sg-rds, 443 and UDP 53 to 0.0.0.0/0)', () => {
    const p = plan(seededWorld(), desiredFor(seededWorld()));
    const rules = p.steps.flatMap((s) => (s.kind === 'authorize-egress' ? [s.rule] : []));
    assert.deepEqual(
      rules.map((r) => [r.protocol, r.fromPort, r.cidrIpv4 ?? r.group?.nameTag]),
      [
        ['tcp', 5432, 'sg-rds'],
        ['tcp', 443, '0.0.0.0/0'],
        ['udp', 53, '0.0.0.0/0'],
      ],
    );
  });

  it('gives an empty plan when everything is already done', () => {
    const p = plan(doneWorld(), desiredFor(doneWorld()));
    assert.deepEqual(p.steps, []);
    assert.equal(hasChanges(p), false);
    assert.deepEqual(p.warnings, []);
  });
});

describe('plan: each single piece missing gives exactly that step', () => {
  const cases: { name: string; breakIt: (t: Topology) => void; expected: string[] }[] = [
    {
      name: 'egress 5432 to sg-rds',
      breakIt: (t) => {
        group(t, 'sg-apprunner').rules.splice(0, 1);
      },
      expected: ['authorize-egress-db'],
    },
    {
      name: 'egress 443',
      breakIt: (t) => {
        group(t, 'sg-apprunner').rules.splice(1, 1);
      },
      expected: ['authorize-egress-https'],
    },
    {
      name: 'egress UDP 53',
      breakIt: (t) => {
        group(t, 'sg-apprunner').rules.splice(2, 1);
      },
      expected: ['authorize-egress-dns'],
    },
    {
      name: 'the default allow-all egress still there',
      breakIt: (t) => {
        group(t, 'sg-apprunner').rules.push(rule('sg-app1', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' }));
      },
      expected: ['revoke-default-egress'],
    },
    {
      name: 'ingress 5432 on sg-rds',
      breakIt: (t) => {
        const g = group(t, 'sg-rds');
        g.rules = g.rules.filter((r) => r.egress);
      },
      expected: ['authorize-db-ingress'],
    },
    {
      name: 'service not attached',
      breakIt: (t) => {
        Object.assign(t.services[0], { egressType: 'DEFAULT', vpcConnectorArn: undefined });
      },
      expected: ['attach-connector'],
    },
    {
      name: 'connector deleted (INACTIVE)',
      breakIt: (t) => {
        t.connectors[0].status = 'INACTIVE';
      },
      expected: ['create-connector', 'attach-connector'],
    },
  ];
  for (const c of cases) {
    it(`missing ${c.name}`, () => {
      const t = doneWorld();
      c.breakIt(t);
      const p = plan(t, desiredFor(t, ['subnet-a', 'subnet-c', 'subnet-d']));
      assert.deepEqual(changeIds(p), c.expected);
      assert.deepEqual(ids(p).slice(-2), ['check-health', 'check-db-health']);
    });
  }

  it('a wider existing port range counts as present', () => {
    const t = doneWorld();
    group(t, 'sg-apprunner').rules[1] = rule('sg-app1', true, 'tcp', 0, 65535, { cidrIpv4: '0.0.0.0/0' });
    const p = plan(t, desiredFor(t));
    assert.deepEqual(changeIds(p), []);
    assert.deepEqual(
      p.warnings.map((w) => w.code),
      ['apprunner-group-extra-egress'],
    );
  });
});

describe('plan: connectors', () => {
  function mismatched(): Topology {
    const t = doneWorld();
    t.connectors[0].securityGroupIds = ['sg-other'];
    return t;
  }

  it('plans <name>-2 for a mismatched ACTIVE connector, then deletes the old one as an explicit last step', () => {
    const t = mismatched();
    const p = plan(t, desiredFor(t));
    assert.deepEqual(changeIds(p), ['create-connector', 'attach-connector', 'delete-connector']);
    const create = p.steps.find((s) => s.kind === 'create-connector');
    assert.ok(create?.kind === 'create-connector');
    assert.equal(create.connectorName, 'campus-sns-vpc-connector-2');
    const del = p.steps.at(-1);
    assert.ok(del?.kind === 'delete-connector');
    assert.equal(del.connectorArn, t.connectors[0].arn);
    assert.ok(ids(p).indexOf('check-db-health') < ids(p).indexOf('delete-connector'));
  });

  it('keeps the old connector with a warning when another service still uses it', () => {
    const t = mismatched();
    t.services.push({ ...t.services[0], arn: `${SERVICE_ARN}-other`, name: 'other-api', id: 'svc2' });
    const p = plan(t, desiredFor(t));
    assert.deepEqual(changeIds(p), ['create-connector', 'attach-connector']);
    assert.ok(p.warnings.some((w) => w.code === 'old-connector-kept' && w.message.en.includes('other-api')));
  });

  it('reuses a matching ACTIVE <name>-2 instead of creating another', () => {
    const t = mismatched();
    t.connectors.push({
      ...t.connectors[0],
      arn: `${t.connectors[0].arn}-2`,
      name: 'campus-sns-vpc-connector-2',
      securityGroupIds: ['sg-app1'],
    });
    const p = plan(t, desiredFor(t));
    assert.deepEqual(changeIds(p), ['attach-connector', 'delete-connector']);
    const attach = p.steps.find((s) => s.kind === 'attach-connector');
    assert.ok(attach?.kind === 'attach-connector');
    assert.equal(attach.vpcConnectorArn, `${t.connectors[0].arn}-2`);
  });

  it('a connector with other subnets than the ones asked for is a mismatch', () => {
    const t = doneWorld();
    const p = plan(t, desiredFor(t, ['subnet-a', 'subnet-c']));
    assert.equal(p.steps.find((s) => s.kind === 'create-connector')?.id, 'create-connector');
    assert.ok(changeIds(p).includes('delete-connector'));
  });
});

describe('plan: two VPCs', () => {
  it('creates sg-apprunner in the DB VPC even when a group of that name or Name tag exists in another VPC', () => {
    const t = seededWorld();
    t.securityGroups.push(
      { id: 'sg-elsewhere', name: 'apprunner-connector', description: 'x', vpcId: 'vpc-2', tags: {}, rules: [] },
      { id: 'sg-elsewhere2', name: 'x', description: 'x', vpcId: 'vpc-2', tags: { Name: 'sg-apprunner' }, rules: [] },
    );
    const p = plan(t, desiredFor(t));
    const create = p.steps[0];
    assert.ok(create.kind === 'create-security-group');
    assert.equal(create.group.vpcId, 'vpc-1');
    assert.ok(!JSON.stringify(p.steps).includes('sg-elsewhere'));
  });
});

describe('plan: connectors in another VPC, other connectors, busy services', () => {
  it('replaces a connector of the wanted name that sits in another VPC', () => {
    const t = doneWorld();
    Object.assign(t.connectors[0], { subnetIds: ['subnet-x1', 'subnet-x2'] });
    const p = plan(t, desiredFor(t));
    const create = p.steps.find((s) => s.kind === 'create-connector');
    assert.ok(create?.kind === 'create-connector');
    assert.equal(create.connectorName, 'campus-sns-vpc-connector-2');
    assert.deepEqual(create.subnetIds, ['subnet-a', 'subnet-c', 'subnet-d']);
    assert.deepEqual(changeIds(p), ['create-connector', 'attach-connector', 'delete-connector']);
  });

  it('warns that the connector the service leaves becomes unused, without deleting it', () => {
    const t = doneWorld();
    const oldArn = `${t.connectors[0].arn}-old`;
    t.connectors.push({ ...t.connectors[0], arn: oldArn, name: 'hand-made-connector' });
    t.services[0].vpcConnectorArn = oldArn;
    const p = plan(t, desiredFor(t));
    assert.deepEqual(changeIds(p), ['attach-connector']);
    const w = p.warnings.find((x) => x.code === 'previous-connector-unused');
    assert.deepEqual(w?.evidence, [oldArn]);
  });

  it('says the attach waits when the service has an operation in progress', () => {
    const t = seededWorld();
    t.services[0].status = 'OPERATION_IN_PROGRESS';
    const p = plan(t, desiredFor(t));
    assert.ok(p.warnings.some((w) => w.code === 'service-operation-in-progress'));
    assert.ok(ids(p).includes('attach-connector'));
  });
});

describe('plan: existing over-permissive rules', () => {
  it('reports DB port open to 0.0.0.0/0 and ::/0 without removing it', () => {
    const t = doneWorld();
    const rds = group(t, 'sg-rds');
    rds.rules.push(
      rule('sg-rds1', false, 'tcp', 5432, 5432, { cidrIpv4: '0.0.0.0/0' }),
      rule('sg-rds1', false, '-1', -1, -1, { cidrIpv6: '::/0' }),
    );
    const p = plan(t, desiredFor(t));
    assert.deepEqual(p.steps, []);
    const w = p.warnings.find((x) => x.code === 'db-port-open-to-world');
    assert.ok(w);
    assert.equal(w.evidence.length, 2);
    assert.match(w.message.en, /0\.0\.0\.0\/0, ::\/0/);
  });

  it('removes the allow-all egress of a reused group only as a named step, with a warning', () => {
    const t = doneWorld();
    group(t, 'sg-apprunner').rules.push(rule('sg-app1', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' }));
    const p = plan(t, desiredFor(t));
    assert.deepEqual(changeIds(p), ['revoke-default-egress']);
    assert.ok(p.warnings.some((w) => w.code === 'apprunner-group-allows-all-egress'));
  });

  it('never plans ingress from 0.0.0.0/0, ::/0, or an allow-all rule', () => {
    for (const t of [seededWorld(), doneWorld()]) {
      const p = plan(t, desiredFor(t));
      for (const s of p.steps) {
        if (s.kind === 'authorize-ingress') {
          assert.equal(s.rule.cidrIpv4, undefined);
          assert.notEqual(s.rule.protocol, '-1');
          assert.ok(s.rule.group);
        }
      }
    }
  });
});
