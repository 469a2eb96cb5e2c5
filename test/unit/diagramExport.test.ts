import assert from 'node:assert/strict';
import { buildDiagram, layoutDiagram, toMermaid, type DiagramModel, type NodeBox } from '../../src/model/diagram';
import { edgeGeometry } from '../../src/model/diagram/geometry';
import { afterSetup, beforeSetup, IDS, removeRule } from './fixtures/topologyBuilder';

const OPTIONS = { appRunnerGroupName: 'sg-apprunner', databaseGroupName: 'sg-rds', dbPort: 5432 };

function model(t = afterSetup()): DiagramModel {
  const m = buildDiagram(t, 'kyudai-api', OPTIONS);
  assert.ok(m);
  return m;
}

const overlaps = (a: NodeBox, b: NodeBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('diagram layout: layered, top to bottom as traffic flows', () => {
  for (const [name, world] of [
    ['before setup', beforeSetup],
    ['after setup', afterSetup],
  ] as const) {
    it(`${name}: every node gets one box inside the canvas and no two boxes overlap`, () => {
      const m = model(world());
      const layout = layoutDiagram(m);
      assert.deepEqual(layout.nodes.map((b) => b.id).sort(), m.nodes.map((n) => n.id).sort());
      for (const b of layout.nodes) {
        assert.ok(
          b.x >= 0 && b.y >= 0 && b.x + b.width <= layout.width && b.y + b.height <= layout.height,
          `${b.id} inside`,
        );
      }
      for (const [i, a] of layout.nodes.entries()) {
        for (const b of layout.nodes.slice(i + 1)) assert.equal(overlaps(a, b), false, `${a.id} overlaps ${b.id}`);
      }
    });
  }

  it('puts the service above the connector, the connector above its subnets, the internet lowest', () => {
    const layout = layoutDiagram(model());
    const box = (id: string): NodeBox => layout.nodes.find((b) => b.id === id) ?? assert.fail(id);
    assert.ok(box('service:kyudai-api').y < box('connector').y);
    assert.ok(box('connector').y < box(`subnet:${IDS.appA}`).y);
    assert.equal(Math.max(...layout.nodes.map((b) => b.y)), box('internet').y);
    // The database path sits to the right of the internet path in each row.
    assert.ok(box('sg-app').x > box(`subnet:${IDS.appC}`).x);
    // Lines run from the bottom of one box to the top of the next.
    const g = edgeGeometry(box('connector'), box(`subnet:${IDS.appA}`));
    const start = box('connector');
    assert.match(g.d, new RegExp(`^M${start.x + start.width / 2},${start.y + start.height} `));
    assert.ok(g.d.endsWith(`,${box(`subnet:${IDS.appA}`).y}`));
  });

  it('before setup the internet sits beside the service (App Runner default egress), not below the VPC', () => {
    const layout = layoutDiagram(model(beforeSetup()));
    const box = (id: string): NodeBox => layout.nodes.find((b) => b.id === id) ?? assert.fail(id);
    assert.equal(box('internet').y, box('service:kyudai-api').y);
    assert.ok(box('internet').x > box('service:kyudai-api').x + box('service:kyudai-api').width);
    assert.match(edgeGeometry(box('service:kyudai-api'), box('internet')).d, / L/, 'a straight line side to side');
  });

  it('draws one AZ box around the subnets of each availability zone', () => {
    const layout = layoutDiagram(model());
    assert.deepEqual(
      layout.groups.map((g) => g.label),
      ['ap-northeast-1a', 'ap-northeast-1c'],
    );
    const subnet = layout.nodes.find((b) => b.id === `subnet:${IDS.appA}`);
    const box = layout.groups[0];
    assert.ok(subnet && box.y < subnet.y && box.y + box.height > subnet.y + subnet.height);
  });
});

describe('diagram export: Mermaid text for docs and pull requests', () => {
  it('lists every node, an AZ subgraph and every edge, with broken edges dashed and labelled', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-db-from-app');
    const text = toMermaid(model(t));
    assert.match(text, /^flowchart LR\n/);
    assert.match(text, /service_kyudai_api\["kyudai-api<br\/>App Runner"\]/);
    assert.match(text, /subgraph az0\["ap-northeast-1a"\]/);
    assert.match(text, /sg_db -\.->\|"TCP 5432 · broken: no inbound rule from the connector group"\| db/);
    assert.match(text, /sg_app -->\|"TCP 5432"\| sg_db/);
    assert.equal(text.match(/-->|-\.->/g)?.length, model(t).edges.length);
  });

  it('writes the Japanese reasons when asked', () => {
    assert.match(toMermaid(model(beforeSetup()), 'ja'), /VPC 経由の送信なし/);
  });
});
