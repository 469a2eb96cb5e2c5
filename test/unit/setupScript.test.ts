import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setupFromService } from '../../src/model/plan/setupFromService';
import { plan } from '../../src/model/plan/plan';
import { setupScript, setupScriptFor, shellQuote } from '../../src/model/plan/setupScript';
import type { DesiredSetup } from '../../src/model/plan/desired';
import { doneWorld, seededWorld, SERVICE_ARN, SETTINGS } from './fixtures/planWorld';

function desired(result: ReturnType<typeof setupFromService>): DesiredSetup {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message.en).join('; '));
  return result.desired;
}

const CONTEXT = {
  region: 'ap-northeast-1',
  accountId: '123456789012',
  dbSecurityGroupName: 'sg-rds',
  generatedAt: '2026-11-28T00:00:00Z',
  lang: 'en' as const,
};

describe('setupFromService: which setup Export Setup writes', () => {
  it('a service on DEFAULT egress gets what Set Up proposes: private subnets, one per AZ, and the settings names', () => {
    const result = setupFromService(seededWorld(), SETTINGS, 'kyudai-api');
    assert.equal(result.basis, 'proposed');
    const d = desired(result);
    assert.equal(d.connectorName, 'campus-sns-vpc-connector');
    assert.equal(d.appRunnerSecurityGroupName, 'apprunner-connector');
    assert.equal(d.appRunnerSecurityGroupNameTag, 'sg-apprunner');
    assert.equal(
      new Set(d.subnetIds.map((id) => seededWorld().subnets.find((s) => s.id === id)?.availabilityZone)).size,
      d.subnetIds.length,
    );
    assert.ok(!d.subnetIds.includes('subnet-pub'));
  });

  it('an attached service gets its own connector: name, subnets and group, whatever the settings say', () => {
    const world = doneWorld();
    world.connectors[0].name = 'other-connector';
    world.securityGroups[1].name = 'apprunner-egress';
    const result = setupFromService(world, { ...SETTINGS, connectorName: 'ignored' }, 'kyudai-api');
    assert.equal(result.basis, 'attached');
    const d = desired(result);
    assert.equal(d.connectorName, 'other-connector');
    assert.equal(d.appRunnerSecurityGroupName, 'apprunner-egress');
    assert.deepEqual(d.subnetIds, ['subnet-a', 'subnet-c', 'subnet-d']);
    assert.equal(d.serviceArn, SERVICE_ARN);
  });

  it('an account without an RDS instance: says the script is for RDS and where to go instead', () => {
    const world = seededWorld();
    world.dbInstances = [];
    const result = setupFromService(world, SETTINGS, 'kyudai-api');
    assert.equal(result.ok, false);
    assert.match(
      !result.ok ? result.issues[0].message.en : '',
      /no RDS database \(DB instance, DB cluster or RDS Proxy\) in ap-northeast-1: .* use Set Up VPC Connector, which asks for its security group and port/,
    );
  });

  it('an unknown service is the same clear error as Set Up gives', () => {
    const result = setupFromService(seededWorld(), SETTINGS, 'nope');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.issues[0].message.en : '', /App Runner service "nope" was not found/);
  });
});

