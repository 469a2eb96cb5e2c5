import assert from 'node:assert/strict';
import { clusterFrom, dbFrom, needsSubnetGroup, withSubnetGroup } from '../../src/aws/load/rdsMapping';

const group = {
  DBSubnetGroupName: 'aurora-subnets',
  VpcId: 'vpc-1',
  Subnets: [{ SubnetIdentifier: 'subnet-a' }, { SubnetIdentifier: 'subnet-c' }],
};

describe('RDS mapping: an Aurora cluster placed in its VPC', () => {
  it('takes the VPC from a member instance that reports the subnet group', () => {
    const member = dbFrom({ DBInstanceIdentifier: 'c-1', DBClusterIdentifier: 'c', DBSubnetGroup: group });
    const c = clusterFrom({ DBClusterIdentifier: 'c', DBSubnetGroup: 'aurora-subnets' }, [member]);
    assert.equal(c.vpcId, 'vpc-1');
    assert.equal(needsSubnetGroup(c), false);
  });

  it('without a listed member, or members without DBSubnetGroup, needs the cluster own group and gets it', () => {
    const bare = dbFrom({ DBInstanceIdentifier: 'c-1', DBClusterIdentifier: 'c' });
    for (const members of [[], [bare]]) {
      const c = clusterFrom({ DBClusterIdentifier: 'c', DBSubnetGroup: 'aurora-subnets' }, members);
      assert.equal(c.vpcId, undefined);
      assert.equal(needsSubnetGroup(c), true);
      const placed = withSubnetGroup(c, group);
      assert.equal(placed.vpcId, 'vpc-1');
      assert.deepEqual(placed.subnetIds, ['subnet-a', 'subnet-c']);
    }
  });

  it('ignores a group of another name, and a cluster that names none is left as it is', () => {
    const c = clusterFrom({ DBClusterIdentifier: 'c', DBSubnetGroup: 'other' }, []);
    assert.equal(withSubnetGroup(c, group).vpcId, undefined);
    assert.equal(needsSubnetGroup(clusterFrom({ DBClusterIdentifier: 'c' }, [])), false);
  });
});
