// Checks a connector's subnets and security groups against the EC2 state in moto, as App Runner does
// before it accepts CreateVpcConnector: they must exist and all sit in one VPC.
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { invalidRequest } from './errors';

export interface CheckedNetwork {
  vpcId: string;
  azIds: string[];
  /** The groups to record: as given, or the VPC's default group when none were given (like AWS). */
  securityGroups: string[];
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : '';
}

export async function checkConnectorNetwork(
  ec2: EC2Client,
  subnetIds: string[],
  groupIds: string[],
): Promise<CheckedNetwork> {
  if (subnetIds.length === 0) throw invalidRequest('At least one subnet is required.');
  let subnets;
  try {
    subnets = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets ?? [];
  } catch (e) {
    if (errorName(e).startsWith('InvalidSubnetID')) throw invalidRequest(`Subnets not found: ${subnetIds.join(', ')}`);
    throw e;
  }
  const missing = subnetIds.filter((id) => !subnets.some((s) => s.SubnetId === id));
  if (missing.length > 0) throw invalidRequest(`Subnets not found: ${missing.join(', ')}`);
  // "App Runner only supports subnets of IP address type IPv4 and dual stack" (botocore's App Runner model,
  // CreateVpcConnectorRequest.Subnets): an IPv6-only subnet has no IPv4 block.
  const ipv6Only = subnets.filter((s) => s.Ipv6Native === true || !s.CidrBlock).map((s) => s.SubnetId);
  if (ipv6Only.length > 0) {
    throw invalidRequest(
      `Subnets ${ipv6Only.join(', ')} are IPv6-only; App Runner supports subnets of IP address type IPv4 and dual stack.`,
    );
  }
  const vpcs = new Set(subnets.map((s) => s.VpcId));
  if (vpcs.size > 1) throw invalidRequest('All subnets must belong to the same VPC.');
  const vpcId = subnets[0]?.VpcId ?? '';
  const securityGroups = groupIds.length > 0 ? groupIds : await defaultGroup(ec2, vpcId);
  let groups;
  try {
    groups = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: securityGroups }))).SecurityGroups ?? [];
  } catch (e) {
    if (errorName(e).startsWith('InvalidGroup'))
      throw invalidRequest(`Security groups not found: ${securityGroups.join(', ')}`);
    throw e;
  }
  const absent = securityGroups.filter((id) => !groups.some((g) => g.GroupId === id));
  if (absent.length > 0) throw invalidRequest(`Security groups not found: ${absent.join(', ')}`);
  const foreign = groups.filter((g) => g.VpcId !== vpcId).map((g) => g.GroupId);
  if (foreign.length > 0) {
    throw invalidRequest(`Security groups ${foreign.join(', ')} are not in the subnets' VPC ${vpcId}.`);
  }
  return { vpcId, azIds: subnets.map((s) => s.AvailabilityZoneId ?? ''), securityGroups };
}

async function defaultGroup(ec2: EC2Client, vpcId: string): Promise<string[]> {
  const out = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  return (out.SecurityGroups ?? []).map((g) => g.GroupId ?? '').filter(Boolean);
}
