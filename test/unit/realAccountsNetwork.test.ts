// Real accounts, the network half, on plain snapshots shaped like real accounts: CDK/Terraform layouts whose DB
// subnets are isolated, the VPC's default group on a connector, groups other interfaces use, IaC-owned
// groups and connectors, and IPv6 (allow-all to ::/0, DUAL_STACK services, IPv6-only subnets).
import assert from 'node:assert/strict';
import { parseApprunnerYaml } from '../../src/model/apprunnerYaml';
import { buildLenses } from '../../src/model/codeLens';
import { resolveDesired, type DesiredSetup } from '../../src/model/plan/desired';
import { fixActionFor } from '../../src/model/fix/diagnoseFix';
import { plan } from '../../src/model/plan/plan';
import type { Plan, PlanStep } from '../../src/model/plan/planSteps';
import { wideningSteps } from '../../src/model/plan/planSafety';
import { iacOwner } from '../../src/model/plan/resourceOwnership';
import { defaultRouteKind, routeTableForSubnet } from '../../src/model/topology/routeTables';
import { setupScriptFor } from '../../src/model/plan/setupScript';
import { setupFromService } from '../../src/model/plan/setupFromService';
import { DEFAULT_SETUP_SETTINGS, type SetupSettings } from '../../src/model/plan/setupSettings';
import type { Topology } from '../../src/model/topology/topology';
import { validateSubnets } from '../../src/model/plan/validators';
import { buildDiagram } from '../../src/model/diagram/buildDiagram';
import { serviceNode } from '../../src/model/diagram/nodes';
import { analyze, only } from './fixtures/analyze';
import {
  afterSetup,
  beforeSetup,
  connector,
  group,
  IDS,
  routeTable,
  service,
  sgRule,
  subnetOf,
} from './fixtures/topologyBuilder';

const SETTINGS: SetupSettings = { ...DEFAULT_SETUP_SETTINGS, appRunnerSecurityGroupName: 'apprunner-connector' };

/** What the loader fills in: each subnet's default-route kind, from its table (the same function). */
function withRouteKinds(t: Topology): Topology {
  for (const s of t.subnets) s.defaultRoute = defaultRouteKind(routeTableForSubnet(t, s.id, s.vpcId, s.routeTableId));
  return t;
}

/** CDK's default VPC layout: the DB's subnets are isolated (local route only); the app subnets route to NAT. */
function cdkLayout(base: Topology = beforeSetup()): Topology {
  const t = base;
  routeTable(t, IDS.rtbPrivate).subnetIds = [IDS.appA, IDS.appC];
  t.routeTables.push({
    id: 'rtb-isolated',
    vpcId: IDS.vpc,
    isMain: false,
    subnetIds: [IDS.dbA, IDS.dbC],
    routes: [{ destinationCidr: '10.0.0.0/16', gatewayId: 'local', state: 'active' }],
  });
  return withRouteKinds(t);
}

function desiredOf(t: Topology, settings: SetupSettings = SETTINGS, subnetIds?: string[]): DesiredSetup {
  const r = resolveDesired(t, settings, { subnetIds });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return r.desired;
}
const codes = (p: Plan): string[] => p.warnings.map((w) => w.code);
const stepsOn = (p: Plan, groupId: string): PlanStep[] =>
  p.steps.filter(
    (s) =>
      (s.kind === 'authorize-egress' || s.kind === 'authorize-ingress' || s.kind === 'revoke-egress') &&
      s.group.id === groupId,
  );

