// The CDK export: the app written from a CloudFormation template compiles with tsc against aws-cdk-lib and
// synthesizes offline to the same resources (same logical ids, properties and policies) as the template.
import assert from 'node:assert/strict';
import { cdkExport, CdkExportError, type CdkSourceTemplate } from '../../src/model/iac/cdk';
import { cloudFormationExport } from '../../src/model/iac/cloudformation';
import { setupExport } from '../../src/model/iac/exportFormats';
import { cdkMissing, comparableResources, compileAndSynth, compileAndSynthMany } from '../support/cdkSynth';
import { allIacWorlds } from './fixtures/iacWorlds';

/** A template of the shape the CloudFormation export writes: a new App Runner group, the DB group by parameter. */
const TEMPLATE: CdkSourceTemplate = {
  Description: 'App Runner VPC connector for kyudai-api',
  Parameters: {
    VpcId: { Type: 'AWS::EC2::VPC::Id', Default: 'vpc-0123456789abcdef0', Description: "The DB instance's VPC" },
    DbSecurityGroupId: { Type: 'AWS::EC2::SecurityGroup::Id', Default: 'sg-0aaaabbbbccccdddd' },
    ConnectorSubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-0a,subnet-0b' },
    DbPort: { Type: 'Number', Default: 5432 },
  },
  Resources: {
    AppRunnerSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        GroupName: 'apprunner-connector',
        GroupDescription: 'App Runner VPC connector egress (runbook)',
        VpcId: { Ref: 'VpcId' },
        SecurityGroupEgress: [
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'HTTPS to AWS APIs' },
          { IpProtocol: 'udp', FromPort: 53, ToPort: 53, CidrIp: '0.0.0.0/0', Description: 'DNS' },
        ],
        Tags: [
          { Key: 'Name', Value: 'sg-apprunner' },
          { Key: 'ManagedBy', Value: 'apprunner-vpc' },
        ],
      },
    },
    AppRunnerToDatabaseEgress: {
      Type: 'AWS::EC2::SecurityGroupEgress',
      Properties: {
        GroupId: { 'Fn::GetAtt': ['AppRunnerSecurityGroup', 'GroupId'] },
        IpProtocol: 'tcp',
        FromPort: { Ref: 'DbPort' },
        ToPort: { Ref: 'DbPort' },
        DestinationSecurityGroupId: { Ref: 'DbSecurityGroupId' },
        Description: 'To the database',
      },
    },
    DatabaseFromAppRunnerIngress: {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: { Ref: 'DbSecurityGroupId' },
        IpProtocol: 'tcp',
        FromPort: { Ref: 'DbPort' },
        ToPort: { Ref: 'DbPort' },
        SourceSecurityGroupId: { 'Fn::GetAtt': ['AppRunnerSecurityGroup', 'GroupId'] },
        Description: { 'Fn::Sub': 'From App Runner in ${AWS::Region}' },
      },
    },
    VpcConnectorR2: {
      Type: 'AWS::AppRunner::VpcConnector',
      DependsOn: 'AppRunnerToDatabaseEgress',
      Properties: {
        VpcConnectorName: 'campus-sns-vpc-connector-2',
        Subnets: { Ref: 'ConnectorSubnetIds' },
        SecurityGroups: [{ 'Fn::GetAtt': ['AppRunnerSecurityGroup', 'GroupId'] }],
        Tags: [{ Key: 'ManagedBy', Value: 'apprunner-vpc' }],
      },
    },
  },
  Outputs: {
    VpcConnectorArn: {
      Value: { 'Fn::GetAtt': ['VpcConnectorR2', 'VpcConnectorArn'] },
      Description: "For the service's NetworkConfiguration",
    },
  },
};

