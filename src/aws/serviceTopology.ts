// loadServiceTopology: the snapshot one service's answer depends on, and nothing that grows with the number
// of services or connectors in the region (docs/performance.md, "Read set per command"): the service (by ARN,
// or by name through the ListServices pages up to the one that holds it), its DescribeService, its connector
// by ARN, the connectors of the configured name when the command must choose one by name, tags only of those,
// the databases, and the VPCs of the databases and of those connectors. The snapshot is marked `scope`: other
// services were not read, so nothing downstream may take their absence for "no other user".
import { describeConnector } from './appRunnerOps';
import type { TopologyClients } from './topologyLoader';
import { getCallerIdentity } from './identity';
import { loadDatabases } from './load/databases';
import { subnetFrom } from './load/ec2Mapping';
import { loadNetwork, subnetsById } from './load/network';
import { unique } from './load/pool';
import { withNamedHosts } from './load/namedHosts';
import { lookUpService } from './load/serviceLookup';
import { describeService, listConnectors, withConnectorTags } from './load/services';
import { isRevisionOf } from '../model/plan/connectorChoice';
import { targetByEndpoint } from '../model/topology/databaseTargets';
import { hostsToLookUp } from '../model/topology/privateNames';
import { type SecretUrlResolution, serviceDatabaseUrls } from '../model/topology/secretUrls';
import { emptyTopology, type Topology, type VpcConnector } from '../model/topology/topology';
import { KNOWN_UNSUPPORTED_AZ_IDS } from '../model/topology/unsupportedAzs';
import type { ConnectorListing } from '../model/topology/readSet';

/** When to list the region's connectors: see src/model/topology/readSet.ts. */
export type { ConnectorListing };

export interface ServiceLoadOptions {
  /** The service's name or ARN. */
  service: string;
  /** The configured connector name: listed connectors are kept (and tagged) only under it and its revisions. */
  connectorName: string;
  listConnectors: ConnectorListing;
  withAccountId?: boolean;
  /** Subnets the user chose, looked up by id as loadTopology does. */
  subnetIds?: string[];
}

function byArn(connectors: VpcConnector[]): VpcConnector[] {
  return [...new Map(connectors.map((c) => [c.arn, c] as const)).values()];
}

function scopedBase(region: string, service: string | undefined): Topology {
  return {
    ...emptyTopology(region, new Date().toISOString()),
    unsupportedAzIds: [...KNOWN_UNSUPPORTED_AZ_IDS],
    scope: { service, connectorUsers: {} },
  };
}

/** The VPC part: the databases' VPCs and those of the given (ACTIVE) connectors, plus subnets named by id. */
async function withNetwork(clients: TopologyClients, snapshot: Topology, subnetIds: string[]): Promise<Topology> {
  const connectorSubnets = unique(snapshot.connectors.filter((c) => c.status === 'ACTIVE').flatMap((c) => c.subnetIds));
  const probed = await subnetsById(clients.ec2, unique([...connectorSubnets, ...subnetIds]));
  const connectorVpcs = probed.filter((s) => connectorSubnets.includes(s.SubnetId ?? '')).map((s) => s.VpcId);
  const dbVpcs = [...snapshot.dbInstances, ...snapshot.dbClusters, ...snapshot.dbProxies].map((d) => d.vpcId);
  const vpcIds = unique([...dbVpcs, ...connectorVpcs]).sort();
  const network = await loadNetwork(clients.ec2, vpcIds);
  const outside = probed.filter((s) => !vpcIds.includes(s.VpcId ?? '')).map((s) => subnetFrom(s, [], []));
  return { ...snapshot, ...network, subnets: [...network.subnets, ...outside], loadedAt: new Date().toISOString() };
}

export async function loadServiceTopology(clients: TopologyClients, options: ServiceLoadOptions): Promise<Topology> {
  const base = scopedBase(clients.target.region, options.service);
  const accountPromise = options.withAccountId
    ? getCallerIdentity(clients).then((id) => id.account)
    : Promise.resolve(undefined);
  const dbsPromise = loadDatabases(clients.rds);
  // Read in parallel with the service; an unhandled rejection is avoided by awaiting both below.
  accountPromise.catch(() => undefined);
  dbsPromise.catch(() => undefined);

  const lookup = await lookUpService(clients.appRunner, options.service);
  if (!lookup.found) {
    // Every page was read to know it is absent: the names are kept for the "not found" message.
    const [databases, accountId] = await Promise.all([dbsPromise, accountPromise]);
    return { ...base, services: lookup.summaries, ...databases, accountId };
  }
  const service = await describeService(clients.appRunner, lookup.arn);
  const own = service.vpcConnectorArn ? describeConnector(clients.appRunner, service.vpcConnectorArn) : undefined;
  own?.catch(() => undefined);
  const list =
    options.listConnectors === 'always' || (options.listConnectors === 'unattached' && !service.vpcConnectorArn);
  const listed = list
    ? (await listConnectors(clients.appRunner)).filter(
        (c) => c.name === options.connectorName || isRevisionOf(c.name, options.connectorName),
      )
    : [];
  const ownConnector = await own;
  const connectors = await withConnectorTags(
    clients.appRunner,
    byArn([...(ownConnector ? [ownConnector] : []), ...listed]),
  );
  const [databases, accountId] = await Promise.all([dbsPromise, accountPromise]);
  const snapshot = await withNetwork(
    clients,
    { ...base, services: [service], connectors, ...databases, accountId },
    options.subnetIds ?? [],
  );
  return withServiceHosts(clients, snapshot, service.name);
}

/**
 * The snapshot with what the service's database hosts lead to when they are no RDS endpoint: a private zone's
 * records, a database on EC2 (src/aws/load/namedHosts.ts). The plain variables at load; the ones read from
 * secrets (opt-in) when the caller has them.
 */
export async function withServiceHosts(
  clients: TopologyClients,
  snapshot: Topology,
  serviceName: string,
  secretUrls?: SecretUrlResolution,
): Promise<Topology> {
  const service = snapshot.services.find((s) => s.name === serviceName || s.arn === serviceName);
  if (!service) return snapshot;
  const hosts = hostsToLookUp(
    (h) =>
      Boolean(targetByEndpoint(snapshot, h)) ||
      (snapshot.privateZones ?? []).some((z) => z.records.some((r) => r.name === h)),
    serviceDatabaseUrls(service, secretUrls),
  );
  return withNamedHosts(clients, snapshot, hosts);
}

/** For delete-connector: the connectors of that name (tagged when ACTIVE); no service, no network. */
export async function loadConnectorTopology(
  clients: TopologyClients,
  connectorName: string,
  withAccountId = false,
): Promise<Topology> {
  const accountPromise = withAccountId ? getCallerIdentity(clients).then((id) => id.account) : undefined;
  accountPromise?.catch(() => undefined);
  const listed = (await listConnectors(clients.appRunner)).filter((c) => c.name === connectorName);
  const connectors = await withConnectorTags(clients.appRunner, listed);
  return { ...scopedBase(clients.target.region, undefined), connectors, accountId: await accountPromise };
}
