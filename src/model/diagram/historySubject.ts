// Which resource's CloudTrail history explains a diagram element (runbook 8.2: "ingress 5432 revoked by ... 3
// hours ago" in the details pane). A box is its own resource; a line is the resource whose change breaks it:
// the DB path's ingress rule lives on the DB's group, its egress rule on the App Runner group, an attachment
// on the service, the connector's subnets and groups on the connector. Route lines have none (route tables
// are not drawn), so they ask nothing.
import type { DiagramModel } from './types';

/** The LookupEvents ResourceName (an EC2 id or an App Runner ARN) for an element, if it has one. */
export function historySubject(model: DiagramModel, id: string): string | undefined {
  const node = (nodeId: string) => model.nodes.find((n) => n.id === nodeId);
  const own = node(id);
  if (own) return own.kind === 'internet' ? undefined : own.resourceId;
  const edge = model.edges.find((e) => e.id === id);
  if (!edge) return undefined;
  switch (edge.kind) {
    case 'db-ingress':
      return node('sg-db')?.resourceId;
    case 'db-egress':
    case 'internet':
      return node('sg-app')?.resourceId;
    case 'attach':
      return node(edge.from)?.resourceId;
    case 'member':
    case 'uses-group':
      return node('connector')?.resourceId;
    default:
      return undefined;
  }
}

/** Only elements that show a problem ask CloudTrail (one lookup per selection, at most two a second). */
export function wantsHistory(model: DiagramModel, id: string): boolean {
  const el = model.nodes.find((n) => n.id === id) ?? model.edges.find((e) => e.id === id);
  return el !== undefined && (el.state === 'broken' || el.state === 'warning');
}
