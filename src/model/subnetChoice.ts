// Which subnets a connector should use when the user has not chosen: the runbook says private subnets in
// different AZs, preferably those of the DB's subnet group; an existing connector's valid choice is kept so a
// re-run does not plan a needless new connector.
import type { Localized } from './awsError';
import type { DbInstance, Subnet, Topology } from './topology';
import { validateSubnets } from './validators';

export interface SubnetChoice {
  subnetIds: string[];
  notes: Localized[];
}

function usable(snapshot: Topology, subnet: Subnet, vpcId: string): boolean {
  return subnet.vpcId === vpcId && subnet.isPrivate
    && !(subnet.availabilityZoneId !== undefined && snapshot.unsupportedAzIds.includes(subnet.availabilityZoneId));
}

/** One subnet per AZ, the DB's own AZ first (runbook 7: prefer subnets in the DB's AZ), then by AZ name. */
function onePerAz(subnets: Subnet[], dbAz: string | undefined): Subnet[] {
  const byAz = new Map<string, Subnet>();
  for (const s of [...subnets].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!byAz.has(s.availabilityZone)) byAz.set(s.availabilityZone, s);
  }
  return [...byAz.values()].sort((a, b) =>
    Number(b.availabilityZone === dbAz) - Number(a.availabilityZone === dbAz) || a.availabilityZone.localeCompare(b.availabilityZone));
}

export function chooseSubnets(snapshot: Topology, db: DbInstance, connectorName: string): SubnetChoice {
  const vpcId = db.vpcId ?? '';
  const existing = snapshot.connectors.find((c) => c.name === connectorName && c.status === 'ACTIVE');
  if (existing && validateSubnets(snapshot, existing.subnetIds, vpcId).length === 0) {
    return { subnetIds: [...existing.subnetIds], notes: [{
      en: `Using the subnets of the existing connector "${connectorName}".`,
      ja: `既存の VPC コネクタ「${connectorName}」のサブネットを使用します。`,
    }] };
  }
  const inGroup = snapshot.subnets.filter((s) => db.subnetIds.includes(s.id) && usable(snapshot, s, vpcId));
  const fromGroup = onePerAz(inGroup, db.availabilityZone);
  if (fromGroup.length >= 2) {
    return { subnetIds: fromGroup.map((s) => s.id), notes: [{
      en: `Using the private subnets of the DB subnet group${db.subnetGroupName ? ` "${db.subnetGroupName}"` : ''}, one per Availability Zone.`,
      ja: `DB サブネットグループ${db.subnetGroupName ? `「${db.subnetGroupName}」` : ''}のプライベートサブネットを AZ ごとに 1 つ使用します。`,
    }] };
  }
  const anyPrivate = onePerAz(snapshot.subnets.filter((s) => usable(snapshot, s, vpcId)), db.availabilityZone);
  return { subnetIds: anyPrivate.map((s) => s.id), notes: [{
    en: `Using private subnets of ${vpcId}, one per Availability Zone.`,
    ja: `${vpcId} のプライベートサブネットを AZ ごとに 1 つ使用します。`,
  }] };
}