describe('setupScript', () => {
  const script = setupScript(desired(setupFromService(seededWorld(), SETTINGS, 'kyudai-api')), {
    ...CONTEXT,
    basis: 'proposed',
  });

  it('is valid bash, stops on the first error, and refuses another account before anything else', () => {
    execFileSync('bash', ['-n', '-c', script]);
    assert.match(script, /^#!\/usr\/bin\/env bash\n/);
    assert.match(script, /\nset -euo pipefail\n/);
    const guard = script.indexOf('aws sts get-caller-identity');
    const firstChange = script.search(/aws ec2 (create|authorize|revoke)/);
    assert.ok(guard > 0 && guard < firstChange, 'the account check comes before the first change');
  });

  it('holds the same target state as the plan: three egress rules, the allow-all egress revoked, ingress from the group only', () => {
    assert.match(
      script,
      /authorize-security-group-egress --group-id "\$APPRUNNER_SG_ID" --ip-permissions "IpProtocol=tcp,FromPort=\$DB_PORT,ToPort=\$DB_PORT,UserIdGroupPairs=\[\{GroupId=\$DB_SG_ID\}\]"/,
    );
    assert.match(script, /IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=\[\{CidrIp=0\.0\.0\.0\/0\}\]/);
    assert.match(script, /IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=\[\{CidrIp=0\.0\.0\.0\/0\}\]/);
    assert.match(script, /revoke-security-group-egress .*IpProtocol=-1,IpRanges=\[\{CidrIp=0\.0\.0\.0\/0\}\]/);
    assert.match(
      script,
      /authorize-security-group-ingress --group-id "\$DB_SG_ID" .*UserIdGroupPairs=\[\{GroupId=\$APPRUNNER_SG_ID\}\]/,
    );
    // Never a database port open to the world: the only CIDR rules are 443 and 53 egress.
    const ingress = script.split('\n').filter((l) => l.includes('authorize-security-group-ingress'));
    assert.equal(ingress.length, 1);
    assert.ok(!ingress[0].includes('CidrIp'));
  });

  it("keeps the service's other network settings when it attaches", () => {
    assert.match(script, /case "\$public" in True\) public=true ;; False\) public=false ;; esac/);
    assert.match(script, /IngressConfiguration=\{IsPubliclyAccessible=\$public\}/);
    assert.match(script, /IpAddressType=\$ip_type/);
  });

  it('says what it is based on, in the UI language', () => {
    assert.match(
      script,
      /kyudai-api has no active VPC connector attached: this is the setup Set Up VPC Connector proposes/,
    );
    const ja = setupScript(desired(setupFromService(doneWorld(), SETTINGS, 'kyudai-api')), {
      ...CONTEXT,
      lang: 'ja',
      basis: 'attached',
    });
    assert.match(ja, /kyudai-api が現在使っているセットアップです: VPC コネクタ campus-sns-vpc-connector/);
    execFileSync('bash', ['-n', '-c', ja]);
  });

  it('quotes what the shell would split or expand', () => {
    assert.equal(shellQuote('sg-apprunner'), 'sg-apprunner');
    assert.equal(shellQuote('a b'), "'a b'");
    assert.equal(shellQuote("it's $HOME"), "'it'\\''s $HOME'");
    const odd = setupScript(
      {
        ...desired(setupFromService(seededWorld(), SETTINGS, 'kyudai-api')),
        appRunnerSecurityGroupName: "app runner's $group",
      },
      CONTEXT,
    );
    execFileSync('bash', ['-n', '-c', odd]);
    assert.ok(odd.includes(`--group-name 'app runner'\\''s $group'`));
  });

  it('creates the group with a GroupName EC2 accepts, tagged Name=sg-apprunner, and finds an existing one by that tag', () => {
    assert.ok(script.includes('--group-name apprunner-connector'));
    assert.ok(script.includes('Tags=[{Key=Name,Value=sg-apprunner}'));
    assert.ok(script.includes('{"Name":"tag:Name","Values":["sg-apprunner"]}'));
    assert.ok(!/--group-name '?sg-/.test(script));
  });
});

describe('setupScriptFor: the connector the plan uses', () => {
  it("finds a hand-made App Runner group by its Name tag, as plan does, so that group's connector is reused, not revised", () => {
    // Made by hand as the runbook says: GroupName is not the setting's, only the Name tag is sg-apprunner; the
    // connector on it has the wanted name and the proposed subnets. The service is still on DEFAULT egress.
    const world = doneWorld();
    const hand = world.securityGroups.find((g) => g.id === 'sg-app1');
    assert.ok(hand);
    hand.name = 'made-by-hand';
    Object.assign(world.services[0], { egressType: 'DEFAULT', vpcConnectorArn: undefined });
    // The setup as the settings name it (resolveDesired would name the group found; any caller may not).
    const d: DesiredSetup = {
      ...desired(setupFromService(world, SETTINGS, 'kyudai-api')),
      appRunnerSecurityGroupName: 'apprunner-connector',
      appRunnerSecurityGroupNameTag: 'sg-apprunner',
    };
    assert.deepEqual([...d.subnetIds].sort(), ['subnet-a', 'subnet-c', 'subnet-d']);
    // plan() finds the group through its tag and reuses the connector: nothing to create.
    const steps = plan(world, d).steps.map((s) => s.kind);
    assert.ok(!steps.includes('create-connector'), steps.join(', '));
    assert.ok(steps.includes('attach-connector'), steps.join(', '));
    const script = setupScriptFor(world, d, { generatedAt: 'now', lang: 'en' });
    assert.match(script, /^# .*: VPC connector campus-sns-vpc-connector to DB instance kyudai-db\.$/m);
    assert.match(script, /--vpc-connector-name campus-sns-vpc-connector /);
    assert.doesNotMatch(script, /--vpc-connector-name campus-sns-vpc-connector-2/);
  });
});
