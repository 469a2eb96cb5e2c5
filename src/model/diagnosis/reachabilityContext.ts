// Resolves, from the snapshot, everything one service's analysis looks at: its connector (attached, or the
// candidate one would attach), the connector's subnets and groups, the database it talks to and where it runs.
import {
  type DatabaseEndpoint,
  type DatabaseTarget,
  databasesWithoutProxies,
  targetByHost,
  targetById,
} from '../topology/databaseTargets';
import { databaseSubnets } from '../topology/aclFlows';
import { DatabaseUrlVariable } from '../topology/databaseUrl';
import type { DnsEgress } from '../plan/dnsEgress';
import { type SecretUrlResolution, serviceDatabaseUrls } from '../topology/secretUrls';
import { AppRunnerService, SecurityGroup, Subnet, Topology, VpcConnector } from '../topology/topology';

export interface AnalyzeOptions {
  /** The port to check when the database itself is not known (setting `databasePort`). */
  dbPort?: number;
  /** The database to check: a DB instance, DB cluster or RDS Proxy identifier. */
  dbInstanceId?: string;
  appRunnerGroupName?: string;
  /** The App Runner group's Name tag (setting appRunnerSecurityGroupNameTag): found by it when no GroupName matches. */
  appRunnerGroupNameTag?: string;
  /** GroupName or Name tag of the DB's group. */
  databaseGroupName?: string;
  /** Host and port of the database URLs read from RuntimeEnvironmentSecrets (opt-in; never the value). */
  secretUrls?: SecretUrlResolution;
  /** The setting dnsEgress: with vpcResolverOnly a missing UDP 53 rule is what the user chose (info, not a warning). */
  dnsEgress?: DnsEgress;
}

export interface AnalysisContext {
  topology: Topology;
  service: AppRunnerService;
  options: AnalyzeOptions;
  attached: boolean;
  connector?: VpcConnector;
  /** The service names an ARN the snapshot does not have. */
  connectorArnMissing?: string;
  connectorSubnets: Subnet[];
  connectorGroups: SecurityGroup[];
  connectorVpcId?: string;
  /** The database the service talks to: an instance, a cluster, or a proxy (whose target is `db.behind`). */
  db?: DatabaseTarget;
  /** The endpoint of `db` its URL names, when it names one. */
  dbEndpoint?: DatabaseEndpoint;
  /** How the database was chosen; undefined when it was not. */
  dbChosenBy?: 'option' | 'url' | 'only-in-vpc';
  /** Subnets the DB instance runs in (its AZ's subnet of the subnet group, else the whole group). */
  dbSubnets: Subnet[];
  dbGroups: SecurityGroup[];
  dbPort: number;
  dbUrl?: DatabaseUrlVariable;
}

export function findService(topology: Topology, arnOrName: string): AppRunnerService | undefined {
  return topology.services.find((s) => s.arn === arnOrName) ?? topology.services.find((s) => s.name === arnOrName);
}

function byIds<T extends { id: string }>(items: readonly T[], ids: readonly string[]): T[] {
  return ids.flatMap((id) => items.filter((item) => item.id === id));
}

export function vpcOfConnector(topology: Topology, connector: VpcConnector): string | undefined {
  return byIds(topology.subnets, connector.subnetIds)[0]?.vpcId;
}

/** A connector created without groups uses its VPC's default security group (CreateVpcConnector docs). */
function connectorGroupsOf(topology: Topology, connector: VpcConnector): SecurityGroup[] {
  if (connector.securityGroupIds.length > 0) return byIds(topology.securityGroups, connector.securityGroupIds);
  const vpcId = vpcOfConnector(topology, connector);
  return topology.securityGroups.filter((g) => g.name === 'default' && g.vpcId === vpcId);
}

export function dbVpc(topology: Topology, db: Pick<DatabaseTarget, 'vpcId' | 'subnetIds'>): string | undefined {
  return db.vpcId ?? byIds(topology.subnets, db.subnetIds)[0]?.vpcId;
}

