import assert from 'node:assert/strict';
import { buildDiagram, type DiagramModel } from '../../src/model/diagram';
import type { Topology } from '../../src/model/topology/topology';
import { afterSetup, beforeSetup, connector, IDS, removeRule, routeTable, service } from './fixtures/topologyBuilder';

const OPTIONS = {
  appRunnerGroupName: 'sg-apprunner',
  databaseGroupName: 'sg-rds',
  dbPort: 5432,
  connectorName: 'campus-sns-vpc-connector',
};

function diagram(t: Topology, busy?: string[]): DiagramModel {
  const model = buildDiagram(t, 'kyudai-api', { ...OPTIONS, busy });
  assert.ok(model, 'a diagram for kyudai-api');
  return model;
}

const edge = (m: DiagramModel, id: string) => {
  const found = m.edges.find((e) => e.id === id);
  assert.ok(found, `edge ${id} in ${m.edges.map((e) => e.id).join(', ')}`);
  return found;
};
const node = (m: DiagramModel, id: string) => {
  const found = m.nodes.find((n) => n.id === id);
  assert.ok(found, `node ${id} in ${m.nodes.map((n) => n.id).join(', ')}`);
  return found;
};
const notOk = (m: DiagramModel) =>
  [...m.nodes, ...m.edges].filter((x) => x.state !== 'ok').map((x) => `${x.id}=${x.state} (${x.reason.en})`);

describe('diagram model: the runbook picture from a snapshot', () => {
  it('before setup: the DB edge is broken with "no VPC egress", the group and connector are still to be created', () => {
    const m = diagram(beforeSetup());
    const db = edge(m, 'db-egress');
    assert.equal(db.state, 'broken');
    assert.equal(db.reason.en, 'no VPC egress');
    assert.equal(db.label, 'TCP 5432');
    assert.equal(edge(m, 'attach:kyudai-api').state, 'broken');
    assert.equal(node(m, 'sg-app').state, 'broken');
    assert.equal(node(m, 'sg-app').fix?.command, 'apprunnerVpc.createSecurityGroups');
    assert.equal(node(m, 'connector').fix?.command, 'apprunnerVpc.createConnector');
    // Without a connector the service still reaches the internet through App Runner's own egress.
    assert.equal(edge(m, 'internet').from, 'service:kyudai-api');
    assert.equal(edge(m, 'internet').state, 'ok');
    // The DB's private subnets are drawn, grouped by AZ, with their NAT route.
    assert.deepEqual(
      m.nodes.filter((n) => n.kind === 'subnet').map((n) => [n.id, n.group]),
      [
        [`subnet:${IDS.dbA}`, 'ap-northeast-1a'],
        [`subnet:${IDS.dbC}`, 'ap-northeast-1c'],
      ],
    );
    assert.equal(node(m, `nat:${IDS.nat}`).state, 'ok');
  });

  it('after setup: every node and edge is ok, with the NAT and internet gateway on the internet path', () => {
    const m = diagram(afterSetup());
    assert.deepEqual(notOk(m), []);
    assert.equal(edge(m, 'internet').from, `igw:${IDS.igw}`);
    assert.deepEqual(
      m.edges
        .filter((e) => e.kind === 'member')
        .map((e) => e.to)
        .sort(),
      [`subnet:${IDS.appA}`, `subnet:${IDS.appC}`],
    );
    assert.equal(node(m, 'sg-app').resourceId, IDS.sgApp);
    assert.match(node(m, 'sg-db').details.find((d) => d.label.en === 'Inbound')?.value ?? '', /5432/);
  });

  it('ingress rule missing: the sg-rds edge is broken with the reason and the fix that adds the rule', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-db-from-app');
    const m = diagram(t);
    const ingress = edge(m, 'db-ingress');
    assert.equal(ingress.from, 'sg-db');
    assert.equal(ingress.state, 'broken');
    assert.equal(ingress.reason.en, 'no inbound rule from the connector group');
    assert.equal(ingress.fix?.step, 'authorize-db-ingress');
    assert.equal(ingress.fix?.command, undefined, 'a single rule is applied as one plan step');
    assert.deepEqual(ingress.fix?.params, { groupId: IDS.sgDb, peerGroupId: IDS.sgApp, port: '5432' });
    assert.deepEqual(notOk(m), [`db-ingress=broken (no inbound rule from the connector group)`]);
  });

  it('connector subnets without a NAT route: the internet edge is broken and leaves from the connector', () => {
    const t = afterSetup();
    routeTable(t, IDS.rtbPrivate).routes = routeTable(t, IDS.rtbPrivate).routes.filter(
      (r) => r.destinationCidr !== '0.0.0.0/0',
    );
    const m = diagram(t);
    const internet = edge(m, 'internet');
    assert.equal(internet.state, 'broken');
    assert.equal(internet.from, 'connector');
    assert.equal(internet.reason.en, 'no route to a NAT gateway');
    assert.ok(internet.docUrl?.includes('nat-gateway'));
    assert.equal(
      m.nodes.some((n) => n.kind === 'nat'),
      false,
    );
    assert.equal(edge(m, 'db-egress').state, 'ok', 'the database path does not need the NAT');
  });

  it('operation in progress: the service and its connector edge show progress; busy elements too', () => {
    const t = afterSetup();
    service(t).status = 'OPERATION_IN_PROGRESS';
    const m = diagram(t, ['db-ingress', 'sg-db']);
    assert.equal(node(m, 'service:kyudai-api').state, 'progress');
    assert.equal(edge(m, 'attach:kyudai-api').state, 'progress');
    assert.equal(edge(m, 'db-ingress').state, 'progress');
    assert.equal(node(m, 'sg-db').state, 'progress');
    assert.equal(node(m, 'db').state, 'ok');
  });

  it('several services sharing the connector are all drawn with their own connector edge', () => {
    const t = afterSetup();
    t.services.push({ ...service(t), arn: `${IDS.service}-2`, name: 'kyudai-worker', id: 'svc2' });
    const m = diagram(t);
    assert.deepEqual(
      m.nodes.filter((n) => n.kind === 'service').map((n) => n.id),
      ['service:kyudai-api', 'service:kyudai-worker'],
    );
    assert.equal(edge(m, 'attach:kyudai-worker').to, 'connector');
    assert.deepEqual(m.services, ['kyudai-api', 'kyudai-worker']);
  });

  it('an inactive connector breaks the connector edge; an unknown service gives no diagram', () => {
    const t = afterSetup();
    connector(t).status = 'INACTIVE';
    const m = diagram(t);
    assert.equal(node(m, 'connector').state, 'broken');
    assert.equal(edge(m, 'attach:kyudai-api').reason.en, 'connector inactive');
    assert.equal(buildDiagram(t, 'no-such-service'), undefined);
  });
});
