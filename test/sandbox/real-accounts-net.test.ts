// The network-shaped seeds (docs/real-accounts.md): on each, `apprunner-vpc plan --json` succeeds (or refuses
// with a specific message), `apply --yes` leaves db-health connected, and egress-health is unchanged by the
// setup unless the plan warned `no-internet-egress` first. shared-default: the VPC's default group is never
// touched (its rules read with DescribeSecurityGroupRules before and after, and in the exported script);
// iac-managed: nothing tagged by an IaC tool is written; dual-stack: no allow-all egress remains for either
// family. The world goes back to the runbook seed afterwards for the other files.
import assert from 'node:assert/strict';
import {
  DescribeServiceCommand,
  ListTagsForResourceCommand,
  ListVpcConnectorsCommand,
} from '@aws-sdk/client-apprunner';
import {
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { cli, useTestCredentials } from './engineSupport';
import { admin, getSandbox, getServiceUrl, sandboxClients, seed } from './support';

interface PlanJson {
  desired: {
    appRunnerSecurityGroupName: string;
    subnetIds: string[];
    appRunnerGroupReplaced?: { id: string; reason: string };
  };
  plan: {
    steps: { id: string; group?: { id?: string; name: string }; connectorArn?: string }[];
    warnings: { code: string; message: { en: string } }[];
  };
}

async function useSeed(name: string): Promise<void> {
  await admin('POST', 'reset', { seed: name });
}

async function health(path: string): Promise<Record<string, unknown>> {
  const { appRunner } = sandboxClients();
  const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
  return (await getServiceUrl(service?.ServiceUrl ?? '', path)).body;
}

async function rulesOf(groupId: string): Promise<SecurityGroupRule[]> {
  const { ec2 } = sandboxClients();
  return (
    (await ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] })))
      .SecurityGroupRules ?? []
  );
}

const ruleKeys = (rules: SecurityGroupRule[]): string[] =>
  rules
    .map((r) =>
      [
        r.SecurityGroupRuleId,
        r.IsEgress,
        r.IpProtocol,
        r.FromPort,
        r.ToPort,
        r.CidrIpv4,
        r.CidrIpv6,
        r.ReferencedGroupInfo?.GroupId,
      ].join(' '),
    )
    .sort();

const serviceArgs = (): string[] => [
  '--service',
  seed().serviceName ?? 'kyudai-api',
  '--security-group-name',
  'apprunner-connector',
];

/** `plan --json`: exit 0 (nothing to do) or 2 (changes) with the JSON; 1 is a refusal with its message. */
async function planJson(): Promise<{ code: number; json?: PlanJson; stderr: string }> {
  const run = await cli(['plan', '--json', ...serviceArgs()]);
  return {
    code: run.code,
    json: run.code === 0 || run.code === 2 ? (JSON.parse(run.stdout) as PlanJson) : undefined,
    stderr: run.stderr,
  };
}

/** The serviced group the connector now attached to the service uses. */
async function attachedGroupIds(): Promise<string[]> {
  const { appRunner } = sandboxClients();
  const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
  const arn = service?.NetworkConfiguration?.EgressConfiguration?.VpcConnectorArn;
  const connectors = (await appRunner.send(new ListVpcConnectorsCommand({ MaxResults: 100 }))).VpcConnectors ?? [];
  return connectors.find((c) => c.VpcConnectorArn === arn)?.SecurityGroups ?? [];
}

