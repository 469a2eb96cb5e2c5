// What a command about one service reads (docs/performance.md, "Read set per command"): the one-service
// loader (src/aws/serviceTopology.ts) reads the service, its own connector, the databases and the VPCs they
// are in; what differs per command is whether it must also see the connectors of the configured name.

/**
 * When to list the region's connectors (ListVpcConnectors, 100 a page, no name filter in the API):
 * - `always`: the command chooses a connector by the configured name (plan, apply, Set Up: the name and its
 *   revisions `<name>-2`... decide reuse or create);
 * - `unattached`: only when the service has no connector (diagnose, export and the diagram then look at the
 *   one the setup would use);
 * - `never`: the service's own connector, read by ARN, is all the answer needs (history, detach, the lenses).
 */
export type ConnectorListing = 'always' | 'unattached' | 'never';

/** The editor's commands and views about one service, each with the connectors its answer needs. */
export const EDITOR_READS = {
  setUp: 'always',
  diagnose: 'unattached',
  export: 'unattached',
  changeHistory: 'never',
  serviceMetrics: 'never',
  tailLog: 'never',
  diagram: 'unattached',
  codeLens: 'never',
} as const satisfies Record<string, ConnectorListing>;

export type EditorRead = keyof typeof EDITOR_READS;

const BREADTH: Record<ConnectorListing, number> = { never: 0, unattached: 1, always: 2 };

/** A snapshot read with `had` answers a command that needs `wanted` (`always` covers `unattached` covers `never`). */
export function listingCovers(had: ConnectorListing, wanted: ConnectorListing): boolean {
  return BREADTH[had] >= BREADTH[wanted];
}
