// For the seed test files that run on one named seed (the layer's shared sandbox runs `runbook`): switch to it
// and back, the real `aws` CLI against it, SDK clients, db-health, and the runbook's rules (section 3-5)
// applied with the CLI the way a user would, on the seed's own DB group and port.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AppRunnerClient, DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client, RevokeSecurityGroupEgressCommand } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';
import type { Sandbox, SeedName } from '../../sandbox/index';
import { getSandbox, TEST_CREDENTIALS, TEST_REGION, waitFor } from './support';

const run = promisify(execFile);

/**
 * The layer's one sandbox (hooks.ts), reset to `seed`: the same world a sandbox started on that seed has (moto
 * reset, the seed built, faults, calls and identities cleared), without starting another moto and front per
 * seed file. Its stop() resets it to the `runbook` seed the other files expect.
 */
export async function startSeed(seed: SeedName): Promise<Sandbox> {
  const shared = getSandbox();
  await shared.reset(seed);
  return { ...shared, stop: () => shared.reset('runbook') };
}

export function clientsOf(sandbox: Sandbox): {
  appRunner: AppRunnerClient;
  ec2: EC2Client;
  rds: RDSClient;
  logs: CloudWatchLogsClient;
} {
  const config = { region: TEST_REGION, endpoint: sandbox.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 };
  return {
    appRunner: new AppRunnerClient(config),
    ec2: new EC2Client(config),
    rds: new RDSClient(config),
    logs: new CloudWatchLogsClient(config),
  };
}

function cliEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

/** `aws <args> --endpoint-url <sandbox> --output json`, parsed. */
export async function awsCli<T = Record<string, unknown>>(sandbox: Sandbox, args: string[]): Promise<T> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', sandbox.endpoint, '--output', 'json'], {
    env: cliEnv(),
  });
  return (stdout.trim() ? JSON.parse(stdout) : {}) as T;
}

/** The error code the CLI reports for a refused call (`An error occurred (Code) when calling ...`). */
export async function awsCliError(sandbox: Sandbox, args: string[]): Promise<string> {
  try {
    await awsCli(sandbox, args);
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '');
    return /An error occurred \(([^)]+)\)/.exec(stderr)?.[1] ?? stderr;
  }
  throw new Error(`aws ${args.join(' ')} succeeded, expected an error`);
}

export interface DbHealth {
  status: number;
  body: Record<string, unknown>;
  reason: string | null;
  text: string;
}

/** GET http://<sandbox>/_apps/<id>/api/v1/db-health, optionally as a client inside `sourceVpc`. */
export async function dbHealth(sandbox: Sandbox, serviceId: string, sourceVpc?: string): Promise<DbHealth> {
  const res = await fetch(`${sandbox.endpoint}/_apps/${serviceId}/api/v1/db-health`, {
    headers: sourceVpc ? { 'x-sandbox-source-vpc': sourceVpc } : {},
  });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text) as Record<string, unknown>,
    reason: res.headers.get('x-sandbox-reason'),
    text,
  };
}

export function assertConnected(h: DbHealth, why: string): void {
  assert.deepEqual(h.body, { status: 'healthy', database: 'connected' }, `${why}: ${h.reason}`);
}

export function assertNotConnected(h: DbHealth, why: string, reason?: RegExp): void {
  assert.equal(h.body.status, 'unhealthy', why);
  if (reason) assert.match(String(h.reason), reason, why);
}

export async function waitRunning(sandbox: Sandbox, serviceArn: string): Promise<void> {
  const { appRunner } = clientsOf(sandbox);
  await waitFor(
    `${serviceArn} RUNNING`,
    async () => {
      const out = await appRunner.send(new DescribeServiceCommand({ ServiceArn: serviceArn }));
      return out.Service?.Status === 'RUNNING' ? true : undefined;
    },
    20_000,
    100,
  );
}

export interface RunbookIds {
  /** The App Runner group (GroupName `apprunner-connector`, Name tag `sg-apprunner`). */
  appGroupId: string;
  connectorArn: string;
}

/**
 * The runbook's DB rules (sections 3-4) with the real CLI: the App Runner group (only its own rules), egress
 * on `port` to `dbGroupId`, ingress on `dbGroupId` from it, a connector on two private subnets. The 443/53
 * egress rules are left out: they do not decide db-health, and every CLI call costs seconds. The service is
 * not attached here (see attachConnector).
 */
export async function runbookRules(
  sandbox: Sandbox,
  opts: { vpcId: string; dbGroupId: string; port: number; subnets: string[] },
): Promise<RunbookIds> {
  const sg = await awsCli<{ GroupId: string }>(sandbox, [
    'ec2',
    'create-security-group',
    '--group-name',
    'apprunner-connector',
    '--description',
    'Security group for App Runner VPC Connector',
    '--vpc-id',
    opts.vpcId,
    '--tag-specifications',
    'ResourceType=security-group,Tags=[{Key=Name,Value=sg-apprunner}]',
  ]);
  const appGroupId = sg.GroupId;
  // A new group allows all egress; the runbook's group has only the rules it adds (test setup, not a runbook step).
  await clientsOf(sandbox).ec2.send(
    new RevokeSecurityGroupEgressCommand({
      GroupId: appGroupId,
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  const [, , conn] = await Promise.all([
    awsCli(sandbox, [
      'ec2',
      'authorize-security-group-egress',
      '--group-id',
      appGroupId,
      '--protocol',
      'tcp',
      '--port',
      String(opts.port),
      '--source-group',
      opts.dbGroupId,
    ]),
    allowFrom(sandbox, opts.dbGroupId, opts.port, appGroupId),
    awsCli<{ VpcConnector: { VpcConnectorArn: string } }>(sandbox, [
      'apprunner',
      'create-vpc-connector',
      '--vpc-connector-name',
      'campus-sns-vpc-connector',
      '--subnets',
      ...opts.subnets.slice(0, 2),
      '--security-groups',
      appGroupId,
    ]),
  ]);
  return { appGroupId, connectorArn: conn.VpcConnector.VpcConnectorArn };
}

/** `aws ec2 authorize-security-group-ingress --group-id <group> --protocol tcp --port <port> --source-group <from>` */
export async function allowFrom(sandbox: Sandbox, groupId: string, port: number, fromGroupId: string): Promise<void> {
  await awsCli(sandbox, [
    'ec2',
    'authorize-security-group-ingress',
    '--group-id',
    groupId,
    '--protocol',
    'tcp',
    '--port',
    String(port),
    '--source-group',
    fromGroupId,
  ]);
}

/** The runbook's section 5: `aws apprunner update-service` to VPC egress through the connector, then wait. */
export async function attachConnector(sandbox: Sandbox, serviceArn: string, connectorArn: string): Promise<void> {
  await awsCli(sandbox, [
    'apprunner',
    'update-service',
    '--service-arn',
    serviceArn,
    '--network-configuration',
    JSON.stringify({ EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: connectorArn } }),
  ]);
  await waitRunning(sandbox, serviceArn);
}

/** The Name tag of a resource as describe calls return it. */
export function nameOf(tags: { Key?: string; Value?: string }[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}