/** When nothing is attached: an ACTIVE connector in the DB's VPC (or the only one), preferring one already used. */
function candidateConnector(topology: Topology, vpcId: string | undefined): VpcConnector | undefined {
  const active = topology.connectors.filter((c) => c.status === 'ACTIVE');
  const inVpc = vpcId ? active.filter((c) => vpcOfConnector(topology, c) === vpcId) : active;
  const used = new Set(topology.services.map((s) => s.vpcConnectorArn));
  return inVpc.find((c) => used.has(c.arn)) ?? inVpc[0];
}

function chooseDb(
  topology: Topology,
  options: AnalyzeOptions,
  urls: DatabaseUrlVariable[],
  vpcId: string | undefined,
): { db?: DatabaseTarget; by?: AnalysisContext['dbChosenBy']; url?: DatabaseUrlVariable } {
  if (options.dbInstanceId) {
    const db = targetById(topology, options.dbInstanceId);
    const url = urls.find((u) => db?.endpoints.some((e) => e.address === u.url.host)) ?? urls[0];
    return { db, by: 'option', url };
  }
  for (const url of urls) {
    const match = targetByHost(topology, url.url.host);
    if (match) return { db: match.target, by: 'url', url };
  }
  // A JSON secret's dbInstanceIdentifier / dbClusterIdentifier, when its host is no endpoint we know.
  for (const url of urls) {
    const byId = url.identifier ? targetById(topology, url.identifier) : undefined;
    if (byId) return { db: byId, by: 'url', url };
  }
  // Proxies are doors to a database, not another one: "the only database" counts instances and clusters.
  const databases = databasesWithoutProxies(topology);
  const inVpc = vpcId ? databases.filter((d) => dbVpc(topology, d) === vpcId) : [];
  const only = inVpc.length === 1 ? inVpc[0] : databases.length === 1 ? databases[0] : undefined;
  return { db: only, by: only ? 'only-in-vpc' : undefined, url: urls[0] };
}

export function resolveContext(
  topology: Topology,
  service: AppRunnerService,
  options: AnalyzeOptions,
): AnalysisContext {
  const attached = service.egressType === 'VPC' && Boolean(service.vpcConnectorArn);
  const attachedConnector = attached ? topology.connectors.find((c) => c.arn === service.vpcConnectorArn) : undefined;
  const urls = serviceDatabaseUrls(service, options.secretUrls);
  const firstVpc = attachedConnector ? vpcOfConnector(topology, attachedConnector) : undefined;
  const chosen = chooseDb(topology, options, urls, firstVpc);
  const db = chosen.db;
  const connector = attached ? attachedConnector : candidateConnector(topology, db ? dbVpc(topology, db) : undefined);
  const connectorSubnets = connector ? byIds(topology.subnets, connector.subnetIds) : [];
  return {
    topology,
    service,
    options,
    attached,
    connector,
    connectorArnMissing: attached && !attachedConnector ? service.vpcConnectorArn : undefined,
    connectorSubnets,
    connectorGroups: connector ? connectorGroupsOf(topology, connector) : [],
    connectorVpcId: connector ? vpcOfConnector(topology, connector) : undefined,
    db,
    // The endpoint the URL's host is, or (a private zone's name) the one its records lead to.
    dbEndpoint:
      db && chosen.url
        ? (db.endpoints.find((e) => e.address === chosen.url?.url.host) ??
          (() => {
            const match = targetByHost(topology, chosen.url?.url.host ?? '');
            return match?.target.id === db.id ? match.endpoint : undefined;
          })())
        : undefined,
    dbChosenBy: db ? chosen.by : undefined,
    dbSubnets: db ? databaseSubnets(topology, db) : [],
    dbGroups: db ? byIds(topology.securityGroups, db.securityGroupIds) : [],
    dbPort: (db && db.port > 0 ? db.port : undefined) ?? options.dbPort ?? chosen.url?.url.port ?? 5432,
    dbUrl: chosen.url,
  };
}
