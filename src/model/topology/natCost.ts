// What VPC egress costs in NAT gateways (runbook 8.3): once a service's traffic leaves through
// a VPC connector, everything it sends to the internet (and to AWS APIs without a VPC endpoint) goes through
// the NAT gateways its connector subnets route to, charged per hour and per GB. Pure: the snapshot and the
// price table in, figures and sentences out; shown in the plan (moving to VPC egress) and on the NAT node.
import type { Localized as LocalizedText } from '../common/awsError';
import { defaultIpv4Route, routeTableForSubnet } from './routeTables';
import type { AppRunnerService, NatGateway, Subnet, Topology } from './topology';
import { NAT_PRICES, regionPrices, usd, type NatPriceTable, type RegionPrices } from './natPrices';
import { joinTexts, msg } from '../l10n/text';

/** One NAT gateway the connector subnets route 0.0.0.0/0 to. */
export interface NatOnPath {
  nat: NatGateway;
  /** The NAT gateway's own AZ (from its subnet), when that subnet is loaded. */
  availabilityZone?: string;
  connectorSubnets: Subnet[];
  /** Connector subnets in another AZ than the NAT: their traffic crosses AZs and depends on that AZ. */
  otherAzSubnets: Subnet[];
}

export function natGatewaysOnPath(topology: Topology, subnets: readonly Subnet[]): NatOnPath[] {
  const byId = new Map<string, NatOnPath>();
  for (const subnet of subnets) {
    const table = routeTableForSubnet(topology, subnet.id, subnet.vpcId, subnet.routeTableId);
    const route = table ? defaultIpv4Route(table) : undefined;
    if (!route?.natGatewayId || route.state === 'blackhole') continue;
    const nat = topology.natGateways.find((n) => n.id === route.natGatewayId);
    if (!nat || nat.state === 'deleted' || nat.state === 'deleting' || nat.state === 'failed') continue;
    let entry = byId.get(nat.id);
    if (!entry) {
      const az = topology.subnets.find((s) => s.id === nat.subnetId)?.availabilityZone;
      entry = { nat, ...(az ? { availabilityZone: az } : {}), connectorSubnets: [], otherAzSubnets: [] };
      byId.set(nat.id, entry);
    }
    entry.connectorSubnets.push(subnet);
    if (entry.availabilityZone && subnet.availabilityZone !== entry.availabilityZone) entry.otherAzSubnets.push(subnet);
  }
  return [...byId.values()];
}

/** An AWS API the service's configuration says it calls, and whether its endpoint is a free gateway endpoint. */
export interface CalledApi {
  service: string;
  gateway: boolean;
  /** The variable or secret reference that names it. */
  hint: string;
}

const API_HINTS: readonly { service: string; gateway: boolean; name: RegExp }[] = [
  { service: 's3', gateway: true, name: /(^|_)(S3|BUCKET)(_|$)/i },
  { service: 'dynamodb', gateway: true, name: /DYNAMO/i },
  { service: 'sqs', gateway: false, name: /(^|_)(SQS|QUEUE_URL)(_|$)/i },
  { service: 'sns', gateway: false, name: /(^|_)(SNS|TOPIC_ARN)(_|$)/i },
];

/**
 * AWS APIs the service's configuration names: variable names (S3_BUCKET, DYNAMODB_TABLE, SQS_QUEUE_URL),
 * `*.amazonaws.com` hosts in values, and the Secrets Manager / SSM references App Runner resolves for it.
 * A hint, not proof: the application's code decides what it calls.
 */
export function awsApisCalled(service: AppRunnerService | undefined): CalledApi[] {
  const out = new Map<string, CalledApi>();
  const add = (api: CalledApi): void => void (out.has(api.service) || out.set(api.service, api));
  const env = service?.source?.environment ?? {};
  for (const [name, value] of Object.entries(env)) {
    for (const h of API_HINTS) if (h.name.test(name)) add({ service: h.service, gateway: h.gateway, hint: name });
    // <service>.<region>.amazonaws.com (an RDS endpoint is <name>.<id>.<region>.rds.amazonaws.com: no match).
    const host = /([a-z0-9-]+)\.[a-z]{2}(?:-gov)?-[a-z]+-\d\.amazonaws\.com/i.exec(value)?.[1]?.toLowerCase();
    if (host) add({ service: host, gateway: host === 's3' || host === 'dynamodb', hint: name });
  }
  for (const [name, ref] of Object.entries(service?.source?.secrets ?? {})) {
    add(
      ref.includes(':secretsmanager:')
        ? { service: 'secretsmanager', gateway: false, hint: name }
        : { service: 'ssm', gateway: false, hint: name },
    );
  }
  return [...out.values()];
}

