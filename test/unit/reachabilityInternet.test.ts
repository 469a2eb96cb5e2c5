import assert from 'node:assert/strict';
import { analyze, evidenceIds, ids, only } from './fixtures/analyze';
import {
  aclEntry,
  afterSetup,
  IDS,
  openAclEntries,
  removeRule,
  routeTable,
  setAcl,
  subnetOf,
  vpc,
} from './fixtures/topologyBuilder';

function setDefaultRoute(t: ReturnType<typeof afterSetup>, route: Record<string, string>): void {
  const table = routeTable(t, IDS.rtbPrivate);
  table.routes = table.routes.filter((r) => r.destinationCidr !== '0.0.0.0/0');
  table.routes.push({ destinationCidr: '0.0.0.0/0', ...route });
}

describe('reachability: service to the internet on 443', () => {
  it('an internet gateway route instead of NAT', () => {
    const t = afterSetup();
    setDefaultRoute(t, { gatewayId: IDS.igw });
    const d = analyze(t);
    assert.deepEqual(ids(d), ['igw-route-not-nat']);
    const f = only(d, 'igw-route-not-nat');
    assert.deepEqual(evidenceIds(f), [IDS.rtbPrivate, IDS.rtbPrivate]);
    assert.match(f.evidence[0].detail, /subnet-app-a: 0\.0\.0\.0\/0 -> igw-1/);
    assert.deepEqual(d.verdicts, { database: 'reachable', internet: 'blocked', dns: 'reachable' });
  });

  it('no default route', () => {
    const t = afterSetup();
    routeTable(t, IDS.rtbPrivate).routes = routeTable(t, IDS.rtbPrivate).routes.filter(
      (r) => r.destinationCidr !== '0.0.0.0/0',
    );
    const d = analyze(t);
    assert.deepEqual(ids(d), ['no-nat-route']);
    assert.equal(d.verdicts.internet, 'blocked');
  });

  it('a subnet without its own table falls back to the main table, which has no NAT route', () => {
    const t = afterSetup();
    routeTable(t, IDS.rtbPrivate).subnetIds = [IDS.appA, IDS.dbA, IDS.dbC];
    const f = only(analyze(t), 'no-nat-route');
    assert.deepEqual(f.evidence, [
      { kind: 'route-table', id: IDS.rtbMain, detail: 'subnet-app-c: no 0.0.0.0/0 route' },
    ]);
  });

  it('a NAT gateway that failed, and a blackhole route', () => {
    const t = afterSetup();
    t.natGateways[0].state = 'failed';
    assert.deepEqual(evidenceIds(only(analyze(t), 'nat-gateway-unavailable')), [IDS.nat, IDS.nat]);
    t.natGateways[0].state = 'available';
    setDefaultRoute(t, { natGatewayId: IDS.nat, state: 'blackhole' });
    assert.deepEqual(ids(analyze(t)), ['nat-gateway-unavailable']);
  });

  it('a NAT gateway placed in a subnet without an internet gateway route', () => {
    const t = afterSetup();
    routeTable(t, IDS.rtbPublic).subnetIds = [];
    routeTable(t, IDS.rtbPrivate).subnetIds.push(IDS.pub);
    const d = analyze(t);
    assert.deepEqual(ids(d), ['nat-subnet-no-igw-route']);
    assert.deepEqual(only(d, 'nat-subnet-no-igw-route').evidence, [
      {
        kind: 'nat-gateway',
        id: IDS.nat,
        detail: `${IDS.nat} in ${IDS.pub} (${IDS.rtbPrivate}): 0.0.0.0/0 -> ${IDS.nat}`,
      },
    ]);
    assert.equal(d.verdicts.internet, 'blocked');
  });

  it('a route to a transit gateway is not judged', () => {
    const t = afterSetup();
    setDefaultRoute(t, { transitGatewayId: 'tgw-1' });
    const d = analyze(t);
    assert.deepEqual(ids(d), ['default-route-not-nat']);
    assert.equal(d.verdicts.internet, 'unknown');
  });

  it('no 443 egress on the connector groups', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-app-https');
    const d = analyze(t);
    assert.deepEqual(ids(d), ['sg-egress-missing-https']);
    assert.deepEqual(only(d, 'sg-egress-missing-https').fix, {
      kind: 'plan-step',
      step: 'authorize-egress-https',
      params: { groupId: IDS.sgApp },
    });
    assert.equal(d.verdicts.internet, 'blocked');
    assert.equal(d.verdicts.database, 'reachable');
  });

  it('an ACL denying outbound 443 from the connector subnets', () => {
    const t = afterSetup();
    setAcl(
      t,
      'acl-app',
      [IDS.appA, IDS.appC],
      [aclEntry(50, true, 'deny', '6', '0.0.0.0/0', [443, 443]), ...openAclEntries()],
    );
    const d = analyze(t);
    assert.deepEqual(ids(d), ['nacl-denies-https']);
    assert.deepEqual([...new Set(evidenceIds(only(d, 'nacl-denies-https')))], ['acl-app#50']);
  });

  it('an ACL that allows replies only from the VPC', () => {
    const t = afterSetup();
    setAcl(
      t,
      'acl-app',
      [IDS.appA, IDS.appC],
      [
        aclEntry(100, true, 'allow', '-1', '0.0.0.0/0'),
        aclEntry(100, false, 'allow', '6', '10.0.0.0/16', [1024, 65535]),
      ],
    );
    const d = analyze(t);
    assert.deepEqual(ids(d), ['nacl-missing-https-return']);
    assert.equal(d.verdicts.database, 'reachable');
    assert.equal(d.verdicts.internet, 'blocked');
  });

  it('is not analysed for a service on default egress (App Runner reaches the internet itself)', () => {
    const t = afterSetup();
    setDefaultRoute(t, { gatewayId: IDS.igw });
    Object.assign(t.services[0], { egressType: 'DEFAULT', vpcConnectorArn: undefined });
    const d = analyze(t);
    assert.ok(!ids(d).includes('igw-route-not-nat'));
    assert.equal(d.verdicts.internet, 'reachable');
  });

  it('keeps the connector subnets in the evidence per subnet', () => {
    const t = afterSetup();
    setDefaultRoute(t, { gatewayId: IDS.igw });
    const details = only(analyze(t), 'igw-route-not-nat').evidence.map((e) => e.detail.split(':')[0]);
    assert.deepEqual(details, [subnetOf(t, IDS.appA).id, subnetOf(t, IDS.appC).id]);
  });
});

