// While a refresh streams in, the loader publishes partial snapshots that start empty (service summaries
// first, then details, then connectors and the network). Shown as they are, every poll would make the tree
// flicker back to "loading". So while loading, what is not yet re-read is taken from the last complete
// snapshot of the same region; the final snapshot replaces everything.
import type { Topology } from '../topology/topology';

const NETWORK_KEYS = [
  'connectors',
  'vpcs',
  'subnets',
  'routeTables',
  'networkAcls',
  'securityGroups',
  'natGateways',
  'internetGateways',
  'dbInstances',
  'dbClusters',
  'dbProxies',
] as const;

export function overlayPartial(partial: Topology, previous: Topology | undefined): Topology {
  if (
    !previous ||
    previous.region !== partial.region ||
    (previous.accountId !== partial.accountId && partial.accountId !== undefined)
  )
    return partial;
  const known = new Map(previous.services.map((s) => [s.arn, s]));
  const services = partial.services.map((s) => {
    const old = known.get(s.arn);
    // The summary's status is fresh; the rest of the details are the last ones read.
    return s.detailsLoaded || !old?.detailsLoaded
      ? s
      : { ...old, status: s.status, updatedAt: s.updatedAt ?? old.updatedAt };
  });
  const out: Topology = { ...partial, services };
  for (const key of NETWORK_KEYS) {
    if (partial[key].length === 0 && previous[key].length > 0)
      (out as unknown as Record<string, unknown>)[key] = previous[key];
  }
  return out;
}
