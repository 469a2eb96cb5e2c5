// RDS SDK shapes to the snapshot's plain types: instances, clusters (their subnets taken from the member
// instances' subnet group, which DescribeDBClusters only names, else from DescribeDBSubnetGroups of that
// name), proxies and proxy targets.
import type { DBCluster, DBInstance, DBProxy, DBProxyTarget, DBSubnetGroup } from '@aws-sdk/client-rds';
import type { DbCluster, DbInstance, DbProxy, DbProxyTarget } from '../../model/topology/topology';

export function dbFrom(d: DBInstance): DbInstance {
  return {
    id: d.DBInstanceIdentifier ?? '',
    arn: d.DBInstanceArn,
    engine: d.Engine ?? '',
    status: d.DBInstanceStatus ?? '',
    endpointAddress: d.Endpoint?.Address,
    port: d.Endpoint?.Port ?? d.DbInstancePort ?? 0,
    vpcId: d.DBSubnetGroup?.VpcId,
    securityGroupIds: (d.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
    subnetGroupName: d.DBSubnetGroup?.DBSubnetGroupName,
    subnetIds: (d.DBSubnetGroup?.Subnets ?? []).flatMap((s) => (s.SubnetIdentifier ? [s.SubnetIdentifier] : [])),
    availabilityZone: d.AvailabilityZone,
    ...(d.DBClusterIdentifier ? { clusterId: d.DBClusterIdentifier } : {}),
  };
}

export function clusterFrom(c: DBCluster, instances: readonly DbInstance[]): DbCluster {
  const id = c.DBClusterIdentifier ?? '';
  const members = c.DBClusterMembers ?? [];
  const memberIds = members.flatMap((m) => (m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : []));
  const withGroup = instances.find((i) => (i.clusterId === id || memberIds.includes(i.id)) && i.subnetIds.length > 0);
  return {
    id,
    arn: c.DBClusterArn,
    engine: c.Engine ?? '',
    status: c.Status ?? '',
    endpointAddress: c.Endpoint,
    readerEndpointAddress: c.ReaderEndpoint,
    customEndpointAddresses: c.CustomEndpoints ?? [],
    port: c.Port ?? 0,
    vpcId: withGroup?.vpcId,
    securityGroupIds: (c.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
    subnetGroupName: c.DBSubnetGroup,
    subnetIds: withGroup?.subnetIds ?? [],
    memberIds,
    writerId: members.find((m) => m.IsClusterWriter === true)?.DBInstanceIdentifier,
  };
}

/** True when only the cluster's own subnet group can give its VPC: no member listed one. */
export function needsSubnetGroup(c: DbCluster): boolean {
  return !c.vpcId && Boolean(c.subnetGroupName);
}

/**
 * The cluster placed by its own DBSubnetGroup (DescribeDBSubnetGroups): a cluster without a listed member, or
 * whose members came without DBSubnetGroup, is in that group's VPC all the same.
 */
export function withSubnetGroup(c: DbCluster, group: DBSubnetGroup | undefined): DbCluster {
  if (!group?.VpcId || group.DBSubnetGroupName !== c.subnetGroupName) return c;
  const subnetIds = (group.Subnets ?? []).flatMap((s) => (s.SubnetIdentifier ? [s.SubnetIdentifier] : []));
  return { ...c, vpcId: group.VpcId, subnetIds: c.subnetIds.length > 0 ? c.subnetIds : subnetIds };
}

export function proxyFrom(p: DBProxy): DbProxy {
  return {
    name: p.DBProxyName ?? '',
    arn: p.DBProxyArn,
    engineFamily: p.EngineFamily ?? '',
    status: p.Status ?? '',
    endpointAddress: p.Endpoint,
    vpcId: p.VpcId,
    securityGroupIds: p.VpcSecurityGroupIds ?? [],
    subnetIds: p.VpcSubnetIds ?? [],
    targets: [],
  };
}

export function proxyTargetFrom(t: DBProxyTarget): DbProxyTarget {
  return { type: t.Type ?? '', id: t.RdsResourceId ?? '', endpointAddress: t.Endpoint, port: t.Port };
}
