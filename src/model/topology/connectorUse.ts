// Who else uses a connector. A full snapshot answers from its services once every service's details are
// loaded; a snapshot scoped to one service (docs/performance.md, "Read set per command") knows no other
// service, so it answers only for the connectors whose users were asked for explicitly (one DescribeService
// per service, stopped at the first user found) and says "not known" for the rest.
import type { ScopedAnswer, Topology } from './topology';

export type ConnectorUse =
  | { known: true; users: string[] }
  /** Not asked yet (scoped snapshot) or not every service's details are loaded (full snapshot). */
  | { known: false };

export function isScoped(snapshot: Topology): boolean {
  return snapshot.scope !== undefined;
}

/** The services other than `exceptServiceArn` that use the connector, when the snapshot can tell. */
export function otherUsersOf(snapshot: Topology, connectorArn: string, exceptServiceArn?: string): ConnectorUse {
  if (snapshot.scope) {
    const answer: ScopedAnswer | undefined = snapshot.scope.connectorUsers[connectorArn];
    if (!answer) return { known: false };
    const own = snapshot.services.filter((s) => s.arn !== exceptServiceArn && s.vpcConnectorArn === connectorArn);
    const users = [
      ...new Set([
        ...own.map((s) => s.name),
        ...answer.users.filter((u) => u.arn !== exceptServiceArn).map((u) => u.name),
      ]),
    ];
    return { known: true, users };
  }
  if (snapshot.services.some((s) => !s.detailsLoaded)) return { known: false };
  return {
    known: true,
    users: snapshot.services
      .filter((s) => s.arn !== exceptServiceArn && s.vpcConnectorArn === connectorArn)
      .map((s) => s.name),
  };
}

/** The snapshot with the answer to "who uses this connector" recorded (a scoped snapshot; a full one is returned as is). */
export function withConnectorUsers(snapshot: Topology, connectorArn: string, answer: ScopedAnswer): Topology {
  if (!snapshot.scope) return snapshot;
  return {
    ...snapshot,
    scope: { ...snapshot.scope, connectorUsers: { ...snapshot.scope.connectorUsers, [connectorArn]: answer } },
  };
}
