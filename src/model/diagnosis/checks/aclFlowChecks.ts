// Turns the blocked legs of a set of flows (topology/aclFlows.ts evaluates them) into findings: one per ACL
// and direction, with the deny entry ('acl-...#90') or the implicit deny ('acl-...#*') as evidence.
import { DOC_LINKS, Finding, FindingPath, LocalizedText } from '../diagnosis';
import type { FindingId } from '../findingIds';
import { finding } from '../findingBuilder';
import { type AclFlow as TopologyAclFlow, aclFlowBlocks } from '../../topology/aclFlows';
import { Topology } from '../../topology/topology';

export type AclFlow = TopologyAclFlow<FindingId>;

export type AclMessage = (aclId: string, flow: AclFlow) => LocalizedText;

export function checkAclFlows(
  topology: Topology,
  flows: readonly AclFlow[],
  path: FindingPath,
  messages: Record<string, AclMessage>,
): Finding[] {
  return aclFlowBlocks(topology, flows).map(({ flow, aclId, entries }) => {
    const text = messages[flow.kind](aclId, flow);
    return finding(
      flow.kind,
      'error',
      path,
      text,
      entries.map((e) => ({ kind: 'network-acl-entry' as const, id: e.id, detail: e.detail })),
      { kind: 'link', url: DOC_LINKS.networkAcls },
    );
  });
}
