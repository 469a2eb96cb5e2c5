// A snapshot of one service cannot tell who else uses a connector; where a plan reached that question (the
// warning `connector-users-unknown`, naming the connector) it is answered once, stopping at the first other
// user, and the plan is made again: it then keeps a connector another service uses and names that service
// (docs/performance.md, "Read set per command"). The editor's Set Up runs this; the CLI its own loop
// (src/cli/commands.ts) over the same findConnectorUsers.
import { findConnectorUsers } from '../aws/connectorUsers';
import type { Plan } from '../model/plan/planSteps';
import { withConnectorUsers } from '../model/topology/connectorUse';
import type { Topology } from '../model/topology/topology';

export async function planAnsweringConnectorUsers(
  client: Parameters<typeof findConnectorUsers>[0],
  snapshot: Topology,
  planOf: (snapshot: Topology) => Plan,
  exceptServiceArn?: string,
): Promise<{ plan: Plan; snapshot: Topology }> {
  let current = snapshot;
  let plan = planOf(current);
  // At most twice: the answers cannot raise a new question about the same connectors.
  for (let round = 0; round < 2 && current.scope; round++) {
    const open = plan.warnings
      .filter((w) => w.code === 'connector-users-unknown')
      .flatMap((w) => w.evidence)
      .filter((arn) => !current.scope?.connectorUsers[arn]);
    if (open.length === 0) break;
    for (const arn of open)
      current = withConnectorUsers(current, arn, await findConnectorUsers(client, arn, exceptServiceArn));
    plan = planOf(current);
  }
  return { plan, snapshot: current };
}
