// What the plan says about resources that are not ours (docs/design.md, 'Resources that are not ours'): the group of the wanted name it did not
// use, the DB group's other users, and resources an IaC tool owns that a step would otherwise have changed.
import type { ReplacedGroup } from './appRunnerGroupChoice';
import type { PlanWarning } from './planSteps';
import { iacOwner, otherUsers, ownerText, usersText } from './resourceOwnership';
import type { SecurityGroup, Subnet, Topology, VpcConnector } from '../topology/topology';
import { reachesInternet } from './subnetChoice';
import { msg } from '../l10n/text';

export function replacedGroupWarning(replaced: ReplacedGroup, dedicatedName: string): PlanWarning {
  return {
    code: 'apprunner-group-replaced',
    evidence: [replaced.id],
    message: msg(
      "{0} The plan leaves it unchanged and uses a dedicated group {1} with a new connector (a connector's groups cannot be changed).",
      replaced.why,
      dedicatedName,
    ),
  };
}

/** The DB group serves other interfaces too: the App Runner group's access reaches them on the DB port. */
export function dbGroupSharedWarning(snapshot: Topology, dbGroup: SecurityGroup, port: number): PlanWarning[] {
  // RDS's own interfaces (instances, clusters, proxies) are the DB itself.
  const others = otherUsers(snapshot, dbGroup.id).filter((n) => !/^RDSNetworkInterface/i.test(n.description));
  if (others.length === 0 && dbGroup.name !== 'default') return [];
  return [
    {
      code: 'db-group-shared',
      evidence: [dbGroup.id, ...others.map((n) => n.id)],
      message:
        dbGroup.name === 'default'
          ? msg(
              "The DB's group {0} ({1}) is the VPC's default group: the inbound rule on port {2} lets the App Runner group reach them on that port too. Consider a group of the DB's own.",
              dbGroup.name,
              dbGroup.id,
              port,
            )
          : msg(
              "The DB's group {0} ({1}) is also used by {2} other network interface(s) ({3}): the inbound rule on port {4} lets the App Runner group reach them on that port too. Consider a group of the DB's own.",
              dbGroup.name,
              dbGroup.id,
              others.length,
              usersText(others),
              port,
            ),
    },
  ];
}

/** The ingress the setup needs on an IaC-owned DB group: not added here; the stack must add it. */
export function iacIngressWarning(dbGroup: SecurityGroup, port: number, appGroupText: string): PlanWarning | undefined {
  const owner = iacOwner(dbGroup.tags);
  if (!owner) return undefined;
  return {
    code: 'iac-owned-resource',
    evidence: [dbGroup.id],
    message: msg(
      '{0} ({1}) is managed by {2}, so the plan does not add its inbound rule (it would be drift). Add an ingress rule there: TCP {3} from {4}, deploy, then run the setup again; until then the database check fails.',
      dbGroup.name,
      dbGroup.id,
      ownerText(owner),
      port,
      appGroupText,
    ),
  };
}

/** Why a connector the plan would delete is kept instead: an IaC tool owns it. */
export function iacConnectorOwner(connector: VpcConnector): string | undefined {
  const owner = iacOwner(connector.tags);
  return owner ? ownerText(owner) : undefined;
}

/** The chosen subnets cannot reach the internet: what the service loses and the two ways out. */
export function noInternetEgressWarning(subnets: readonly Subnet[]): PlanWarning[] {
  const without = subnets.filter((s) => s.defaultRoute !== undefined && !reachesInternet(s));
  if (without.length === 0) return [];
  const list = without
    .map((s) => `${s.id} (${s.defaultRoute === 'none' ? 'no default route' : `0.0.0.0/0 -> ${s.defaultRoute}`})`)
    .join(', ');
  return [
    {
      code: 'no-internet-egress',
      evidence: without.map((s) => s.id),
      message: msg(
        'The connector subnets {0} have no route to the internet through a NAT gateway: once attached, the service reaches the database but loses all other outbound traffic (third-party APIs, AWS APIs without VPC endpoints, package downloads); health checks still pass. Two ways out: a NAT gateway in a public subnet with 0.0.0.0/0 routed to it from these subnets, or VPC endpoints for the AWS services the service calls.',
        list,
      ),
    },
  ];
}
