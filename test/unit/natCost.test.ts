// NAT cost (runbook 8.3): the price table's figures in the plan and on the diagram's NAT
// node, the cheaper options that fit, and the cross-AZ finding (runbook 8.1) on the runbook world.
import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { buildDiagram } from '../../src/model/diagram';
import { awsApisCalled, natCost, natGatewaysOnPath } from '../../src/model/topology/natCost';
import { NAT_PRICES } from '../../src/model/topology/natPrices';
import { plan } from '../../src/model/plan/plan';
import { APP_RUNNER_REGIONS } from '../../src/model/common/regions';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import type { Topology } from '../../src/model/topology/topology';
import { analyze, only, SETTINGS } from './fixtures/analyze';
import { afterSetup, beforeSetup, IDS, routeTable, service, subnetOf } from './fixtures/topologyBuilder';

/** The runbook world with a second NAT gateway in 1c that the 1c subnets route to (one NAT per AZ). */
function natPerAz(t: Topology): Topology {
  t.subnets.push({
    ...subnetOf(t, IDS.pub),
    id: 'subnet-pub-c',
    availabilityZone: 'ap-northeast-1c',
    cidrBlock: '10.0.3.0/24',
  });
  routeTable(t, IDS.rtbPublic).subnetIds.push('subnet-pub-c');
  t.natGateways.push({ id: 'nat-c', vpcId: IDS.vpc, subnetId: 'subnet-pub-c', state: 'available' });
  const privateA = routeTable(t, IDS.rtbPrivate);
  privateA.subnetIds = [IDS.appA, IDS.dbA];
  t.routeTables.push({
    ...privateA,
    id: 'rtb-private-c',
    subnetIds: [IDS.appC, IDS.dbC],
    routes: [privateA.routes[0], { destinationCidr: '0.0.0.0/0', natGatewayId: 'nat-c', state: 'active' }],
  });
  return t;
}

function setupPlan(t: Topology) {
  const r = resolveDesired(t, DEFAULT_SETUP_SETTINGS, { subnetIds: [IDS.appA, IDS.appC] });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return plan(t, r.desired);
}

describe('NAT cost: the price table', () => {
  it('has every App Runner region, a source on AWS and a date', () => {
    for (const r of APP_RUNNER_REGIONS) assert.ok(NAT_PRICES.regions[r.code], `${r.code} is in the table`);
    assert.equal(NAT_PRICES.source, 'https://aws.amazon.com/vpc/pricing/');
    assert.match(NAT_PRICES.asOf, /^\d{4}-\d{2}-\d{2}$/);
    for (const prices of Object.values(NAT_PRICES.regions))
      assert.ok(prices.natHourly > 0 && prices.natPerGb > 0 && prices.endpointHourly > 0);
  });

  it("says how each region's figures were checked: only us-east-2 on AWS's page, and its example's 0.045", () => {
    const on = (c: string) =>
      Object.entries(NAT_PRICES.regions)
        .filter(([, p]) => p.checked === c)
        .map(([r]) => r);
    assert.deepEqual(on('aws'), ['us-east-2']);
    assert.deepEqual(on('secondary'), ['us-east-1', 'ap-southeast-1', 'ap-northeast-1']);
    assert.equal(NAT_PRICES.regions['us-east-2']?.natHourly, 0.045);
    assert.equal(NAT_PRICES.regions['us-east-2']?.natPerGb, 0.045);
  });
});

