// loadTopology: one call-minimal read of everything the views, the planner and the diagnosis need. Services
// and connectors first (streamed through onProgress so the tree paints early), then only the VPCs the
// databases (instances, clusters, proxies) and the connectors are in.
import type { AwsClients } from './clients';
import { getCallerIdentity } from './identity';
import { loadDatabases } from './load/databases';
import { subnetFrom } from './load/ec2Mapping';
import { loadNetwork, subnetsById } from './load/network';
import { unique } from './load/pool';
import { describeServices, listConnectors, listServiceSummaries, withConnectorTags } from './load/services';
import { emptyTopology, type Topology } from '../model/topology/topology';
import { KNOWN_UNSUPPORTED_AZ_IDS } from '../model/topology/unsupportedAzs';

export interface LoadOptions {
  /** DescribeService calls in flight at once (default 5). */
  serviceConcurrency?: number;
  /** Called with a fresh partial snapshot after each stage and each service's details. */
  onProgress?(partial: Topology): void;
  /** Also read the account id with STS GetCallerIdentity (default false: one call fewer). */
  withAccountId?: boolean;
  /**
   * Subnets the user chose: they are looked up by id so a subnet of another VPC can be named as such. Their
   * own VPC is not loaded, so such a subnet's `isPrivate` is not judged (validators refuse it for its VPC).
   */
  subnetIds?: string[];
}

export type TopologyClients = Pick<AwsClients, 'appRunner' | 'ec2' | 'rds' | 'sts' | 'target'>;

export async function loadTopology(clients: TopologyClients, options: LoadOptions = {}): Promise<Topology> {
  let snapshot: Topology = {
    ...emptyTopology(clients.target.region, new Date().toISOString()),
    unsupportedAzIds: [...KNOWN_UNSUPPORTED_AZ_IDS],
  };
  const publish = (patch: Partial<Topology>): void => {
    snapshot = { ...snapshot, ...patch };
    options.onProgress?.(snapshot);
  };
  const accountPromise = options.withAccountId
    ? getCallerIdentity(clients).then((id) => id.account)
    : Promise.resolve(undefined);
  const connectorsPromise = listConnectors(clients.appRunner).then((list) =>
    withConnectorTags(clients.appRunner, list),
  );
  const dbsPromise = loadDatabases(clients.rds);
  // Reading the rest in parallel; an unhandled rejection is avoided by awaiting all of them below.
  connectorsPromise.catch(() => undefined);
  dbsPromise.catch(() => undefined);
  accountPromise.catch(() => undefined);

  const summaries = await listServiceSummaries(clients.appRunner);
  publish({ services: summaries });
  const services = [...summaries];
  await describeServices(clients.appRunner, summaries, options.serviceConcurrency ?? 5, (index, details) => {
    services[index] = details;
    publish({ services: [...services] });
  });
  const [connectors, databases, accountId] = await Promise.all([connectorsPromise, dbsPromise, accountPromise]);
  publish({ connectors, ...databases, accountId });

  const connectorSubnets = unique(connectors.filter((c) => c.status === 'ACTIVE').flatMap((c) => c.subnetIds));
  const probed = await subnetsById(clients.ec2, unique([...connectorSubnets, ...(options.subnetIds ?? [])]));
  const connectorVpcs = probed.filter((s) => connectorSubnets.includes(s.SubnetId ?? '')).map((s) => s.VpcId);
  const dbVpcs = [...databases.dbInstances, ...databases.dbClusters, ...databases.dbProxies].map((d) => d.vpcId);
  const vpcIds = unique([...dbVpcs, ...connectorVpcs]).sort();
  const network = await loadNetwork(clients.ec2, vpcIds);
  const outside = probed.filter((s) => !vpcIds.includes(s.VpcId ?? '')).map((s) => subnetFrom(s, [], []));
  publish({ ...network, subnets: [...network.subnets, ...outside], loadedAt: new Date().toISOString() });
  return snapshot;
}
