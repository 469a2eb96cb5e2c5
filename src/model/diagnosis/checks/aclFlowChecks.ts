// Checks a set of flows against the network ACLs of the subnets they cross, and turns every blocked leg into
// evidence: the deny entry ('acl-...#90') or the implicit deny ('acl-...#*'). Legs blocked by the same ACL in
// the same direction become one finding, so a two-subnet connector does not report one problem twice.
import { DOC_LINKS, Evidence, Finding, FindingPath, LocalizedText } from '../diagnosis';
import type { FindingId } from '../findingIds';
import { finding } from '../findingBuilder';
import { aclForSubnet, describeEntry, entryLabel, evaluateNetworkAcl } from '../../topology/networkAcl';
import { Subnet, Topology } from '../../topology/topology';
import { describePorts, PortRange, Protocol } from '../../topology/trafficSpace';

export interface AclFlow {
  /** The subnet whose ACL is evaluated. */
  subnet: Subnet;
  egress: boolean;
  protocol: Protocol;
  ports: PortRange;
  peerCidrs: string[];
  /** Finding id to report when this leg is blocked. */
  findingId: FindingId;
}

export type AclMessage = (aclId: string, flow: AclFlow) => LocalizedText;

export function checkAclFlows(
  topology: Topology,
  flows: readonly AclFlow[],
  path: FindingPath,
  messages: Record<string, AclMessage>,
): Finding[] {
  const grouped = new Map<string, { flow: AclFlow; aclId: string; evidence: Evidence[] }>();
  for (const flow of flows) {
    const acl = aclForSubnet(topology.networkAcls, flow.subnet.id, flow.subnet.vpcId, flow.subnet.networkAclId);
    if (!acl) continue; // An unknown ACL is not evidence of a block.
    const verdict = evaluateNetworkAcl(acl, flow);
    if (verdict.allowed) continue;
    const key = `${flow.findingId}|${acl.id}|${flow.egress}`;
    const entry = grouped.get(key) ?? { flow, aclId: acl.id, evidence: [] };
    const what = `${flow.egress ? 'outbound to' : 'inbound from'} ${flow.peerCidrs.join(', ')} ${flow.protocol} ${describePorts(flow.ports)} (subnet ${flow.subnet.id})`;
    const detail = verdict.deniedBy
      ? `${describeEntry(verdict.deniedBy)} denies ${what}`
      : `no entry allows ${what}: implicit deny`;
    const id = entryLabel(acl.id, verdict.deniedBy);
    if (!entry.evidence.some((e) => e.id === id && e.detail === detail)) {
      entry.evidence.push({ kind: 'network-acl-entry', id, detail });
    }
    grouped.set(key, entry);
  }
  return [...grouped.values()].map(({ flow, aclId, evidence }) => {
    const text = messages[flow.findingId](aclId, flow);
    return finding(flow.findingId, 'error', path, text, evidence, {
      kind: 'link',
      url: DOC_LINKS.networkAcls,
    });
  });
}
