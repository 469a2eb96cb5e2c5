// The sandbox is as strict as AWS: each rule of docs/sandbox.md ("As strict as AWS"), checked with the real
// `aws` CLI against the sandbox, gets AWS's error code; and the valid neighbour of each refused call passes
// (sent with the SDK, also through the front, because the CLI takes seconds per call here), so no rule is
// stricter than AWS.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeVpcsCommand,
  RevokeSecurityGroupEgressCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { CreateVpcConnectorCommand } from '@aws-sdk/client-apprunner';
import { getSandbox, sandboxClients, sandboxEnv, seed } from './support';

const run = promisify(execFile);

async function aws(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', getSandbox().endpoint, '--output', 'json'], {
    env: { ...sandboxEnv(), AWS_MAX_ATTEMPTS: '1' },
  });
  return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
}

/** Runs the CLI expecting a refusal; returns the error code the CLI printed. */
async function awsErrorCode(args: string[]): Promise<string> {
  try {
    await aws(args);
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '');
    const code = /An error occurred \(([^)]+)\)/.exec(stderr)?.[1];
    assert.ok(code, `no AWS error in: ${stderr}`);
    return code;
  }
  assert.fail(`aws ${args.join(' ')} succeeded; AWS refuses it`);
}

const createGroup = (name: string, description = 'test group', vpcId = seed().vpcId ?? '') => [
  'ec2',
  'create-security-group',
  '--group-name',
  name,
  '--description',
  description,
  '--vpc-id',
  vpcId,
];

/** The accepted neighbour of a refused call, through the front with the SDK. */
async function groupAccepted(name: string, description = 'test group', vpcId = seed().vpcId ?? ''): Promise<string> {
  const out = await sandboxClients().ec2.send(
    new CreateSecurityGroupCommand({ GroupName: name, Description: description, VpcId: vpcId }),
  );
  return out.GroupId ?? '';
}

const sdk = () => sandboxClients().ec2;

async function newVpc(cidr: string, ipv6 = false): Promise<string> {
  const out = await sandboxClients().ec2.send(
    new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: ipv6 }),
  );
  return out.Vpc?.VpcId ?? '';
}