describe('real accounts: subnets that keep the internet', () => {
  it("the snapshot knows where each subnet's 0.0.0.0/0 goes", () => {
    const t = cdkLayout();
    assert.deepEqual(
      t.subnets.map((s) => [s.id, s.defaultRoute]),
      [
        [IDS.appA, 'nat-gateway'],
        [IDS.appC, 'nat-gateway'],
        [IDS.dbA, 'none'],
        [IDS.dbC, 'none'],
        [IDS.pub, 'internet-gateway'],
      ],
    );
    assert.equal(
      defaultRouteKind({
        id: 'r',
        vpcId: 'v',
        isMain: false,
        subnetIds: [],
        routes: [{ destinationCidr: '0.0.0.0/0', transitGatewayId: 'tgw-1' }],
      }),
      'transit-gateway',
    );
    assert.equal(
      defaultRouteKind({
        id: 'r',
        vpcId: 'v',
        isMain: false,
        subnetIds: [],
        routes: [{ destinationCidr: '0.0.0.0/0', natGatewayId: 'nat-1', state: 'blackhole' }],
      }),
      'none',
    );
  });

  it("prefers NAT-routed private subnets over the isolated DB subnet group, the DB's AZ first, and warns nothing", () => {
    const t = cdkLayout();
    const d = desiredOf(t);
    assert.deepEqual(d.subnetIds, [IDS.appA, IDS.appC]);
    const p = plan(t, d);
    assert.ok(!codes(p).includes('no-internet-egress'), codes(p).join());
  });

  it('with only isolated subnets the plan still sets up the database path and warns no-internet-egress, naming both ways out', () => {
    const t = cdkLayout();
    t.routeTables = t.routeTables.filter((r) => r.id !== IDS.rtbPrivate);
    t.routeTables.find((r) => r.id === 'rtb-isolated')?.subnetIds.push(IDS.appA, IDS.appC);
    withRouteKinds(t);
    const p = plan(t, desiredOf(t));
    assert.ok(p.steps.some((s) => s.id === 'authorize-db-ingress') && p.steps.some((s) => s.id === 'attach-connector'));
    const w = p.warnings.find((x) => x.code === 'no-internet-egress');
    assert.ok(w, codes(p).join());
    assert.match(w.message.en, /NAT gateway in a public subnet/);
    assert.match(w.message.en, /VPC endpoints/);
    assert.match(w.message.ja, /NAT ゲートウェイ/);
  });

  it('an attached connector on isolated subnets: a Diagnose finding, a CodeLens line and a broken internet edge', () => {
    const t = cdkLayout(afterSetup());
    connector(t).subnetIds = [IDS.dbA, IDS.dbC];
    const f = only(analyze(t), 'no-nat-route');
    assert.match(f.message.en, /VPC endpoints/);
    const yaml = 'version: 1.0\nruntime: nodejs18\nrun:\n  command: node app.js\n';
    const lenses = buildLenses({
      config: parseApprunnerYaml(yaml).config,
      link: { kind: 'remembered', serviceName: 'kyudai-api' },
      snapshot: t,
      loading: false,
    });
    const line = lenses.find((l) => l.id === 'internet');
    assert.ok(line, lenses.map((l) => l.id).join());
    assert.match(line.title.en, /no internet egress: subnet-db-a, subnet-db-c/);
    const internetEdge = buildDiagram(t, 'kyudai-api', {
      appRunnerGroupName: 'sg-apprunner',
      databaseGroupName: 'sg-rds',
    })?.edges.find((e) => e.kind === 'internet');
    assert.equal(internetEdge?.state, 'broken');
    assert.match(internetEdge?.reason.en ?? '', /no route to a NAT gateway/);
    const fine = buildLenses({
      config: parseApprunnerYaml(yaml).config,
      link: { kind: 'remembered', serviceName: 'kyudai-api' },
      snapshot: cdkLayout(afterSetup()),
      loading: false,
    });
    assert.equal(
      fine.some((l) => l.id === 'internet'),
      false,
    );
  });

  it('refuses an IPv6-only subnet with the reason, and never picks one', () => {
    const t = cdkLayout();
    subnetOf(t, IDS.appA).ipv6Native = true;
    const issues = validateSubnets(t, [IDS.appA, IDS.appC], IDS.vpc);
    assert.deepEqual(
      issues.map((i) => i.code),
      ['subnet-ipv6-only'],
    );
    assert.match(issues[0].message.en, /IPv4/);
    assert.ok(!desiredOf(t).subnetIds.includes(IDS.appA));
  });
});

