// Following a host name through the Route 53 private hosted zones a snapshot holds: the zone whose name is the
// longest suffix of the host answers (Route 53 Developer Guide, "Working with private hosted zones": with
// overlapping namespaces the most specific zone answers), and CNAME and alias records are followed, zone to
// zone, to the name or address at the end (an RDS endpoint, an EC2 interface's address).
import type { PrivateHostedZone, Topology } from './topology';

/** CNAME chains longer than this are a loop or a misconfiguration (resolvers give up much the same way). */
const MAX_HOPS = 8;

export interface PrivateNameHop {
  zoneId: string;
  zoneName: string;
  record: string;
  type: string;
  /** The record's CNAME value, alias target or first address. */
  value: string;
}

export interface PrivateNameResolution {
  /** Where the chain ends: an RDS endpoint name, another name, or an address. */
  final: string;
  hops: PrivateNameHop[];
  /** The VPCs every zone in the chain is associated with (where the name resolves at all). */
  vpcIds: string[];
}

export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** The most specific zone for a name, among the zones associated with `vpcIds` (any zone when undefined). */
export function zoneFor(
  zones: readonly PrivateHostedZone[],
  name: string,
  vpcIds?: readonly string[],
): PrivateHostedZone | undefined {
  const host = normalizeName(name);
  return zones
    .filter((z) => host === z.name || host.endsWith(`.${z.name}`))
    .filter((z) => !vpcIds || z.vpcIds.some((v) => vpcIds.includes(v)))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

/**
 * The chain a private name resolves through, or undefined when no zone of the snapshot answers it. Seen from
 * `vpcIds` when given (the service's connector VPC), else from any VPC a zone is associated with.
 */
export function resolvePrivateName(
  t: Pick<Topology, 'privateZones'>,
  host: string,
  vpcIds?: readonly string[],
): PrivateNameResolution | undefined {
  const zones = t.privateZones ?? [];
  const hops: PrivateNameHop[] = [];
  let name = normalizeName(host);
  let seenFrom: string[] | undefined = vpcIds ? [...vpcIds] : undefined;
  for (let i = 0; i < MAX_HOPS; i++) {
    const zone = zoneFor(zones, name, seenFrom);
    const record = zone?.records.find(
      (r) => r.name === name && (r.type === 'CNAME' || r.aliasTarget || r.values.length),
    );
    if (!zone || !record) break;
    const value = normalizeName(record.aliasTarget ?? record.values[0] ?? '');
    hops.push({ zoneId: zone.id, zoneName: zone.name, record: name, type: record.type, value });
    seenFrom = seenFrom ? seenFrom.filter((v) => zone.vpcIds.includes(v)) : [...zone.vpcIds];
    name = value;
    if (record.type !== 'CNAME' && !record.aliasTarget) break;
  }
  return hops.length > 0 ? { final: name, hops, vpcIds: seenFrom ?? [] } : undefined;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

export function isIpv4(host: string): boolean {
  return IPV4.test(host);
}

/** A host a variable names that no RDS endpoint of the snapshot is: to be looked up in the zones or the interfaces. */
export interface NamedHost {
  host: string;
  port: number;
  engine: string;
}

/**
 * The hosts worth a look-up: not an RDS endpoint already known, not an AWS service name (those are answered by
 * AWS's own DNS, never by a private zone of this account), and for names, dotted (a single label is a search
 * domain's business).
 */
export function hostsToLookUp(
  known: (host: string) => boolean,
  named: readonly { url: { host: string; port: number; engine: string } }[],
): NamedHost[] {
  const out = new Map<string, NamedHost>();
  for (const v of named) {
    const host = normalizeName(v.url.host);
    if (known(host) || out.has(host)) continue;
    if (!isIpv4(host) && (!host.includes('.') || host.endsWith('.amazonaws.com'))) continue;
    out.set(host, { host, port: v.url.port, engine: v.url.engine });
  }
  return [...out.values()];
}
