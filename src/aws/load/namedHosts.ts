// The hosts a service's variables name that are no RDS endpoint: a Route 53 private hosted zone's name (the
// zones associated with the loaded VPCs, ListHostedZonesByVPC; the records on the way, ListResourceRecordSets
// from the name), and a private IPv4 address (the EC2 network interface that holds it, DescribeNetworkInterfaces
// by address: a database on EC2). Read only when such a host is named; a policy without these actions leaves
// the host unresolved (the plan then lists the candidates) instead of failing the snapshot.
import { paginateDescribeNetworkInterfaces, type EC2Client } from '@aws-sdk/client-ec2';
import {
  ListHostedZonesByVPCCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { isIpv4, type NamedHost, normalizeName, resolvePrivateName, zoneFor } from '../../model/topology/privateNames';
import type { HostedDatabase, PrivateHostedZone, Topology, ZoneRecord } from '../../model/topology/topology';
import { collectPages, mapBounded, unique } from './pool';
import { loadNetwork } from './network';

/** Route 53 answers these many records per ListResourceRecordSets page at most; one name needs few. */
const RECORDS_PER_NAME = 10;
const MAX_ROUNDS = 8;

export interface NamedHostClients {
  ec2: EC2Client;
  route53?: Route53Client;
  target: { region: string };
}

/** The private zones associated with each VPC, merged by zone id (a zone in two VPCs lists both). */
async function zonesOfVpcs(client: Route53Client, region: string, vpcIds: string[]): Promise<PrivateHostedZone[]> {
  const byId = new Map<string, PrivateHostedZone>();
  await mapBounded(vpcIds, 3, async (vpcId) => {
    let token: string | undefined;
    do {
      const out = await client.send(
        new ListHostedZonesByVPCCommand({ VPCId: vpcId, VPCRegion: region as never, NextToken: token }),
      );
      for (const z of out.HostedZoneSummaries ?? []) {
        const id = (z.HostedZoneId ?? '').replace(/^\/hostedzone\//, '');
        const zone = byId.get(id) ?? { id, name: normalizeName(z.Name ?? ''), vpcIds: [], records: [] };
        if (!zone.vpcIds.includes(vpcId)) zone.vpcIds.push(vpcId);
        byId.set(id, zone);
      }
      token = out.NextToken;
    } while (token);
  });
  return [...byId.values()];
}

function recordFrom(r: ResourceRecordSet): ZoneRecord {
  return {
    name: normalizeName(r.Name ?? ''),
    type: r.Type ?? '',
    values: (r.ResourceRecords ?? []).flatMap((v) => (v.Value ? [normalizeName(v.Value)] : [])),
    ...(r.AliasTarget?.DNSName ? { aliasTarget: normalizeName(r.AliasTarget.DNSName) } : {}),
  };
}

/** The records of `name` in its zone (the page from that name on, kept only where the name matches). */
async function recordsOf(client: Route53Client, zone: PrivateHostedZone, name: string): Promise<ZoneRecord[]> {
  const out = await client.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zone.id,
      StartRecordName: name,
      MaxItems: RECORDS_PER_NAME,
    }),
  );
  return (out.ResourceRecordSets ?? []).map(recordFrom).filter((r) => r.name === name);
}

/** Follows the names through the zones, one round of record reads per hop, until every chain ends. */
async function zonesWithRecords(
  client: Route53Client,
  zones: PrivateHostedZone[],
  names: string[],
): Promise<PrivateHostedZone[]> {
  const asked = new Set<string>();
  let pending = names;
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const next: string[] = [];
    await mapBounded(pending, 3, async (name) => {
      asked.add(name);
      const zone = zoneFor(zones, name);
      if (!zone) return;
      const records = await recordsOf(client, zone, name);
      zone.records.push(...records.filter((r) => !zone.records.some((k) => k.name === r.name && k.type === r.type)));
      for (const r of records) {
        const to = r.aliasTarget ?? (r.type === 'CNAME' ? r.values[0] : undefined);
        if (to && !asked.has(to) && zoneFor(zones, to)) next.push(to);
      }
    });
    pending = unique(next);
  }
  return zones;
}

