// `nacl-blocker`: the runbook's account after a hardening pass: the VPC's network ACL (the one the private
// subnets use, so the connector's and the database's) got a deny of TCP 5432 from the VPC's range as rule 50,
// before its allow-all, "databases only from the bastion" written as an ACL entry. Catches: a tool that writes
// its groups, rules and connector, redeploys, and only then fails the database check with a timeout; the plan
// must name the ACL entry before its first write, and `apply --yes` stop there.
import { CreateNetworkAclEntryCommand, DescribeNetworkAclsCommand } from '@aws-sdk/client-ec2';
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { seedRunbook } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

export async function seedNaclBlocker(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const info = { ...(await seedRunbook(ctx, clients)), seed: 'nacl-blocker' };
  const acls = await clients.ec2.send(
    new DescribeNetworkAclsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [info.vpcId ?? ''] },
        { Name: 'default', Values: ['true'] },
      ],
    }),
  );
  const aclId = acls.NetworkAcls?.[0]?.NetworkAclId ?? '';
  await clients.ec2.send(
    new CreateNetworkAclEntryCommand({
      NetworkAclId: aclId,
      Egress: false,
      RuleNumber: 50,
      Protocol: '6',
      PortRange: { From: 5432, To: 5432 },
      CidrBlock: '10.0.0.0/16',
      RuleAction: 'deny',
    }),
  );
  info.blockingAclId = aclId;
  return info;
}
