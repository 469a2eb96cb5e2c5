// dual-stack: a VPC with an Amazon IPv6 block, dual-stack subnets, ::/0 routes and egress rules, and a
// DUAL_STACK service. App Runner's outbound traffic is IPv4 only: an IPv6-only 443 rule does not reach out.
import assert from 'node:assert/strict';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import {
  AuthorizeSecurityGroupEgressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import { cidrContains } from '../../sandbox/groundTruth';
import { assertTruth, attachNewConnector, routeTableOf, runbookEgress, runbookIngress, useSeed } from './seedWorld';
import { sandboxClients, seed } from './support';

/** The first 56 bits of an IPv6 CIDR's address as numbers (leading zeros and `::` spelled either way). */
function first56Bits(cidr: string): number[] {
  const [head = '', tail = ''] = (cidr.split('/')[0] ?? '').split('::');
  const left = head.split(':').filter(Boolean);
  const right = tail.split(':').filter(Boolean);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map((h) =>
    parseInt(h, 16),
  );
  return [...all.slice(0, 3), (all[3] ?? 0) >> 8];
}

describe('seed dual-stack', function () {
  this.timeout(300_000);
  useSeed('dual-stack');

  it('has an Amazon IPv6 /56, a /64 of it on every subnet, ::/0 to the egress-only gateway from the private subnets', async () => {
    const { ec2 } = sandboxClients();
    const vpcId = seed().vpcId ?? '';
    const block =
      (await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0]?.Ipv6CidrBlockAssociationSet?.[0]
        ?.Ipv6CidrBlock ?? '';
    assert.match(block, /\/56$/);
    assert.equal(block, seed().ipv6CidrBlock);
    const subnets =
      (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets ?? [];
    assert.equal(subnets.length, 5);
    for (const s of subnets) {
      const v6 = s.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock ?? '';
      assert.match(v6, /\/64$/, `${s.SubnetId} is dual-stack`);
      assert.deepEqual(first56Bits(v6), first56Bits(block), `${v6} inside ${block}`);
      assert.ok(cidrContains('10.0.0.0/16', s.CidrBlock ?? ''));
    }
    const routes = (await routeTableOf(vpcId, seed().privateSubnetIds[0] ?? ''))?.Routes ?? [];
    assert.ok(
      routes.find((r) => r.DestinationIpv6CidrBlock === '::/0')?.EgressOnlyInternetGatewayId?.startsWith('eigw-'),
    );
    assert.equal(routes.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')?.NatGatewayId, seed().natGatewayId);
    const publicRoutes = (await routeTableOf(vpcId, seed().publicSubnetId ?? ''))?.Routes ?? [];
    assert.equal(publicRoutes.find((r) => r.DestinationIpv6CidrBlock === '::/0')?.GatewayId, seed().internetGatewayId);
  });

  it('has groups with allow-all egress over IPv4 and IPv6 (::/0), and kyudai-api DUAL_STACK', async () => {
    const { ec2, appRunner } = sandboxClients();
    const groups =
      (
        await ec2.send(
          new DescribeSecurityGroupsCommand({ GroupIds: [seed().sgRdsId ?? '', seed().appRunnerGroupId ?? ''] }),
        )
      ).SecurityGroups ?? [];
    assert.equal(groups.length, 2);
    for (const g of groups) {
      const all = (g.IpPermissionsEgress ?? []).filter((p) => p.IpProtocol === '-1');
      assert.ok(
        all.some((p) => p.IpRanges?.some((r) => r.CidrIp === '0.0.0.0/0')),
        `${g.GroupName}: IPv4 allow-all`,
      );
      assert.ok(
        all.some((p) => p.Ipv6Ranges?.some((r) => r.CidrIpv6 === '::/0')),
        `${g.GroupName}: IPv6 allow-all`,
      );
    }
    const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
    assert.equal(service?.NetworkConfiguration?.IpAddressType, 'DUAL_STACK');
    assert.equal(service?.NetworkConfiguration?.EgressConfiguration?.EgressType, 'DEFAULT');
  });

  it('ground truth: a 443 rule on ::/0 only does not reach the internet (outbound is IPv4); the runbook’s 0.0.0.0/0 rule does', async () => {
    const arn = seed().serviceArn ?? '';
    await assertTruth(arn, { database: false, internet: true }, 'DEFAULT egress');
    // A group someone made with 443 allowed over IPv6 only (set up with the SDK: not a runbook step).
    const { ec2 } = sandboxClients();
    const created = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'apprunner-connector',
        Description: '443 over IPv6 only',
        VpcId: seed().vpcId,
      }),
    );
    const groupId = created.GroupId ?? '';
    await ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: groupId,
        IpPermissions: [
          { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          { IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
        ],
      }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: groupId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }],
      }),
    );
    // The runbook's rules for the DB, with the aws CLI.
    await runbookEgress(groupId, seed().sgRdsId ?? '', ['5432', '53']);
    await runbookIngress(seed().sgRdsId ?? '', groupId);
    await attachNewConnector(arn, 'campus-sns-vpc-connector', seed().privateSubnetIds.slice(0, 2), [groupId]);
    const v6 = await assertTruth(arn, { database: true, internet: false }, '443 allowed to ::/0 only');
    assert.match(v6.why, /443 to 0\.0\.0\.0\/0 \(IPv4\)/);
    // The runbook's 443 rule (0.0.0.0/0): security group changes apply at once, no redeploy.
    await runbookEgress(groupId, seed().sgRdsId ?? '', ['443']);
    await assertTruth(arn, { database: true, internet: true }, "with the runbook's 443 rule on 0.0.0.0/0");
  });
});
