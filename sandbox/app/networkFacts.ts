// Reads from moto what the ground truth needs about a service's path to its database: the DB instance,
// Aurora cluster endpoint or RDS Proxy named by DATABASE_URL (with the proxy's registered targets), the
// connector's and the database's subnets (with their network ACLs) and security groups.
import {
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBProxiesCommand,
  DescribeDBProxyTargetsCommand,
  DescribeDBSubnetGroupsCommand,
  type DBCluster,
  type DBInstance,
  type DBProxy,
} from '@aws-sdk/client-rds';
import type { ConnectorRecord, Json, ServiceConfig } from '../apprunner/store';
import type { DatabaseFacts, EndpointFacts, GroupFacts, ReachFacts, SgRule, SubnetFacts } from '../groundTruth';
import type { MotoClients } from '../motoClients';
import { resolveHost } from './nameResolution';

export interface DatabaseTarget {
  /** URL scheme without the colon: postgresql, postgres, mysql, ... */
  engine: string;
  host: string;
  port: number;
}

/** The default port of each URL scheme an app's driver would assume when DATABASE_URL names none. */
const DEFAULT_PORT: Record<string, number> = { postgresql: 5432, postgres: 5432, mysql: 3306, mariadb: 3306 };

/** Host, port and engine from a DATABASE_URL value (never its credentials). */
export function databaseTarget(databaseUrl: string | undefined): DatabaseTarget | undefined {
  if (!databaseUrl) return undefined;
  try {
    const url = new URL(databaseUrl);
    const engine = url.protocol.replace(/:$/, '').split('+')[0] ?? '';
    return { engine, host: url.hostname, port: Number(url.port || (DEFAULT_PORT[engine] ?? 5432)) };
  } catch {
    return undefined;
  }
}

function rules(perms: IpPermission[] | undefined): SgRule[] {
  return (perms ?? []).map((p) => ({
    protocol: p.IpProtocol ?? '-1',
    fromPort: p.FromPort,
    toPort: p.ToPort,
    cidrs: (p.IpRanges ?? []).map((r) => r.CidrIp ?? ''),
    groupIds: (p.UserIdGroupPairs ?? []).map((g) => g.GroupId ?? ''),
  }));
}

async function groups(clients: MotoClients, ids: string[]): Promise<GroupFacts[]> {
  if (ids.length === 0) return [];
  const out = await clients.ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: ids }] }),
  );
  return (out.SecurityGroups ?? []).map((g) => ({
    id: g.GroupId ?? '',
    ingress: rules(g.IpPermissions),
    egress: rules(g.IpPermissionsEgress),
  }));
}

async function subnets(clients: MotoClients, ids: string[]): Promise<SubnetFacts[]> {
  if (ids.length === 0) return [];
  const found = await clients.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: ids }] }));
  const vpcIds = [...new Set((found.Subnets ?? []).map((s) => s.VpcId ?? ''))];
  // By VPC and matched here: moto 5.2's association.subnet-id filter misses ACLs when given several ids.
  const acls = await clients.ec2.send(
    new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: vpcIds }] }),
  );
  return (found.Subnets ?? []).map((s) => {
    const acl = (acls.NetworkAcls ?? []).find((a) => (a.Associations ?? []).some((x) => x.SubnetId === s.SubnetId));
    return {
      id: s.SubnetId ?? '',
      vpcId: s.VpcId ?? '',
      cidr: s.CidrBlock ?? '0.0.0.0/32',
      nacl: (acl?.Entries ?? []).map((e) => ({
        ruleNumber: e.RuleNumber ?? 32767,
        egress: e.Egress === true,
        protocol: e.Protocol ?? '-1',
        allow: e.RuleAction === 'allow',
        cidr: e.CidrBlock ?? '0.0.0.0/0',
        fromPort: e.PortRange?.From,
        toPort: e.PortRange?.To,
      })),
    };
  });
}

async function instanceFacts(clients: MotoClients, db: DBInstance, port: number): Promise<EndpointFacts> {
  const subnetIds = (db.DBSubnetGroup?.Subnets ?? []).map((s) => s.SubnetIdentifier ?? '');
  const groupIds = (db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '');
  const [s, g] = await Promise.all([subnets(clients, subnetIds), groups(clients, groupIds)]);
  return {
    kind: 'instance',
    status: db.DBInstanceStatus ?? 'unknown',
    port,
    vpcId: db.DBSubnetGroup?.VpcId ?? '',
    subnets: s,
    groups: g,
  };
}

/** A cluster endpoint accepts connections while the cluster is available and has an available DB instance. */
async function clusterFacts(clients: MotoClients, cluster: DBCluster, instances: DBInstance[]): Promise<EndpointFacts> {
  const memberIds = (cluster.DBClusterMembers ?? []).map((m) => m.DBInstanceIdentifier);
  const members = instances.filter((i) => memberIds.includes(i.DBInstanceIdentifier));
  const subnetGroup = (
    await clients.rds.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: cluster.DBSubnetGroup }))
  ).DBSubnetGroups?.[0];
  const subnetIds = (subnetGroup?.Subnets ?? []).map((s) => s.SubnetIdentifier ?? '');
  const groupIds = (cluster.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '');
  const [s, g] = await Promise.all([subnets(clients, subnetIds), groups(clients, groupIds)]);
  let status = cluster.Status ?? 'unknown';
  if (status === 'available' && !members.some((m) => m.DBInstanceStatus === 'available'))
    status = 'without an available DB instance';
  return {
    kind: 'cluster',
    status,
    port: cluster.Port ?? 5432,
    vpcId: subnetGroup?.VpcId ?? '',
    subnets: s,
    groups: g,
  };
}

