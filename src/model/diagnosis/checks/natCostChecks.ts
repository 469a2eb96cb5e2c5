// Diagnose's NAT finding (runbook 8.1 and 8.3): connector subnets that route 0.0.0.0/0 to a
// NAT gateway in another AZ pay cross-AZ transfer on every internet byte and lose the internet when that AZ
// fails. Information, not an error: it works, and one shared NAT is a deliberate saving in many VPCs.
import { DOC_LINKS, type Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import type { AnalysisContext } from '../reachabilityContext';
import { natCost } from '../../topology/natCost';
import { usd } from '../../topology/natPrices';
import { msg } from '../../l10n/text';

export const NAT_CROSS_AZ = 'nat-cross-az';

export function checkNatCrossAz(ctx: AnalysisContext): Finding[] {
  const cost = natCost(ctx.topology, ctx.connectorSubnets);
  const crossing = cost.nats.filter((n) => n.otherAzSubnets.length > 0);
  if (crossing.length === 0) return [];
  const evidence = crossing.flatMap((n) => [
    { kind: 'nat-gateway' as const, id: n.nat.id, detail: `${n.nat.id} in ${n.availabilityZone ?? '?'}` },
    ...n.otherAzSubnets.map((s) => ({
      kind: 'subnet' as const,
      id: s.id,
      detail: `${s.id} (${s.availabilityZone}) -> ${n.nat.id}`,
    })),
  ]);
  const azs = [...new Set(crossing.flatMap((n) => n.otherAzSubnets.map((s) => s.availabilityZone)))].sort().join(', ');
  const natAzs = [...new Set(crossing.map((n) => n.availabilityZone ?? '?'))].join(', ');
  const perGb = usd(cost.table.crossAzPerGb, 3);
  const extra = cost.prices ? usd(cost.prices.natHourly * cost.table.hoursPerMonth) : undefined;
  return [
    finding(
      NAT_CROSS_AZ,
      'info',
      'cost',
      extra
        ? msg(
            "Connector subnets in {0} send their internet traffic to a NAT gateway in {1}: every byte pays cross-AZ transfer ({2}/GB each way) and an outage of {1} cuts their internet (runbook 8.1, high availability). A NAT gateway in each AZ ({3}/month each) with each private route table pointing at its own AZ's NAT avoids both.",
            azs,
            natAzs,
            perGb,
            extra,
          )
        : msg(
            "Connector subnets in {0} send their internet traffic to a NAT gateway in {1}: every byte pays cross-AZ transfer ({2}/GB each way) and an outage of {1} cuts their internet (runbook 8.1, high availability). A NAT gateway in each AZ with each private route table pointing at its own AZ's NAT avoids both.",
            azs,
            natAzs,
            perGb,
          ),
      evidence,
      { kind: 'link', url: DOC_LINKS.natGateways },
    ),
  ];
}