export interface NatCost {
  region: string;
  /** Undefined for a region missing from the table: the figures are not shown, the table's regions are. */
  prices?: RegionPrices;
  nats: NatOnPath[];
  /** The AZs of the connector subnets. */
  connectorAzs: string[];
  /** All NAT gateways on the path for a month of 730 hours, USD. */
  monthlyFixed?: number;
  table: Pick<NatPriceTable, 'source' | 'asOf' | 'hoursPerMonth' | 'crossAzPerGb'>;
  alternatives: LocalizedText[];
}

const fmtGb = (price: number): string => `${usd(price, 3)}/GB`;

function endpointAlternatives(
  apis: readonly CalledApi[],
  prices: RegionPrices,
  azCount: number,
  hours: number,
): LocalizedText[] {
  if (apis.length === 0) {
    return [
      msg(
        'Traffic to S3 and DynamoDB can skip the NAT through gateway VPC endpoints, which are free; other AWS APIs through interface endpoints.',
      ),
    ];
  }
  return apis.map((api) => {
    if (api.gateway) {
      return msg(
        "{0} ({1}): a gateway VPC endpoint is free and takes this traffic off the NAT's {2}.",
        api.service,
        api.hint,
        fmtGb(prices.natPerGb),
      );
    }
    const monthly = prices.endpointHourly * azCount * hours;
    const saved = prices.natPerGb - prices.endpointPerGb;
    const breakEven = saved > 0 ? Math.ceil(monthly / saved) : undefined;
    const args = [api.service, api.hint, azCount, usd(monthly), fmtGb(prices.endpointPerGb)] as const;
    return breakEven !== undefined
      ? msg(
          '{0} ({1}): an interface VPC endpoint in {2} AZ(s) costs {3}/month plus {4}; it pays off above about {5} GB a month.',
          ...args,
          breakEven,
        )
      : msg('{0} ({1}): an interface VPC endpoint in {2} AZ(s) costs {3}/month plus {4}.', ...args);
  });
}

function layoutAlternative(
  nats: readonly NatOnPath[],
  azs: readonly string[],
  prices: RegionPrices,
  hours: number,
  crossAz: number,
): LocalizedText | undefined {
  const oneMonth = prices.natHourly * hours;
  if (nats.length === 1 && azs.length > 1) {
    const nat = nats[0];
    const others = azs.filter((az) => az !== nat.availabilityZone);
    const rest = [azs.length, others.join(', '), fmtGb(crossAz), usd(oneMonth * (azs.length - 1))] as const;
    return nat.availabilityZone
      ? msg(
          'One NAT gateway ({0} in {1}) serves connector subnets in {2} AZs: traffic from {3} pays {4} each way across AZs, and that AZ is a single point of failure (runbook 8.1, high availability). One NAT gateway per AZ costs {5}/month more and removes both.',
          nat.nat.id,
          nat.availabilityZone,
          ...rest,
        )
      : msg(
          'One NAT gateway ({0}) serves connector subnets in {1} AZs: traffic from {2} pays {3} each way across AZs, and that AZ is a single point of failure (runbook 8.1, high availability). One NAT gateway per AZ costs {4}/month more and removes both.',
          nat.nat.id,
          ...rest,
        );
  }
  if (nats.length > 1) {
    return msg(
      '{0} NAT gateways (one per AZ) cost {1}/month. One shared NAT gateway would save {2}/month but adds {3} each way across AZs and a single point of failure (runbook 8.1, high availability).',
      nats.length,
      usd(oneMonth * nats.length),
      usd(oneMonth * (nats.length - 1)),
      fmtGb(crossAz),
    );
  }
  return undefined;
}