/** The engine family's port: an RDS Proxy listens on the port of the engine it fronts. */
const PROXY_PORT: Record<string, number> = { POSTGRESQL: 5432, MYSQL: 3306, SQLSERVER: 1433 };

async function proxyFacts(
  clients: MotoClients,
  proxy: DBProxy,
  clusters: DBCluster[],
  instances: DBInstance[],
): Promise<DatabaseFacts> {
  const [s, g, registered] = await Promise.all([
    subnets(clients, proxy.VpcSubnetIds ?? []),
    groups(clients, proxy.VpcSecurityGroupIds ?? []),
    clients.rds.send(new DescribeDBProxyTargetsCommand({ DBProxyName: proxy.DBProxyName })),
  ]);
  const targets: EndpointFacts[] = [];
  for (const t of registered.Targets ?? []) {
    const cluster =
      t.Type === 'TRACKED_CLUSTER' ? clusters.find((c) => c.DBClusterIdentifier === t.RdsResourceId) : undefined;
    const instance =
      t.Type === 'RDS_INSTANCE' ? instances.find((i) => i.DBInstanceIdentifier === t.RdsResourceId) : undefined;
    if (cluster) targets.push(await clusterFacts(clients, cluster, instances));
    else if (instance) targets.push(await instanceFacts(clients, instance, instance.Endpoint?.Port ?? 5432));
  }
  const port = PROXY_PORT[proxy.EngineFamily ?? ''] ?? 5432;
  return {
    kind: 'proxy',
    status: proxy.Status ?? 'unknown',
    port,
    vpcId: proxy.VpcId ?? '',
    subnets: s,
    groups: g,
    targets,
  };
}

/**
 * A database on EC2: the instance whose interface holds the address. It accepts connections on the port the
 * application names while the instance is running (the sandbox runs no database process to ask).
 */
async function ec2Facts(clients: MotoClients, address: string, port: number): Promise<DatabaseFacts | undefined> {
  const found = await clients.ec2.send(
    new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'addresses.private-ip-address', Values: [address] }] }),
  );
  const eni = (found.NetworkInterfaces ?? []).find((n) =>
    (n.PrivateIpAddresses ?? []).some((a) => a.PrivateIpAddress === address),
  );
  if (!eni) return undefined;
  const instanceId = eni.Attachment?.InstanceId;
  const state = instanceId
    ? (await clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations?.[0]
        ?.Instances?.[0]?.State?.Name
    : undefined;
  const [s, g] = await Promise.all([
    subnets(clients, eni.SubnetId ? [eni.SubnetId] : []),
    groups(
      clients,
      (eni.Groups ?? []).map((x) => x.GroupId ?? ''),
    ),
  ]);
  return {
    kind: 'ec2',
    status: state === 'running' ? 'available' : (state ?? 'without an instance'),
    port,
    vpcId: eni.VpcId ?? '',
    subnets: s,
    groups: g,
  };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The DB instance, Aurora cluster endpoint (writer or reader) or RDS Proxy that `target` names, as facts. */
async function databaseFacts(clients: MotoClients, target: DatabaseTarget): Promise<DatabaseFacts | undefined> {
  if (IPV4.test(target.host)) return ec2Facts(clients, target.host, target.port);
  const [instances, clusters] = await Promise.all([
    clients.rds.send(new DescribeDBInstancesCommand({})).then((o) => o.DBInstances ?? []),
    clients.rds.send(new DescribeDBClustersCommand({})).then((o) => o.DBClusters ?? []),
  ]);
  const instance = instances.find(
    (i) => i.Endpoint?.Address === target.host && (i.Endpoint?.Port ?? 5432) === target.port,
  );
  if (instance) return instanceFacts(clients, instance, target.port);
  const cluster = clusters.find(
    (c) => (c.Endpoint === target.host || c.ReaderEndpoint === target.host) && c.Port === target.port,
  );
  if (cluster) return clusterFacts(clients, cluster, instances);
  const proxies = (await clients.rds.send(new DescribeDBProxiesCommand({}))).DBProxies ?? [];
  const proxy = proxies.find((p) => p.Endpoint === target.host && PROXY_PORT[p.EngineFamily ?? ''] === target.port);
  return proxy ? proxyFacts(clients, proxy, clusters, instances) : undefined;
}

export async function gatherReachFacts(
  clients: MotoClients,
  config: ServiceConfig,
  connector: ConnectorRecord | undefined,
  target: DatabaseTarget | undefined,
): Promise<ReachFacts> {
  const egress = (config.NetworkConfiguration.EgressConfiguration ?? {}) as Json;
  const facts: ReachFacts = { egressType: String(egress.EgressType ?? 'DEFAULT') };
  if (connector) {
    const [s, g, dns] = await Promise.all([
      subnets(clients, connector.subnets),
      groups(clients, connector.securityGroups),
      clients.ec2.send(new DescribeVpcAttributeCommand({ VpcId: connector.vpcId, Attribute: 'enableDnsSupport' })),
    ]);
    facts.connector = {
      status: connector.status,
      subnets: s,
      groups: g,
      vpcDnsSupport: dns.EnableDnsSupport?.Value !== false,
    };
  }
  if (target) {
    // The resolver of the connector's VPC, or none on DEFAULT egress (App Runner's own network).
    const resolverVpc = facts.egressType === 'VPC' && connector ? connector.vpcId : undefined;
    const resolved = await resolveHost(clients, target.host, resolverVpc);
    if ('unresolved' in resolved) facts.nameUnresolved = resolved.unresolved;
    else facts.database = await databaseFacts(clients, { ...target, host: resolved.host });
  }
  return facts;
}

/** The same readers for the internet check (app/egressFacts.ts). */
export { groups as readGroupFacts, subnets as readSubnetFacts };
