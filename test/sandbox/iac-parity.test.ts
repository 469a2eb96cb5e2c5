// Setup as code on every seed of the sandbox: the CloudFormation, CDK and Terraform exports describe the same
// App Runner group, egress rules, DB ingress, subnets and connector as `apprunner-vpc plan --json` (read back
// with the YAML parser, HashiCorp's HCL parser and, when aws-cdk-lib is installed, `cdk synth`), and the bash
// export run with the real `aws` CLI leaves the account as `apply` does, each from the same freshly reset seed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import {
  DescribeServiceCommand,
  DescribeVpcConnectorCommand,
  ListVpcConnectorsCommand,
} from '@aws-sdk/client-apprunner';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import { seedNames } from '../../sandbox/seed/registry';
import type { PlanStep } from '../../src/model/plan/planSteps';
import type { DesiredSetup } from '../../src/model/plan/desired';
import { cdkMissing, comparableResources, compileAndSynthMany } from '../support/cdkSynth';
import { cli, execFileAsync, useTestCredentials } from './engineSupport';
import { admin, getSandbox, sandboxClients, sandboxEnv, seed } from './support';

/** One rule as protocol, port and target ('db' for the DB group, else the CIDR): ids differ between resets. */
type RuleKey = string;

interface Described {
  groupName: string;
  egress: RuleKey[];
  /** The DB group's ingress from the App Runner group, when the export writes it. */
  ingressPort?: number;
  connectorName: string;
  subnets: string[];
  dbGroupId: string;
  /** An App Runner group another stack owns, referenced by id rather than declared (read from the account). */
  referencedGroupId?: string;
  /** A connector another stack owns, referenced by ARN rather than declared (read from the account). */
  referencedConnectorArn?: string;
}

/**
 * What a referenced group or connector holds, read from the account: the export says "this existing one", so
 * the account is what it describes. Rules as the plan's keys ('db' for the DB group).
 */
async function withReferences(d: Described): Promise<Described> {
  const { ec2, appRunner } = sandboxClients();
  let out: Described = { ...d };
  if (d.referencedGroupId) {
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [d.referencedGroupId] })))
      .SecurityGroups?.[0];
    const rules =
      (
        await ec2.send(
          new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [d.referencedGroupId] }] }),
        )
      ).SecurityGroupRules ?? [];
    const egress = rules
      .filter((r) => r.IsEgress)
      .map((r) =>
        key(
          String(r.IpProtocol),
          r.FromPort,
          r.ReferencedGroupInfo?.GroupId === d.dbGroupId ? 'db' : String(r.CidrIpv4 ?? r.CidrIpv6),
        ),
      );
    out = { ...out, groupName: String(group?.GroupName), egress: egress.sort() };
  }
  if (d.referencedConnectorArn) {
    const connector = (
      await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: d.referencedConnectorArn }))
    ).VpcConnector;
    out = {
      ...out,
      connectorName: String(connector?.VpcConnectorName),
      subnets: [...(connector?.Subnets ?? [])].sort(),
    };
  }
  delete out.referencedGroupId;
  delete out.referencedConnectorArn;
  return out;
}

interface ExportDoc {
  files: { path: string; content: string }[];
  main: string;
}

const key = (protocol: string | number, port: unknown, target: string): RuleKey =>
  `${String(protocol)} ${String(port)} ${target}`;

/** The runbook's egress for a desired setup, and what the plan adds of it. */
function expectedFromPlan(
  desired: DesiredSetup,
  steps: PlanStep[],
): { described: Described; added: RuleKey[]; addsIngress: boolean } {
  const egress = [
    key('tcp', desired.dbPort, 'db'),
    key('tcp', 443, '0.0.0.0/0'),
    key('udp', 53, '0.0.0.0/0'),
    ...(desired.ipAddressType === 'DUAL_STACK' ? [key('tcp', 443, '::/0'), key('udp', 53, '::/0')] : []),
  ].sort();
  const added = steps.flatMap((s) =>
    s.kind === 'authorize-egress'
      ? [key(s.rule.protocol, s.rule.fromPort, s.rule.group ? 'db' : (s.rule.cidrIpv4 ?? s.rule.cidrIpv6 ?? '?'))]
      : [],
  );
  const create = steps.find((s) => s.kind === 'create-connector');
  const group = steps.find((s) => s.kind === 'create-security-group');
  return {
    described: {
      groupName: group?.kind === 'create-security-group' ? group.group.name : desired.appRunnerSecurityGroupName,
      egress,
      connectorName: create?.kind === 'create-connector' ? create.connectorName : desired.connectorName,
      subnets: [...(create?.kind === 'create-connector' ? create.subnetIds : desired.subnetIds)].sort(),
      dbGroupId: desired.dbSecurityGroupId,
      ingressPort: desired.dbPort,
    },
    added,
    addsIngress: steps.some((s) => s.kind === 'authorize-ingress'),
  };
}