describe('CDK export (from the CloudFormation template)', function () {
  it('writes one L1 construct per resource with its logical id kept, and the policies through cfnOptions', () => {
    const files = cdkExport(TEMPLATE, { stackName: 'KyudaiApiConnector' });
    const stack = files.find((f) => f.path === 'lib/stack.ts')?.content ?? '';
    assert.match(stack, /new ec2\.CfnSecurityGroup\(this, "AppRunnerSecurityGroup", \{/);
    assert.match(stack, /new apprunner\.CfnVpcConnector\(this, "VpcConnectorR2"/);
    assert.match(stack, /appRunnerSecurityGroup\.cfnOptions\.deletionPolicy = cdk\.CfnDeletionPolicy\.RETAIN;/);
    assert.match(stack, /vpcConnectorR2\.addDependency\(appRunnerToDatabaseEgress\);/);
    assert.match(stack, /subnets: connectorSubnetIds\.valueAsList/);
    assert.deepEqual(files.map((f) => f.path).sort(), [
      'bin/app.ts',
      'cdk.json',
      'lib/stack.ts',
      'package.json',
      'tsconfig.json',
    ]);
    assert.match(
      files.find((f) => f.path === 'bin/app.ts')?.content ?? '',
      /new AppRunnerVpcConnectorStack\(app, "KyudaiApiConnector"/,
    );
  });

  it('refuses, with the reason, what it cannot express rather than writing a different stack', () => {
    assert.throws(() => cdkExport({ Resources: { X: { Type: 'Custom::Thing', Properties: {} } } }), CdkExportError);
    assert.throws(
      () =>
        cdkExport({ Resources: { X: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: { Ref: 'Nowhere' } } } } }),
      /Ref to "Nowhere"/,
    );
    assert.throws(() => cdkExport(TEMPLATE, { stackName: 'bad name' }), /Stack name/);
  });

  describe('compiled with tsc against aws-cdk-lib and synthesized offline', function () {
    this.timeout(600_000);
    before(function () {
      const missing = cdkMissing();
      if (missing) {
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
    });

    it('synthesizes, resource for resource, the template it was written from', async () => {
      const { template } = await compileAndSynth(
        cdkExport(TEMPLATE, { stackName: 'KyudaiApiConnector' }),
        'KyudaiApiConnector',
      );
      assert.deepEqual(
        comparableResources(template.Resources),
        comparableResources(TEMPLATE.Resources as unknown as Record<string, Record<string, unknown>>),
      );
      assert.deepEqual(Object.keys(template.Parameters ?? {}).sort(), Object.keys(TEMPLATE.Parameters ?? {}).sort());
      assert.deepEqual(template.Outputs, { VpcConnectorArn: TEMPLATE.Outputs?.VpcConnectorArn });
    });

    it('for every account shape, the exported app synthesizes the CloudFormation export, resource for resource', async () => {
      const ctx = { accountId: '123456789012', generatedAt: '2026-11-30T00:00:00Z', lang: 'en' as const };
      const worlds = allIacWorlds();
      const apps = worlds.map((w) => {
        const files = setupExport('cdk', w.snapshot, w.desired, { ...ctx, basis: w.basis }).files;
        const stackName =
          /new AppRunnerVpcConnectorStack\(app, "([^"]+)"/.exec(
            files.find((f) => f.path === 'bin/app.ts')?.content ?? '',
          )?.[1] ?? '';
        return { files, stackName };
      });
      const synthesized = await compileAndSynthMany(apps);
      worlds.forEach((w, i) => {
        const cfn = cloudFormationExport(w.snapshot, w.desired, { ...ctx, basis: w.basis }).template;
        assert.deepEqual(
          comparableResources(synthesized[i].Resources),
          comparableResources(cfn.Resources as unknown as Record<string, Record<string, unknown>>),
          w.name,
        );
        assert.deepEqual(
          Object.keys(synthesized[i].Parameters ?? {}).sort(),
          Object.keys(cfn.Parameters ?? {}).sort(),
          w.name,
        );
      });
    });

    it('a wrong property name does not compile (tsc checks the props against aws-cdk-lib)', async () => {
      const bad: CdkSourceTemplate = {
        Resources: { G: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcIdd: 'vpc-1' } } },
      };
      await assert.rejects(
        compileAndSynth(cdkExport(bad, { stackName: 'Bad' }), 'Bad'),
        /tsc rejected the exported CDK app:[\s\S]*vpcIdd/,
      );
    });
  });
});
