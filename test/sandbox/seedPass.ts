// One pass of the whole CLI per seed, shared by the two tests that run every seed: docs/real-accounts.md's table
// (seed-table.test.ts) and the IaC parity (iac-parity.test.ts). Each used to reset the seed and run it on its
// own; now the seed is reset once and, in this order: `diagnose --json` and `plan --json` (the table's, without
// flags), `plan --json --service` and the CloudFormation, Terraform and CDK exports with what they reference read
// from the account (the parity's), `apply --yes --json`, the account as apply left it, `diagnose --json` again.
// The exports are read-only, so they see the seed as reset, before apply, as they did alone. Memoized per sandbox:
// in a whole-layer run the second test reads what the first one ran.
import {
  DescribeServiceCommand,
  DescribeVpcConnectorCommand,
  ListVpcConnectorsCommand,
} from '@aws-sdk/client-apprunner';
import {
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import type { SeedInfo, SeedName } from '../../sandbox/index';
import { seedNames } from '../../sandbox/seed/registry';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { cli, useTestCredentials, type CliRun } from './engineSupport';
import { getSandbox, sandboxClients, seed } from './support';

/** The scale seed is the runbook's world with many copies (the bench's); the table leaves it out. */
export const TABLE_SEEDS = seedNames().filter((name) => name !== 'scale');

/**
 * The bash export takes a minute a seed against the sandbox (tens of `aws` CLI v1 processes, a deployment, health
 * checks): by default the seeds whose accounts differ most for a script (a fresh account, a half-done one, a
 * dual-stack service, IaC-owned groups); IAC_PARITY_BASH=all runs every seed.
 */
export const BASH_SEEDS =
  process.env.IAC_PARITY_BASH === 'all' ? seedNames() : ['runbook', 'brownfield', 'dual-stack', 'iac-managed'];

export type ExportFormat = 'bash' | 'cloudformation' | 'terraform' | 'cdk';

/** A group or connector an export names, as the account held it when the export was made. */
export interface References {
  groups: Map<string, { groupName: string; rules: SecurityGroupRule[] }>;
  connectors: Map<string, { name: string; subnets: string[] }>;
}

export interface SeedPass {
  name: string;
  /** What the seed created on this reset (ids differ between resets). */
  info: SeedInfo;
  /** The table's runs: no flags (every seed's service is the CLI's default, kyudai-api). */
  diagnoseBefore: CliRun;
  plan: CliRun;
  /** The parity's plan: `plan --json --service <the seed's service>` (no flag on a seed without one). */
  parityPlan: CliRun;
  /**
   * The parity's exports, before apply. When parityPlan refuses (exit 1): every format with the plan's flags, each
   * expected to refuse alike. Otherwise CloudFormation, Terraform and CDK with `--connector-name` set to the plan's.
   */
  exports: Partial<Record<ExportFormat, CliRun>>;
  /** The flags the exports ran with. */
  exportFlags: string[];
  references: References;
  /** Only on the table's seeds and the bash seeds (the scale seed is neither, by default). */
  apply?: CliRun;
  /** The account after apply, as settledState reads it (bash seeds only: what the bash export must match). */
  afterApply?: Record<string, unknown>;
  diagnoseAfter?: CliRun;
}

const passes = new WeakMap<object, Map<string, Promise<SeedPass>>>();

/** The pass of `name` on the running sandbox: run once, then shared. */
export function seedPass(name: string): Promise<SeedPass> {
  const sandbox = getSandbox();
  let bySeed = passes.get(sandbox);
  if (!bySeed) passes.set(sandbox, (bySeed = new Map()));
  let pass = bySeed.get(name);
  if (!pass) {
    pass = runPass(name);
    // A failed pass is not cached: the next test that needs it runs it again and reports its own failure.
    pass.catch(() => bySeed.delete(name));
    bySeed.set(name, pass);
  }
  return pass;
}

async function runPass(name: string): Promise<SeedPass> {
  useTestCredentials();
  await getSandbox().reset(name as SeedName);
  const info = seed();
  const service = info.serviceName;
  const serviceFlags = service ? ['--service', service] : [];
  const diagnoseBefore = await cli(['diagnose', '--json']);
  const plan = await cli(['plan', '--json']);
  const parityPlan = await cli(['plan', '--json', ...serviceFlags]);
  const exportRuns: SeedPass['exports'] = {};
  let exportFlags = serviceFlags;
  if (parityPlan.code === 1) {
    for (const format of ['bash', 'cloudformation', 'cdk', 'terraform'] as const)
      exportRuns[format] = await cli(['export', '--format', format, '--json', ...serviceFlags]);
  } else if (service) {
    const desired = (JSON.parse(parityPlan.stdout) as { desired: { connectorName: string } }).desired;
    exportFlags = ['--service', service, '--connector-name', desired.connectorName];
    for (const format of ['cloudformation', 'terraform', 'cdk'] as const)
      exportRuns[format] = await cli(['export', '--format', format, '--json', ...exportFlags]);
  }
  const references = await referencesIn(Object.values(exportRuns).map((r) => r.stdout));
  const pass: SeedPass = { name, info, diagnoseBefore, plan, parityPlan, exports: exportRuns, exportFlags, references };
  if (!TABLE_SEEDS.includes(name) && !BASH_SEEDS.includes(name)) return pass;
  // The table's `apply --yes`; the default service is the seed's (asserted where the parity relies on it).
  pass.apply = await cli(['apply', '--yes', '--json']);
  if (BASH_SEEDS.includes(name) && info.serviceArn)
    pass.afterApply = await settledState(info.serviceArn, info.sgRdsId ?? '');
  pass.diagnoseAfter = await cli(['diagnose', '--json']);
  return pass;
}

/** The CLI's default service (apply without --service sets it up): the name every seed's service has. */
export const DEFAULT_SERVICE = DEFAULT_SETUP_SETTINGS.serviceName;

/** Every group id and connector ARN the exports name, read from the account now (before apply changes it). */
async function referencesIn(texts: string[]): Promise<References> {
  const { ec2, appRunner } = sandboxClients();
  const all = texts.join('\n');
  const groupIds = [...new Set(all.match(/\bsg-[0-9a-f]{8,17}\b/g) ?? [])];
  const arns = [
    ...new Set(all.match(/arn:aws:apprunner:[a-z0-9-]+:\d{12}:vpcconnector\/[A-Za-z0-9_-]+\/\d+\/[0-9a-f]+/g) ?? []),
  ];
  const refs: References = { groups: new Map(), connectors: new Map() };
  if (groupIds.length) {
    const groups =
      (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: groupIds }] })))
        .SecurityGroups ?? [];
    for (const g of groups) {
      const rules =
        (
          await ec2.send(
            new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [g.GroupId ?? ''] }] }),
          )
        ).SecurityGroupRules ?? [];
      refs.groups.set(g.GroupId ?? '', { groupName: String(g.GroupName), rules });
    }
  }
  for (const arn of arns) {
    const connector = (
      await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: arn })).catch(() => undefined)
    )?.VpcConnector;
    if (connector)
      refs.connectors.set(arn, { name: String(connector.VpcConnectorName), subnets: [...(connector.Subnets ?? [])] });
  }
  return refs;
}