type Template = {
  Parameters: Record<string, { Default?: unknown }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};

/** What a CloudFormation template (as parsed or as synthesized by CDK) describes. */
function describeTemplate(t: Template): Described {
  const param = (name: string): unknown => t.Parameters[name]?.Default;
  const resolve = (v: unknown): unknown =>
    typeof v === 'object' && v !== null && 'Ref' in v ? param((v as { Ref: string }).Ref) : v;
  const resources = Object.values(t.Resources);
  const group = resources.find((r) => r.Type === 'AWS::EC2::SecurityGroup');
  const connector = resources.find((r) => r.Type === 'AWS::AppRunner::VpcConnector');
  const ingress = resources.find((r) => r.Type === 'AWS::EC2::SecurityGroupIngress');
  const ruleOf = (r: Record<string, unknown>): RuleKey =>
    key(
      String(r.IpProtocol),
      resolve(r.FromPort),
      r.DestinationSecurityGroupId ? 'db' : String(r.CidrIp ?? r.CidrIpv6),
    );
  const egress = [
    ...((group?.Properties.SecurityGroupEgress as Record<string, unknown>[] | undefined) ?? []),
    ...resources.filter((r) => r.Type === 'AWS::EC2::SecurityGroupEgress').map((r) => r.Properties),
  ].map(ruleOf);
  const subnets = resolve(connector?.Properties.Subnets);
  return {
    groupName: String(group?.Properties.GroupName),
    egress: egress.sort(),
    ingressPort: ingress ? Number(resolve(ingress.Properties.FromPort)) : undefined,
    connectorName: String(connector?.Properties.VpcConnectorName),
    subnets: (Array.isArray(subnets) ? subnets.map(String) : String(subnets).split(',')).sort(),
    dbGroupId: String(param('DatabaseSecurityGroupId')),
    ...(!group && param('AppRunnerSecurityGroupId')
      ? { referencedGroupId: String(param('AppRunnerSecurityGroupId')) }
      : {}),
    ...(!connector && param('VpcConnectorArn') ? { referencedConnectorArn: String(param('VpcConnectorArn')) } : {}),
  };
}

type HclBlocks = Record<string, Record<string, Record<string, unknown>[]>>;

/** What the Terraform files describe, read with HashiCorp's HCL parser (variables resolved to their defaults). */
async function describeTerraform(files: ExportDoc['files']): Promise<Described> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  const variables: Record<string, unknown> = {};
  for (const file of files.filter((f) => f.path.endsWith('.tf'))) {
    const json = (await parseHcl(file.path, file.content)) as HclBlocks;
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const [name, blocks] of Object.entries(byName))
        (resources[type] ??= {})[name] = blocks[0] as Record<string, unknown>;
    }
    for (const [name, blocks] of Object.entries(json.variable ?? {}))
      variables[name] = (blocks as unknown as Record<string, unknown>[])[0].default;
  }
  const value = (v: unknown): unknown => {
    const m = typeof v === 'string' ? /^\$\{var\.([a-z_]+)\}$/.exec(v) : null;
    return m ? variables[m[1]] : v;
  };
  const group = Object.values(resources.aws_security_group ?? {})[0] ?? {};
  const connector = Object.values(resources.aws_apprunner_vpc_connector ?? {})[0] ?? {};
  const ingress = Object.values(resources.aws_vpc_security_group_ingress_rule ?? {})[0];
  const egress = Object.values(resources.aws_vpc_security_group_egress_rule ?? {}).map((r) =>
    key(
      String(r.ip_protocol),
      value(r.from_port),
      r.referenced_security_group_id ? 'db' : String(r.cidr_ipv4 ?? r.cidr_ipv6),
    ),
  );
  const subnets = value(connector.subnets);
  return {
    groupName: String(group.name),
    egress: egress.sort(),
    ingressPort: ingress ? Number(value(ingress.from_port)) : undefined,
    connectorName: String(connector.vpc_connector_name),
    subnets: (Array.isArray(subnets) ? subnets.map(String) : []).sort(),
    dbGroupId: String(variables.db_security_group_id),
    ...(!resources.aws_security_group && variables.apprunner_security_group_id
      ? { referencedGroupId: String(variables.apprunner_security_group_id) }
      : {}),
    ...(!resources.aws_apprunner_vpc_connector && variables.vpc_connector_arn
      ? { referencedConnectorArn: String(variables.vpc_connector_arn) }
      : {}),
  };
}

