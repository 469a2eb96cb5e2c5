// Helpers for the account-shape seed tests: switch the shared sandbox to a seed (and back to the runbook's
// world afterwards), read a service's two ground truths through its URL, and apply the runbook's rules
// and attach a connector with the real `aws` CLI.
import assert from 'node:assert/strict';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { DescribeRouteTablesCommand, type RouteTable } from '@aws-sdk/client-ec2';
import { awsCli } from './engineSupport';
import { getSandbox, getServiceUrl, sandboxClients, seed, waitForServiceStatus } from './support';

/** Mocha hooks: the shared sandbox on `name` for this suite, the runbook's world again after it. */
export function useSeed(name: string): void {
  before(async function () {
    this.timeout(120_000);
    await getSandbox().reset(name);
    assert.equal(seed().seed, name);
  });
  after(async function () {
    this.timeout(120_000);
    await getSandbox().reset('runbook');
  });
}

export async function aws<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const out = await awsCli(args);
  return (out.trim() ? JSON.parse(out) : {}) as T;
}

/** The `aws` CLI's error text for a command that must fail. */
export async function awsError(...args: string[]): Promise<string> {
  try {
    await awsCli(args);
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
  throw new Error(`expected aws ${args.join(' ')} to fail`);
}

export interface Truth {
  database: boolean;
  internet: boolean;
  /** Why, from the sandbox (x-sandbox-reason and egress-health's reason), for assertion messages. */
  why: string;
}

/** db-health and egress-health of a service, as its application answers them. */
export async function truth(serviceArn: string): Promise<Truth> {
  const { appRunner } = sandboxClients();
  const url = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: serviceArn }))).Service?.ServiceUrl ?? '';
  const db = await getServiceUrl(url, '/api/v1/db-health');
  const egress = await getServiceUrl(url, '/api/v1/egress-health');
  assert.equal(egress.status, 200);
  assert.equal(typeof egress.body.internet, 'boolean');
  assert.equal(typeof egress.body.reason, 'string');
  return {
    database: db.body.database === 'connected',
    internet: egress.body.internet === true,
    why: `db: ${db.headers.get('x-sandbox-reason') ?? 'connected'}; internet: ${String(egress.body.reason)}`,
  };
}

export async function assertTruth(
  serviceArn: string,
  expected: { database: boolean; internet: boolean },
  when: string,
): Promise<Truth> {
  const t = await truth(serviceArn);
  assert.deepEqual({ database: t.database, internet: t.internet }, expected, `${when}: ${t.why}`);
  return t;
}

/** The route table a subnet uses (its own, else the VPC's main one). */
export async function routeTableOf(vpcId: string, subnetId: string): Promise<RouteTable | undefined> {
  const { ec2 } = sandboxClients();
  const tables =
    (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).RouteTables ??
    [];
  return (
    tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId)) ??
    tables.find((t) => t.Associations?.some((a) => a.Main === true))
  );
}

/** Where a subnet sends 0.0.0.0/0 (an igw-/nat- id), or undefined when it has no default route. */
export async function defaultRouteTarget(vpcId: string, subnetId: string): Promise<string | undefined> {
  const route = (await routeTableOf(vpcId, subnetId))?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  return route ? (route.GatewayId ?? route.NatGatewayId ?? 'other') : undefined;
}

/**
 * The runbook's group (3.1) with the `aws` CLI: a valid GroupName with the runbook's name as Name tag,
 * AWS's default allow-all IPv4 egress removed (the runbook wants no allow-all), then its three outbound rules.
 */
export async function createRunbookGroup(vpcId: string, dbGroupId: string): Promise<string> {
  const { GroupId } = await aws<{ GroupId: string }>(
    'ec2',
    'create-security-group',
    '--group-name',
    'apprunner-connector',
    '--description',
    'Security group for App Runner VPC Connector',
    '--vpc-id',
    vpcId,
    '--tag-specifications',
    'ResourceType=security-group,Tags=[{Key=Name,Value=sg-apprunner}]',
  );
  const defaults = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
  await aws('ec2', 'revoke-security-group-egress', '--group-id', GroupId, '--ip-permissions', JSON.stringify(defaults));
  await runbookEgress(GroupId, dbGroupId, ['5432', '443', '53']);
  return GroupId;
}

/**
 * The runbook's outbound rules (3.1) on `groupId`, any of: 5432 to the DB's group, 443 and UDP 53 anywhere.
 * One `authorize-security-group-egress` call with all of them (the same rules as the runbook's three calls).
 */
export async function runbookEgress(
  groupId: string,
  dbGroupId: string,
  which: ('5432' | '443' | '53')[],
): Promise<void> {
  const rules: Record<string, object> = {
    '5432': { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: dbGroupId }] },
    '443': { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    '53': { IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
  };
  await aws(
    'ec2',
    'authorize-security-group-egress',
    '--group-id',
    groupId,
    '--ip-permissions',
    JSON.stringify(which.map((w) => rules[w])),
  );
}

/** The runbook's inbound rule (3.2): the DB's group accepts 5432 from the App Runner group. */
export async function runbookIngress(dbGroupId: string, appGroupId: string): Promise<void> {
  await aws(
    'ec2',
    'authorize-security-group-ingress',
    '--group-id',
    dbGroupId,
    '--protocol',
    'tcp',
    '--port',
    '5432',
    '--source-group',
    appGroupId,
  );
}

/** 4.2 and 5.1 with the `aws` CLI: a connector over `subnets` with `groups`, attached; waits until RUNNING. */
export async function attachNewConnector(
  serviceArn: string,
  name: string,
  subnets: string[],
  groups: string[],
): Promise<string> {
  const created = await aws<{ VpcConnector: { VpcConnectorArn: string; Status: string } }>(
    'apprunner',
    'create-vpc-connector',
    '--vpc-connector-name',
    name,
    '--subnets',
    JSON.stringify(subnets),
    '--security-groups',
    JSON.stringify(groups),
  );
  assert.equal(created.VpcConnector.Status, 'ACTIVE');
  const arn = created.VpcConnector.VpcConnectorArn;
  await aws(
    'apprunner',
    'update-service',
    '--service-arn',
    serviceArn,
    '--network-configuration',
    JSON.stringify({ EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: arn } }),
  );
  await waitForServiceStatus(sandboxClients().appRunner, serviceArn, 'RUNNING', 20_000);
  return arn;
}

/** Tags as a plain map. */
export function tagMap(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}