describe('sandbox: as strict as AWS (real aws CLI)', function () {
  // The aws CLI takes several seconds per call on a loaded machine.
  this.timeout(300_000);
  let groupId = '';
  let otherGroupId = '';

  before(async () => {
    await getSandbox().reset();
    groupId = await groupAccepted('strict-test-app');
    otherGroupId = await groupAccepted('strict-test-other');
  });

  describe('CreateSecurityGroup', () => {
    it("refuses the runbook's sg-apprunner (names can't start with sg-), any case: InvalidParameterValue", async () => {
      assert.equal(
        await awsErrorCode(createGroup('sg-apprunner', 'Security group for App Runner VPC Connector')),
        'InvalidParameterValue',
      );
      assert.equal(await awsErrorCode(createGroup('SG-AppRunner')), 'InvalidParameterValue');
      // "sg" without the hyphen, or sg- later in the name, is fine.
      assert.match(await groupAccepted('sgapprunner'), /^sg-/);
      assert.match(await groupAccepted('app-sg-runner'), /^sg-/);
    });

    it('refuses a group name over 255 characters or outside the documented set: InvalidParameterValue', async () => {
      assert.equal(await awsErrorCode(createGroup('a'.repeat(256))), 'InvalidParameterValue');
      assert.equal(await awsErrorCode(createGroup('bad~name')), 'InvalidParameterValue');
      assert.equal(await awsErrorCode(createGroup('グループ')), 'InvalidParameterValue');
      assert.match(await groupAccepted('a'.repeat(255)), /^sg-/);
      assert.match(await groupAccepted('ok name ._-:/()#,@[]+=&;{}!$*'), /^sg-/);
    });

    it('refuses an empty group name: MissingParameter', async () => {
      assert.equal(await awsErrorCode(createGroup('')), 'MissingParameter');
    });

    it('refuses a description over 255 characters, outside the set, or beyond ASCII: InvalidParameterValue', async () => {
      assert.equal(await awsErrorCode(createGroup('desc-long', 'd'.repeat(256))), 'InvalidParameterValue');
      assert.equal(await awsErrorCode(createGroup('desc-quote', "the app's group")), 'InvalidParameterValue');
      assert.equal(await awsErrorCode(createGroup('desc-ja', 'セキュリティグループ')), 'InvalidParameterValue');
      assert.match(await groupAccepted('desc-ok', 'Security group for App Runner VPC Connector'), /^sg-/);
    });

    it('refuses a name already used in the VPC, compared without case: InvalidGroup.Duplicate', async () => {
      assert.equal(await awsErrorCode(createGroup('strict-test-app')), 'InvalidGroup.Duplicate'); // moto itself
      assert.equal(await awsErrorCode(createGroup('STRICT-test-APP')), 'InvalidGroup.Duplicate'); // the front
      // The same name in another VPC is fine.
      assert.match(await groupAccepted('strict-test-app', 'test group', await newVpc('10.50.0.0/16')), /^sg-/);
    });
  });

  describe('Authorize/Revoke security group rules', () => {
    const perm = (p: string) => ['--ip-permissions', p];

    it('refuses an IPv6 range in CidrIp and an IPv4 range in CidrIpv6 on Authorize (moto) and Revoke (the front): InvalidParameterValue', async () => {
      const g = ['--group-id', groupId];
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-ingress',
          ...g,
          '--protocol',
          'tcp',
          '--port',
          '443',
          '--cidr',
          '::/0',
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-egress',
          ...g,
          ...perm('IpProtocol=tcp,FromPort=443,ToPort=443,Ipv6Ranges=[{CidrIpv6=0.0.0.0/0}]'),
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'revoke-security-group-ingress',
          ...g,
          '--protocol',
          'tcp',
          '--port',
          '443',
          '--cidr',
          '::/0',
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'revoke-security-group-egress',
          ...g,
          ...perm('IpProtocol=tcp,FromPort=443,ToPort=443,Ipv6Ranges=[{CidrIpv6=0.0.0.0/0}]'),
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'revoke-security-group-egress',
          ...g,
          ...perm('IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=::/0}]'),
        ]),
        'InvalidParameterValue',
      );
      // Each family in its own field is accepted.
      const v6: IpPermission[] = [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      ];
      await sdk().send(new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: v6 }));
      await sdk().send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: v6 }));
    });

    it('refuses a rule that already exists: InvalidPermission.Duplicate (moto)', async () => {
      await sdk().send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: groupId,
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: otherGroupId }] },
          ],
        }),
      );
      const args = [
        'ec2',
        'authorize-security-group-ingress',
        '--group-id',
        groupId,
        '--protocol',
        'tcp',
        '--port',
        '5432',
        '--source-group',
        otherGroupId,
      ];
      assert.equal(await awsErrorCode(args), 'InvalidPermission.Duplicate');
    });

    it('refuses a rule description outside the documented set or over 255 characters: InvalidParameterValue', async () => {
      const g = ['--group-id', groupId];
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-ingress',
          ...g,
          ...perm(
            'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=10.0.0.0/24,Description="from the VPN -> bastion"}]',
          ),
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-egress',
          ...g,
          ...perm(
            `IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=10.0.0.0/24,Description=${'d'.repeat(256)}}]`,
          ),
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-egress',
          ...g,
          ...perm(
            `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${otherGroupId},Description="DB's port"}]`,
          ),
        ]),
        'InvalidParameterValue',
      );
      await sdk().send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: groupId,
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              IpRanges: [{ CidrIp: '10.0.0.0/24', Description: 'From the VPN: bastion (ops) & more' }],
            },
          ],
        }),
      );
    });

    it('refuses TCP/UDP without both ports (InvalidParameterValue) or with a port outside 0-65535 (InvalidPermission.Malformed)', async () => {
      const g = ['--group-id', groupId];
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-ingress',
          ...g,
          ...perm('IpProtocol=tcp,IpRanges=[{CidrIp=10.0.1.0/24}]'),
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-egress',
          ...g,
          ...perm('IpProtocol=udp,FromPort=53,IpRanges=[{CidrIp=10.0.1.0/24}]'),
        ]),
        'InvalidParameterValue',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-ingress',
          ...g,
          ...perm('IpProtocol=tcp,FromPort=-1,ToPort=-1,IpRanges=[{CidrIp=10.0.1.0/24}]'),
        ]),
        'InvalidPermission.Malformed',
      );
      assert.equal(
        await awsErrorCode([
          'ec2',
          'authorize-security-group-egress',
          ...g,
          ...perm('IpProtocol=tcp,FromPort=100,ToPort=70000,IpRanges=[{CidrIp=10.0.1.0/24}]'),
        ]),
        'InvalidPermission.Malformed',
      );
      // All protocols (-1) and ICMP -1 need no TCP/UDP ports.
      await sdk().send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: groupId,
          IpPermissions: [
            { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.1.0/24' }] },
            { IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.2.0/24' }] },
            { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '10.0.3.0/24' }] },
          ],
        }),
      );
    });
  });

  describe('CreateVpcConnector (App Runner emulator)', () => {
    it('refuses IPv6-only subnets and accepts dual-stack ones: InvalidRequestException', async () => {
      const vpcId = await newVpc('10.60.0.0/16', true);
      const described = await sdk().send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
      const block = described.Vpcs?.[0]?.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock ?? '';
      // /64 blocks inside the VPC's /56: the fourth group's low byte numbers them.
      const [a, b, c, d] = (block.split('::')[0] ?? '').split(':');
      const sixtyFour = (i: number) => `${a}:${b}:${c}:${(parseInt(d ?? '0', 16) + i).toString(16)}::/64`;
      const subnet = async (az: string, i: number, cidr?: string) =>
        (
          await sdk().send(
            new CreateSubnetCommand({
              VpcId: vpcId,
              AvailabilityZone: az,
              Ipv6CidrBlock: sixtyFour(i),
              ...(cidr ? { CidrBlock: cidr } : { Ipv6Native: true }),
            }),
          )
        ).Subnet?.SubnetId ?? '';
      const v6a = await subnet('ap-northeast-1a', 1);
      const v6c = await subnet('ap-northeast-1c', 2);
      const duala = await subnet('ap-northeast-1a', 3, '10.60.1.0/24');
      const dualc = await subnet('ap-northeast-1c', 4, '10.60.2.0/24');
      const connector = (name: string, subnets: string[]) => [
        'apprunner',
        'create-vpc-connector',
        '--vpc-connector-name',
        name,
        '--subnets',
        ...subnets,
      ];
      assert.equal(await awsErrorCode(connector('strict-v6-only', [v6a, v6c])), 'InvalidRequestException');
      assert.equal(await awsErrorCode(connector('strict-v6-mixed', [duala, v6c])), 'InvalidRequestException');
      const ok = await sandboxClients().appRunner.send(
        new CreateVpcConnectorCommand({ VpcConnectorName: 'strict-dual', Subnets: [duala, dualc] }),
      );
      assert.equal(ok.VpcConnector?.Status, 'ACTIVE');
    });

    it('refuses security groups of another VPC: InvalidRequestException (the emulator already did)', async () => {
      const foreign = await groupAccepted('strict-foreign', 'test group', await newVpc('10.70.0.0/16'));
      const subnets = seed().privateSubnetIds.slice(0, 2);
      assert.equal(
        await awsErrorCode([
          'apprunner',
          'create-vpc-connector',
          '--vpc-connector-name',
          'strict-foreign',
          '--subnets',
          ...subnets,
          '--security-groups',
          foreign,
        ]),
        'InvalidRequestException',
      );
    });
  });
});
