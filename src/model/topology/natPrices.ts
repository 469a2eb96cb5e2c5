// NAT gateway and VPC endpoint prices per region: a table kept in the repository (issue 20 item 5), never a
// live price call (the Price List API needs its own credentials and region, and a diagram must draw offline).
// Source: AWS's "Amazon VPC pricing" page, NAT gateway and AWS PrivateLink (interface endpoint) sections,
// on-demand USD prices. Figures change rarely; `asOf` says when the table was last compared with the page.
// Transcribed without network access in this session: compare with the page before quoting a figure in a bill.

export interface RegionPrices {
  /** Per NAT gateway-hour, USD. */
  natHourly: number;
  /** Per GB processed by a NAT gateway, USD. */
  natPerGb: number;
  /** Per interface VPC endpoint per AZ per hour, USD (gateway endpoints for S3 and DynamoDB are free). */
  endpointHourly: number;
  /** Per GB processed by an interface endpoint (first PB a month), USD. */
  endpointPerGb: number;
}

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

const p = (natHourly: number, endpointHourly: number): RegionPrices => ({
  natHourly,
  natPerGb: natHourly,
  endpointHourly,
  endpointPerGb: 0.01,
});

export const NAT_PRICES: NatPriceTable = {
  source: 'https://aws.amazon.com/vpc/pricing/',
  asOf: '2026-11-30',
  currency: 'USD',
  hoursPerMonth: 730,
  crossAzPerGb: 0.01,
  // Every region App Runner is offered in (src/model/common/regions.ts); NAT hourly and per-GB prices are equal there.
  regions: {
    'us-east-1': p(0.045, 0.01),
    'us-east-2': p(0.045, 0.01),
    'us-west-2': p(0.045, 0.01),
    'ap-south-1': p(0.056, 0.011),
    'ap-southeast-1': p(0.059, 0.013),
    'ap-southeast-2': p(0.059, 0.013),
    'ap-northeast-1': p(0.062, 0.014),
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
