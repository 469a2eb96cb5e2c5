// Every database a service can name: DB instances, DB clusters and RDS Proxies with their targets. One
// paginated call per kind for the whole region (no per-VPC rounds), then DescribeDBProxyTargets once per proxy
// (the API takes one proxy name), with bounded concurrency.
import {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBProxies,
  paginateDescribeDBProxyTargets,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { DbCluster, DbInstance, DbProxy } from '../../model/topology/topology';
import { clusterFrom, dbFrom, proxyFrom, proxyTargetFrom } from './rdsMapping';
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

export async function loadDatabases(client: RDSClient): Promise<Databases> {
  const [rawInstances, rawClusters, rawProxies] = await Promise.all([
    collectPages(paginateDescribeDBInstances({ client, pageSize: 100 }, {}), (p) => p.DBInstances),
    collectPages(paginateDescribeDBClusters({ client, pageSize: 100 }, {}), (p) => p.DBClusters),
    collectPages(paginateDescribeDBProxies({ client, pageSize: 100 }, {}), (p) => p.DBProxies),
  ]);
  const dbInstances = rawInstances.map(dbFrom);
  const dbClusters = rawClusters.map((c) => clusterFrom(c, dbInstances));
  const dbProxies = await mapBounded(rawProxies.map(proxyFrom), 5, (p) => proxyWithTargets(client, p));
  return { dbInstances, dbClusters, dbProxies };
}