describe('NAT cost: figures for the path', () => {
  it('runbook world: one NAT in 1a for the 1a and 1c subnets, 0.062 USD/h in Tokyo = 45.26 USD a month', () => {
    const t = afterSetup();
    const subnets = [subnetOf(t, IDS.appA), subnetOf(t, IDS.appC)];
    const [nat, ...rest] = natGatewaysOnPath(t, subnets);
    assert.equal(rest.length, 0);
    assert.equal(nat.nat.id, IDS.nat);
    assert.equal(nat.availabilityZone, 'ap-northeast-1a');
    assert.deepEqual(
      nat.otherAzSubnets.map((s) => s.id),
      [IDS.appC],
    );
    const cost = natCost(t, subnets);
    assert.equal(cost.monthlyFixed?.toFixed(2), '45.26');
    assert.equal(cost.prices?.natPerGb, 0.062);
    assert.match(
      cost.alternatives.map((a) => a.en).join('\n'),
      /One NAT gateway \(nat-1 in ap-northeast-1a\) serves connector subnets in 2 AZs.*One NAT gateway per AZ costs 45\.26 USD\/month more/,
    );
  });

  it('one NAT per AZ: twice the fixed cost, and the shared alternative says what it saves and what it risks', () => {
    const t = natPerAz(afterSetup());
    const cost = natCost(t, [subnetOf(t, IDS.appA), subnetOf(t, IDS.appC)]);
    assert.deepEqual(
      cost.nats.map((n) => [n.nat.id, n.otherAzSubnets.length]),
      [
        [IDS.nat, 0],
        ['nat-c', 0],
      ],
    );
    assert.equal(cost.monthlyFixed?.toFixed(2), '90.52');
    assert.match(
      cost.alternatives.map((a) => a.en).join('\n'),
      /One shared NAT gateway would save 45\.26 USD\/month but adds 0\.010 USD\/GB each way/,
    );
  });

  it('names the VPC endpoints for the AWS APIs the configuration names, with the break-even volume for interface ones', () => {
    const t = afterSetup();
    Object.assign(service(t).source?.environment ?? {}, {
      UPLOAD_BUCKET: 'kyudai-uploads',
      JOBS_QUEUE_URL: 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/jobs',
    });
    assert.deepEqual(
      awsApisCalled(service(t)).map((a) => [a.service, a.gateway]),
      [
        ['s3', true],
        ['sqs', false],
      ],
    );
    const text = natCost(t, [subnetOf(t, IDS.appA), subnetOf(t, IDS.appC)], service(t))
      .alternatives.map((a) => a.en)
      .join('\n');
    assert.match(text, /s3 \(UPLOAD_BUCKET\): a gateway VPC endpoint is free/);
    // 0.014 USD/h x 2 AZs x 730 h = 20.44 USD; it saves 0.062 - 0.01 = 0.052 USD/GB: 393.1, so above 394 GB a month.
    assert.match(
      text,
      /sqs \(JOBS_QUEUE_URL\): an interface VPC endpoint in 2 AZ\(s\) costs 20\.44 USD\/month plus 0\.010 USD\/GB; it pays off above about 394 GB a month/,
    );
  });

  it('the DB endpoint in DATABASE_URL is not taken for an AWS API call', () => {
    assert.deepEqual(awsApisCalled(service(afterSetup())), []);
  });

  it('a region missing from the table: NAT gateways named, no invented figure', () => {
    const t = beforeSetup();
    t.region = 'mx-central-1';
    const note = setupPlan(t).notes.find((n) => /NAT/.test(n.en));
    assert.match(note?.en ?? '', /mx-central-1 is not in the price table/);
    assert.doesNotMatch(note?.en ?? '', /USD/);
  });
});

describe('NAT cost: where it is shown', () => {
  it('the plan that moves the service to VPC egress says the monthly and per-GB cost with the table date, in both languages', () => {
    const p = setupPlan(beforeSetup());
    const note = p.notes.find((n) => /NAT cost/.test(n.en));
    assert.ok(note, JSON.stringify(p.notes));
    assert.match(
      note.en,
      /through 1 NAT gateway\(s\) \(nat-1\): 45\.26 USD\/month fixed \(0\.062 USD\/hour each, 730 h\) plus 0\.062 USD\/GB processed in ap-northeast-1/,
    );
    assert.match(
      note.en,
      new RegExp(
        `prices as of ${NAT_PRICES.asOf}, https://aws.amazon.com/vpc/pricing/; ap-northeast-1 NAT prices: confirmed against secondary sources only`,
      ),
    );
    assert.match(note.ja, /NAT のコスト（手順書 8\.3「コスト最適化」）.*月 45\.26 USD/);
  });

  it('no NAT note once the service is attached (the plan does not move it)', () => {
    assert.equal(
      setupPlan(afterSetup()).notes.some((n) => /NAT/.test(n.en)),
      false,
    );
  });

  it("the diagram's NAT node shows its monthly cost, the per-GB price, the table's date and the cheaper options", () => {
    const model = buildDiagram(afterSetup(), 'kyudai-api', SETTINGS);
    const nat = model?.nodes.find((n) => n.id === `nat:${IDS.nat}`);
    const rows = Object.fromEntries((nat?.details ?? []).map((r) => [r.label.en, r.value]));
    assert.equal(rows['Monthly fixed cost'], '45.26 USD (0.062 USD/h × 730 h)');
    assert.equal(rows['Data processing'], '0.062 USD/GB (ap-northeast-1)');
    assert.equal(rows['Prices as of'], `${NAT_PRICES.asOf} (https://aws.amazon.com/vpc/pricing/)`);
    assert.ok(nat?.notes.some((n) => /single point of failure/.test(n.en)));
    assert.equal(nat?.state, 'ok', 'an info finding does not colour the node');
    // Tokyo's figures were checked against secondary sources only (natPrices.ts): the node says so.
    assert.ok(
      nat?.notes.some(
        (n) => n.en === "ap-northeast-1 NAT prices: confirmed against secondary sources only, not on AWS's page",
      ),
      JSON.stringify(nat?.notes),
    );
  });
});

describe('NAT cost: Diagnose finding nat-cross-az', () => {
  it('raised (info, cost) for the runbook world: the 1c subnet goes through the NAT in 1a', () => {
    const f = only(analyze(afterSetup()), 'nat-cross-az');
    assert.equal(f.severity, 'info');
    assert.equal(f.path, 'cost');
    assert.deepEqual(
      f.evidence.map((e) => e.id),
      [IDS.nat, IDS.appC],
    );
    assert.match(
      f.message.en,
      /Connector subnets in ap-northeast-1c send their internet traffic to a NAT gateway in ap-northeast-1a/,
    );
  });

  it('not raised with a NAT gateway in each AZ', () => {
    assert.equal(
      analyze(natPerAz(afterSetup())).findings.some((f) => f.id === 'nat-cross-az'),
      false,
    );
  });
});
