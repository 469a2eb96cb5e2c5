// Diagnose's NAT finding (issue 20 item 5, runbook 8.1 and 8.3): connector subnets that route 0.0.0.0/0 to a
// NAT gateway in another AZ pay cross-AZ transfer on every internet byte and lose the internet when that AZ
// fails. Information, not an error: it works, and one shared NAT is a deliberate saving in many VPCs.
import { DOC_LINKS, type Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import type { AnalysisContext } from '../reachabilityContext';
import { natCost } from '../../topology/natCost';
import { usd } from '../../topology/natPrices';

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
      `Connector subnets in ${azs} send their internet traffic to a NAT gateway in ${natAzs}: every byte pays cross-AZ transfer (${perGb}/GB each way) and an outage of ${natAzs} cuts their internet (runbook 8.1). A NAT gateway in each AZ${extra ? ` (${extra}/month each)` : ''} with each private route table pointing at its own AZ's NAT avoids both.`,
      `${azs} のコネクタサブネットのインターネット向け通信は ${natAzs} の NAT ゲートウェイを通ります。すべての通信に AZ 間転送料（片方向 ${perGb}/GB）がかかり、${natAzs} の障害でインターネットに出られなくなります（手順書 8.1）。各 AZ に NAT ゲートウェイを置き${extra ? `（1 つ月 ${extra}）` : ''}、各プライベートルートテーブルを同じ AZ の NAT に向ければ両方を避けられます。`,
      evidence,
      { kind: 'link', url: DOC_LINKS.natGateways },
    ),
  ];
}
