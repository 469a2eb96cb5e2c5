// The databases a service can name in its DATABASE_URL, as one list: standalone DB instances, DB clusters
// (writer, reader and custom endpoints; a member instance's own endpoint counts as its cluster's) and RDS
// Proxies (whose traffic continues to the cluster or instance they target), and a database on EC2 whose
// interface address a variable names. Each target has the DbInstance shape the checks already read (groups,
// subnets, port, VPC), so "the database" means whichever was named.
import { type PrivateNameResolution, resolvePrivateName } from './privateNames';
import type { DbCluster, DbInstance, DbProxy, HostedDatabase, Topology } from './topology';
import { type Localized, msg } from '../l10n/text';

export type DatabaseKind = 'instance' | 'cluster' | 'proxy' | 'ec2';
export type EndpointRole = 'instance' | 'writer' | 'reader' | 'custom' | 'member' | 'proxy' | 'interface';

export interface DatabaseEndpoint {
  address: string;
  role: EndpointRole;
  port: number;
}

export interface DatabaseTarget extends DbInstance {
  kind: DatabaseKind;
  endpoints: DatabaseEndpoint[];
  /** For a proxy: the cluster or instance it forwards to, when DescribeDBProxyTargets named one we have. */
  behind?: DatabaseTarget;
}

/** RDS Proxy listens on its engine family's default port, whatever the target's port (RDS Proxy limitations). */
const PROXY_PORTS: Record<string, number> = { POSTGRESQL: 5432, MYSQL: 3306, SQLSERVER: 1433 };

export function proxyPort(engineFamily: string): number {
  return PROXY_PORTS[engineFamily.toUpperCase()] ?? 0;
}

function instanceTarget(d: DbInstance): DatabaseTarget {
  const endpoints = d.endpointAddress
    ? [{ address: d.endpointAddress.toLowerCase(), role: 'instance' as const, port: d.port }]
    : [];
  return { ...d, kind: 'instance', endpoints };
}

function clusterTarget(c: DbCluster, members: readonly DbInstance[]): DatabaseTarget {
  const at = (address: string | undefined, role: EndpointRole): DatabaseEndpoint[] =>
    address ? [{ address: address.toLowerCase(), role, port: c.port }] : [];
  const writer = members.find((m) => m.id === c.writerId) ?? members[0];
  return {
    id: c.id,
    arn: c.arn,
    engine: c.engine,
    status: c.status,
    endpointAddress: c.endpointAddress?.toLowerCase(),
    port: c.port,
    vpcId: c.vpcId ?? writer?.vpcId,
    securityGroupIds: c.securityGroupIds,
    subnetGroupName: c.subnetGroupName ?? writer?.subnetGroupName,
    subnetIds: c.subnetIds.length > 0 ? c.subnetIds : (writer?.subnetIds ?? []),
    kind: 'cluster',
    endpoints: [
      ...at(c.endpointAddress, 'writer'),
      ...at(c.readerEndpointAddress, 'reader'),
      ...c.customEndpointAddresses.flatMap((a) => at(a, 'custom')),
      ...members.flatMap((m) =>
        m.endpointAddress
          ? [{ address: m.endpointAddress.toLowerCase(), role: 'member' as const, port: m.port || c.port }]
          : [],
      ),
    ],
  };
}

function proxyTarget(p: DbProxy, databases: readonly DatabaseTarget[]): DatabaseTarget {
  const port = proxyPort(p.engineFamily);
  // A cluster target is listed as TRACKED_CLUSTER plus its member instances: the cluster is what it forwards to.
  const named = p.targets.find((t) => t.type === 'TRACKED_CLUSTER') ?? p.targets.find((t) => t.type === 'RDS_INSTANCE');
  const behind = named
    ? (databases.find(
        (d) => d.id === named.id && d.kind === (named.type === 'TRACKED_CLUSTER' ? 'cluster' : 'instance'),
      ) ??
      databases.find(
        (d) =>
          d.kind === 'cluster' &&
          d.endpoints.some((e) => e.role === 'member' && e.address === named.endpointAddress?.toLowerCase()),
      ))
    : undefined;
  return {
    id: p.name,
    arn: p.arn,
    engine: behind?.engine ?? p.engineFamily.toLowerCase(),
    status: p.status,
    endpointAddress: p.endpointAddress?.toLowerCase(),
    port,
    vpcId: p.vpcId,
    securityGroupIds: p.securityGroupIds,
    subnetIds: p.subnetIds,
    kind: 'proxy',
    endpoints: p.endpointAddress ? [{ address: p.endpointAddress.toLowerCase(), role: 'proxy', port }] : [],
    behind,
  };
}

