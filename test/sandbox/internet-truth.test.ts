// The internet referee on plain facts (no sandbox calls): what AWS does with routes, NAT gateways, internet
// gateways, groups and network ACLs for an App Runner service's outbound HTTPS.
import assert from 'node:assert/strict';
import type { GroupFacts, NaclEntry } from '../../sandbox/groundTruth';
import { canReachInternet, type InternetFacts, type RoutedSubnet, type RouteFacts } from '../../sandbox/internetTruth';

const OPEN_ACL: NaclEntry[] = [
  { ruleNumber: 100, egress: true, protocol: '-1', allow: true, cidr: '0.0.0.0/0' },
  { ruleNumber: 100, egress: false, protocol: '-1', allow: true, cidr: '0.0.0.0/0' },
];
const LOCAL: RouteFacts = { destination: '10.0.0.0/16', target: 'local', state: 'active' };
const subnet = (id: string, cidr: string, routes: RouteFacts[], nacl = OPEN_ACL): RoutedSubnet => ({
  id,
  vpcId: 'vpc-1',
  cidr,
  nacl,
  routes: [LOCAL, ...routes],
});
const toNat: RouteFacts = { destination: '0.0.0.0/0', target: 'nat-1', state: 'active' };
const https = (cidrs: string[]): GroupFacts => ({
  id: 'sg-app',
  ingress: [],
  egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs, groupIds: [] }],
});

function facts(change: (f: InternetFacts) => void = () => undefined): InternetFacts {
  const f: InternetFacts = {
    egressType: 'VPC',
    connector: {
      status: 'ACTIVE',
      vpcDnsSupport: true,
      subnets: [subnet('subnet-a', '10.0.11.0/24', [toNat]), subnet('subnet-c', '10.0.12.0/24', [toNat])],
      groups: [https(['0.0.0.0/0'])],
    },
    natGateways: [
      {
        id: 'nat-1',
        state: 'available',
        connectivity: 'public',
        subnet: subnet('subnet-pub', '10.0.0.0/24', [{ destination: '0.0.0.0/0', target: 'igw-1', state: 'active' }]),
      },
    ],
    internetGateways: ['igw-1'],
  };
  change(f);
  return f;
}

function expectNo(f: InternetFacts, reason: RegExp): void {
  const v = canReachInternet(f);
  assert.equal(v.internet, false, v.reason);
  assert.match(v.reason, reason);
}

describe('sandbox internet ground truth', () => {
  it('DEFAULT egress reaches the internet; VPC egress through a NAT whose subnet routes to an attached IGW does', () => {
    assert.equal(canReachInternet({ egressType: 'DEFAULT', natGateways: [], internetGateways: [] }).internet, true);
    assert.deepEqual(canReachInternet(facts()).internet, true);
  });

  it('a subnet without a default route, or routed straight to the IGW (no public IP), gives no internet', () => {
    expectNo(
      facts((f) => {
        f.connector!.subnets[1] = subnet('subnet-iso', '10.0.21.0/24', []);
      }),
      /subnet-iso has no route/,
    );
    expectNo(
      facts((f) => {
        f.connector!.subnets[0]!.routes = [LOCAL, { destination: '0.0.0.0/0', target: 'igw-1', state: 'active' }];
      }),
      /no public IP/,
    );
  });

  it('the longest prefix wins and blackholes are skipped', () => {
    const tgw: RouteFacts = { destination: '203.0.113.0/24', target: 'tgw-1', state: 'active' };
    expectNo(
      facts((f) => {
        f.connector!.subnets[0]!.routes.push(tgw);
      }),
      /tgw-1.*not model/,
    );
    const dead: RouteFacts = { destination: '203.0.113.0/24', target: 'nat-dead', state: 'blackhole' };
    assert.equal(
      canReachInternet(
        facts((f) => {
          f.connector!.subnets[0]!.routes.push(dead);
        }),
      ).internet,
      true,
    );
  });

  it('a private, pending or IGW-less NAT gateway does not reach the internet', () => {
    expectNo(
      facts((f) => {
        f.natGateways[0]!.connectivity = 'private';
      }),
      /private/,
    );
    expectNo(
      facts((f) => {
        f.natGateways[0]!.state = 'pending';
      }),
      /pending/,
    );
    expectNo(
      facts((f) => {
        f.internetGateways = [];
      }),
      /no route to an attached internet gateway/,
    );
  });

  it('needs outbound 443 to an IPv4 CIDR covering the internet: ::/0 alone or a narrow CIDR does not do', () => {
    expectNo(
      facts((f) => {
        f.connector!.groups = [
          {
            id: 'sg-v6',
            ingress: [],
            egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], groupIds: [] }],
          },
        ];
      }),
      /443/,
    );
    expectNo(
      facts((f) => {
        f.connector!.groups = [https(['10.0.0.0/8'])];
      }),
      /443/,
    );
    assert.equal(
      canReachInternet(
        facts((f) => {
          f.connector!.groups = [
            { id: 'sg-all', ingress: [], egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'], groupIds: [] }] },
          ];
        }),
      ).internet,
      true,
    );
  });

  it('network ACLs must allow 443 out and the return traffic; DNS must be on', () => {
    const deny443: NaclEntry[] = [
      { ruleNumber: 50, egress: true, protocol: '6', allow: false, cidr: '0.0.0.0/0', fromPort: 443, toPort: 443 },
      ...OPEN_ACL,
    ];
    expectNo(
      facts((f) => {
        f.connector!.subnets[0]!.nacl = deny443;
      }),
      /denies outbound TCP 443/,
    );
    const noReturn: NaclEntry[] = [{ ruleNumber: 100, egress: true, protocol: '-1', allow: true, cidr: '0.0.0.0/0' }];
    expectNo(
      facts((f) => {
        f.natGateways[0]!.subnet.nacl = noReturn;
      }),
      /network ACL of subnet-pub/,
    );
    expectNo(
      facts((f) => {
        f.connector!.vpcDnsSupport = false;
      }),
      /DNS/,
    );
  });
});
