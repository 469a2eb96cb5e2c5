// Reads from moto what the ground truth needs about a service's path to its database: the DB named by
// DATABASE_URL, the connector's and the DB's subnets (with their network ACLs) and security groups.
import {
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import type { ConnectorRecord, Json, ServiceConfig } from '../apprunner/store';
import type { GroupFacts, ReachFacts, SgRule, SubnetFacts } from '../groundTruth';
import type { MotoClients } from '../motoClients';

export interface DatabaseTarget {
  host: string;
  port: number;
}

/** DATABASE_URL from the deployed configuration's runtime environment. */
export function databaseTarget(config: ServiceConfig): DatabaseTarget | undefined {
  const source = config.SourceConfiguration;
  const image = (source.ImageRepository as Json | undefined)?.ImageConfiguration as Json | undefined;
  const code = ((source.CodeRepository as Json | undefined)?.CodeConfiguration as Json | undefined)?.CodeConfigurationValues as Json | undefined;
  const env = ((image ?? code)?.RuntimeEnvironmentVariables ?? {}) as Record<string, string>;
  if (!env.DATABASE_URL) return undefined;
  try {
    const url = new URL(env.DATABASE_URL);
    return { host: url.hostname, port: Number(url.port || 5432) };
  } catch {
    return undefined;
  }
}

function rules(perms: IpPermission[] | undefined): SgRule[] {
  return (perms ?? []).map((p) => ({
    protocol: p.IpProtocol ?? '-1',
    fromPort: p.FromPort,
    toPort: p.ToPort,
    cidrs: (p.IpRanges ?? []).map((r) => r.CidrIp ?? ''),
    groupIds: (p.UserIdGroupPairs ?? []).map((g) => g.GroupId ?? ''),
  }));
}

async function groups(clients: MotoClients, ids: string[]): Promise<GroupFacts[]> {
  if (ids.length === 0) return [];
  const out = await clients.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: ids }] }));
  return (out.SecurityGroups ?? []).map((g) => ({ id: g.GroupId ?? '', ingress: rules(g.IpPermissions), egress: rules(g.IpPermissionsEgress) }));
}

async function subnets(clients: MotoClients, ids: string[]): Promise<SubnetFacts[]> {
  if (ids.length === 0) return [];
  const found = await clients.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: ids }] }));
  const vpcIds = [...new Set((found.Subnets ?? []).map((s) => s.VpcId ?? ''))];
  // By VPC and matched here: moto 5.2's association.subnet-id filter misses ACLs when given several ids.
  const acls = await clients.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: vpcIds }] }));
  return (found.Subnets ?? []).map((s) => {
    const acl = (acls.NetworkAcls ?? []).find((a) => (a.Associations ?? []).some((x) => x.SubnetId === s.SubnetId));
    return {
      id: s.SubnetId ?? '',
      vpcId: s.VpcId ?? '',
      cidr: s.CidrBlock ?? '0.0.0.0/32',
      nacl: (acl?.Entries ?? []).map((e) => ({
        ruleNumber: e.RuleNumber ?? 32767,
        egress: e.Egress === true,
        protocol: e.Protocol ?? '-1',
        allow: e.RuleAction === 'allow',
        cidr: e.CidrBlock ?? '0.0.0.0/0',
        fromPort: e.PortRange?.From,
        toPort: e.PortRange?.To,
      })),
    };
  });
}

export async function gatherReachFacts(
  clients: MotoClients,
  config: ServiceConfig,
  connector: ConnectorRecord | undefined,
): Promise<ReachFacts> {
  const egress = (config.NetworkConfiguration.EgressConfiguration ?? {}) as Json;
  const facts: ReachFacts = { egressType: String(egress.EgressType ?? 'DEFAULT') };
  if (connector) {
    const [s, g, dns] = await Promise.all([
      subnets(clients, connector.subnets),
      groups(clients, connector.securityGroups),
      clients.ec2.send(new DescribeVpcAttributeCommand({ VpcId: connector.vpcId, Attribute: 'enableDnsSupport' })),
    ]);
    facts.connector = { status: connector.status, subnets: s, groups: g, vpcDnsSupport: dns.EnableDnsSupport?.Value !== false };
  }
  const target = databaseTarget(config);
  if (!target) return facts;
  const instances = (await clients.rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
  const db = instances.find((i) => i.Endpoint?.Address === target.host && (i.Endpoint?.Port ?? 5432) === target.port);
  if (!db) return facts;
  const subnetIds = (db.DBSubnetGroup?.Subnets ?? []).map((s) => s.SubnetIdentifier ?? '');
  const groupIds = (db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '');
  const [s, g] = await Promise.all([subnets(clients, subnetIds), groups(clients, groupIds)]);
  facts.database = { status: db.DBInstanceStatus ?? 'unknown', port: target.port, vpcId: db.DBSubnetGroup?.VpcId ?? '', subnets: s, groups: g };
  return facts;
}

/** The same readers for the internet check (app/egressFacts.ts). */
export { groups as readGroupFacts, subnets as readSubnetFacts };
