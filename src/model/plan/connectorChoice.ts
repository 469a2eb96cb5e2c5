// Which connector the service should use. A connector cannot be changed after creation, so an ACTIVE one of
// the wanted name whose subnets or groups differ is left alone and a new revision name (<name>-2, -3, ...) is
// used instead; a matching ACTIVE connector of any of those names is reused.
import type { Topology, VpcConnector } from '../topology/topology';

export interface ConnectorChoice {
  /** The name the service will use (the wanted name or a revision name). */
  name: string;
  /** A matching ACTIVE connector to reuse; undefined when one must be created. */
  reuse?: VpcConnector;
  /** The ACTIVE connector of the wanted name that does not match (kept, or deleted after the move). */
  mismatched?: VpcConnector;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

export function connectorMatches(c: VpcConnector, subnetIds: readonly string[], groupIds: readonly string[]): boolean {
  return c.status === 'ACTIVE' && sameSet(c.subnetIds, subnetIds) && sameSet(c.securityGroupIds, groupIds);
}

const MAX_NAME = 40;

/** `<base>-n`, cutting the base so the result stays within App Runner's 40-character limit. */
export function revisionName(base: string, n: number): string {
  const suffix = `-${n}`;
  return `${base.slice(0, MAX_NAME - suffix.length)}${suffix}`;
}

/** `<base>-n` as revisionName makes it (n >= 2). */
export function isRevisionOf(candidate: string, base: string): boolean {
  const m = /^(.*)-(\d+)$/.exec(candidate);
  return m !== null && Number(m[2]) >= 2 && revisionName(base, Number(m[2])) === candidate;
}

export function chooseConnector(
  snapshot: Topology,
  name: string,
  subnetIds: readonly string[],
  groupId: string | undefined,
): ConnectorChoice {
  const active = (n: string): VpcConnector | undefined =>
    snapshot.connectors.find((c) => c.name === n && c.status === 'ACTIVE');
  const matches = (c: VpcConnector | undefined): boolean =>
    c !== undefined && groupId !== undefined && connectorMatches(c, subnetIds, [groupId]);
  const first = active(name);
  if (!first || matches(first)) {
    // After a move to `<name>-2` and the old connector's deletion, the matching revision is still the one to
    // use: planning the base name again would create a duplicate connector on every run.
    const revision = first ? undefined : snapshot.connectors.find((c) => isRevisionOf(c.name, name) && matches(c));
    return revision ? { name: revision.name, reuse: revision } : { name, reuse: first };
  }
  for (let n = 2; n < 100; n++) {
    const candidate = revisionName(name, n);
    const found = active(candidate);
    if (!found) return { name: candidate, mismatched: first };
    if (matches(found)) return { name: candidate, reuse: found, mismatched: first };
  }
  return { name: revisionName(name, 100), mismatched: first };
}
