// Setup as code on every seed of the sandbox: the CloudFormation, CDK and Terraform exports describe the same
// App Runner group, egress rules, DB ingress, subnets and connector as `apprunner-vpc plan --json` (read back
// with the YAML parser, HashiCorp's HCL parser and, when aws-cdk-lib is installed, `cdk synth`), and the bash
// export run with the real `aws` CLI leaves the account as `apply` does, each from the same freshly reset seed.
// The plan, the exports and apply come from the seed's shared pass (seedPass.ts: reset once, read by the seed
// table too); the bash export runs on a second reset, as its ids must be the account's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import type { SeedName } from '../../sandbox/index';
import { seedNames } from '../../sandbox/seed/registry';
import type { PlanStep } from '../../src/model/plan/planSteps';
import type { DesiredSetup } from '../../src/model/plan/desired';
import { cdkMissing, comparableResources, compileAndSynthMany } from '../support/cdkSynth';
import { cli, execFileAsync, useTestCredentials, type CliRun } from './engineSupport';
import { BASH_SEEDS, DEFAULT_SERVICE, type ExportFormat, type References, seedPass, settledState } from './seedPass';
import { admin, getSandbox, sandboxEnv, seed } from './support';

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
 * What a referenced group or connector holds, read from the account when the export was made (seedPass.ts): the
 * export says "this existing one", so the account is what it describes. Rules as the plan's keys ('db' for the DB
 * group).
 */
function withReferences(d: Described, refs: References): Described {
  let out: Described = { ...d };
  if (d.referencedGroupId) {
    const group = refs.groups.get(d.referencedGroupId);
    assert.ok(group, `the referenced group ${d.referencedGroupId} is in the account`);
    const egress = group.rules
      .filter((r) => r.IsEgress)
      .map((r) =>
        key(
          String(r.IpProtocol),
          r.FromPort,
          r.ReferencedGroupInfo?.GroupId === d.dbGroupId ? 'db' : String(r.CidrIpv4 ?? r.CidrIpv6),
        ),
      );
    out = { ...out, groupName: group.groupName, egress: egress.sort() };
  }
  if (d.referencedConnectorArn) {
    const connector = refs.connectors.get(d.referencedConnectorArn);
    assert.ok(connector, `the referenced connector ${d.referencedConnectorArn} is in the account`);
    out = { ...out, connectorName: connector.name, subnets: [...connector.subnets].sort() };
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

/** An export's JSON document: it must have succeeded. */
function exportDoc(format: ExportFormat, run: CliRun | undefined): ExportDoc {
  assert.ok(run, `export --format ${format} ran`);
  assert.equal(run.code, 0, `export --format ${format}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ExportDoc;
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
      const pass = await seedPass(name);
      const service = pass.info.serviceName;
      const planRun = pass.parityPlan;
      if (planRun.code === 1) {
        // Nothing plan can set up (no service; a DB group not named as the settings say): every export refuses alike.
        const runs = (['bash', 'cloudformation', 'cdk', 'terraform'] as const).map((f) => pass.exports[f]);
        assert.deepEqual(
          runs.map((r) => r?.code),
          [1, 1, 1, 1],
          runs.map((r) => r?.stderr).join('\n'),
        );
        const codes = [planRun, ...runs].map(
          (r) => (JSON.parse(r?.stdout ?? '{}') as { error: { code: string } }).error.code,
        );
        assert.equal(new Set(codes).size, 1, `the same refusal as plan: ${codes.join(', ')}`);
        return;
      }
      assert.ok(service, 'a seed plan can set up names its service');
      assert.ok(planRun.code === 0 || planRun.code === 2, planRun.stderr);
      const planDoc = JSON.parse(planRun.stdout) as { desired: DesiredSetup; plan: { steps: PlanStep[] } };
      const expected = expectedFromPlan(planDoc.desired, planDoc.plan.steps);
      assert.deepEqual(pass.exportFlags, ['--service', service, '--connector-name', planDoc.desired.connectorName]);

      const cfn = exportDoc('cloudformation', pass.exports.cloudformation);
      const template = parseYaml(cfn.files.find((f) => f.path === 'template.yaml')?.content ?? '') as Template;
      const fromCfn = withReferences(describeTemplate(template), pass.references);
      const tf = withReferences(
        await describeTerraform(exportDoc('terraform', pass.exports.terraform).files),
        pass.references,
      );
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
      const cdk = exportDoc('cdk', pass.exports.cdk);
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
      // apply on the seed's pass (reset once, shared with the seed table); bash on a second reset of the seed.
      const pass = await seedPass(name);
      const service = pass.info.serviceName;
      if (!service || !pass.info.serviceArn) {
        console.log(`      skipped: ${name} has no App Runner service to export`);
        this.skip();
      }
      assert.equal(service, DEFAULT_SERVICE, "the pass's apply (no --service) sets up this seed's service");
      const applied = pass.apply;
      const afterApply = pass.afterApply;
      assert.ok(applied && afterApply, 'the pass applied the seed and read the account after');
      const planDoc = JSON.parse(pass.parityPlan.stdout) as { desired: DesiredSetup };
      await getSandbox().reset(name as SeedName);
      const reseeded = seed();
      const bash = await cli([
        'export',
        '--format',
        'bash',
        '--json',
        '--service',
        service,
        '--connector-name',
        planDoc.desired.connectorName,
      ]);
      const script = exportDoc('bash', bash).files[0].content;
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
