// loadTopology: one call-minimal read of everything the views, the planner and the diagnosis need. Services
// and connectors first (streamed through onProgress so the tree paints early), then only the VPCs the
// databases (instances, clusters, proxies) and the connectors are in. Nothing per connector (their tags) is
// read before the services' rows are published, and the services' details are published in batches
// (docs/performance.md, "The tree at scale").
import type { AwsClients } from './clients';
import { getCallerIdentity } from './identity';
import { loadDatabases } from './load/databases';
import { subnetFrom } from './load/ec2Mapping';
import { withNamedHosts } from './load/namedHosts';
import { loadNetwork, subnetsById } from './load/network';
import { unique } from './load/pool';
import { describeServices, listConnectors, listServiceSummaries, withConnectorTags } from './load/services';
import { ProgressCoalescer, progressIntervalMs } from '../model/common/progressCoalescer';
import { targetByEndpoint } from '../model/topology/databaseTargets';
import { hostsToLookUp } from '../model/topology/privateNames';
import { serviceDatabaseUrls } from '../model/topology/secretUrls';
import { emptyTopology, type AppRunnerService, type Topology } from '../model/topology/topology';
import { KNOWN_UNSUPPORTED_AZ_IDS } from '../model/topology/unsupportedAzs';

export interface LoadOptions {
  /** DescribeService calls in flight at once (default 5). */
  serviceConcurrency?: number;
  /**
   * Called with a fresh partial snapshot after each stage, and with the services' details as they arrive, at
   * most once per `progressIntervalMs`.
   */
  onProgress?(partial: Topology): void;
  /** Default: progressIntervalMs(services), longer for larger regions. */
  progressIntervalMs?: number;
  /** Also read the account id with STS GetCallerIdentity (default false: one call fewer). */
  withAccountId?: boolean;
  /**
   * Subnets the user chose: they are looked up by id so a subnet of another VPC can be named as such. Their
   * own VPC is not loaded, so such a subnet's `isPrivate` is not judged (validators refuse it for its VPC).
   */
  subnetIds?: string[];
}

/** Route 53 is optional: without it a private zone's name stays unresolved (the plan lists the candidates). */
export type TopologyClients = Pick<AwsClients, 'appRunner' | 'ec2' | 'rds' | 'sts' | 'target'> &
  Partial<Pick<AwsClients, 'route53'>>;

export async function loadTopology(clients: TopologyClients, options: LoadOptions = {}): Promise<Topology> {
  let snapshot: Topology = {
    ...emptyTopology(clients.target.region, new Date().toISOString()),
    unsupportedAzIds: [...KNOWN_UNSUPPORTED_AZ_IDS],
  };
  const publish = (patch: Partial<Topology>): void => {
    snapshot = { ...snapshot, ...patch };
    options.onProgress?.(snapshot);
  };
  /** Collects each service's details and publishes them together, at most once per interval. */
  const detailsPublisher = (summaries: AppRunnerService[]) => {
    const services = [...summaries];
    const coalescer = new ProgressCoalescer(options.progressIntervalMs ?? progressIntervalMs(summaries.length));
    let timer: NodeJS.Timeout | undefined;
    const flush = (): void => {
      timer = undefined;
      coalescer.published(Date.now());
      publish({ services: [...services] });
    };
    const onEach = (index: number, details: AppRunnerService): void => {
      services[index] = details;
      if (timer || !options.onProgress) return;
      const wait = coalescer.delayFor(Date.now());
      if (wait === 0) flush();
      else timer = setTimeout(flush, wait);
    };
    /** No publish pending any more (the load ended or failed). */
    const stop = (): void => {
      clearTimeout(timer);
      timer = undefined;
    };
    return { onEach, stop };
  };
  const accountPromise = options.withAccountId
    ? getCallerIdentity(clients).then((id) => id.account)
    : Promise.resolve(undefined);
  const listedConnectors = listConnectors(clients.appRunner);
  const dbsPromise = loadDatabases(clients.rds);
  // Reading the rest in parallel; an unhandled rejection is avoided by awaiting all of them below.
  listedConnectors.catch(() => undefined);
  dbsPromise.catch(() => undefined);
  accountPromise.catch(() => undefined);

  const summaries = await listServiceSummaries(clients.appRunner);
  publish({ services: summaries });
  // The connectors' tags (which connectors an IaC tool owns) are one call each: read once the rows are out.
  const connectorsPromise = listedConnectors.then((list) => withConnectorTags(clients.appRunner, list));
  connectorsPromise.catch(() => undefined);
  const progress = detailsPublisher(summaries);
  try {
    const services = await describeServices(
      clients.appRunner,
      summaries,
      options.serviceConcurrency ?? 5,
      progress.onEach,
    );
    // Every service's details are in: published at once, with nothing pending to be published after them.
    progress.stop();
    publish({ services });
  } finally {
    progress.stop();
  }
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
  // Hosts the services name that are no RDS endpoint (a private zone's name, an EC2 address): read only when some
  // service names one (src/aws/load/namedHosts.ts).
  const hosts = hostsToLookUp(
    (h) => Boolean(targetByEndpoint(snapshot, h)),
    snapshot.services.flatMap((s) => serviceDatabaseUrls(s)),
  );
  if (hosts.length > 0) publish(await withNamedHosts(clients, snapshot, hosts));
  return snapshot;
}
