// NAT cost on the seeds as the product reads them (loadTopology over the SDK): the plan that
// moves the service to VPC egress and the diagram's NAT node show the NAT gateways' monthly and per-GB price
// with the price table's date, for the runbook seed and tf-module (one NAT shared by three AZs), and Diagnose
// raises nat-cross-az where connector subnets route through a NAT in another AZ.
import assert from 'node:assert/strict';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { buildDiagram } from '../../src/model/diagram';
import { NAT_PRICES } from '../../src/model/topology/natPrices';
import { analyzeService } from '../../src/model/diagnosis/reachability';
import type { Topology } from '../../src/model/topology/topology';
import { setupPlan } from './engineSupport';
import { attachNewConnector, createRunbookGroup, runbookIngress, useSeed } from './seedWorld';
import { getSandbox, seed, TEST_REGION } from './support';

const OPTIONS = {
  appRunnerGroupName: 'apprunner-connector',
  appRunnerGroupNameTag: 'sg-apprunner',
  databaseGroupName: 'sg-rds',
};
const tokyo = NAT_PRICES.regions['ap-northeast-1'];
const monthly = (tokyo.natHourly * NAT_PRICES.hoursPerMonth).toFixed(2);

function snapshot(): Promise<Topology> {
  return loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
}

async function assertPlanNote(natId: string): Promise<void> {
  const { plan } = await setupPlan();
  const note = plan.notes.find((n) => /NAT cost/.test(n.en));
  assert.ok(note, `a NAT note in ${JSON.stringify(plan.notes)}`);
  assert.match(note.en, new RegExp(`through 1 NAT gateway\\(s\\) \\(${natId}\\): ${monthly} USD/month fixed`));
  assert.match(
    note.en,
    new RegExp(
      `plus ${tokyo.natPerGb.toFixed(3)} USD/GB processed in ap-northeast-1 \\(prices as of ${NAT_PRICES.asOf}`,
    ),
  );
}

/** Attaches a connector on `subnets` the way the runbook does, then returns the NAT node and the findings. */
async function attachedPicture(subnets: string[]) {
  const arn = seed().serviceArn ?? '';
  const appGroup = await createRunbookGroup(seed().vpcId ?? '', seed().sgRdsId ?? '');
  await runbookIngress(seed().sgRdsId ?? '', appGroup);
  await attachNewConnector(arn, 'campus-sns-vpc-connector', subnets, [appGroup]);
  const t = await snapshot();
  const model = buildDiagram(t, seed().serviceName ?? '', OPTIONS);
  const nat = model?.nodes.find((n) => n.id === `nat:${seed().natGatewayId}`);
  return {
    nat,
    rows: Object.fromEntries((nat?.details ?? []).map((r) => [r.label.en, r.value])),
    findings: analyzeService(t, arn, OPTIONS).findings,
  };
}

describe('NAT cost on the seeds', function () {
  this.timeout(300_000);

  describe('runbook seed', () => {
    useSeed('runbook');

    it('the setup plan says what the NAT gateway costs a month and per GB, with the table date', async () => {
      await assertPlanNote(seed().natGatewayId ?? '');
    });

    it("after the move, the diagram's NAT node carries the figures", async () => {
      const { rows } = await attachedPicture(seed().privateSubnetIds);
      assert.equal(rows['Monthly fixed cost'], `${monthly} USD (${tokyo.natHourly.toFixed(3)} USD/h × 730 h)`);
      assert.equal(rows['Data processing'], `${tokyo.natPerGb.toFixed(3)} USD/GB (ap-northeast-1)`);
      assert.match(rows['Prices as of'] ?? '', new RegExp(`^${NAT_PRICES.asOf} `));
    });
  });

  describe('tf-module seed (single_nat_gateway = true)', () => {
    useSeed('tf-module');

    it('the setup plan names the one NAT gateway and its cost', async () => {
      await assertPlanNote(seed().natGatewayId ?? '');
    });

    it('connector on the private subnets of 1c and 1d: NAT figures on the node, the shared-NAT option, and nat-cross-az', async () => {
      const subnets = seed().privateSubnetIds.slice(1, 3);
      const { nat, rows, findings } = await attachedPicture(subnets);
      assert.equal(rows['Monthly fixed cost'], `${monthly} USD (${tokyo.natHourly.toFixed(3)} USD/h × 730 h)`);
      assert.ok(
        nat?.notes.some((n) => /serves connector subnets in 2 AZs.*single point of failure/.test(n.en)),
        JSON.stringify(nat?.notes),
      );
      const cross = findings.find((f) => f.id === 'nat-cross-az');
      assert.ok(cross, JSON.stringify(findings.map((f) => f.id)));
      assert.equal(cross.severity, 'info');
      assert.deepEqual(cross.evidence.map((e) => e.id).sort(), [seed().natGatewayId ?? '', ...subnets].sort());
      assert.match(
        cross.message.en,
        /Connector subnets in ap-northeast-1c, ap-northeast-1d send their internet traffic to a NAT gateway in ap-northeast-1a/,
      );
    });
  });
});