describe('real accounts (network seeds): plan, apply, and what is not ours', function () {
  this.timeout(180_000);
  before(() => useTestCredentials());
  after(async () => {
    await getSandbox().reset('runbook');
  });

  for (const name of ['cdk-default', 'tf-module', 'dual-stack', 'shared-default', 'iac-managed', 'brownfield']) {
    // Every one of these seeds plans (docs/real-accounts.md's table): a refusal, or a crash, fails the test.
    it(`${name}: plan --json succeeds; apply --yes connects the database (or stops at the stack's rule the plan named) and keeps internet egress or warned first`, async () => {
      await useSeed(name);
      const before = await health('/api/v1/egress-health');
      const planned = await planJson();
      assert.ok(planned.json, `plan --json exited ${planned.code}: ${planned.stderr}`);
      const p = planned.json;
      const warned = p.plan.warnings.some((w) => w.code === 'no-internet-egress');
      const apply = await cli(['apply', '--yes', ...serviceArgs()]);
      const dbHealth = await health('/api/v1/db-health');
      const iacWarned = p.plan.warnings.some((w) => w.code === 'iac-owned-resource');
      if (!iacWarned) {
        assert.equal(apply.code, 0, `${apply.stdout}\n${apply.stderr}`);
        assert.equal(dbHealth.database, 'connected', JSON.stringify(dbHealth));
      } else {
        // The DB group is the stack's: the plan said to add its ingress there; apply stops at the database check
        // (with the plan's warning as the reason, not a crash) until the stack adds it.
        assert.match(p.plan.warnings.find((w) => w.code === 'iac-owned-resource')?.message.en ?? '', /managed by/);
        assert.equal(apply.code, 1, `apply stops: ${apply.stdout}\n${apply.stderr}`);
        assert.match(`${apply.stdout}\n${apply.stderr}`, /managed by/, 'apply names the stack that owns the rule');
        assert.doesNotMatch(apply.stderr, /\n\s+at /, 'no stack trace');
        assert.notEqual(dbHealth.database, 'connected', JSON.stringify(dbHealth));
      }
      const after = await health('/api/v1/egress-health');
      if (before.internet === true && !warned)
        assert.equal(after.internet, true, `egress lost without a warning: ${JSON.stringify(after)}`);
      // Re-running converges: nothing left to change.
      const again = await planJson();
      assert.ok(again.json, again.stderr);
      const changes =
        again.json?.plan.steps.filter((s) => !s.id.startsWith('check-') && s.id !== 'wait-for-service') ?? [];
      if (!iacWarned)
        assert.deepEqual(
          changes.map((s) => s.id),
          [],
        );
    });
  }

  it('shared-default: neither Set Up nor Export Setup touches the default group; the other interfaces keep their group', async () => {
    await useSeed('shared-default');
    const defaultId = seed().defaultGroupId ?? '';
    assert.match(defaultId, /^sg-/);
    const rulesBefore = ruleKeys(await rulesOf(defaultId));
    const planned = await planJson();
    assert.equal(planned.code, 2, planned.stderr);
    assert.ok(!planned.json?.plan.steps.some((s) => s.group?.id === defaultId), 'no step on the default group');
    // Without name flags Export Setup writes the setup the service uses now: the connector on `default`.
    const script = await cli(['export-script', '--service', seed().serviceName ?? 'kyudai-api']);
    assert.equal(script.code, 0, script.stderr);
    const commands = script.stdout.split('\n').filter((l) => !l.trimStart().startsWith('#'));
    assert.equal(
      commands.some((l) => l.includes(defaultId)),
      false,
      'the script names the default group only in comments',
    );
    assert.match(script.stdout, new RegExp(`^# Not default \\(${defaultId}\\): .*default security group`, 'm'));
    assert.match(script.stdout, /--group-name (?!default\b)\S+ /);
    assert.match(script.stdout, /--vpc-connector-name campus-sns-vpc-connector-2 /);
    const apply = await cli(['apply', '--yes', ...serviceArgs()]);
    assert.equal(apply.code, 0, apply.stderr);
    assert.deepEqual(ruleKeys(await rulesOf(defaultId)), rulesBefore);
    assert.ok(!(await attachedGroupIds()).includes(defaultId), 'the service now uses a dedicated group');
    const { ec2 } = sandboxClients();
    const others = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [defaultId] }));
    assert.equal(others.SecurityGroups?.length, 1);
    assert.equal((await health('/api/v1/db-health')).database, 'connected');
  });

  it('iac-managed: no tagged group or connector is written (rules and connectors the same before and after)', async () => {
    await useSeed('iac-managed');
    const { ec2, appRunner } = sandboxClients();
    const groups =
      (
        await ec2.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [seed().vpcId ?? ''] }] }),
        )
      ).SecurityGroups ?? [];
    const isIac = (tags: { Key?: string; Value?: string }[] | undefined): boolean =>
      (tags ?? []).some(
        (t) =>
          t.Key?.startsWith('aws:cloudformation:') ||
          (/^managed[-_]?by$/i.test(t.Key ?? '') && /terraform/i.test(t.Value ?? '')),
      );
    const tagged = groups.filter((g) => isIac(g.Tags)).map((g) => g.GroupId ?? '');
    assert.ok(tagged.length > 0, 'the seed has IaC-tagged groups');
    const before = await Promise.all(tagged.map(async (id) => ruleKeys(await rulesOf(id))));
    const connectorsBefore = (
      (await appRunner.send(new ListVpcConnectorsCommand({ MaxResults: 100 }))).VpcConnectors ?? []
    ).filter((c) => c.Status === 'ACTIVE');
    const taggedConnectors: string[] = [];
    for (const c of connectorsBefore) {
      const tags = (await appRunner.send(new ListTagsForResourceCommand({ ResourceArn: c.VpcConnectorArn }))).Tags;
      if (isIac(tags)) taggedConnectors.push(c.VpcConnectorArn ?? '');
    }
    const apply = await cli(['apply', '--yes', ...serviceArgs()]);
    assert.equal(apply.code, 0, `${apply.stdout}\n${apply.stderr}`);
    const after = await Promise.all(tagged.map(async (id) => ruleKeys(await rulesOf(id))));
    assert.deepEqual(after, before);
    const connectorsAfter = (
      (await appRunner.send(new ListVpcConnectorsCommand({ MaxResults: 100 }))).VpcConnectors ?? []
    ).filter((c) => c.Status === 'ACTIVE');
    for (const arn of taggedConnectors)
      assert.ok(
        connectorsAfter.some((c) => c.VpcConnectorArn === arn),
        `${arn} still ACTIVE`,
      );
  });

  it('dual-stack: after apply no allow-all egress remains on the App Runner group, for IPv4 or IPv6', async () => {
    await useSeed('dual-stack');
    const apply = await cli(['apply', '--yes', ...serviceArgs()]);
    assert.equal(apply.code, 0, `${apply.stdout}\n${apply.stderr}`);
    const groupIds = await attachedGroupIds();
    assert.ok(groupIds.length > 0);
    for (const id of groupIds) {
      const allowAll = (await rulesOf(id)).filter(
        (r) => r.IsEgress && r.IpProtocol === '-1' && (r.CidrIpv4 === '0.0.0.0/0' || r.CidrIpv6 === '::/0'),
      );
      assert.deepEqual(
        allowAll.map((r) => r.CidrIpv4 ?? r.CidrIpv6),
        [],
        id,
      );
    }
    const diagnosis = await cli(['diagnose', '--json', '--service', seed().serviceName ?? 'kyudai-api']);
    const findings = JSON.parse(diagnosis.stdout) as {
      findings?: { id: string }[];
      diagnosis?: { findings: { id: string }[] };
    };
    const ids = (findings.findings ?? findings.diagnosis?.findings ?? []).map((f) => f.id);
    assert.ok(!ids.includes('allow-all-egress'), ids.join());
  });
});