export function natCost(
  topology: Topology,
  subnets: readonly Subnet[],
  service?: AppRunnerService,
  table: NatPriceTable = NAT_PRICES,
): NatCost {
  const prices = regionPrices(topology.region, table);
  const nats = natGatewaysOnPath(topology, subnets);
  const connectorAzs = [...new Set(subnets.map((s) => s.availabilityZone))].sort();
  const hours = table.hoursPerMonth;
  const alternatives =
    prices && nats.length > 0
      ? [
          ...endpointAlternatives(awsApisCalled(service), prices, connectorAzs.length, hours),
          ...[layoutAlternative(nats, connectorAzs, prices, hours, table.crossAzPerGb)].filter(
            (x): x is LocalizedText => x !== undefined,
          ),
        ]
      : [];
  return {
    region: topology.region,
    ...(prices ? { prices, monthlyFixed: prices.natHourly * hours * nats.length } : {}),
    nats,
    connectorAzs,
    table: { source: table.source, asOf: table.asOf, hoursPerMonth: hours, crossAzPerGb: table.crossAzPerGb },
    alternatives,
  };
}

/** How far the region's figures were confirmed (natPrices.ts `checked`): said wherever they are shown. */
export function priceCheckNote(cost: NatCost): LocalizedText | undefined {
  switch (cost.prices?.checked) {
    case 'secondary':
      return msg("{0} NAT prices: confirmed against secondary sources only, not on AWS's page", cost.region);
    case 'unconfirmed':
      return msg("{0} NAT prices: not confirmed on AWS's page; check them before quoting", cost.region);
    default:
      return undefined;
  }
}

/** "prices as of 2026-11-30, https://aws.amazon.com/vpc/pricing/" in both languages, with the check note. */
export function priceSource(cost: NatCost): LocalizedText {
  const base = msg('prices as of {0}, {1}', cost.table.asOf, cost.table.source);
  const note = priceCheckNote(cost);
  return note ? msg('{0}; {1}', base, note) : base;
}

/** The plan's note when it moves a service to VPC egress; undefined when its subnets use no NAT gateway. */
export function natCostNote(cost: NatCost, serviceName: string): LocalizedText | undefined {
  if (cost.nats.length === 0) return undefined;
  const ids = cost.nats.map((n) => n.nat.id).join(', ');
  const src = priceSource(cost);
  if (!cost.prices || cost.monthlyFixed === undefined) {
    return msg(
      "After the move, {0}'s internet traffic goes through NAT gateway(s) {1}, charged per hour and per GB; {2} is not in the price table ({3}).",
      serviceName,
      ids,
      cost.region,
      src,
    );
  }
  const head = msg(
    "NAT cost (runbook 8.3, cost): after the move, {0}'s internet traffic goes through {1} NAT gateway(s) ({2}): {3}/month fixed ({4}/hour each, {5} h) plus {6} processed in {7} ({8}).",
    serviceName,
    cost.nats.length,
    ids,
    usd(cost.monthlyFixed),
    usd(cost.prices.natHourly, 3),
    cost.table.hoursPerMonth,
    fmtGb(cost.prices.natPerGb),
    cost.region,
    src,
  );
  if (cost.alternatives.length === 0) return head;
  return msg('{0} Cheaper options: {1}', head, joinTexts(cost.alternatives, ' '));
}

/**
 * The NAT node's figures in the diagram: its own monthly cost, the region's per-GB price and the table's date
 * (rows hold values, so the sentences, the cheaper options, go to the node's notes: `cost.alternatives`).
 */
export function natNodeFigures(cost: NatCost, natId: string): { label: LocalizedText; value: string }[] {
  if (!cost.prices || !cost.nats.some((n) => n.nat.id === natId)) return [];
  return [
    {
      label: msg('Monthly fixed cost'),
      value: `${usd(cost.prices.natHourly * cost.table.hoursPerMonth)} (${usd(cost.prices.natHourly, 3)}/h × ${cost.table.hoursPerMonth} h)`,
    },
    { label: msg('Data processing'), value: `${fmtGb(cost.prices.natPerGb)} (${cost.region})` },
    { label: msg('Prices as of'), value: `${cost.table.asOf} (${cost.table.source})` },
  ];
}
