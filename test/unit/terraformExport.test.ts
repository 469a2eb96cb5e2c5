// The setup as Terraform, read by HashiCorp's HCL parser (@cdktf/hcl2json) and checked against the
// AWS provider 5.x schema (fixture from @cdktf/provider-aws, see test/support/terraformSchema.ts), over
// several seeds' account shapes and hostile names.
import assert from 'node:assert/strict';
import { cloudFormationExport } from '../../src/model/iac/cloudformation';
import { terraformExport, TF_CONNECTOR } from '../../src/model/iac/terraform';
import type { ExportFile, IacContext } from '../../src/model/iac/types';
import { plan } from '../../src/model/plan/plan';
import { HOSTILE_NAMES } from '../support/hostileNames';
import { hclParser, type HclJson, providerSchema, schemaErrors } from '../support/terraformSchema';
import {
  allIacWorlds,
  cfnCompleteWorld,
  cfnOwnedWorld,
  changedSubnetsWorld,
  doneIacWorld,
  dualStackWorld,
  halfDoneWorld,
  runbookWorld,
  tfOwnedDbWorld,
  type IacWorld,
} from './fixtures/iacWorlds';

const CTX: IacContext = { accountId: '123456789012', generatedAt: '2026-11-30T00:00:00Z', lang: 'en' };
const filesOf = (w: IacWorld, ctx: IacContext = CTX): ExportFile[] =>
  terraformExport(w.snapshot, w.desired, { ...ctx, basis: w.basis });
const file = (files: ExportFile[], name: string): string => files.find((f) => f.path === name)?.content ?? '';
/** Terraform's JSON syntax keeps a literal `${` as `$${` (and `%{` as `%%{`): what a string value reads back as. */
const asHclJson = (text: string): string => text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');

