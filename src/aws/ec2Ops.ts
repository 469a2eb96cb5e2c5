// The EC2 calls the engine makes: re-reads before every write, and the writes themselves. Plain model types
// in and out, so src/engine never touches SDK shapes.
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcAttributeCommand,
  ModifyVpcAttributeCommand,
  RevokeSecurityGroupEgressCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { ruleFrom } from './load/ec2Mapping';
import { loadRules } from './load/network';
import type { VpcDnsAttribute } from '../model/plan/planSteps';
import type { SecurityGroupRule } from '../model/topology/topology';

export interface PermissionSpec {
  protocol: string;
  fromPort: number;
  toPort: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  referencedGroupId?: string;
  description?: string;
}

/** A group in the VPC by GroupName, else (when given) by its Name tag, as the plan finds it. */
export async function findGroupId(
  ec2: EC2Client,
  name: string,
  vpcId: string,
  nameTag?: string,
): Promise<string | undefined> {
  const byName = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'group-name', Values: [name] },
        { Name: 'vpc-id', Values: [vpcId] },
      ],
    }),
  );
  const id = byName.SecurityGroups?.[0]?.GroupId;
  if (id || !nameTag) return id;
  const byTag = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'tag:Name', Values: [nameTag] },
        { Name: 'vpc-id', Values: [vpcId] },
      ],
    }),
  );
  return byTag.SecurityGroups?.[0]?.GroupId;
}

export async function readGroupRules(ec2: EC2Client, groupId: string): Promise<SecurityGroupRule[]> {
  return (await loadRules(ec2, [groupId])).map(ruleFrom);
}

export async function createGroup(
  ec2: EC2Client,
  name: string,
  vpcId: string,
  description: string,
  tags: Record<string, string>,
): Promise<string> {
  const out = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: name,
      VpcId: vpcId,
      Description: description,
      TagSpecifications: [
        { ResourceType: 'security-group', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
      ],
    }),
  );
  if (!out.GroupId) throw new Error('CreateSecurityGroup returned no GroupId');
  return out.GroupId;
}

function permission(p: PermissionSpec): IpPermission {
  const base: IpPermission = { IpProtocol: p.protocol };
  if (p.protocol !== '-1') Object.assign(base, { FromPort: p.fromPort, ToPort: p.toPort });
  if (p.cidrIpv4) base.IpRanges = [{ CidrIp: p.cidrIpv4, Description: p.description }];
  if (p.cidrIpv6) base.Ipv6Ranges = [{ CidrIpv6: p.cidrIpv6, Description: p.description }];
  if (p.referencedGroupId) base.UserIdGroupPairs = [{ GroupId: p.referencedGroupId, Description: p.description }];
  return base;
}

export async function authorizeEgress(ec2: EC2Client, groupId: string, p: PermissionSpec): Promise<void> {
  await ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [permission(p)] }));
}

export async function authorizeIngress(ec2: EC2Client, groupId: string, p: PermissionSpec): Promise<void> {
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [permission(p)] }));
}

export async function revokeEgress(ec2: EC2Client, groupId: string, p: PermissionSpec): Promise<void> {
  await ec2.send(
    new RevokeSecurityGroupEgressCommand({
      GroupId: groupId,
      IpPermissions: [permission({ ...p, description: undefined })],
    }),
  );
}

export async function vpcAttributeEnabled(ec2: EC2Client, vpcId: string, attribute: VpcDnsAttribute): Promise<boolean> {
  const out = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: attribute }));
  return (attribute === 'enableDnsSupport' ? out.EnableDnsSupport?.Value : out.EnableDnsHostnames?.Value) === true;
}

/** ModifyVpcAttribute takes one attribute per call. */
export async function enableVpcAttribute(ec2: EC2Client, vpcId: string, attribute: VpcDnsAttribute): Promise<void> {
  await ec2.send(
    new ModifyVpcAttributeCommand(
      attribute === 'enableDnsSupport'
        ? { VpcId: vpcId, EnableDnsSupport: { Value: true } }
        : { VpcId: vpcId, EnableDnsHostnames: { Value: true } },
    ),
  );
}