/** A database on EC2: the interface's address on the port the variable named. */
function hostedTarget(h: HostedDatabase): DatabaseTarget {
  return {
    id: h.id,
    engine: h.engine,
    // The API says nothing of the database process: an attached interface is taken as up.
    status: h.status === 'in-use' ? 'available' : h.status,
    endpointAddress: h.address,
    port: h.port,
    vpcId: h.vpcId,
    securityGroupIds: h.securityGroupIds,
    subnetIds: [h.subnetId],
    ...(h.availabilityZone ? { availabilityZone: h.availabilityZone } : {}),
    kind: 'ec2',
    endpoints: [{ address: h.address, role: 'interface', port: h.port }],
  };
}

/**
 * Every database a service can connect to: instances that belong to no cluster, clusters, databases on EC2
 * (only those a variable named), then proxies.
 * Member instances are not separate entries (their endpoints are the cluster's `member` endpoints).
 */
export function databaseTargets(t: Topology): DatabaseTarget[] {
  const clusterIds = new Set(t.dbClusters.map((c) => c.id));
  const standalone = t.dbInstances.filter((d) => !d.clusterId || !clusterIds.has(d.clusterId)).map(instanceTarget);
  const clusters = t.dbClusters.map((c) =>
    clusterTarget(
      c,
      t.dbInstances.filter((d) => d.clusterId === c.id),
    ),
  );
  const databases = [...standalone, ...clusters, ...(t.hostedDatabases ?? []).map(hostedTarget)];
  return [...databases, ...t.dbProxies.map((p) => proxyTarget(p, databases))];
}

/** The databases themselves, without the proxies in front of them: "a single database" counts these. */
export function databasesWithoutProxies(t: Topology): DatabaseTarget[] {
  return databaseTargets(t).filter((d) => d.kind !== 'proxy');
}

export interface EndpointMatch {
  target: DatabaseTarget;
  endpoint: DatabaseEndpoint;
  /** Set when the host is a private hosted zone's name: the records followed to the endpoint. */
  via?: PrivateNameResolution;
}

/** Which database (and which of its endpoints) an endpoint name or address is, without following any record. */
export function targetByEndpoint(t: Topology, host: string): EndpointMatch | undefined {
  const wanted = host.toLowerCase().replace(/\.$/, '');
  for (const target of databaseTargets(t)) {
    const endpoint = target.endpoints.find((e) => e.address === wanted);
    if (endpoint) return { target, endpoint };
  }
  return undefined;
}

/**
 * Which database (and which of its endpoints) a host name names: an endpoint itself, or a private hosted
 * zone's name whose CNAME or alias records lead to one (seen from `vpcIds` when given).
 */
export function targetByHost(t: Topology, host: string, vpcIds?: readonly string[]): EndpointMatch | undefined {
  const direct = targetByEndpoint(t, host);
  if (direct) return direct;
  const via = resolvePrivateName(t, host, vpcIds);
  const end = via ? targetByEndpoint(t, via.final) : undefined;
  return end && via ? { ...end, via } : undefined;
}

/** A database by its identifier (instance, cluster, or proxy name); a member instance's id gives its cluster. */
export function targetById(t: Topology, id: string): DatabaseTarget | undefined {
  const all = databaseTargets(t);
  const direct = all.find((d) => d.id === id);
  if (direct) return direct;
  const clusterId = t.dbInstances.find((d) => d.id === id)?.clusterId;
  return clusterId ? all.find((d) => d.kind === 'cluster' && d.id === clusterId) : undefined;
}

/** "DB instance x", "DB cluster x", "RDS Proxy x": how messages name a database. */
export function databaseLabel(d: Pick<DatabaseTarget, 'id'> & { kind?: DatabaseKind }): Localized {
  switch (d.kind) {
    case 'cluster':
      return msg('DB cluster {0}', d.id);
    case 'proxy':
      return msg('RDS Proxy {0}', d.id);
    case 'ec2':
      return msg('the database on EC2 {0}', d.id);
    default:
      return msg('DB instance {0}', d.id);
  }
}

/** The port an endpoint of this engine listens on by default: MySQL and MariaDB 3306, PostgreSQL 5432. */
export function defaultPortOfEngine(engine: string): number | undefined {
  const e = engine.toLowerCase();
  if (e.includes('postgres')) return 5432;
  if (e.includes('mysql') || e.includes('mariadb')) return 3306;
  if (e.startsWith('sqlserver')) return 1433;
  if (e.startsWith('oracle')) return 1521;
  return undefined;
}