/** The account after a setup, with ids replaced by what survives a reset (group names, subnet CIDRs, 'db'). */
export async function settledState(serviceArn: string, dbGroupId: string): Promise<Record<string, unknown>> {
  const { ec2, appRunner } = sandboxClients();
  const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: serviceArn }))).Service;
  const egressConfig = service?.NetworkConfiguration?.EgressConfiguration;
  const connector = egressConfig?.VpcConnectorArn
    ? (await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: egressConfig.VpcConnectorArn })))
        .VpcConnector
    : undefined;
  const groupIds = connector?.SecurityGroups ?? [];
  const groups = groupIds.length
    ? ((await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: groupIds }))).SecurityGroups ?? [])
    : [];
  const subnets = connector?.Subnets?.length
    ? ((await ec2.send(new DescribeSubnetsCommand({ SubnetIds: connector.Subnets }))).Subnets ?? [])
    : [];
  const names = new Map<string, string>([
    [dbGroupId, 'db'],
    ...groups.map((g) => [g.GroupId ?? '', `app:${g.GroupName}`] as [string, string]),
  ]);
  const rules = async (id: string): Promise<SecurityGroupRule[]> =>
    (await ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [id] }] })))
      .SecurityGroupRules ?? [];
  const norm = (r: SecurityGroupRule): string =>
    [
      r.IsEgress ? 'out' : 'in',
      r.IpProtocol,
      r.FromPort,
      r.ToPort,
      r.CidrIpv4 ?? r.CidrIpv6 ?? names.get(r.ReferencedGroupInfo?.GroupId ?? '') ?? 'other-group',
    ].join(' ');
  const active = ((await appRunner.send(new ListVpcConnectorsCommand({ MaxResults: 100 }))).VpcConnectors ?? []).filter(
    (v) => v.Status === 'ACTIVE',
  );
  return {
    egressType: egressConfig?.EgressType,
    connector: connector
      ? {
          name: connector.VpcConnectorName,
          subnets: subnets.map((s) => s.CidrBlock).sort(),
          groups: groups.map((g) => g.GroupName).sort(),
        }
      : undefined,
    groups: await Promise.all(
      groups.map(async (g) => ({
        name: g.GroupName,
        tags: Object.fromEntries((g.Tags ?? []).map((t) => [t.Key, t.Value])),
        rules: (await rules(g.GroupId ?? '')).map(norm).sort(),
      })),
    ),
    dbIngressFromApp: (await rules(dbGroupId))
      .filter((r) => !r.IsEgress)
      .map(norm)
      .filter((r) => / app:/.test(r))
      .sort(),
    activeConnectors: active.map((v) => v.VpcConnectorName).sort(),
  };
}
