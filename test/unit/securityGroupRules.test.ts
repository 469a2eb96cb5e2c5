import assert from 'node:assert/strict';
import { allowAllToWorld, evaluateSecurityGroups, portOpenToWorld } from '../../src/model/topology/securityGroupRules';
import { SecurityGroup, SecurityGroupRule } from '../../src/model/topology/topology';
import { sgRule } from './fixtures/topologyBuilder';

function sg(id: string, rules: SecurityGroupRule[]): SecurityGroup {
  return { id, name: id, description: '', vpcId: 'vpc-1', tags: {}, rules };
}

const toDb = (cidrs: string[] = ['10.0.11.0/24']) => ({
  direction: 'egress' as const,
  protocol: 'tcp' as const,
  ports: { from: 5432, to: 5432 },
  peer: { groupIds: ['sg-rds'], cidrs },
});

describe('evaluateSecurityGroups', () => {
  it('allows through a rule referencing the peer group', () => {
    const v = evaluateSecurityGroups(
      [sg('sg-app', [sgRule('sgr-1', 'sg-app', true, 'tcp', 5432, 5432, { referencedGroupId: 'sg-rds' })])],
      toDb(),
    );
    assert.equal(v.allowed, true);
    assert.deepEqual(
      v.matchedRules.map((r) => r.id),
      ['sgr-1'],
    );
  });

  it('does not allow a rule referencing another group, nor the wrong direction', () => {
    const other = sgRule('sgr-1', 'sg-app', true, 'tcp', 5432, 5432, { referencedGroupId: 'sg-other' });
    const ingress = sgRule('sgr-2', 'sg-app', false, 'tcp', 5432, 5432, { referencedGroupId: 'sg-rds' });
    const v = evaluateSecurityGroups([sg('sg-app', [other, ingress])], toDb());
    assert.equal(v.allowed, false);
    assert.deepEqual(v.uncovered, ['10.0.11.0/24 port 5432']);
  });

  it('allows through a CIDR covering the peer, not one covering only part of it', () => {
    const vpcWide = sgRule('sgr-1', 'sg-app', true, 'tcp', 5432, 5432, { cidrIpv4: '10.0.0.0/16' });
    assert.equal(
      evaluateSecurityGroups([sg('sg-app', [vpcWide])], toDb(['10.0.11.0/24', '10.0.12.0/24'])).allowed,
      true,
    );
    const half = sgRule('sgr-2', 'sg-app', true, 'tcp', 5432, 5432, { cidrIpv4: '10.0.11.0/24' });
    const v = evaluateSecurityGroups([sg('sg-app', [half])], toDb(['10.0.11.0/24', '10.0.12.0/24']));
    assert.equal(v.allowed, false);
    assert.deepEqual(v.uncovered, ['10.0.12.0/24 port 5432']);
  });

  it('unions the rules of several groups (and several rules) on one interface', () => {
    const a = sg('sg-a', [sgRule('sgr-a', 'sg-a', true, 'tcp', 5432, 5432, { cidrIpv4: '10.0.11.0/24' })]);
    const b = sg('sg-b', [sgRule('sgr-b', 'sg-b', true, 'tcp', 5000, 6000, { cidrIpv4: '10.0.12.0/24' })]);
    const v = evaluateSecurityGroups([a, b], toDb(['10.0.11.0/24', '10.0.12.0/24']));
    assert.equal(v.allowed, true);
    assert.deepEqual(
      v.matchedRules.map((r) => r.id),
      ['sgr-a', 'sgr-b'],
    );
  });

  it('treats protocol -1 and port ranges as covering the port', () => {
    assert.equal(
      evaluateSecurityGroups([sg('s', [sgRule('r', 's', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' })])], toDb())
        .allowed,
      true,
    );
    assert.equal(
      evaluateSecurityGroups(
        [sg('s', [sgRule('r', 's', true, 'tcp', 5400, 5499, { referencedGroupId: 'sg-rds' })])],
        toDb(),
      ).allowed,
      true,
    );
    assert.equal(
      evaluateSecurityGroups(
        [sg('s', [sgRule('r', 's', true, 'tcp', 5433, 5499, { referencedGroupId: 'sg-rds' })])],
        toDb(),
      ).allowed,
      false,
    );
    assert.equal(
      evaluateSecurityGroups(
        [sg('s', [sgRule('r', 's', true, 'udp', 5432, 5432, { referencedGroupId: 'sg-rds' })])],
        toDb(),
      ).allowed,
      false,
    );
    assert.equal(
      evaluateSecurityGroups(
        [sg('s', [sgRule('r', 's', true, '6', 5432, 5432, { referencedGroupId: 'sg-rds' })])],
        toDb(),
      ).allowed,
      true,
    );
  });

  it('an IPv6 rule does not cover IPv4 peers', () => {
    const v = evaluateSecurityGroups([sg('s', [sgRule('r', 's', true, 'tcp', 443, 443, { cidrIpv6: '::/0' })])], {
      direction: 'egress',
      protocol: 'tcp',
      ports: { from: 443, to: 443 },
      peer: { groupIds: [], cidrs: ['0.0.0.0/0'] },
    });
    assert.equal(v.allowed, false);
  });

  it('with no known peer address only a world rule or a group reference counts', () => {
    const q = { ...toDb(), peer: { groupIds: ['sg-rds'], cidrs: [] } };
    assert.equal(
      evaluateSecurityGroups([sg('s', [sgRule('r', 's', true, 'tcp', 5432, 5432, { cidrIpv4: '10.0.0.0/8' })])], q)
        .allowed,
      false,
    );
    assert.equal(
      evaluateSecurityGroups([sg('s', [sgRule('r', 's', true, 'tcp', 5432, 5432, { cidrIpv4: '0.0.0.0/0' })])], q)
        .allowed,
      true,
    );
  });
});

describe('broad rules', () => {
  it('finds allow-all egress and the DB port open to the world in either family', () => {
    const g = sg('sg-rds', [
      sgRule('sgr-all', 'sg-rds', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' }),
      sgRule('sgr-v4', 'sg-rds', false, 'tcp', 5432, 5432, { cidrIpv4: '0.0.0.0/0' }),
      sgRule('sgr-v6', 'sg-rds', false, 'tcp', 5000, 6000, { cidrIpv6: '::/0' }),
      sgRule('sgr-vpc', 'sg-rds', false, 'tcp', 5432, 5432, { cidrIpv4: '10.0.0.0/16' }),
      sgRule('sgr-udp', 'sg-rds', false, 'udp', 5432, 5432, { cidrIpv4: '0.0.0.0/0' }),
    ]);
    assert.deepEqual(
      allowAllToWorld(g, true).map((r) => r.id),
      ['sgr-all'],
    );
    assert.deepEqual(
      portOpenToWorld(g, 5432).map((r) => r.id),
      ['sgr-v4', 'sgr-v6'],
    );
  });
});