describe("Terraform export: HashiCorp's HCL parser and the AWS provider schema", function () {
  this.timeout(60000);
  const hcl = hclParser();
  const schema = providerSchema();
  const parsed = async (files: ExportFile[]): Promise<Record<string, HclJson>> =>
    Object.fromEntries(
      await Promise.all(files.map(async (f) => [f.path, await hcl!.parse(f.path, f.content)] as const)),
    );
  const resources = (p: Record<string, HclJson>): Record<string, Record<string, unknown>> =>
    Object.fromEntries(
      Object.values(p).flatMap((f) =>
        Object.entries(f.resource ?? {}).flatMap(([type, byName]) =>
          Object.entries(byName).map(([name, [body]]) => [`${type}.${name}`, body]),
        ),
      ),
    );
  before(function () {
    if (!hcl) {
      console.log('    skipped: @cdktf/hcl2json is not installed (npm ci installs it; it is a dev dependency)');
      this.skip();
    }
  });

  it('the schema fixture says where it comes from: the AWS provider 5.x', () => {
    assert.match(schema.providerVersion, /^5\.\d+\.\d+$/);
    assert.match(schema.source, /@cdktf\/provider-aws@19\.65\.1/);
  });

  for (const w of allIacWorlds()) {
    it(`${w.name}: every file parses; every resource, argument and provider setting is the provider's`, async () => {
      const p = await parsed(filesOf(w));
      assert.deepEqual(schemaErrors(schema, Object.values(p)), []);
      // The pasted network_configuration uses aws_apprunner_service's own argument names.
      const network = p['outputs.tf'].output?.service_network_configuration[0].value as Record<
        string,
        Record<string, unknown> | string
      >;
      const nested = new Set(schema.resources.aws_apprunner_service['//nested']);
      for (const [k, v] of Object.entries(network)) {
        assert.ok(nested.has(k), k);
        for (const inner of typeof v === 'object' ? Object.keys(v) : []) assert.ok(nested.has(inner), inner);
      }
      // Every import block targets a resource of the configuration.
      const all = resources(p);
      for (const i of p['imports.tf']?.import ?? []) assert.ok(all[i.to.replace(/^\$\{|\}$/g, '')], i.to);
    });
  }

  it('the check itself fails on an unknown argument, a computed-only one, a missing required one and a wrong type', async () => {
    const bad = await hcl!.parse(
      'bad.tf',
      'resource "aws_vpc_security_group_egress_rule" "x" {\n  security_group_id = "sg-1"\n  ip_protcol = "tcp"\n  arn = "x"\n  from_port = "443"\n}\nresource "aws_nope" "y" {}\n',
    );
    const errors = schemaErrors(schema, [bad]).join('\n');
    for (const m of [
      /no argument ip_protcol/,
      /arn is computed only/,
      /required ip_protocol missing/,
      /from_port: not a number/,
      /aws_nope\.y: not a resource/,
    ])
      assert.match(errors, m);
  });

  it("safety over every world: no inline rules on the group, egress exactly the runbook's, no ingress from the world, rules described, tags", async () => {
    for (const w of allIacWorlds().filter((x) => x.name !== 'iac-complete')) {
      const all = resources(await parsed(filesOf(w)));
      const group = all['aws_security_group.apprunner'];
      assert.ok(group && !('egress' in group) && !('ingress' in group), w.name);
      assert.deepEqual(group.tags, { Name: 'sg-apprunner', ManagedBy: 'apprunner-vpc' }, w.name);
      const egress = Object.entries(all)
        .filter(([k]) => k.startsWith('aws_vpc_security_group_egress_rule.'))
        .map(
          ([, b]) =>
            `${String(b.ip_protocol)}:${String(b.from_port)}:${String(b.cidr_ipv4 ?? b.cidr_ipv6 ?? b.referenced_security_group_id)}`,
        )
        .sort();
      assert.deepEqual(
        egress,
        [
          'tcp:${var.db_port}:${var.db_security_group_id}',
          'tcp:443:0.0.0.0/0',
          'udp:53:0.0.0.0/0',
          ...(w.desired.ipAddressType === 'DUAL_STACK' ? ['tcp:443:::/0', 'udp:53:::/0'] : []),
        ].sort(),
        w.name,
      );
      for (const [k, b] of Object.entries(all).filter(([key]) => key.includes('_rule.'))) {
        assert.ok(typeof b.description === 'string' && b.description.length > 0, k);
        if (k.startsWith('aws_vpc_security_group_ingress_rule.'))
          assert.ok(!b.cidr_ipv4 && !b.cidr_ipv6 && b.referenced_security_group_id, k);
      }
    }
  });

  it('the connector: create_before_destroy always, the revision name and the reason when the subnets changed', async () => {
    for (const w of allIacWorlds().filter((x) => x.name !== 'iac-complete')) {
      const connector = resources(await parsed(filesOf(w)))[TF_CONNECTOR];
      assert.deepEqual(connector.lifecycle, [{ create_before_destroy: true }], w.name);
    }
    const w = changedSubnetsWorld();
    const files = filesOf(w);
    const connector = resources(await parsed(files))[TF_CONNECTOR];
    assert.equal(connector.vpc_connector_name, 'campus-sns-vpc-connector-2');
    const step = plan(w.snapshot, w.desired).steps.find((s) => s.kind === 'create-connector');
    assert.equal(step?.kind === 'create-connector' ? step.connectorName : undefined, connector.vpc_connector_name);
    const main = file(files, 'main.tf');
    const before = main
      .slice(0, main.indexOf('resource "aws_apprunner_vpc_connector"'))
      .split('\n')
      .slice(-3)
      .join('\n');
    assert.match(
      before,
      /exists with other subnets or groups and cannot change, so this is a new connector campus-sns-vpc-connector-2 \(revision suffix\)/,
    );
    assert.match(
      main,
      /# A connector cannot change: a new subnet or group list replaces it\. Create the new one first, so the service moves before the old one goes\.\n {4}create_before_destroy = true/,
    );
  });

  it("greenfield: creates everything, no imports.tf; variables default to the account's ids", async () => {
    const w = runbookWorld();
    const files = filesOf(w);
    assert.deepEqual(
      files.map((f) => f.path),
      ['versions.tf', 'variables.tf', 'main.tf', 'outputs.tf'],
    );
    const vars = (await hcl!.parse('variables.tf', file(files, 'variables.tf'))).variable ?? {};
    assert.deepEqual(vars.subnet_ids[0].default, w.desired.subnetIds);
    assert.equal(vars.db_security_group_id[0].default, w.desired.dbSecurityGroupId);
    assert.equal(vars.vpc_id[0].default, w.desired.vpcId);
    const versions = await hcl!.parse('versions.tf', file(files, 'versions.tf'));
    assert.deepEqual(
      (versions.terraform?.[0].required_providers as { aws: { version: string } }[])[0].aws.version,
      '~> 5.0',
    );
    assert.deepEqual(versions.provider?.aws[0].allowed_account_ids, ['123456789012']);
  });

  it('brownfield (all done): import blocks for the group, its three rules, the DB rule and the connector, by their ids', async () => {
    const w = doneIacWorld();
    const imports = (await hcl!.parse('imports.tf', file(filesOf(w), 'imports.tf'))).import ?? [];
    const app = w.snapshot.securityGroups.find((g) => g.id === 'sg-app1');
    const dbRule = w.snapshot.securityGroups.find((g) => g.id === 'sg-rds1')?.rules.find((r) => !r.egress)?.id;
    assert.deepEqual(
      imports.map((i) => [i.to, i.id]),
      [
        ['${aws_security_group.apprunner}', 'sg-app1'],
        ['${aws_vpc_security_group_egress_rule.database}', app?.rules[0].id],
        ['${aws_vpc_security_group_egress_rule.https}', app?.rules[1].id],
        ['${aws_vpc_security_group_egress_rule.dns}', app?.rules[2].id],
        ['${aws_vpc_security_group_ingress_rule.database_from_apprunner}', dbRule],
        [`\${${TF_CONNECTOR}}`, w.snapshot.connectors[0].arn],
      ],
    );
  });

  it('half-done: imports the hand-made group and its 443 rule, creates the rest, says how to remove the allow-all egress', async () => {
    const w = halfDoneWorld();
    const files = filesOf(w);
    const imports = (await hcl!.parse('imports.tf', file(files, 'imports.tf'))).import ?? [];
    assert.deepEqual(
      imports.map((i) => i.to),
      ['${aws_security_group.apprunner}', '${aws_vpc_security_group_egress_rule.https}'],
    );
    const allowAll = w.snapshot.securityGroups
      .find((g) => g.id === 'sg-hand')
      ?.rules.find((r) => r.protocol === '-1')?.id;
    assert.ok(
      file(files, 'main.tf').includes(
        `aws ec2 revoke-security-group-egress --group-id sg-hand --security-group-rule-ids ${allowAll}`,
      ),
    );
    assert.equal(resources(await parsed(files))['aws_security_group.apprunner'].description, 'made by hand');
  });

  it("iac-complete: the stack's group and connector are referenced by variables, never imported or declared", async () => {
    const w = cfnCompleteWorld();
    const files = filesOf(w);
    const p = await parsed(files);
    // Only the DB group's rule is this configuration's (the DB group is nobody's stack): adopted by its id.
    assert.deepEqual(Object.keys(resources(p)), ['aws_vpc_security_group_ingress_rule.database_from_apprunner']);
    assert.deepEqual(
      p['imports.tf'].import?.map((i) => i.to),
      ['${aws_vpc_security_group_ingress_rule.database_from_apprunner}'],
    );
    assert.equal(
      resources(p)['aws_vpc_security_group_ingress_rule.database_from_apprunner'].referenced_security_group_id,
      '${var.apprunner_security_group_id}',
    );
    assert.equal(p['variables.tf'].variable?.apprunner_security_group_id[0].default, 'sg-app1');
    assert.equal(p['variables.tf'].variable?.vpc_connector_arn[0].default, w.snapshot.connectors[0].arn);
    assert.equal(p['outputs.tf'].output?.vpc_connector_arn[0].value, '${var.vpc_connector_arn}');
    assert.match(
      file(files, 'main.tf'),
      /managed by CloudFormation stack campus-sns-apprunner: referenced by var\.apprunner_security_group_id, never imported or changed here/,
    );
  });

  it('a DB group owned by Terraform elsewhere: no ingress resource, a comment naming the owner', async () => {
    const files = filesOf(tfOwnedDbWorld());
    assert.equal(
      Object.keys(resources(await parsed(files))).filter((k) => k.startsWith('aws_vpc_security_group_ingress_rule'))
        .length,
      0,
    );
    assert.match(
      file(files, 'main.tf'),
      /# sg-rds \(kyudai-db-sg\) \(sg-rds1\) is managed by Terraform stack db-prod: add its inbound rule there/,
    );
  });

  it("iac-managed: the CloudFormation stack's group and connector are not imported; a dedicated group and a new connector are created", async () => {
    const w = cfnOwnedWorld();
    const files = filesOf(w);
    assert.equal(
      files.some((f) => f.path === 'imports.tf'),
      false,
    );
    const all = resources(await parsed(files));
    assert.equal(all['aws_security_group.apprunner'].name, 'apprunner-connector-2');
    assert.equal(all[TF_CONNECTOR].vpc_connector_name, 'campus-sns-vpc-connector-2');
    assert.match(
      file(files, 'main.tf'),
      /Remove the old one in CloudFormation stack campus-sns-apprunner once no service uses it/,
    );
  });

  it('the service is referenced, never managed: no aws_apprunner_service; outputs.tf holds its network_configuration (dual-stack kept)', async () => {
    const w = dualStackWorld();
    const files = filesOf(w);
    const p = await parsed(files);
    assert.equal(
      Object.keys(resources(p)).some((k) => k.startsWith('aws_apprunner_service.')),
      false,
    );
    assert.deepEqual(p['outputs.tf'].output?.service_network_configuration[0].value, {
      egress_configuration: { egress_type: 'VPC', vpc_connector_arn: `\${${TF_CONNECTOR}.arn}` },
      ingress_configuration: { is_publicly_accessible: true },
      ip_address_type: 'DUAL_STACK',
    });
    assert.match(
      file(files, 'outputs.tf'),
      /# {3}network_configuration \{\n# {5}egress_configuration \{\n# {7}egress_type {7}= "VPC"/,
    );
  });

  it('describes the same groups, rules, subnets and connector as the CloudFormation export', async () => {
    for (const w of allIacWorlds().filter((x) => x.name !== 'iac-complete')) {
      const cfn = cloudFormationExport(w.snapshot, w.desired, CTX).template;
      const all = resources(await parsed(filesOf(w)));
      const cfnConnector = Object.values(cfn.Resources).find((r) => r.Type === 'AWS::AppRunner::VpcConnector');
      assert.equal(all[TF_CONNECTOR].vpc_connector_name, cfnConnector?.Properties.VpcConnectorName, w.name);
      assert.equal(
        all['aws_security_group.apprunner'].name,
        cfn.Resources.AppRunnerSecurityGroup.Properties.GroupName,
        w.name,
      );
      const egress = cfn.Resources.AppRunnerSecurityGroup.Properties.SecurityGroupEgress as { Description: string }[];
      assert.deepEqual(
        Object.entries(all)
          .filter(([k]) => k.startsWith('aws_vpc_security_group_egress_rule.'))
          .map(([, b]) => b.description)
          .sort(),
        egress.map((e) => e.Description).sort(),
        w.name,
      );
    }
  });

  describe('hostile names stay string values', () => {
    const extra = [
      '${file("/etc/passwd")}',
      '%{ if true }x%{ endif }',
      'a"b\\c',
      '# not a comment',
      '}\nresource "x" "y" {',
      '/* open',
      'trail\\',
    ];
    for (const name of [...HOSTILE_NAMES, ...extra]) {
      it(`${JSON.stringify(name).slice(0, 40)}`, async () => {
        const w = runbookWorld();
        const dbGroup = w.snapshot.securityGroups.find((g) => g.id === w.desired.dbSecurityGroupId);
        if (dbGroup) dbGroup.tags.Name = `db ${name}`;
        w.snapshot.region = `ap-northeast-1${name}`;
        const d = {
          ...w.desired,
          serviceName: name,
          appRunnerSecurityGroupNameTag: name,
          appRunnerSecurityGroupName: `grp ${name}`,
          subnetIds: [name, 'subnet-c'],
          serviceArn: `arn:${name}`,
          connectorName: `c${name}`,
        };
        for (const lang of ['en', 'ja'] as const) {
          const files = terraformExport(w.snapshot, d, { ...CTX, lang, generatedAt: name, accountId: name });
          const p = await parsed(files);
          const all = resources(p);
          assert.deepEqual(Object.keys(all).sort(), [
            TF_CONNECTOR,
            'aws_security_group.apprunner',
            'aws_vpc_security_group_egress_rule.database',
            'aws_vpc_security_group_egress_rule.dns',
            'aws_vpc_security_group_egress_rule.https',
            'aws_vpc_security_group_ingress_rule.database_from_apprunner',
          ]);
          assert.deepEqual(all['aws_security_group.apprunner'].tags, {
            Name: asHclJson(name),
            ManagedBy: 'apprunner-vpc',
          });
          assert.equal(all['aws_security_group.apprunner'].name, asHclJson(`grp ${name}`));
          assert.equal(all[TF_CONNECTOR].vpc_connector_name, asHclJson(`c${name}`));
          assert.deepEqual(p['variables.tf'].variable?.subnet_ids[0].default, [name, 'subnet-c'].sort().map(asHclJson));
          assert.deepEqual(p['versions.tf'].provider?.aws[0].allowed_account_ids, [asHclJson(name)]);
          assert.deepEqual(Object.keys(p['outputs.tf'].output ?? {}).sort(), [
            'apprunner_security_group_id',
            'service_network_configuration',
            'vpc_connector_arn',
          ]);
          for (const f of files)
            for (const line of f.content.split('\n'))
              assert.doesNotMatch(
                line,
                // eslint-disable-next-line no-control-regex -- no raw control character may reach a file
                /[\u2028\u2029\u0085\r\u000b\u000c\u0000\u001b]/,
                `${f.path}: ${JSON.stringify(line)}`,
              );
        }
      });
    }
  });
});
