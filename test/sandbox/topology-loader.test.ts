import assert from 'node:assert/strict';
import { CreateVpcConnectorCommand, DeleteVpcConnectorCommand } from '@aws-sdk/client-apprunner';
import { CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import { getClients } from '../../src/aws/clients';
import { onAwsRequest } from '../../src/aws/requestLog';
import { loadTopology } from '../../src/aws/topologyLoader';
import type { Topology } from '../../src/model/topology/topology';
import { useTestCredentials } from './engineSupport';
import { getSandbox, sandboxClients, seed, TEST_REGION } from './support';

describe('loadTopology against the seeded sandbox', function () {
  let snapshot: Topology;
  const partials: Topology[] = [];
  const operations: string[] = [];

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint });
    const listening = onAwsRequest((r) => operations.push(r.operation));
    try {
      snapshot = await loadTopology(clients, { onProgress: (p) => partials.push(p), withAccountId: true });
    } finally {
      listening.dispose();
    }
  });

  it('has the service with its details, egress and DATABASE_URL', () => {
    const service = snapshot.services.find((s) => s.name === 'kyudai-api');
    assert.ok(service);
    assert.equal(service.detailsLoaded, true);
    assert.equal(service.status, 'RUNNING');
    assert.equal(service.egressType, 'DEFAULT');
    assert.match(service.source?.environment.DATABASE_URL ?? '', new RegExp(seed().dbEndpoint ?? 'no-endpoint'));
    assert.equal(snapshot.accountId, '123456789012');
  });

  it('streams a summary-only snapshot before the details', () => {
    assert.ok(partials.length >= 3);
    assert.equal(partials[0].services[0]?.detailsLoaded, false);
    assert.deepEqual(partials.at(-1), snapshot);
  });

  it('reads the DB, its VPC network with private/public subnets, NAT and DNS attributes', () => {
    const info = seed();
    const db = snapshot.dbInstances.find((d) => d.id === info.dbInstanceIdentifier);
    assert.ok(db);
    assert.equal(db.vpcId, info.vpcId);
    assert.deepEqual(db.securityGroupIds, [info.sgRdsId]);
    assert.equal(db.port, 5432);
    for (const id of info.privateSubnetIds)
      assert.equal(snapshot.subnets.find((s) => s.id === id)?.isPrivate, true, id);
    assert.equal(snapshot.subnets.find((s) => s.id === info.publicSubnetId)?.isPrivate, false);
    assert.equal(snapshot.vpcs.find((v) => v.id === info.vpcId)?.enableDnsSupport, true);
    assert.equal(snapshot.vpcs.find((v) => v.id === info.vpcId)?.enableDnsHostnames, true);
    assert.ok(snapshot.natGateways.some((n) => n.id === info.natGatewayId));
    assert.ok(snapshot.securityGroups.find((g) => g.id === info.sgRdsId)?.rules.some((r) => r.egress));
  });

  it("reads only the VPCs involved (not moto's default VPC) with one call per kind", () => {
    assert.deepEqual(
      snapshot.vpcs.map((v) => v.id),
      [seed().vpcId],
    );
    assert.ok(snapshot.subnets.every((s) => s.vpcId === seed().vpcId));
    const count = (op: string): number => operations.filter((o) => o === op).length;
    for (const op of [
      'ListServices',
      'ListVpcConnectors',
      'DescribeDBInstances',
      'DescribeVpcs',
      'DescribeSecurityGroups',
      'DescribeRouteTables',
      'DescribeNetworkAcls',
    ]) {
      assert.equal(count(op), 1, op);
    }
    assert.equal(count('DescribeService'), snapshot.services.length);
  });

  it('includes INACTIVE connectors, marked as such, and the VPC of an active connector', async () => {
    const { appRunner, ec2 } = sandboxClients();
    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'loader-test', Description: 'x', VpcId: seed().vpcId }),
    );
    const made = await appRunner.send(
      new CreateVpcConnectorCommand({
        VpcConnectorName: 'loader-test-connector',
        Subnets: seed().privateSubnetIds.slice(0, 2),
        SecurityGroups: [group.GroupId ?? ''],
      }),
    );
    await appRunner.send(new DeleteVpcConnectorCommand({ VpcConnectorArn: made.VpcConnector?.VpcConnectorArn }));
    const again = await loadTopology(getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }));
    const found = again.connectors.find((c) => c.name === 'loader-test-connector');
    assert.equal(found?.status, 'INACTIVE');
  });
});
