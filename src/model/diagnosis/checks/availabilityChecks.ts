// Runbook 4.1 and 8.1: connector subnets in two or more AZs, one of them the DB's AZ (7: "prefer subnets in
// the RDS AZ"), and none in an AZ where App Runner VPC egress is not offered.
import { DOC_LINKS, Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';
import { msg } from '../../l10n/text';

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
        msg(
          'The connector {0} uses subnets in only one availability zone ({1}), so an AZ outage cuts the service off.',
          connector.name,
          azs.join(', '),
        ),
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
        msg(
          "None of the connector's subnets is in the database's availability zone {0}, so every query crosses AZs (more latency and transfer cost).",
          dbAz,
        ),
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
        msg(
          'Some connector subnets are in availability zones where App Runner does not offer VPC egress ({0}).',
          unsupported.map((s) => s.availabilityZoneId).join(', '),
        ),
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
