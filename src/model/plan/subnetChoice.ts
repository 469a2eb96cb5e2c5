// Which subnets a connector should use when the user has not chosen: the runbook says private subnets in
// different AZs, preferably those of the DB's subnet group. Among them, subnets whose 0.0.0.0/0 reaches the
// internet (a NAT gateway, transit gateway or appliance) come first: CDK's and Terraform's usual layouts put
// the DB in isolated subnets, and a connector there would cut the service off from every internet API. An
// existing connector's valid choice is kept so a re-run does not plan a needless new connector.
import type { Localized } from '../common/awsError';
import { isRevisionOf } from './connectorChoice';
import { EGRESS_ROUTE_KINDS } from '../topology/routeTables';
import type { DbInstance, Subnet, Topology } from '../topology/topology';
import { validateSubnets } from './validators';
import { msg } from '../l10n/text';

export interface SubnetChoice {
  subnetIds: string[];
  notes: Localized[];
}

function usable(snapshot: Topology, subnet: Subnet, vpcId: string): boolean {
  return (
    subnet.vpcId === vpcId &&
    subnet.isPrivate &&
    subnet.ipv6Native !== true &&
    !(subnet.availabilityZoneId !== undefined && snapshot.unsupportedAzIds.includes(subnet.availabilityZoneId))
  );
}

/** A default route that can carry the connector's traffic to the internet (undefined = not known: not preferred). */
export function reachesInternet(subnet: Subnet): boolean {
  return subnet.defaultRoute !== undefined && EGRESS_ROUTE_KINDS.includes(subnet.defaultRoute);
}

/** One subnet per AZ, the DB's own AZ first (runbook 7: prefer subnets in the DB's AZ), then by AZ name. */
function onePerAz(subnets: Subnet[], dbAz: string | undefined): Subnet[] {
  const byAz = new Map<string, Subnet>();
  for (const s of [...subnets].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!byAz.has(s.availabilityZone)) byAz.set(s.availabilityZone, s);
  }
  return [...byAz.values()].sort(
    (a, b) =>
      Number(b.availabilityZone === dbAz) - Number(a.availabilityZone === dbAz) ||
      a.availabilityZone.localeCompare(b.availabilityZone),
  );
}

function groupNote(db: DbInstance, withEgress: boolean): Localized {
  const name = db.subnetGroupName;
  if (withEgress)
    return name
      ? msg(
          'Using the private subnets of the DB subnet group "{0}" that route to the internet (NAT), one per Availability Zone.',
          name,
        )
      : msg(
          'Using the private subnets of the DB subnet group that route to the internet (NAT), one per Availability Zone.',
        );
  return name
    ? msg('Using the private subnets of the DB subnet group "{0}", one per Availability Zone.', name)
    : msg('Using the private subnets of the DB subnet group, one per Availability Zone.');
}

export function chooseSubnets(snapshot: Topology, db: DbInstance, connectorName: string): SubnetChoice {
  const vpcId = db.vpcId ?? '';
  // The connector of that name, else a revision of it a service uses (left by an earlier move to `<name>-2`).
  const used = new Set(snapshot.services.map((s) => s.vpcConnectorArn));
  const existing =
    snapshot.connectors.find((c) => c.name === connectorName && c.status === 'ACTIVE') ??
    snapshot.connectors.find((c) => c.status === 'ACTIVE' && used.has(c.arn) && isRevisionOf(c.name, connectorName));
  if (existing && validateSubnets(snapshot, existing.subnetIds, vpcId).length === 0) {
    return {
      subnetIds: [...existing.subnetIds],
      notes: [msg('Using the subnets of the existing connector "{0}".', existing.name)],
    };
  }
  const inVpc = snapshot.subnets.filter((s) => usable(snapshot, s, vpcId));
  const inGroup = inVpc.filter((s) => db.subnetIds.includes(s.id));
  const groupWithEgress = onePerAz(inGroup.filter(reachesInternet), db.availabilityZone);
  if (groupWithEgress.length >= 2) return { subnetIds: groupWithEgress.map((s) => s.id), notes: [groupNote(db, true)] };
  const vpcWithEgress = onePerAz(inVpc.filter(reachesInternet), db.availabilityZone);
  if (vpcWithEgress.length >= 2) {
    return {
      subnetIds: vpcWithEgress.map((s) => s.id),
      notes: [
        msg(
          "Using private subnets of {0} that route to the internet (NAT), one per Availability Zone: the DB subnet group's subnets have no such route.",
          vpcId,
        ),
      ],
    };
  }
  // No two subnets with internet egress: the database path still works (the plan warns no-internet-egress).
  const fromGroup = onePerAz(inGroup, db.availabilityZone);
  if (fromGroup.length >= 2) return { subnetIds: fromGroup.map((s) => s.id), notes: [groupNote(db, false)] };
  const anyPrivate = onePerAz(inVpc, db.availabilityZone);
  return {
    subnetIds: anyPrivate.map((s) => s.id),
    notes: [msg('Using private subnets of {0}, one per Availability Zone.', vpcId)],
  };
}
