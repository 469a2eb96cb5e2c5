// What the fake application's resolver answers for its database host, as the VPC resolver (Route 53 Resolver)
// would: a Route 53 private hosted zone answers only queries from a VPC associated with it (Route 53 Developer
// Guide, "Working with private hosted zones"), so a service on DEFAULT egress (App Runner's own network) gets no
// answer for such a name, and one behind a connector gets it only when the connector's VPC is associated.
// CNAME and alias records are followed, zone to zone; an A record gives the address (a database on EC2).
// RDS endpoint names and addresses are answered as they are (public DNS answers RDS names everywhere). A
// private zone also needs the VPC's enableDnsHostnames and enableDnsSupport on (same guide, "Considerations
// when working with a private hosted zone").
import {
  GetHostedZoneCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  type HostedZone,
} from '@aws-sdk/client-route-53';
import { DescribeVpcAttributeCommand } from '@aws-sdk/client-ec2';
import type { MotoClients } from '../motoClients';

const MAX_HOPS = 8;

export type Resolution = { host: string } | { unresolved: string };

const bare = (name: string): string => name.toLowerCase().replace(/\.$/, '');

async function privateZones(clients: MotoClients): Promise<HostedZone[]> {
  const out = await clients.route53.send(new ListHostedZonesCommand({}));
  return (out.HostedZones ?? []).filter((z) => z.Config?.PrivateZone === true);
}

function zoneOf(zones: HostedZone[], name: string): HostedZone | undefined {
  return zones
    .filter((z) => name === bare(z.Name ?? '') || name.endsWith(`.${bare(z.Name ?? '')}`))
    .sort((a, b) => (b.Name ?? '').length - (a.Name ?? '').length)[0];
}

async function associatedVpcs(clients: MotoClients, zone: HostedZone): Promise<string[]> {
  const out = await clients.route53.send(new GetHostedZoneCommand({ Id: zone.Id }));
  return (out.VPCs ?? []).map((v) => v.VPCId ?? '');
}

/** The next name or address `name` points to in `zone`, or undefined when the zone has no record of it. */
async function nextHop(clients: MotoClients, zone: HostedZone, name: string): Promise<string | undefined> {
  const out = await clients.route53.send(
    new ListResourceRecordSetsCommand({ HostedZoneId: zone.Id, StartRecordName: name, MaxItems: 10 }),
  );
  const record = (out.ResourceRecordSets ?? []).find(
    (r) => bare(r.Name ?? '') === name && ['CNAME', 'A'].includes(r.Type ?? ''),
  );
  const value = record?.AliasTarget?.DNSName ?? record?.ResourceRecords?.[0]?.Value;
  return value ? bare(value) : undefined;
}

/**
 * The host the application connects to: `host` itself unless a private zone holds it, else where its records
 * lead, seen from `resolverVpcId` (the connector's VPC; undefined on DEFAULT egress).
 */
export async function resolveHost(
  clients: MotoClients,
  host: string,
  resolverVpcId: string | undefined,
): Promise<Resolution> {
  let name = bare(host);
  const zones = await privateZones(clients);
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const zone = zoneOf(zones, name);
    if (!zone) return { host: name };
    if (!resolverVpcId || !(await associatedVpcs(clients, zone)).includes(resolverVpcId))
      return {
        unresolved: `${name} is a name of the private hosted zone ${bare(zone.Name ?? '')}, which answers only inside a VPC associated with it${resolverVpcId ? ` (not ${resolverVpcId})` : ' (egress is DEFAULT)'}`,
      };
    const hostnames = await clients.ec2.send(
      new DescribeVpcAttributeCommand({ VpcId: resolverVpcId, Attribute: 'enableDnsHostnames' }),
    );
    if (hostnames.EnableDnsHostnames?.Value !== true)
      return {
        unresolved: `${name} is a name of the private hosted zone ${bare(zone.Name ?? '')}, and DNS hostnames are off in ${resolverVpcId}: the zone does not answer there`,
      };
    const next = await nextHop(clients, zone, name);
    if (!next)
      return { unresolved: `the private hosted zone ${bare(zone.Name ?? '')} has no record ${name} (NXDOMAIN)` };
    name = next;
  }
  return { unresolved: `${host}: too many CNAME hops` };
}