async function interfacesByAddress(client: EC2Client, hosts: NamedHost[]): Promise<HostedDatabase[]> {
  if (hosts.length === 0) return [];
  const enis = await collectPages(
    paginateDescribeNetworkInterfaces(
      { client },
      { Filters: [{ Name: 'addresses.private-ip-address', Values: hosts.map((h) => h.host) }] },
    ),
    (p) => p.NetworkInterfaces,
  );
  return hosts.flatMap((h) => {
    const n = enis.find((e) => (e.PrivateIpAddresses ?? []).some((a) => a.PrivateIpAddress === h.host));
    // An interface AWS manages for a service (RDS, a load balancer) is that service's, not a database on EC2.
    if (!n || n.RequesterManaged) return [];
    return [
      {
        id: n.Attachment?.InstanceId ?? n.NetworkInterfaceId ?? '',
        interfaceId: n.NetworkInterfaceId ?? '',
        address: h.host,
        port: h.port,
        engine: h.engine,
        vpcId: n.VpcId ?? '',
        subnetId: n.SubnetId ?? '',
        ...(n.AvailabilityZone ? { availabilityZone: n.AvailabilityZone } : {}),
        securityGroupIds: (n.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
        status: n.Status ?? '',
      },
    ];
  });
}

/** A second read (hosts from secrets) adds to the zones the first one found. */
function mergeZones(known: PrivateHostedZone[], found: PrivateHostedZone[]): PrivateHostedZone[] {
  const byId = new Map<string, PrivateHostedZone>(known.map((z) => [z.id, { ...z, records: [...z.records] }]));
  for (const z of found) {
    const had = byId.get(z.id);
    if (!had) byId.set(z.id, z);
    else had.records.push(...z.records.filter((r) => !had.records.some((k) => k.name === r.name && k.type === r.type)));
  }
  return [...byId.values()];
}

async function orUndefined<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch {
    return undefined;
  }
}

/**
 * The snapshot with the private zones that answer `hosts` and the databases on EC2 they (or the addresses
 * named directly) lead to; the network of a VPC only such a database is in is loaded as well.
 */
export async function withNamedHosts(
  clients: NamedHostClients,
  snapshot: Topology,
  hosts: NamedHost[],
): Promise<Topology> {
  if (hosts.length === 0) return snapshot;
  const names = hosts.filter((h) => !isIpv4(h.host));
  const route53 = clients.route53;
  const vpcIds = snapshot.vpcs.map((v) => v.id);
  const zones =
    route53 && names.length > 0 && vpcIds.length > 0
      ? await orUndefined(
          zonesOfVpcs(route53, clients.target.region, vpcIds).then((z) =>
            zonesWithRecords(
              route53,
              z,
              names.map((n) => n.host),
            ),
          ),
        )
      : undefined;
  const withZones: Topology = zones
    ? {
        ...snapshot,
        privateZones: mergeZones(
          snapshot.privateZones ?? [],
          zones.filter((z) => z.records.length > 0),
        ),
      }
    : snapshot;
  const addresses: NamedHost[] = [
    ...hosts.filter((h) => isIpv4(h.host)),
    ...names.flatMap((n) => {
      const final = resolvePrivateName(withZones, n.host)?.final;
      return final && isIpv4(final) ? [{ ...n, host: final }] : [];
    }),
  ];
  const hosted = (await orUndefined(interfacesByAddress(clients.ec2, addresses))) ?? [];
  if (hosted.length === 0) return withZones;
  const missing = unique(hosted.map((h) => h.vpcId)).filter((v) => !vpcIds.includes(v));
  const extra = await loadNetwork(clients.ec2, missing);
  return {
    ...withZones,
    hostedDatabases: [...(withZones.hostedDatabases ?? []), ...hosted],
    vpcs: [...withZones.vpcs, ...extra.vpcs],
    subnets: [...withZones.subnets, ...extra.subnets],
    routeTables: [...withZones.routeTables, ...extra.routeTables],
    networkAcls: [...withZones.networkAcls, ...extra.networkAcls],
    securityGroups: [...withZones.securityGroups, ...extra.securityGroups],
    natGateways: [...withZones.natGateways, ...extra.natGateways],
    internetGateways: [...withZones.internetGateways, ...extra.internetGateways],
    networkInterfaces: [...withZones.networkInterfaces, ...extra.networkInterfaces],
  };
}
