// EC2 and RDS SDK shapes to the snapshot's plain types. Protocol numbers are normalised to names
// ('6' -> 'tcp') so rule comparisons in src/model see one spelling.
import type {
  InternetGateway as SdkIgw,
  NatGateway as SdkNat,
  NetworkAcl as SdkAcl,
  NetworkInterface as SdkEni,
  RouteTable as SdkRouteTable,
  SecurityGroup as SdkGroup,
  SecurityGroupRule as SdkRule,
  Subnet as SdkSubnet,
} from '@aws-sdk/client-ec2';
import type {
  InternetGateway,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
} from '../../model/topology/topology';
import { defaultRouteKind } from '../../model/topology/routeTables';
import { tagMap } from './pool';

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' };

export function protocolName(p: string | undefined): string {
  const lower = (p ?? '-1').toLowerCase();
  return PROTOCOL_NAMES[lower] ?? lower;
}

export function ruleFrom(r: SdkRule): SecurityGroupRule {
  return {
    id: r.SecurityGroupRuleId ?? '',
    groupId: r.GroupId ?? '',
    egress: r.IsEgress === true,
    protocol: protocolName(r.IpProtocol),
    fromPort: r.FromPort ?? -1,
    toPort: r.ToPort ?? -1,
    cidrIpv4: r.CidrIpv4,
    cidrIpv6: r.CidrIpv6,
    prefixListId: r.PrefixListId,
    referencedGroupId: r.ReferencedGroupInfo?.GroupId,
    description: r.Description,
  };
}

export function groupFrom(g: SdkGroup, rules: SecurityGroupRule[]): SecurityGroup {
  return {
    id: g.GroupId ?? '',
    name: g.GroupName ?? '',
    description: g.Description ?? '',
    vpcId: g.VpcId ?? '',
    tags: tagMap(g.Tags),
    rules: rules.filter((r) => r.groupId === g.GroupId),
  };
}

export function routeTableFrom(t: SdkRouteTable): RouteTable {
  return {
    id: t.RouteTableId ?? '',
    vpcId: t.VpcId ?? '',
    isMain: (t.Associations ?? []).some((a) => a.Main === true),
    subnetIds: (t.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    routes: (t.Routes ?? []).map((r) => ({
      destinationCidr: r.DestinationCidrBlock,
      destinationIpv6Cidr: r.DestinationIpv6CidrBlock,
      destinationPrefixListId: r.DestinationPrefixListId,
      natGatewayId: r.NatGatewayId,
      gatewayId: r.GatewayId,
      transitGatewayId: r.TransitGatewayId,
      vpcPeeringConnectionId: r.VpcPeeringConnectionId,
      networkInterfaceId: r.NetworkInterfaceId,
      instanceId: r.InstanceId,
      state: r.State === 'blackhole' ? 'blackhole' : r.State === undefined ? undefined : 'active',
    })),
  };
}

/** The table a subnet uses: its explicit association, else the VPC's main table. */
export function tableOf(tables: readonly RouteTable[], subnet: { id: string; vpcId: string }): RouteTable | undefined {
  return (
    tables.find((t) => t.subnetIds.includes(subnet.id)) ?? tables.find((t) => t.isMain && t.vpcId === subnet.vpcId)
  );
}

export function subnetFrom(s: SdkSubnet, tables: readonly RouteTable[], acls: readonly NetworkAcl[]): Subnet {
  const base = { id: s.SubnetId ?? '', vpcId: s.VpcId ?? '' };
  const table = tableOf(tables, base);
  const tags = tagMap(s.Tags);
  return {
    ...base,
    availabilityZone: s.AvailabilityZone ?? '',
    availabilityZoneId: s.AvailabilityZoneId,
    cidrBlock: s.CidrBlock ?? '',
    ipv6CidrBlocks: (s.Ipv6CidrBlockAssociationSet ?? []).flatMap((a) => (a.Ipv6CidrBlock ? [a.Ipv6CidrBlock] : [])),
    // Private in the runbook's sense: no route to an internet gateway.
    isPrivate: !(table?.routes ?? []).some((r) => r.gatewayId?.startsWith('igw-')),
    // Only judged when the subnet's VPC was loaded (a subnet probed outside it has no tables to judge by).
    defaultRoute: tables.length > 0 ? defaultRouteKind(table) : undefined,
    ipv6Native: s.Ipv6Native === true,
    routeTableId: table?.id,
    networkAclId: acls.find((a) => a.subnetIds.includes(base.id))?.id,
    name: tags.Name,
    tags,
  };
}

export function aclFrom(a: SdkAcl): NetworkAcl {
  return {
    id: a.NetworkAclId ?? '',
    vpcId: a.VpcId ?? '',
    isDefault: a.IsDefault === true,
    subnetIds: (a.Associations ?? []).flatMap((x) => (x.SubnetId ? [x.SubnetId] : [])),
    entries: (a.Entries ?? []).map((e) => ({
      ruleNumber: e.RuleNumber ?? 0,
      egress: e.Egress === true,
      protocol: e.Protocol ?? '-1',
      action: e.RuleAction === 'deny' ? 'deny' : 'allow',
      cidrBlock: e.CidrBlock,
      ipv6CidrBlock: e.Ipv6CidrBlock,
      portFrom: e.PortRange?.From,
      portTo: e.PortRange?.To,
    })),
  };
}

export function natFrom(n: SdkNat): NatGateway {
  return { id: n.NatGatewayId ?? '', vpcId: n.VpcId ?? '', subnetId: n.SubnetId ?? '', state: n.State ?? 'unknown' };
}

export function igwFrom(i: SdkIgw): InternetGateway {
  return { id: i.InternetGatewayId ?? '', vpcIds: (i.Attachments ?? []).flatMap((a) => (a.VpcId ? [a.VpcId] : [])) };
}

export function networkInterfaceFrom(n: SdkEni): NetworkInterface {
  return {
    id: n.NetworkInterfaceId ?? '',
    vpcId: n.VpcId ?? '',
    groupIds: (n.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    interfaceType: n.InterfaceType,
    description: n.Description ?? '',
    requesterId: n.RequesterId,
    requesterManaged: n.RequesterManaged === true,
  };
}
