// Helpers for the engine and CLI tests: run the CLI in-process against the shared sandbox, read the
// account's real state with plain SDK calls, and count write calls from the sandbox's own counters.
import { ListVpcConnectorsCommand, DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import {
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { getClients, type AwsClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { main } from '../../src/cli/main';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import type { Plan } from '../../src/model/plan/planSteps';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { callCounts, getSandbox, sandboxClients, sandboxEnv, seed, TEST_CREDENTIALS, TEST_REGION } from './support';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Test credentials in this process's environment (the CLI's credential chain reads process.env). */
export function useTestCredentials(): void {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}

/** Runs `apprunner-vpc <argv>` in-process against the sandbox (fast polling), with stdin given or closed. */
export async function cli(
  argv: string[],
  options: { stdin?: string; tty?: boolean; endpoint?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  if (options.stdin !== undefined) stdin.end(options.stdin);
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin,
  };
  const env = { ...sandboxEnv(), AWS_ENDPOINT_URL: undefined, LANG: 'C' };
  const code = await main(
    [
      ...argv,
      '--endpoint-url',
      options.endpoint ?? getSandbox().endpoint,
      '--region',
      'ap-northeast-1',
      '--poll-interval',
      '0.05',
    ],
    io,
    env,
  );
  return { code, stdout, stderr };
}

export const execFileAsync = promisify(execFile);

/** The real `aws` CLI against the sandbox. */
export async function awsCli(args: string[]): Promise<string> {
  const out = await execFileAsync('aws', [...args, '--endpoint-url', getSandbox().endpoint, '--output', 'json'], {
    env: sandboxEnv(),
  });
  return out.stdout;
}

/**
 * A deny of TCP 5432 from 10.0.0.0/16 as rule 50 of the VPC's default network ACL, before its allow-all (the
 * runbook's VPC: connector and DB subnets share that ACL); `deny` chooses another direction or port range (the
 * replies' ephemeral ports). Returns the ACL's id.
 */
export async function denyDbPortInDefaultAcl(
  vpcId: string,
  deny: { egress?: boolean; ports?: { from: number; to: number } } = {},
): Promise<string> {
  const acls = JSON.parse(
    await awsCli([
      'ec2',
      'describe-network-acls',
      '--filters',
      `Name=vpc-id,Values=${vpcId}`,
      'Name=default,Values=true',
    ]),
  ) as { NetworkAcls: { NetworkAclId: string }[] };
  const acl = acls.NetworkAcls[0].NetworkAclId;
  await awsCli([
    'ec2',
    'create-network-acl-entry',
    '--network-acl-id',
    acl,
    deny.egress ? '--egress' : '--ingress',
    '--rule-number',
    '50',
    '--protocol',
    'tcp',
    '--port-range',
    `From=${deny.ports?.from ?? 5432},To=${deny.ports?.to ?? 5432}`,
    '--cidr-block',
    '10.0.0.0/16',
    '--rule-action',
    'deny',
  ]);
  return acl;
}

const WRITE =
  /^(Create|Delete|Authorize|Revoke|Update|Modify|Attach|Detach|Associate|Disassociate|Replace|Start|Pause|Resume|Tag|Untag)/;

export async function writeCallCount(): Promise<number> {
  const counts = await callCounts();
  return Object.entries(counts.operations)
    .filter(([op]) => WRITE.test(op))
    .reduce((sum, [, n]) => sum + n, 0);
}

export interface AccountState {
  appRunnerGroupIds: string[];
  appRunnerEgress: SecurityGroupRule[];
  appRunnerIngress: SecurityGroupRule[];
  dbIngress: SecurityGroupRule[];
  activeConnectors: { name: string; arn: string; subnets: string[]; groups: string[] }[];
  service: { status?: string; egressType?: string; connectorArn?: string; url?: string };
  groupTags: Record<string, string>;
}

/** What the account looks like now, read with plain SDK describe calls (not the code under test). */
export async function accountState(): Promise<AccountState> {
  const { ec2, appRunner } = sandboxClients();
  const info = seed();
  const groups = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'tag:Name', Values: ['sg-apprunner'] },
        { Name: 'vpc-id', Values: [info.vpcId ?? ''] },
      ],
    }),
  );
  const appIds = (groups.SecurityGroups ?? []).map((g) => g.GroupId ?? '');
  const rulesOf = async (id: string): Promise<SecurityGroupRule[]> =>
    (await ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [id] }] })))
      .SecurityGroupRules ?? [];
  const appRules = appIds.length === 1 ? await rulesOf(appIds[0]) : [];
  const dbRules = await rulesOf(info.sgRdsId ?? '');
  const connectors = (await appRunner.send(new ListVpcConnectorsCommand({ MaxResults: 100 }))).VpcConnectors ?? [];
  const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: info.serviceArn }))).Service;
  return {
    appRunnerGroupIds: appIds,
    appRunnerEgress: appRules.filter((r) => r.IsEgress),
    appRunnerIngress: appRules.filter((r) => !r.IsEgress),
    dbIngress: dbRules.filter((r) => !r.IsEgress),
    activeConnectors: connectors
      .filter((c) => c.Status === 'ACTIVE')
      .map((c) => ({
        name: c.VpcConnectorName ?? '',
        arn: c.VpcConnectorArn ?? '',
        subnets: [...(c.Subnets ?? [])].sort(),
        groups: c.SecurityGroups ?? [],
      })),
    service: {
      status: service?.Status,
      egressType: service?.NetworkConfiguration?.EgressConfiguration?.EgressType,
      connectorArn: service?.NetworkConfiguration?.EgressConfiguration?.VpcConnectorArn,
      url: service?.ServiceUrl,
    },
    groupTags: Object.fromEntries((groups.SecurityGroups?.[0]?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  };
}

/** A rule as [protocol, from, to, target] for order-free comparison. */
export function ruleKey(r: SecurityGroupRule): string {
  return [r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4 ?? r.CidrIpv6 ?? r.ReferencedGroupInfo?.GroupId].join(' ');
}

/** The runbook's setup plan for the sandbox as it is now, with the clients to apply it (the product's own path). */
export async function setupPlan(): Promise<{ clients: AwsClients; plan: Plan }> {
  const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint });
  const snapshot = await loadTopology(clients);
  const desired = resolveDesired(snapshot, DEFAULT_SETUP_SETTINGS);
  if (!desired.ok) throw new Error(desired.issues[0].message.en);
  return { clients, plan: plan(snapshot, desired.desired) };
}
