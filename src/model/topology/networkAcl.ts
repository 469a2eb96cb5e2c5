// Network ACL evaluation as AWS does it: entries of one direction in ascending rule number, the first entry
// that matches a packet decides, and what no entry matches hits the implicit deny ('*', rule 32767).
// A query is a whole flow (a peer range and a port range), so it is allowed only when allow entries cover
// all of it before any deny entry touches any of it.
import { parseCidr } from './cidr';
import { NetworkAcl, NetworkAclEntry } from './topology';
import {
  Box,
  boxesFor,
  boxOverlaps,
  describePorts,
  PortRange,
  Protocol,
  protocolKey,
  protocolMatches,
  rulePorts,
  subtractFromBox,
} from './trafficSpace';

export interface AclQuery {
  /** Outbound from the subnet (true) or inbound to it (false). */
  egress: boolean;
  protocol: Protocol;
  /** Destination ports for outbound, destination ports of the inbound packets for inbound. */
  ports: PortRange;
  /** The remote side: IPv4 or IPv6 CIDRs (or single addresses). An empty list is trivially allowed. */
  peerCidrs: readonly string[];
}

export interface AclVerdict {
  allowed: boolean;
  /** The deny entry that drops part of the flow, if an explicit one does. */
  deniedBy?: NetworkAclEntry;
  /** Nothing matched part of the flow: the implicit deny applies. */
  implicitDeny: boolean;
  /** The allow entries that let the flow through (when allowed, or before the deny). */
  allowedBy: NetworkAclEntry[];
}

/** Rule number AWS uses for the catch-all deny it lists as '*'. */
export const DEFAULT_RULE_NUMBER = 32767;

export function entryLabel(aclId: string, entry: NetworkAclEntry | undefined): string {
  if (!entry || entry.ruleNumber >= DEFAULT_RULE_NUMBER) return `${aclId}#*`;
  return `${aclId}#${entry.ruleNumber}`;
}

export function describeEntry(entry: NetworkAclEntry): string {
  const dir = entry.egress ? 'outbound' : 'inbound';
  const ports = describePorts(rulePorts(entry.protocol, entry.portFrom, entry.portTo));
  return `${dir} ${entry.action} ${protocolKey(entry.protocol)} ${ports} ${entry.cidrBlock ?? entry.ipv6CidrBlock ?? '?'}`;
}

export function evaluateNetworkAclEntries(entries: readonly NetworkAclEntry[], query: AclQuery): AclVerdict {
  const ordered = entries.filter((e) => e.egress === query.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  let remaining: Box[] = boxesFor(query.peerCidrs, query.ports);
  const allowedBy: NetworkAclEntry[] = [];
  for (const entry of ordered) {
    if (remaining.length === 0) break;
    if (!protocolMatches(entry.protocol, query.protocol)) continue;
    // An IPv4 entry never matches IPv6 traffic and the other way round: the family check is in the overlap.
    const cidr = parseCidr(entry.cidrBlock ?? entry.ipv6CidrBlock);
    if (!cidr) continue;
    const ports = rulePorts(entry.protocol, entry.portFrom, entry.portTo);
    if (!remaining.some((box) => boxOverlaps(box, cidr, ports))) continue;
    if (entry.action === 'deny') return { allowed: false, deniedBy: entry, implicitDeny: false, allowedBy };
    allowedBy.push(entry);
    remaining = remaining.flatMap((box) => subtractFromBox(box, cidr, ports));
  }
  if (remaining.length === 0) return { allowed: true, implicitDeny: false, allowedBy };
  return { allowed: false, implicitDeny: true, allowedBy };
}

export function evaluateNetworkAcl(acl: NetworkAcl, query: AclQuery): AclVerdict {
  return evaluateNetworkAclEntries(acl.entries, query);
}

/** The ACL that governs a subnet: its explicit association, else the VPC's default ACL. */
export function aclForSubnet(
  acls: readonly NetworkAcl[],
  subnetId: string,
  vpcId: string,
  aclId?: string,
): NetworkAcl | undefined {
  return (
    (aclId ? acls.find((a) => a.id === aclId) : undefined) ??
    acls.find((a) => a.subnetIds.includes(subnetId)) ??
    acls.find((a) => a.vpcId === vpcId && a.isDefault)
  );
}
