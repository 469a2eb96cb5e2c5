// NAT gateway and VPC endpoint prices per region: a table kept in the repository, never a
// live price call (the Price List API needs its own credentials and region, and a diagram must draw offline).
// On-demand USD prices from AWS's "Amazon VPC pricing" page (NAT gateway section) and "AWS PrivateLink
// pricing" page (interface endpoints).
//
// Checked on 2026-11-30 (`asOf`) through the tool library's search of stored public pages; AWS's pages render
// most regional figures from a script, so only what their text states could be confirmed:
// - https://aws.amazon.com/vpc/pricing/ (as transcribed on 2026-09-20): the US East (Ohio) example, 0.045 USD
//   per NAT gateway-hour and 0.045 USD per GB processed. us-east-2 is `aws`.
// - https://aws.amazon.com/jp/privatelink/pricing/: interface endpoint data processing 0.01 USD/GB for the
//   first PB a month in a region (every region's `endpointPerGb`).
// - Secondary sources only (third-party pricing guides, which agree with the figures below): us-east-1 0.045,
//   ap-southeast-1 0.059, ap-northeast-1 0.062 (hourly = per GB), cross-AZ 0.01 USD/GB each way.
// - Not confirmed anywhere: the other regions' NAT figures and every region's interface endpoint hourly price.
// Nothing found contradicted the table, so no figure changed. `checked` carries this to the plan and diagram.

export interface RegionPrices {
  /** Per NAT gateway-hour, USD. */
  natHourly: number;
  /** Per GB processed by a NAT gateway, USD. */
  natPerGb: number;
  /** Per interface VPC endpoint per AZ per hour, USD (gateway endpoints for S3 and DynamoDB are free). */
  endpointHourly: number;
  /** Per GB processed by an interface endpoint (first PB a month), USD. */
  endpointPerGb: number;
  /**
   * How the NAT figures were checked on `asOf`: `aws` on AWS's page, `secondary` only against third-party
   * pricing guides, `unconfirmed` not at all (the plan and diagram say so beside the figures).
   */
  checked: PriceCheck;
}

export type PriceCheck = 'aws' | 'secondary' | 'unconfirmed';

export interface NatPriceTable {
  source: string;
  asOf: string;
  currency: 'USD';
  /** AWS prices a month as 730 hours. */
  hoursPerMonth: number;
  /** Data transfer between AZs in one region, per GB, charged in each direction. */
  crossAzPerGb: number;
  regions: Readonly<Record<string, RegionPrices>>;
}

const p = (natHourly: number, endpointHourly: number, checked: PriceCheck = 'unconfirmed'): RegionPrices => ({
  natHourly,
  natPerGb: natHourly,
  endpointHourly,
  endpointPerGb: 0.01,
  checked,
});

export const NAT_PRICES: NatPriceTable = {
  source: 'https://aws.amazon.com/vpc/pricing/',
  asOf: '2026-11-30',
  currency: 'USD',
  hoursPerMonth: 730,
  crossAzPerGb: 0.01,
  // Every region App Runner is offered in (src/model/common/regions.ts); NAT hourly and per-GB prices are equal there.
  regions: {
    'us-east-1': p(0.045, 0.01, 'secondary'),
    'us-east-2': p(0.045, 0.01, 'aws'),
    'us-west-2': p(0.045, 0.01),
    'ap-south-1': p(0.056, 0.011),
    'ap-southeast-1': p(0.059, 0.013, 'secondary'),
    'ap-southeast-2': p(0.059, 0.013),
    'ap-northeast-1': p(0.062, 0.014, 'secondary'),
    'eu-central-1': p(0.052, 0.012),
    'eu-west-1': p(0.048, 0.011),
    'eu-west-2': p(0.05, 0.011),
    'eu-west-3': p(0.05, 0.011),
  },
};

export function regionPrices(region: string, table: NatPriceTable = NAT_PRICES): RegionPrices | undefined {
  return table.regions[region];
}

/** "0.062 USD" style: enough digits for hourly prices, cents for monthly sums. */
export function usd(amount: number, digits = 2): string {
  return `${amount.toFixed(digits)} USD`;
}
