// The network pieces of only the VPCs involved (the DB's and the connectors'), each fetched with a vpc-id or
// id filter: never a scan of unrelated resources.
import {
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  paginateDescribeInternetGateways,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroupRules,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  type EC2Client,
  type NetworkInterface as SdkEni,
  type SecurityGroupRule as SdkRule,
  type Subnet as SdkSubnet,
} from '@aws-sdk/client-ec2';
import type { Topology, Vpc } from '../../model/topology/topology';
import {
  aclFrom,
  groupFrom,
  igwFrom,
  natFrom,
  networkInterfaceFrom,
  routeTableFrom,
  ruleFrom,
  subnetFrom,
} from './ec2Mapping';
import { collectPages, tagMap } from './pool';

type NetworkPart = Pick<
  Topology,
  | 'vpcs'
  | 'subnets'
  | 'routeTables'
  | 'networkAcls'
  | 'securityGroups'
  | 'natGateways'
  | 'internetGateways'
  | 'networkInterfaces'
>;

/** The given subnets (connector subnets, the user's choice) by one id-filtered call; unknown ids are simply absent. */
export async function subnetsById(client: EC2Client, subnetIds: string[]): Promise<SdkSubnet[]> {
  if (subnetIds.length === 0) return [];
  const out = await client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: subnetIds }] }));
  return out.Subnets ?? [];
}

async function vpcWithDns(client: EC2Client, vpc: Vpc): Promise<Vpc> {
  const [support, hostnames] = await Promise.all([
    client.send(new DescribeVpcAttributeCommand({ VpcId: vpc.id, Attribute: 'enableDnsSupport' })),
    client.send(new DescribeVpcAttributeCommand({ VpcId: vpc.id, Attribute: 'enableDnsHostnames' })),
  ]);
  return {
    ...vpc,
    enableDnsSupport: support.EnableDnsSupport?.Value,
    enableDnsHostnames: hostnames.EnableDnsHostnames?.Value,
  };
}

export async function loadNetwork(client: EC2Client, vpcIds: string[]): Promise<NetworkPart> {
  if (vpcIds.length === 0) {
    return {
      vpcs: [],
      subnets: [],
      routeTables: [],
      networkAcls: [],
      securityGroups: [],
      natGateways: [],
      internetGateways: [],
      networkInterfaces: [],
    };
  }
  const byVpc = [{ Name: 'vpc-id', Values: vpcIds }];
  const [vpcsOut, rawSubnets, rawTables, rawAcls, rawGroups, rawNats, rawIgws] = await Promise.all([
    client.send(new DescribeVpcsCommand({ VpcIds: vpcIds })),
    collectPages(paginateDescribeSubnets({ client }, { Filters: byVpc }), (p) => p.Subnets),
    collectPages(paginateDescribeRouteTables({ client }, { Filters: byVpc }), (p) => p.RouteTables),
    collectPages(paginateDescribeNetworkAcls({ client }, { Filters: byVpc }), (p) => p.NetworkAcls),
    collectPages(paginateDescribeSecurityGroups({ client }, { Filters: byVpc }), (p) => p.SecurityGroups),
    collectPages(paginateDescribeNatGateways({ client }, { Filter: byVpc }), (p) => p.NatGateways),
    collectPages(
      paginateDescribeInternetGateways({ client }, { Filters: [{ Name: 'attachment.vpc-id', Values: vpcIds }] }),
      (p) => p.InternetGateways,
    ),
  ]);
  const groupIds = rawGroups.flatMap((g) => (g.GroupId ? [g.GroupId] : []));
  const [rawRules, rawEnis] = await Promise.all([loadRules(client, groupIds), loadInterfaces(client, groupIds)]);
  const rules = rawRules.map(ruleFrom);
  const routeTables = rawTables.map(routeTableFrom);
  const networkAcls = rawAcls.map(aclFrom);
  const vpcs = await Promise.all(
    (vpcsOut.Vpcs ?? []).map((v) =>
      vpcWithDns(client, { id: v.VpcId ?? '', cidrBlock: v.CidrBlock ?? '', name: tagMap(v.Tags).Name }),
    ),
  );
  return {
    vpcs,
    routeTables,
    networkAcls,
    subnets: rawSubnets.map((s) => subnetFrom(s, routeTables, networkAcls)),
    securityGroups: rawGroups.map((g) => groupFrom(g, rules)),
    natGateways: rawNats.map(natFrom),
    internetGateways: rawIgws.map(igwFrom),
    networkInterfaces: rawEnis.map(networkInterfaceFrom),
  };
}

function chunksOf(ids: string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 200) chunks.push(ids.slice(i, i + 200));
  return chunks;
}

/**
 * Who uses the groups (before the plan changes one): interfaces by group-id filter, 200 ids per request, at
 * the API's page maximum. An interface in two of the groups is listed once.
 */
export async function loadInterfaces(client: EC2Client, groupIds: string[]): Promise<SdkEni[]> {
  const pages = await Promise.all(
    chunksOf(groupIds).map((ids) =>
      collectPages(
        paginateDescribeNetworkInterfaces({ client, pageSize: 1000 }, { Filters: [{ Name: 'group-id', Values: ids }] }),
        (p) => p.NetworkInterfaces,
      ),
    ),
  );
  const byId = new Map(pages.flat().map((n) => [n.NetworkInterfaceId ?? '', n] as const));
  return [...byId.values()];
}

/** Rules of the given groups, 200 group ids per filtered request (EC2's filter value limit). */
export async function loadRules(client: EC2Client, groupIds: string[]): Promise<SdkRule[]> {
  const pages = await Promise.all(
    chunksOf(groupIds).map((ids) =>
      collectPages(
        paginateDescribeSecurityGroupRules({ client }, { Filters: [{ Name: 'group-id', Values: ids }] }),
        (p) => p.SecurityGroupRules,
      ),
    ),
  );
  return pages.flat();
}
