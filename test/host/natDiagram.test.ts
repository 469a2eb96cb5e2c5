// Runbook 8.3 in the diagram panel: after the setup, the NAT gateway the connector's subnets route through
// shows, in the details pane the user reads, its monthly fixed cost, the region's per-GB price, the price
// table's date and source, and how far those figures were checked (src/model/topology/natPrices.ts).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NAT_PRICES } from '../../src/model/topology/natPrices';
import type { ExtensionApi } from '../../src/vscode/api';
import { applyRunbookSetup } from './awsSetup';
import { extensionApi, startFromSeed } from './support';

describe('Diagram: the NAT node carries its cost with the price table date (runbook 8.3)', function () {
  this.timeout(240_000);
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
    await applyRunbookSetup(api);
  });

  after(() => api.diagram.close());

  it("selecting the runbook seed's NAT gateway shows the monthly and per-GB figures, the date and the check", async () => {
    // A panel an earlier test closed from code is gone (it was once kept, half-disposed, and reused).
    api.diagram.close();
    assert.equal(api.diagram.isOpen, false, 'closing the panel from code forgets it');
    await vscode.commands.executeCommand('apprunnerVpc.showDiagram', 'kyudai-api');
    const drawn = await api.diagram.waitForRender((r) => r.nodes.some((n) => n.id.startsWith('nat:')), 60_000);
    const natId = drawn.nodes.find((n) => n.id.startsWith('nat:'))?.id ?? '';
    await api.diagram.select(natId);
    const shown = await api.diagram.waitForDetails((d) => d.id === natId && /Monthly fixed cost/.test(d.text));
    const tokyo = NAT_PRICES.regions['ap-northeast-1'];
    assert.ok(tokyo);
    const monthly = (tokyo.natHourly * NAT_PRICES.hoursPerMonth).toFixed(2);
    assert.ok(shown.text.includes(`Monthly fixed cost${monthly} USD (0.062 USD/h × 730 h)`), shown.text);
    assert.ok(shown.text.includes('Data processing0.062 USD/GB (ap-northeast-1)'), shown.text);
    assert.ok(shown.text.includes(`Prices as of${NAT_PRICES.asOf} (https://aws.amazon.com/vpc/pricing/)`), shown.text);
    assert.match(shown.text, /ap-northeast-1 NAT prices: confirmed against secondary sources only/);
    assert.match(shown.text, /single point of failure/, 'the shared-NAT note for the runbook seed (1a and 1c via 1a)');
    // An ok box asks CloudTrail nothing: no "Last change" line.
    assert.doesNotMatch(shown.text, /Last change/);
  });
});