describe('real accounts: never change what is not ours', () => {
  it("a connector on the VPC's default group: Export and Set Up use a dedicated group and a new connector, the default group untouched", () => {
    const t = cdkLayout(afterSetup());
    t.securityGroups.push({
      id: 'sg-default',
      name: 'default',
      description: 'default VPC security group',
      vpcId: IDS.vpc,
      tags: {},
      rules: [sgRule('sgr-def-out', 'sg-default', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' })],
    });
    connector(t).securityGroupIds = ['sg-default'];
    t.networkInterfaces = [
      {
        id: 'eni-ec2',
        vpcId: IDS.vpc,
        groupIds: ['sg-default'],
        interfaceType: 'interface',
        description: 'bastion',
        requesterManaged: false,
      },
    ];
    const result = setupFromService(t, SETTINGS, 'kyudai-api');
    assert.ok(result.ok);
    const d = result.desired;
    assert.equal(d.appRunnerSecurityGroupName, 'apprunner-connector');
    assert.equal(d.appRunnerGroupReplaced?.id, 'sg-default');
    assert.equal(d.appRunnerGroupReplaced?.reason, 'default-group');
    const p = plan(t, d);
    assert.deepEqual(stepsOn(p, 'sg-default'), []);
    assert.ok(codes(p).includes('apprunner-group-replaced'));
    const create = p.steps.find((s) => s.kind === 'create-connector');
    assert.ok(create && create.kind === 'create-connector' && create.connectorName === 'campus-sns-vpc-connector-2');
    const script = setupScriptFor(t, d, { generatedAt: 'now', lang: 'en', basis: result.basis });
    assert.doesNotMatch(
      script
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n'),
      /sg-default/,
    );
    assert.match(script, /--group-name apprunner-connector/);
    assert.match(script, /--vpc-connector-name campus-sns-vpc-connector-2/);
    assert.match(script, /^# Not default \(sg-default\): .*default security group/m);
  });

  it("after the move to <name>-2 and the old connector's deletion, a second plan is empty (converges)", () => {
    const t = cdkLayout(afterSetup());
    const old = connector(t);
    t.connectors = [
      { ...old, status: 'INACTIVE' },
      { ...old, arn: `${old.arn}-2`, name: 'campus-sns-vpc-connector-2', subnetIds: [IDS.appC, IDS.appA] },
    ];
    service(t).vpcConnectorArn = `${old.arn}-2`;
    const d = desiredOf(t, SETTINGS);
    assert.deepEqual(d.subnetIds, [IDS.appA, IDS.appC]);
    assert.deepEqual(plan(t, d).steps, []);
  });

  it("a group of the wanted name used by other interfaces is left alone; App Runner's own interfaces do not count", () => {
    const t = cdkLayout();
    t.securityGroups.push({
      id: 'sg-shared',
      name: 'apprunner-connector',
      description: 'x',
      vpcId: IDS.vpc,
      tags: {},
      rules: [sgRule('sgr-sh-out', 'sg-shared', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' })],
    });
    t.networkInterfaces = [
      {
        id: 'eni-ar',
        vpcId: IDS.vpc,
        groupIds: ['sg-shared'],
        interfaceType: 'interface',
        description: 'AWS App Runner VPC Connector ENI',
        requesterManaged: true,
      },
    ];
    assert.equal(
      desiredOf(t).appRunnerSecurityGroupName,
      'apprunner-connector',
      'only App Runner uses it: ours to shape',
    );
    t.networkInterfaces.push({
      id: 'eni-lambda',
      vpcId: IDS.vpc,
      groupIds: ['sg-shared'],
      interfaceType: 'lambda',
      description: 'AWS Lambda VPC ENI-worker',
      requesterManaged: true,
    });
    const d = desiredOf(t);
    assert.equal(d.appRunnerSecurityGroupName, 'apprunner-connector-2');
    assert.equal(d.appRunnerGroupReplaced?.reason, 'shared');
    const p = plan(t, d);
    assert.deepEqual(stepsOn(p, 'sg-shared'), []);
    const w = p.warnings.find((x) => x.code === 'apprunner-group-replaced');
    assert.match(w?.message.en ?? '', /eni-lambda/);
    assert.ok(p.steps.some((s) => s.kind === 'create-security-group' && s.group.name === 'apprunner-connector-2'));
  });

  it('an IaC-owned App Runner group is reused only when it needs no change', () => {
    const t = cdkLayout(afterSetup());
    group(t, IDS.sgApp).tags = {
      'aws:cloudformation:stack-name': 'web-prod',
      'aws:cloudformation:logical-id': 'AppSg',
    };
    const settings = SETTINGS;
    const correct = plan(t, desiredOf(t, settings));
    assert.deepEqual(correct.steps, [], 'already right: nothing to change, nothing replaced');
    group(t, IDS.sgApp).rules = group(t, IDS.sgApp).rules.filter((r) => r.id !== 'sgr-app-dns');
    const d = desiredOf(t, settings);
    assert.equal(d.appRunnerGroupReplaced?.reason, 'iac-owned');
    assert.match(d.appRunnerGroupReplaced?.why.en ?? '', /CloudFormation stack web-prod/);
    assert.deepEqual(stepsOn(plan(t, d), IDS.sgApp), []);
  });

  it('an IaC-owned DB group gets no ingress step; the plan names the stack and the rule to add there', () => {
    const t = cdkLayout();
    group(t, IDS.sgDb).tags = { ManagedBy: 'Terraform', 'terraform:workspace': 'prod' };
    const p = plan(t, desiredOf(t));
    assert.equal(
      p.steps.some((s) => s.id === 'authorize-db-ingress'),
      false,
    );
    const w = p.warnings.find((x) => x.code === 'iac-owned-resource');
    assert.match(w?.message.en ?? '', /Terraform stack prod.*TCP 5432 from apprunner-connector/);
    // The database check cannot pass until the stack adds the rule: the step carries why (asked once, not waited for).
    const dbCheck = p.steps.find((s) => s.id === 'check-db-health');
    assert.deepEqual(dbCheck && 'blockedBy' in dbCheck ? dbCheck.blockedBy : undefined, w?.message);
    assert.equal(
      p.steps.find((s) => s.id === 'check-health' && 'blockedBy' in s),
      undefined,
      'the app check is not',
    );
    const script = setupScriptFor(t, desiredOf(t), { generatedAt: 'now', lang: 'en' });
    assert.doesNotMatch(script, /authorize-security-group-ingress/);
  });

  it('names a DB group other resources share', () => {
    const t = cdkLayout();
    t.networkInterfaces = [
      {
        id: 'eni-rds',
        vpcId: IDS.vpc,
        groupIds: [IDS.sgDb],
        description: 'RDSNetworkInterface',
        requesterManaged: true,
      },
      {
        id: 'eni-ec2',
        vpcId: IDS.vpc,
        groupIds: [IDS.sgDb],
        interfaceType: 'interface',
        description: 'reporting worker',
        requesterManaged: false,
      },
    ];
    const w = plan(t, desiredOf(t)).warnings.find((x) => x.code === 'db-group-shared');
    assert.match(w?.message.en ?? '', /eni-ec2 \(reporting worker\)/);
    assert.doesNotMatch(w?.message.en ?? '', /eni-rds/);
  });

  it('never deletes an IaC-owned connector: neither the mismatched one nor the unused-connector fix', () => {
    const t = cdkLayout(afterSetup());
    connector(t).tags = { 'aws:cloudformation:stack-name': 'network' };
    const p = plan(t, desiredOf(t, SETTINGS, [IDS.appA, IDS.appC]));
    assert.equal(
      p.steps.some((s) => s.kind === 'delete-connector'),
      false,
    );
    // A connector that does not match (other subnets): kept, with the stack named.
    connector(t).subnetIds = [IDS.appA, IDS.dbC];
    const moved = plan(t, desiredOf(t, SETTINGS, [IDS.appA, IDS.appC]));
    assert.equal(
      moved.steps.some((s) => s.kind === 'delete-connector'),
      false,
    );
    assert.match(
      moved.warnings.find((w) => w.code === 'old-connector-kept')?.message.en ?? '',
      /CloudFormation stack network manages it/,
    );
    // Unused: the finding links to the docs instead of offering the delete step.
    service(t).egressType = 'DEFAULT';
    t.connectors.push({
      ...connector(t),
      arn: `${IDS.connector}-other`,
      name: 'other',
      tags: { ManagedBy: 'terraform' },
    });
    const d = analyze(t);
    const unused = d.findings.find((f) => f.id === 'unused-connector' && f.evidence[0].id === `${IDS.connector}-other`);
    assert.ok(unused?.fix);
    assert.equal(unused.fix.kind, 'link');
    assert.equal(
      fixActionFor(t, SETTINGS, 'kyudai-api', {
        kind: 'plan-step',
        step: 'delete-connector',
        params: { connectorArn: `${IDS.connector}-other` },
      }).kind,
      'unavailable',
    );
  });

  it('reads IaC tags: CloudFormation, CDK, Terraform in its usual spellings; our own ManagedBy is not IaC', () => {
    assert.deepEqual(iacOwner({ 'aws:cloudformation:stack-name': 'A' }), { tool: 'CloudFormation', stack: 'A' });
    assert.deepEqual(iacOwner({ 'aws:cloudformation:stack-name': 'A', 'aws:cdk:path': 'A/Sg' }), {
      tool: 'CDK',
      stack: 'A',
    });
    assert.equal(iacOwner({ managed_by: 'terraform' })?.tool, 'Terraform');
    assert.equal(iacOwner({ Terraform: 'true' })?.tool, 'Terraform');
    assert.equal(iacOwner({ ManagedBy: 'apprunner-vpc', Name: 'sg-apprunner' }), undefined);
    assert.equal(iacOwner({ Project: 'campus-sns' }), undefined);
  });
});

describe('real accounts: IPv6', () => {
  it('revokes an allow-all to ::/0 alongside 0.0.0.0/0, after the rules, and adds ::/0 twins only for DUAL_STACK', () => {
    const t = cdkLayout(afterSetup());
    group(t, IDS.sgApp).rules.push(sgRule('sgr-app-all6', IDS.sgApp, true, '-1', -1, -1, { cidrIpv6: '::/0' }));
    const settings = SETTINGS;
    const v4 = plan(t, desiredOf(t, settings));
    assert.deepEqual(
      v4.steps.filter((s) => s.mutating).map((s) => s.id),
      ['revoke-default-egress-ipv6'],
    );
    service(t).ipAddressType = 'DUAL_STACK';
    const dual = plan(t, desiredOf(t, settings));
    assert.deepEqual(
      dual.steps.filter((s) => s.mutating).map((s) => s.id),
      ['authorize-egress-https-ipv6', 'authorize-egress-dns-ipv6', 'revoke-default-egress-ipv6'],
    );
    const https6 = dual.steps[0];
    assert.ok(https6.kind === 'authorize-egress');
    assert.deepEqual([https6.rule.cidrIpv6, https6.apiCall.params.CidrIpv6], ['::/0', '::/0']);
    assert.deepEqual(wideningSteps(dual), []);
    assert.match(dual.notes[0].en, /DUAL_STACK/);
  });

  it('the Diagnose fix for an allow-all to ::/0 runs the IPv6 revoke, and says done once it is gone (converges)', () => {
    const t = cdkLayout(afterSetup());
    group(t, IDS.sgApp).rules.push(sgRule('sgr-app-all6', IDS.sgApp, true, '-1', -1, -1, { cidrIpv6: '::/0' }));
    const f = only(analyze(t), 'allow-all-egress');
    assert.ok(f.fix);
    const settings = SETTINGS;
    const action = fixActionFor(t, settings, 'kyudai-api', f.fix);
    assert.ok(action.kind === 'steps', action.kind);
    assert.deepEqual(
      action.steps.map((s) => s.id),
      ['revoke-default-egress-ipv6'],
    );
    group(t, IDS.sgApp).rules = group(t, IDS.sgApp).rules.filter((r) => r.id !== 'sgr-app-all6');
    assert.equal(fixActionFor(t, settings, 'kyudai-api', f.fix).kind, 'done');
  });

  it('a new group in a VPC with IPv6 gets the IPv6 revoke too (skipped at apply when AWS added none)', () => {
    const t = cdkLayout();
    subnetOf(t, IDS.appA).ipv6CidrBlocks = ['2600:1f18::/64'];
    const ids = plan(t, desiredOf(t)).steps.map((s) => s.id);
    assert.ok(ids.indexOf('revoke-default-egress-ipv6') > ids.indexOf('authorize-egress-dns'));
  });

  it("the diagram's service node shows the IpAddressType", () => {
    const t = afterSetup();
    service(t).ipAddressType = 'DUAL_STACK';
    const node = serviceNode(service(t));
    assert.ok(
      node.details?.some((r) => r.value === 'DUAL_STACK'),
      JSON.stringify(node.details),
    );
  });
});