describe('reachability: DNS', () => {
  it('DNS support off blocks names, so the database and the internet too', () => {
    const t = afterSetup();
    vpc(t).enableDnsSupport = false;
    const d = analyze(t);
    assert.deepEqual(ids(d), ['dns-support-off']);
    const f = only(d, 'dns-support-off');
    assert.deepEqual(f.evidence, [
      { kind: 'vpc', id: IDS.vpc, detail: 'enableDnsSupport=false enableDnsHostnames=true' },
    ]);
    assert.deepEqual(f.fix, { kind: 'plan-step', step: 'enable-dns-support', params: { vpcId: IDS.vpc } });
    assert.deepEqual(d.verdicts, { database: 'blocked', internet: 'blocked', dns: 'blocked' });
  });

  it('DNS hostnames off is a warning', () => {
    const t = afterSetup();
    vpc(t).enableDnsHostnames = false;
    const d = analyze(t);
    assert.deepEqual(ids(d), ['dns-hostnames-off']);
    assert.equal(only(d, 'dns-hostnames-off').severity, 'warning');
    assert.deepEqual(d.verdicts, { database: 'reachable', internet: 'reachable', dns: 'reachable' });
  });

  it('unknown DNS attributes give an unknown DNS verdict', () => {
    const t = afterSetup();
    delete vpc(t).enableDnsSupport;
    assert.equal(analyze(t).verdicts.dns, 'unknown');
  });

  it('no UDP 53 egress is a warning; a rule to the VPC range (the resolver) satisfies it', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-app-dns');
    const d = analyze(t);
    assert.deepEqual(ids(d), ['sg-egress-missing-dns']);
    assert.match(only(d, 'sg-egress-missing-dns').evidence[0].detail, /udp 53 to 10\.0\.0\.2\/32/);
    assert.equal(d.verdicts.dns, 'reachable');
    t.securityGroups
      .find((g) => g.id === IDS.sgApp)!
      .rules.push({
        id: 'sgr-dns-vpc',
        groupId: IDS.sgApp,
        egress: true,
        protocol: 'udp',
        fromPort: 53,
        toPort: 53,
        cidrIpv4: '10.0.0.0/16',
      });
    assert.deepEqual(ids(analyze(t)), []);
  });
});
