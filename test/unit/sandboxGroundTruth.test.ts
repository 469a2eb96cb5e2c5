// The sandbox's ground truth on plain facts: an RDS Proxy is reached only when the connector may reach the
// proxy AND the proxy may reach one of its registered targets; and how a RuntimeEnvironmentSecrets value is
// split into the secret and its JSON key. (The sandbox tests check the same over moto's real state.)
import assert from 'node:assert/strict';
import {
  canReachDatabase,
  type EndpointFacts,
  type GroupFacts,
  type ReachFacts,
  type SubnetFacts,
} from '../../sandbox/groundTruth';
import { parseSecretReference } from '../../sandbox/app/runtimeSecrets';

const openAcl = [
  { ruleNumber: 100, egress: false, protocol: '-1', allow: true, cidr: '0.0.0.0/0' },
  { ruleNumber: 100, egress: true, protocol: '-1', allow: true, cidr: '0.0.0.0/0' },
];
const subnet = (id: string, cidr: string): SubnetFacts => ({ id, vpcId: 'vpc-1', cidr, nacl: openAcl });
const tcp5432 = (groupIds: string[]) => [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrs: [], groupIds }];
const group = (id: string, ingressFrom: string[], egressTo: string[]): GroupFacts => ({
  id,
  ingress: tcp5432(ingressFrom),
  egress: tcp5432(egressTo),
});

function world(opts: { clusterAllowsProxy: boolean; targets?: 'none' | 'cluster' }): ReachFacts {
  const cluster: EndpointFacts = {
    kind: 'cluster',
    status: 'available',
    port: 5432,
    vpcId: 'vpc-1',
    subnets: [subnet('subnet-db', '10.0.13.0/24')],
    groups: [group('sg-cluster', opts.clusterAllowsProxy ? ['sg-proxy'] : [], [])],
  };
  return {
    egressType: 'VPC',
    connector: {
      status: 'ACTIVE',
      subnets: [subnet('subnet-a', '10.0.11.0/24')],
      groups: [group('sg-app', [], ['sg-proxy'])],
      vpcDnsSupport: true,
    },
    database: {
      kind: 'proxy',
      status: 'available',
      port: 5432,
      vpcId: 'vpc-1',
      subnets: [subnet('subnet-p', '10.0.12.0/24')],
      groups: [
        {
          id: 'sg-proxy',
          ingress: tcp5432(['sg-app']),
          egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'], groupIds: [] }],
        },
      ],
      targets: opts.targets === 'none' ? [] : [cluster],
    },
  };
}

describe('sandbox ground truth: RDS Proxy in front of a cluster', () => {
  it('is reachable when connector -> proxy and proxy -> cluster are both allowed', () => {
    assert.deepEqual(canReachDatabase(world({ clusterAllowsProxy: true })), { reachable: true });
  });

  it('is not reachable when the cluster does not let the proxy in, and says which hop', () => {
    const v = canReachDatabase(world({ clusterAllowsProxy: false }));
    assert.equal(v.reachable, false);
    assert.match(
      v.reachable ? '' : v.reason,
      /proxy target DB cluster security group allows inbound TCP 5432 from the RDS Proxy/,
    );
  });

  it('is not reachable through a proxy without registered targets', () => {
    const v = canReachDatabase(world({ clusterAllowsProxy: true, targets: 'none' }));
    assert.equal(v.reachable ? '' : v.reason, 'the RDS Proxy has no registered target');
  });

  it('still needs the connector to reach the proxy itself', () => {
    const facts = world({ clusterAllowsProxy: true });
    if (facts.connector) facts.connector.groups = [group('sg-app', [], ['sg-cluster'])];
    const v = canReachDatabase(facts);
    assert.match(v.reachable ? '' : v.reason, /outbound TCP 5432 to the RDS Proxy's security group/);
  });
});

describe('sandbox RuntimeEnvironmentSecrets references', () => {
  const arn = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:kyudai/db-AbCdEf';

  it('takes a full ARN or a name as the secret id', () => {
    assert.deepEqual(parseSecretReference(arn), { secretId: arn });
    assert.deepEqual(parseSecretReference('kyudai/db'), { secretId: 'kyudai/db' });
  });

  it('splits the ECS-style selectors after the ARN: json key, version stage, version id', () => {
    assert.deepEqual(parseSecretReference(`${arn}:password::`), {
      secretId: arn,
      jsonKey: 'password',
      versionStage: undefined,
      versionId: undefined,
    });
    assert.deepEqual(parseSecretReference(`${arn}:url:AWSPREVIOUS:`), {
      secretId: arn,
      jsonKey: 'url',
      versionStage: 'AWSPREVIOUS',
      versionId: undefined,
    });
  });
});
