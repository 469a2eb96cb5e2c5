import assert from 'node:assert/strict';
import { aclForSubnet, entryLabel, evaluateNetworkAclEntries } from '../../src/model/topology/networkAcl';
import { EPHEMERAL_PORTS } from '../../src/model/topology/trafficSpace';
import { aclEntry, openAclEntries } from './fixtures/topologyBuilder';

const toDb = { egress: true, protocol: 'tcp' as const, ports: { from: 5432, to: 5432 }, peerCidrs: ['10.0.11.0/24'] };
const returnFromDb = { egress: false, protocol: 'tcp' as const, ports: EPHEMERAL_PORTS, peerCidrs: ['10.0.11.0/24'] };

describe('evaluateNetworkAclEntries', () => {
  it('allows through the default ACL', () => {
    const v = evaluateNetworkAclEntries(openAclEntries(), toDb);
    assert.equal(v.allowed, true);
    assert.deepEqual(
      v.allowedBy.map((e) => e.ruleNumber),
      [100],
    );
  });

  it('applies a deny numbered before the allow', () => {
    const entries = [...openAclEntries(), aclEntry(90, true, 'deny', '6', '10.0.11.0/24', [5432, 5432])];
    const v = evaluateNetworkAclEntries(entries, toDb);
    assert.equal(v.allowed, false);
    assert.equal(v.deniedBy?.ruleNumber, 90);
    assert.equal(v.implicitDeny, false);
  });

  it('ignores a deny numbered after the allow that already matched', () => {
    const entries = [...openAclEntries(), aclEntry(200, true, 'deny', '6', '10.0.11.0/24', [5432, 5432])];
    assert.equal(evaluateNetworkAclEntries(entries, toDb).allowed, true);
  });

  it('evaluates by rule number, not by list order', () => {
    const entries = [
      aclEntry(200, true, 'allow', '-1', '0.0.0.0/0'),
      aclEntry(100, true, 'deny', '6', '0.0.0.0/0', [5000, 6000]),
    ];
    assert.equal(evaluateNetworkAclEntries(entries, toDb).deniedBy?.ruleNumber, 100);
  });

  it('denies what no entry matches (implicit deny) and labels it *', () => {
    const entries = [aclEntry(100, true, 'allow', '6', '10.0.0.0/16', [443, 443])];
    const v = evaluateNetworkAclEntries(entries, toDb);
    assert.equal(v.allowed, false);
    assert.equal(v.implicitDeny, true);
    assert.equal(entryLabel('acl-1', v.deniedBy), 'acl-1#*');
  });

  it('reports the listed 32767 entry as the * rule', () => {
    const entries = [
      aclEntry(100, false, 'allow', '6', '0.0.0.0/0', [443, 443]),
      aclEntry(32767, false, 'deny', '-1', '0.0.0.0/0'),
    ];
    const v = evaluateNetworkAclEntries(entries, returnFromDb);
    assert.equal(v.deniedBy?.ruleNumber, 32767);
    assert.equal(entryLabel('acl-1', v.deniedBy), 'acl-1#*');
  });

  it('needs the whole ephemeral range back: 1024-32767 alone is not enough', () => {
    const partial = [aclEntry(100, false, 'allow', '6', '10.0.0.0/16', [1024, 32767])];
    assert.equal(evaluateNetworkAclEntries(partial, returnFromDb).allowed, false);
    const split = [...partial, aclEntry(110, false, 'allow', '6', '10.0.11.0/24', [32768, 65535])];
    const v = evaluateNetworkAclEntries(split, returnFromDb);
    assert.equal(v.allowed, true);
    assert.deepEqual(
      v.allowedBy.map((e) => e.ruleNumber),
      [100, 110],
    );
  });

  it('denies a flow when a deny covers only part of its ports or peers', () => {
    const ports = [
      aclEntry(50, false, 'deny', '6', '0.0.0.0/0', [40000, 40010]),
      aclEntry(100, false, 'allow', '-1', '0.0.0.0/0'),
    ];
    assert.equal(evaluateNetworkAclEntries(ports, returnFromDb).deniedBy?.ruleNumber, 50);
    const peers = [
      aclEntry(50, true, 'deny', '6', '10.0.11.128/25', [5432, 5432]),
      aclEntry(100, true, 'allow', '-1', '0.0.0.0/0'),
    ];
    assert.equal(evaluateNetworkAclEntries(peers, toDb).deniedBy?.ruleNumber, 50);
  });

  it('lets an earlier allow shield part of the flow from a later deny only for that part', () => {
    const entries = [
      aclEntry(10, true, 'allow', '6', '10.0.11.0/25', [5432, 5432]),
      aclEntry(20, true, 'deny', '6', '10.0.11.0/24', [5432, 5432]),
      aclEntry(100, true, 'allow', '-1', '0.0.0.0/0'),
    ];
    assert.equal(evaluateNetworkAclEntries(entries, toDb).deniedBy?.ruleNumber, 20);
    assert.equal(evaluateNetworkAclEntries(entries, { ...toDb, peerCidrs: ['10.0.11.5/32'] }).allowed, true);
  });

  it('matches protocols: a udp allow does not carry tcp, -1 carries both', () => {
    assert.equal(
      evaluateNetworkAclEntries([aclEntry(100, true, 'allow', '17', '0.0.0.0/0', [0, 65535])], toDb).allowed,
      false,
    );
    assert.equal(
      evaluateNetworkAclEntries([aclEntry(100, true, 'allow', '-1', '0.0.0.0/0')], { ...toDb, protocol: 'udp' })
        .allowed,
      true,
    );
  });

  it('keeps directions apart: inbound entries do not decide outbound traffic', () => {
    const entries = [aclEntry(100, false, 'allow', '-1', '0.0.0.0/0')];
    assert.equal(evaluateNetworkAclEntries(entries, toDb).implicitDeny, true);
  });

  describe('IPv6 entries', () => {
    it('an IPv6 deny does not touch IPv4 traffic', () => {
      const entries = [aclEntry(90, true, 'deny', '-1', '::/0'), aclEntry(100, true, 'allow', '-1', '0.0.0.0/0')];
      assert.equal(evaluateNetworkAclEntries(entries, toDb).allowed, true);
    });

    it('an IPv6 allow does not allow IPv4 traffic', () => {
      const entries = [aclEntry(100, true, 'allow', '-1', '::/0')];
      assert.equal(evaluateNetworkAclEntries(entries, toDb).implicitDeny, true);
    });

    it('IPv6 peers are decided by IPv6 entries in rule order', () => {
      const v6 = { ...toDb, peerCidrs: ['2406:da14:abc:1100::/64'] };
      const entries = [
        aclEntry(100, true, 'allow', '-1', '0.0.0.0/0'),
        aclEntry(101, true, 'deny', '6', '2406:da14:abc:1100::/56', [5432, 5432]),
        aclEntry(102, true, 'allow', '-1', '::/0'),
      ];
      assert.equal(evaluateNetworkAclEntries(entries, v6).deniedBy?.ruleNumber, 101);
      assert.equal(
        evaluateNetworkAclEntries(
          entries.filter((e) => e.ruleNumber !== 101),
          v6,
        ).allowed,
        true,
      );
    });
  });
});

describe('aclForSubnet', () => {
  const acls = [
    { id: 'acl-default', vpcId: 'vpc-1', isDefault: true, subnetIds: ['subnet-b'], entries: [] },
    { id: 'acl-custom', vpcId: 'vpc-1', isDefault: false, subnetIds: ['subnet-a'], entries: [] },
  ];
  it('uses the explicit association, else the VPC default', () => {
    assert.equal(aclForSubnet(acls, 'subnet-a', 'vpc-1')?.id, 'acl-custom');
    assert.equal(aclForSubnet(acls, 'subnet-z', 'vpc-1')?.id, 'acl-default');
    assert.equal(aclForSubnet(acls, 'subnet-z', 'vpc-9'), undefined);
  });
});
