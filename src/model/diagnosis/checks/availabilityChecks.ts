// Runbook 4.1 and 8.1: connector subnets in two or more AZs, one of them the DB's AZ (7: "prefer subnets in
// the RDS AZ"), and none in an AZ where App Runner VPC egress is not offered.
import { DOC_LINKS, Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';

export function checkAvailability(ctx: AnalysisContext): Finding[] {
  const { connector, connectorSubnets: subnets } = ctx;
  if (!connector || subnets.length === 0) return [];
  const out: Finding[] = [];
  const link = { kind: 'link' as const, url: DOC_LINKS.appRunnerVpc };
  const azs = [...new Set(subnets.map((s) => s.availabilityZone))].sort();
  const subnetEvidence = subnets.map((s) => ({
    kind: 'subnet' as const,
    id: s.id,
    detail: `${s.availabilityZone}${s.availabilityZoneId ? ` (${s.availabilityZoneId})` : ''}`,
  }));
  if (azs.length < 2) {
    out.push(
      finding(
        'single-az',
        'warning',
        'availability',
        `The connector ${connector.name} uses subnets in only one availability zone (${azs.join(', ')}), so an AZ outage cuts the service off.`,
        `コネクタ ${connector.name} のサブネットが 1 つのアベイラビリティゾーン（${azs.join(', ')}）にしかないため、AZ 障害でサービスが切断されます。`,
        subnetEvidence,
        link,
      ),
    );
  }
  const dbAz = ctx.db?.availabilityZone;
  if (dbAz && !azs.includes(dbAz)) {
    out.push(
      finding(
        'no-shared-az-with-db',
        'info',
        'availability',
        `None of the connector's subnets is in the database's availability zone ${dbAz}, so every query crosses AZs (more latency and transfer cost).`,
        `コネクタのサブネットがデータベースのアベイラビリティゾーン ${dbAz} に 1 つもないため、すべてのクエリが AZ をまたぎます（遅延と転送料金が増えます）。`,
        [...subnetEvidence, { kind: 'db-instance', id: ctx.db?.id ?? '', detail: `availabilityZone=${dbAz}` }],
        link,
      ),
    );
  }
  const unsupported = subnets.filter(
    (s) => s.availabilityZoneId && ctx.topology.unsupportedAzIds.includes(s.availabilityZoneId),
  );
  if (unsupported.length > 0) {
    out.push(
      finding(
        'unsupported-az',
        'error',
        'availability',
        `Some connector subnets are in availability zones where App Runner does not offer VPC egress (${unsupported.map((s) => s.availabilityZoneId).join(', ')}).`,
        `コネクタの一部のサブネットが、App Runner が VPC 送信を提供していないアベイラビリティゾーン（${unsupported.map((s) => s.availabilityZoneId).join(', ')}）にあります。`,
        unsupported.map((s) => ({
          kind: 'availability-zone' as const,
          id: s.availabilityZoneId ?? s.availabilityZone,
          detail: `${s.id} in ${s.availabilityZone}`,
        })),
        link,
      ),
    );
  }
  return out;
}
