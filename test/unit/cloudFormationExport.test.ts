// The setup as a CloudFormation template, checked against AWS's published resource specification
// (@aws-cdk/aws-service-spec) and read back by a YAML parser, over several seeds' account shapes.
import assert from 'node:assert/strict';
import { parse as parseYaml, parseDocument } from 'yaml';
import {
  APP_GROUP_ID,
  cloudFormationExport,
  connectorLogicalId,
  DB_INGRESS_ID,
  type CfnResource,
  type CfnTemplate,
} from '../../src/model/iac/cloudformation';
import { setupResources } from '../../src/model/iac/setupResources';
import type { IacContext } from '../../src/model/iac/types';
import { plan } from '../../src/model/plan/plan';
import { loadSpec, specErrors, specResource } from '../support/cloudFormationSpec';
import { HOSTILE_NAMES } from '../support/hostileNames';
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
const exportOf = (w: IacWorld, ctx: IacContext = CTX) =>
  cloudFormationExport(w.snapshot, w.desired, { ...ctx, basis: w.basis });
const ofType = (t: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(t.Resources).filter(([, r]) => r.Type === type);
const egressOf = (t: CfnTemplate): Record<string, unknown>[] =>
  t.Resources[APP_GROUP_ID].Properties.SecurityGroupEgress as Record<string, unknown>[];

describe("CloudFormation export: AWS's resource specification", function () {
  this.timeout(30000);
  const spec = loadSpec();
  before(function () {
    if (!spec) {
      console.log(
        '    skipped: @aws-cdk/aws-service-spec is not installed (npm ci installs it; it is a dev dependency)',
      );
      this.skip();
    }
  });

  for (const w of allIacWorlds()) {
    it(`${w.name}: every resource type, property, required property and value type is the spec's`, () => {
      const out = exportOf(w);
      assert.deepEqual(specErrors(spec!, out.template), []);
      if (out.importTemplate) assert.deepEqual(specErrors(spec!, out.importTemplate.template), []);
    });
  }

  it("the resource-import identifiers are each type's primaryIdentifier in the spec", () => {
    const out = exportOf(doneIacWorld());
    const imports = JSON.parse(out.resourcesToImport ?? '[]') as {
      ResourceType: string;
      ResourceIdentifier: Record<string, string>;
    }[];
    assert.equal(imports.length, 2);
    for (const i of imports)
      assert.deepEqual(Object.keys(i.ResourceIdentifier), specResource(spec!, i.ResourceType)?.primaryIdentifier);
  });

  it('the check itself fails on a wrong property, a missing required one, a wrong value type and a bad GetAtt', () => {
    const out = exportOf(runbookWorld());
    const bad = structuredClone(out.template);
    bad.Resources[APP_GROUP_ID].Properties.GroupNmae = 'x';
    delete bad.Resources[APP_GROUP_ID].Properties.GroupDescription;
    egressOf(bad)[1].FromPort = '443';
    bad.Resources[
      connectorLogicalId(setupResources(runbookWorld().snapshot, runbookWorld().desired))
    ].Properties.SecurityGroups = [{ 'Fn::GetAtt': [APP_GROUP_ID, 'Arn'] }];
    const errors = specErrors(spec!, bad).join('\n');
    assert.match(errors, /no property GroupNmae/);
    assert.match(errors, /required GroupDescription missing/);
    assert.match(errors, /"443" is not an integer/);
    assert.match(errors, /Fn::GetAtt AppRunnerSecurityGroup\.Arn is not an attribute/);
  });
});

describe('CloudFormation export: what it creates, imports and references', () => {
  it('the YAML reads back (YAML parser) as exactly the template object, with no parse warnings', () => {
    for (const w of allIacWorlds()) {
      const out = exportOf(w);
      const doc = parseDocument(out.yaml);
      assert.deepEqual([...doc.errors, ...doc.warnings], [], w.name);
      assert.deepEqual(parseYaml(out.yaml), out.template, w.name);
    }
  });

  it('greenfield (runbook): creates the group, the DB ingress and the connector; nothing to import', () => {
    const w = runbookWorld();
    const out = exportOf(w);
    assert.deepEqual(Object.keys(out.template.Resources), [APP_GROUP_ID, DB_INGRESS_ID, 'VpcConnector']);
    assert.equal(out.resourcesToImport, undefined);
    assert.ok(Object.values(out.template.Resources).every((r) => r.DeletionPolicy === undefined));
    // The same connector as the plan creates.
    const step = plan(w.snapshot, w.desired).steps.find((s) => s.kind === 'create-connector');
    assert.equal(
      out.template.Resources.VpcConnector.Properties.VpcConnectorName,
      step?.kind === 'create-connector' ? step.connectorName : '?',
    );
    assert.equal(out.template.Parameters?.SubnetIds.Default, w.desired.subnetIds.join(','));
    assert.equal(out.template.Parameters?.DatabaseSecurityGroupId.Default, w.desired.dbSecurityGroupId);
  });

  it('brownfield (all done): imports the group and the connector with DeletionPolicy Retain, leaves the existing DB rule alone', () => {
    const out = exportOf(doneIacWorld());
    const imports = JSON.parse(out.resourcesToImport ?? '[]') as {
      LogicalResourceId: string;
      ResourceIdentifier: Record<string, string>;
    }[];
    assert.deepEqual(
      imports.map((i) => [i.LogicalResourceId, Object.values(i.ResourceIdentifier)[0]]),
      [
        [APP_GROUP_ID, 'sg-app1'],
        ['VpcConnector', doneIacWorld().snapshot.connectors[0].arn],
      ],
    );
    for (const i of imports) {
      assert.equal(out.template.Resources[i.LogicalResourceId].DeletionPolicy, 'Retain');
      assert.equal(out.template.Resources[i.LogicalResourceId].UpdateReplacePolicy, 'Retain');
    }
    // An IMPORT change set only imports: its template holds the imported resources and nothing else.
    assert.deepEqual(
      Object.keys(out.importTemplate?.template.Resources ?? {}),
      imports.map((i) => i.LogicalResourceId),
    );
    assert.equal(out.template.Resources[DB_INGRESS_ID], undefined);
    assert.match(out.yaml, /already allows TCP 5432 from the App Runner group \(sgr-\d+\): that rule stays/);
  });

  it('half-done: the hand-made group is imported as it is now (its 443 rule, its allow-all, its tags), so the update that follows adds the rest and revokes the allow-all', () => {
    const out = exportOf(halfDoneWorld());
    assert.equal(out.template.Resources[APP_GROUP_ID].Properties.GroupDescription, 'made by hand');
    const imported = out.importTemplate?.template.Resources[APP_GROUP_ID].Properties;
    assert.equal(imported?.GroupDescription, 'made by hand');
    assert.deepEqual(imported?.SecurityGroupEgress, [
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
      { IpProtocol: '-1', CidrIp: '0.0.0.0/0' },
    ]);
    assert.deepEqual(imported?.Tags, [{ Key: 'Name', Value: 'sg-apprunner' }]);
    // The full template is the target: the update's template diff is exactly what the group lacks.
    assert.equal(egressOf(out.template).length, 3);
    assert.ok(egressOf(out.template).every((e) => e.IpProtocol !== '-1'));
    assert.ok(out.template.Resources[DB_INGRESS_ID]);
    assert.match(
      out.yaml,
      /the stack update with this template then adds the missing rules and revokes any allow-all egress/,
    );
  });

  it('the connector trap: changed subnets give a new logical id and the revision name, with the reason at that spot', () => {
    const w = changedSubnetsWorld();
    const out = exportOf(w);
    const connectors = ofType(out.template, 'AWS::AppRunner::VpcConnector');
    assert.deepEqual(
      connectors.map(([id, r]) => [id, r.Properties.VpcConnectorName]),
      [['VpcConnectorRev2', 'campus-sns-vpc-connector-2']],
    );
    const step = plan(w.snapshot, w.desired).steps.find((s) => s.kind === 'create-connector');
    assert.equal(step?.kind === 'create-connector' ? step.connectorName : undefined, 'campus-sns-vpc-connector-2');
    const lines = out.yaml.split('\n');
    const at = lines.indexOf('  VpcConnectorRev2:');
    assert.match(
      lines.slice(at - 3, at).join('\n'),
      /a new connector under a new logical id and name \(revision suffix\)/,
    );
    assert.match(
      lines.slice(at - 3, at).join('\n'),
      /campus-sns-vpc-connector \(arn:aws:apprunner:[^)]+\) exists with other subnets or groups/,
    );
    assert.deepEqual(out.template.Outputs?.VpcConnectorArn.Value, {
      'Fn::GetAtt': ['VpcConnectorRev2', 'VpcConnectorArn'],
    });
    assert.equal(out.template.Resources[APP_GROUP_ID].DeletionPolicy, 'Retain');
  });

  it("iac-managed: the stack's group is not used; a dedicated group and a connector revision are created, the stack named", () => {
    const w = cfnOwnedWorld();
    const out = exportOf(w);
    assert.equal(out.template.Resources[APP_GROUP_ID].Properties.GroupName, 'apprunner-connector-2');
    assert.equal(out.template.Resources[APP_GROUP_ID].DeletionPolicy, undefined, 'created, not imported');
    assert.ok(!out.yaml.includes('GroupId: "sg-app1"') && !(out.resourcesToImport ?? '').includes('sg-app1'));
    assert.match(
      out.yaml,
      /# Not campus-sns-apprunner-AppRunnerSecurityGroup-1Q2W3E \(sg-app1\): .*managed by CloudFormation stack campus-sns-apprunner/,
    );
    assert.match(out.yaml, /Remove the old one in CloudFormation stack campus-sns-apprunner once no service uses it/);
  });

  it('iac-complete: a group and connector another stack owns that already fit are referenced by parameters, never imported', () => {
    const w = cfnCompleteWorld();
    const out = exportOf(w);
    // Everything exists: the one resource a template needs creates nothing in the account.
    assert.deepEqual(
      Object.values(out.template.Resources).map((r) => r.Type),
      ['AWS::CloudFormation::WaitConditionHandle'],
    );
    assert.equal(out.resourcesToImport, undefined);
    assert.equal(out.template.Parameters?.AppRunnerSecurityGroupId.Default, 'sg-app1');
    assert.equal(out.template.Parameters?.VpcConnectorArn.Default, w.snapshot.connectors[0].arn);
    assert.deepEqual(out.template.Outputs?.VpcConnectorArn.Value, { Ref: 'VpcConnectorArn' });
    assert.match(
      out.yaml,
      /# The App Runner group sg-app1 already has the runbook's rules and is managed by CloudFormation stack campus-sns-apprunner: referenced/,
    );
    assert.match(out.yaml, /already allows TCP 5432 from the App Runner group/);
  });

  it('a DB group owned by Terraform: no ingress resource, a comment naming the owner instead', () => {
    const out = exportOf(tfOwnedDbWorld());
    assert.equal(ofType(out.template, 'AWS::EC2::SecurityGroupIngress').length, 0);
    assert.match(
      out.yaml,
      /sg-rds \(kyudai-db-sg\) \(sg-rds1\) is managed by Terraform stack db-prod: add its inbound rule there \(TCP 5432 from AppRunnerSecurityGroup\), not here/,
    );
  });

  it("safety over every world: egress exactly the runbook's rules, no ingress from the world, every rule described, tags as Set Up writes them", () => {
    for (const w of allIacWorlds().filter((x) => x.name !== 'iac-complete')) {
      const t = exportOf(w).template;
      const egress = egressOf(t).map(
        (e) =>
          `${e.IpProtocol}:${JSON.stringify(e.FromPort)}:${String(e.CidrIp ?? e.CidrIpv6 ?? JSON.stringify(e.DestinationSecurityGroupId))}`,
      );
      const dual = w.desired.ipAddressType === 'DUAL_STACK';
      assert.deepEqual(
        egress,
        [
          'tcp:{"Ref":"DatabasePort"}:{"Ref":"DatabaseSecurityGroupId"}',
          'tcp:443:0.0.0.0/0',
          'udp:53:0.0.0.0/0',
          ...(dual ? ['tcp:443:::/0', 'udp:53:::/0'] : []),
        ],
        w.name,
      );
      assert.ok(
        egressOf(t).every(
          (e) =>
            typeof e.Description === 'string' &&
            e.Description.length > 0 &&
            /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/.test(e.Description),
        ),
        w.name,
      );
      for (const [, r] of ofType(t, 'AWS::EC2::SecurityGroupIngress')) {
        assert.ok(r.Properties.SourceSecurityGroupId && !r.Properties.CidrIp && !r.Properties.CidrIpv6, w.name);
        assert.ok(typeof r.Properties.Description === 'string' && r.Properties.Description.length > 0);
      }
      assert.equal(t.Resources[APP_GROUP_ID].Properties.SecurityGroupIngress, undefined);
      assert.deepEqual(
        t.Resources[APP_GROUP_ID].Properties.Tags,
        [
          { Key: 'Name', Value: 'sg-apprunner' },
          { Key: 'ManagedBy', Value: 'apprunner-vpc' },
        ],
        w.name,
      );
    }
  });

  it('dual-stack: the ::/0 twins, and the fragment keeps the IP address type and public access', () => {
    const out = exportOf(dualStackWorld());
    assert.match(out.serviceNetworkConfiguration, /IpAddressType: "DUAL_STACK"/);
    assert.match(out.serviceNetworkConfiguration, /IsPubliclyAccessible: true/);
    assert.deepEqual(parseYaml(out.serviceNetworkConfiguration), {
      NetworkConfiguration: {
        EgressConfiguration: {
          EgressType: 'VPC',
          VpcConnectorArn: { 'Fn::GetAtt': ['VpcConnector', 'VpcConnectorArn'] },
        },
        IngressConfiguration: { IsPubliclyAccessible: true },
        IpAddressType: 'DUAL_STACK',
      },
    });
  });

  it('the service is referenced, never defined: no AWS::AppRunner::Service, and its NetworkConfiguration printed as a comment', () => {
    for (const w of allIacWorlds()) {
      const out = exportOf(w);
      assert.equal(ofType(out.template, 'AWS::AppRunner::Service').length, 0);
      assert.ok(
        out.yaml.includes(
          `# Add to the Properties of your AWS::AppRunner::Service ${w.desired.serviceName} (${w.desired.serviceArn})`,
        ),
      );
      assert.ok(out.yaml.includes('#   NetworkConfiguration:\n#     EgressConfiguration:\n#       EgressType: "VPC"'));
    }
  });

  it('Japanese comments, the same template', () => {
    const w = runbookWorld();
    const ja = exportOf(w, { ...CTX, lang: 'ja' });
    assert.match(ja.yaml, /# App Runner サービス kyudai-api は参照するだけ/);
    assert.deepEqual(ja.template, exportOf(w).template);
  });
});

describe('CloudFormation export: hostile names', () => {
  const extra = [
    'a: b',
    '#x',
    '- item',
    '---',
    '...',
    '*alias',
    '&anchor x',
    '!Ref x',
    'x"y\\z',
    '${AWS::StackName}',
    '\ufeffbom',
    'tab\there',
    ' lead',
    'trail ',
  ];
  for (const name of [...HOSTILE_NAMES, ...extra]) {
    it(`${JSON.stringify(name).slice(0, 40)}: stays a value, never a key, a comment or a second document`, () => {
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
      };
      for (const lang of ['en', 'ja'] as const) {
        const out = cloudFormationExport(w.snapshot, d, { ...CTX, lang, generatedAt: name, accountId: name });
        const doc = parseDocument(out.yaml);
        assert.deepEqual([...doc.errors, ...doc.warnings].map(String), []);
        assert.deepEqual(parseYaml(out.yaml), out.template);
        assert.deepEqual(Object.keys(out.template), [
          'AWSTemplateFormatVersion',
          'Description',
          'Parameters',
          'Resources',
          'Outputs',
        ]);
        assert.deepEqual(out.template.Resources[APP_GROUP_ID].Properties.Tags, [
          { Key: 'Name', Value: name },
          { Key: 'ManagedBy', Value: 'apprunner-vpc' },
        ]);
        // Every line is a comment, or part of the template (no line a name started).
        for (const line of out.yaml.split('\n'))
          assert.match(line, /^(\s*#.*|\s*[A-Za-z"-].*|)$/, JSON.stringify(line));
      }
    });
  }
});
