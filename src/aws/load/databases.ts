// Every database a service can name: DB instances, DB clusters and RDS Proxies with their targets. One
// paginated call per kind for the whole region (no per-VPC rounds), then DescribeDBProxyTargets once per proxy
// (the API takes one proxy name), with bounded concurrency.
import {
  DescribeDBSubnetGroupsCommand,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBProxies,
  paginateDescribeDBProxyTargets,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { DbCluster, DbInstance, DbProxy } from '../../model/topology/topology';
import { clusterFrom, dbFrom, needsSubnetGroup, proxyFrom, proxyTargetFrom, withSubnetGroup } from './rdsMapping';
import { collectPages, mapBounded } from './pool';

export interface Databases {
  dbInstances: DbInstance[];
  dbClusters: DbCluster[];
  dbProxies: DbProxy[];
}

async function proxyWithTargets(client: RDSClient, proxy: DbProxy): Promise<DbProxy> {
  const targets = await collectPages(
    paginateDescribeDBProxyTargets({ client, pageSize: 100 }, { DBProxyName: proxy.name }),
    (p) => p.Targets,
  );
  return { ...proxy, targets: targets.map(proxyTargetFrom) };
}

/**
 * Clusters no member placed get their VPC from their own DBSubnetGroup: one DescribeDBSubnetGroups per group
 * name needed (only those), so a cluster is never "not in a VPC" for want of a listed member.
 */
async function placeClusters(client: RDSClient, clusters: DbCluster[]): Promise<DbCluster[]> {
  const names = [...new Set(clusters.filter(needsSubnetGroup).map((c) => c.subnetGroupName ?? ''))];
  if (names.length === 0) return clusters;
  const groups = await mapBounded(names, 5, async (name) => {
    try {
      const out = await client.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: name }));
      return out.DBSubnetGroups?.[0];
    } catch {
      // A policy from before this call (docs/iam-policy.json): the cluster stays unplaced, as it was, and
      // the plan says it is not in a VPC instead of the whole snapshot failing.
      return undefined;
    }
  });
  return clusters.map((c) =>
    needsSubnetGroup(c)
      ? withSubnetGroup(
          c,
          groups.find((g) => g?.DBSubnetGroupName === c.subnetGroupName),
        )
      : c,
  );
}

export async function loadDatabases(client: RDSClient): Promise<Databases> {
  const [rawInstances, rawClusters, rawProxies] = await Promise.all([
    collectPages(paginateDescribeDBInstances({ client, pageSize: 100 }, {}), (p) => p.DBInstances),
    collectPages(paginateDescribeDBClusters({ client, pageSize: 100 }, {}), (p) => p.DBClusters),
    collectPages(paginateDescribeDBProxies({ client, pageSize: 100 }, {}), (p) => p.DBProxies),
  ]);
  const dbInstances = rawInstances.map(dbFrom);
  const dbClusters = await placeClusters(
    client,
    rawClusters.map((c) => clusterFrom(c, dbInstances)),
  );
  const dbProxies = await mapBounded(rawProxies.map(proxyFrom), 5, (p) => proxyWithTargets(client, p));
  return { dbInstances, dbClusters, dbProxies };
}