interface SeedCase {
  service: string;
  /** Flags that make the export resolve the setup as plan does (plan proposes; export would describe what is attached). */
  flags: string[];
}

async function exportOf(format: string, c: SeedCase): Promise<ExportDoc> {
  const run = await cli(['export', '--format', format, '--json', ...c.flags]);
  assert.equal(run.code, 0, `export --format ${format}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ExportDoc;
}

/** The account after a setup, with ids replaced by what survives a reset (group names, subnet CIDRs, 'db'). */
async function settledState(serviceArn: string, dbGroupId: string): Promise<Record<string, unknown>> {
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

async function runBash(script: string): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'iac-parity-'));
  try {
    writeFileSync(path.join(dir, 'setup.sh'), script);
    const { stdout, stderr } = await execFileAsync('bash', [path.join(dir, 'setup.sh')], {
      env: { ...sandboxEnv(), POLL_SECONDS: '0.2' },
      timeout: 170_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The bash export takes a minute a seed against the sandbox (tens of `aws` CLI v1 processes, a deployment, health
 * checks), apply as long again: by default the seeds whose accounts differ most for a script (a fresh account,
 * a half-done one, a dual-stack service, IaC-owned groups); IAC_PARITY_BASH=all runs every seed.
 */
const BASH_SEEDS =
  process.env.IAC_PARITY_BASH === 'all' ? seedNames() : ['runbook', 'brownfield', 'dual-stack', 'iac-managed'];

describe('Setup as code on every seed: the four exports agree with plan, and the bash export converges as apply does', function () {
  this.timeout(300_000);
  const seeds = seedNames();
  const cdkTemplates: { seed: string; files: ExportDoc['files']; template: Template; stackName: string }[] = [];

  before(async () => {
    useTestCredentials();
    const served = await admin<{ seeds: { name: string }[] }>('GET', 'seeds');
    assert.deepEqual(
      served.seeds.map((s) => s.name).sort(),
      [...seeds].sort(),
      'GET /_sandbox/seeds lists the seeds this test covers',
    );
  });
  after(async function () {
    this.timeout(120_000);
    await getSandbox().reset('runbook');
  });

  for (const name of seeds) {
    it(`${name}: CloudFormation, CDK and Terraform describe the plan's groups, rules, subnets and connector`, async function () {
      await getSandbox().reset(name);
      const info = seed();
      const service = info.serviceName;
      const serviceFlags = service ? ['--service', service] : [];
      const planRun = await cli(['plan', '--json', ...serviceFlags]);
      if (planRun.code === 1) {
        // Nothing plan can set up (no service; a DB group not named as the settings say): every export refuses alike.
        const runs = await Promise.all(
          ['bash', 'cloudformation', 'cdk', 'terraform'].map((f) =>
            cli(['export', '--format', f, '--json', ...serviceFlags]),
          ),
        );
        assert.deepEqual(
          runs.map((r) => r.code),
          [1, 1, 1, 1],
          runs.map((r) => r.stderr).join('\n'),
        );
        const codes = [planRun, ...runs].map((r) => (JSON.parse(r.stdout) as { error: { code: string } }).error.code);
        assert.equal(new Set(codes).size, 1, `the same refusal as plan: ${codes.join(', ')}`);
        return;
      }
      assert.ok(service, 'a seed plan can set up names its service');
      assert.ok(planRun.code === 0 || planRun.code === 2, planRun.stderr);
      const planDoc = JSON.parse(planRun.stdout) as { desired: DesiredSetup; plan: { steps: PlanStep[] } };
      const expected = expectedFromPlan(planDoc.desired, planDoc.plan.steps);
      const c: SeedCase = { service, flags: ['--service', service, '--connector-name', planDoc.desired.connectorName] };

      const cfn = await exportOf('cloudformation', c);
      const template = parseYaml(cfn.files.find((f) => f.path === 'template.yaml')?.content ?? '') as Template;
      const fromCfn = await withReferences(describeTemplate(template));
      const tf = await withReferences(await describeTerraform((await exportOf('terraform', c)).files));
      for (const [format, described] of [
        ['cloudformation', fromCfn],
        ['terraform', tf],
      ] as const) {
        const { ingressPort, ...rest } = described;
        const { ingressPort: planPort, ...planRest } = expected.described;
        assert.deepEqual(rest, planRest, `${format} describes the plan's setup`);
        for (const added of expected.added)
          assert.ok(described.egress.includes(added), `${format} holds the plan's new rule ${added}`);
        if (expected.addsIngress) assert.equal(ingressPort, planPort, `${format} writes the DB ingress the plan adds`);
      }
      const cdk = await exportOf('cdk', c);
      cdkTemplates.push({
        seed: name,
        files: cdk.files,
        template,
        stackName:
          /new AppRunnerVpcConnectorStack\(app, "([^"]+)"/.exec(
            cdk.files.find((f) => f.path === 'bin/app.ts')?.content ?? '',
          )?.[1] ?? '',
      });
    });

    it(`${name}: the bash export, run with the aws CLI, leaves the groups, rules and connector apply leaves`, async function () {
      if (!BASH_SEEDS.includes(name)) {
        console.log(
          `      skipped: set IAC_PARITY_BASH=all to run the bash export against apply on ${name} too (about a minute per seed)`,
        );
        this.skip();
      }
      await getSandbox().reset(name);
      const info = seed();
      const service = info.serviceName;
      if (!service || !info.serviceArn) this.skip();
      const planDoc = JSON.parse((await cli(['plan', '--json', '--service', service])).stdout) as {
        desired: DesiredSetup;
      };
      const c: SeedCase = { service, flags: ['--service', service, '--connector-name', planDoc.desired.connectorName] };
      // bash against apply, each from the seed as it was reset.
      const applied = await cli(['apply', '--yes', '--json', ...c.flags.slice(0, 2)]);
      const afterApply = await settledState(info.serviceArn, info.sgRdsId ?? '');
      await getSandbox().reset(name);
      const reseeded = seed();
      const script = (await exportOf('bash', c)).files[0].content;
      const ran = await runBash(script);
      const afterBash = await settledState(reseeded.serviceArn ?? '', reseeded.sgRdsId ?? '');
      assert.deepEqual(
        afterBash,
        afterApply,
        `bash (exit ${ran.code}) and apply (exit ${applied.code}) leave the same groups, rules and connector\n${ran.output.slice(-1500)}`,
      );
      assert.equal(
        ran.code === 0,
        applied.code === 0,
        `both succeed or both stop: bash ${ran.code}, apply ${applied.code}\n${ran.output.slice(-1500)}\n${applied.stderr}`,
      );
    });
  }

  it('the CDK app of every seed compiles with tsc and synthesizes to its CloudFormation export, resource for resource', async function () {
    const missing = cdkMissing();
    if (missing) {
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
    assert.ok(cdkTemplates.length > 0);
    // One tsc run for all the apps (aws-cdk-lib's types read once), then one synth per app.
    const synthesized = await compileAndSynthMany(
      cdkTemplates.map((t) => ({ files: t.files, stackName: t.stackName })),
    );
    cdkTemplates.forEach((t, i) => {
      assert.deepEqual(
        comparableResources(synthesized[i].Resources),
        comparableResources(t.template.Resources as unknown as Record<string, Record<string, unknown>>),
        `${t.seed}: synthesized = CloudFormation export`,
      );
    });
  });
});
