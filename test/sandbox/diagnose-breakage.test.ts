// `apprunner-vpc diagnose --json` against the runbook's finished setup, broken one thing at a time with the
// real `aws` CLI: the diagnosis must name exactly that cause with its evidence, and the sandbox's own
// db-health (its ground truth, independent of src/model) must agree with the database verdict.
import assert from 'node:assert/strict';
import type { DiagnoseDocument } from '../../src/model/diagnosis/diagnoseOutcome';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { applyPlan } from '../../src/engine/applyPlan';
import { fixActionFor } from '../../src/model/fix/diagnoseFix';
import { analyzeService } from '../../src/model/diagnosis/reachability';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { awsCli, cli, denyDbPortInDefaultAcl, useTestCredentials } from './engineSupport';
import { getSandbox, getServiceUrl, sandboxClients, seed, TEST_REGION, waitForServiceStatus } from './support';

interface Diagnosed {
  code: number;
  doc: DiagnoseDocument;
  /** What GET http://<ServiceUrl>/api/v1/db-health said: true when "connected". */
  groundTruthConnected: boolean;
  groundTruthReason: string | null;
}

interface Ids {
  appGroup: string;
  rdsGroup: string;
  vpcId: string;
  serviceUrl: string;
}

async function diagnose(ids: Ids): Promise<Diagnosed> {
  const run = await cli(['diagnose', '--json']);
  assert.ok(run.code === 0 || run.code === 3, `diagnose exit ${run.code}: ${run.stderr}`);
  const doc = JSON.parse(run.stdout) as DiagnoseDocument;
  const health = await getServiceUrl(ids.serviceUrl, '/api/v1/db-health');
  return {
    code: run.code,
    doc,
    groundTruthConnected: health.body.database === 'connected',
    groundTruthReason: health.headers.get('x-sandbox-reason'),
  };
}

const errorIds = (d: Diagnosed): string[] =>
  d.doc.findings
    .filter((f) => f.severity === 'error')
    .map((f) => f.id)
    .sort();

function evidenceOf(d: Diagnosed, id: string): string[] {
  return d.doc.findings.filter((f) => f.id === id).flatMap((f) => f.evidence.map((e) => `${e.id} ${e.detail}`));
}

/** The cause named exactly, the exit code 3, and the ground truth agreeing with the database verdict. */
function assertCause(d: Diagnosed, id: string, evidence: RegExp, database: 'reachable' | 'blocked'): void {
  assert.deepEqual(errorIds(d), [id], JSON.stringify(d.doc.findings.map((f) => [f.id, f.severity])));
  assert.ok(
    evidenceOf(d, id).some((e) => evidence.test(e)),
    `evidence of ${id}: ${evidenceOf(d, id).join(' | ')}`,
  );
  assert.equal(d.code, 3);
  assert.equal(d.doc.verdicts.database, database);
  assert.equal(d.groundTruthConnected, database === 'reachable', `ground truth: ${d.groundTruthReason}`);
}

async function setUp(): Promise<Ids> {
  await getSandbox().reset();
  const applied = await cli(['apply', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  const groups = JSON.parse(
    await awsCli(['ec2', 'describe-security-groups', '--filters', 'Name=tag:Name,Values=sg-apprunner']),
  ) as {
    SecurityGroups: { GroupId: string }[];
  };
  const service = await waitForServiceStatus(sandboxClients().appRunner, seed().serviceArn ?? '');
  return {
    appGroup: groups.SecurityGroups[0].GroupId,
    rdsGroup: seed().sgRdsId ?? '',
    vpcId: seed().vpcId ?? '',
    serviceUrl: service.ServiceUrl ?? '',
  };
}

describe('diagnose: one broken thing at a time, named exactly, agreeing with db-health', function () {
  this.timeout(60_000);
  let ids: Ids;

  before(() => useTestCredentials());

  beforeEach(async () => {
    ids = await setUp();
  });

  it('is clean after the runbook setup (exit 0), and db-health says connected', async () => {
    const d = await diagnose(ids);
    assert.deepEqual(errorIds(d), []);
    assert.deepEqual(d.doc.verdicts, { database: 'reachable', internet: 'reachable', dns: 'reachable' });
    assert.equal(d.code, 0, d.doc.problems.reasons.join('; '));
    assert.equal(d.groundTruthConnected, true);
    assert.equal(d.doc.live?.health.outcome, 'healthy');
    assert.equal(d.doc.live?.dbHealth.outcome, 'healthy');
    assert.match(d.doc.live?.dbHealth.body ?? '', /"database":"connected"/);
    assert.equal(d.doc.live?.logs.logGroup, `/aws/apprunner/kyudai-api/${seed().serviceId}/application`);
  });

  it('revoked 5432 egress on sg-apprunner', async () => {
    await awsCli([
      'ec2',
      'revoke-security-group-egress',
      '--group-id',
      ids.appGroup,
      '--ip-permissions',
      `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${ids.rdsGroup}}]`,
    ]);
    const d = await diagnose(ids);
    assertCause(d, 'sg-egress-missing-db-port', new RegExp(`^${ids.appGroup} `), 'blocked');
    const fix = d.doc.findings.find((f) => f.id === 'sg-egress-missing-db-port')?.fix;
    assert.deepEqual(fix, {
      kind: 'plan-step',
      step: 'authorize-egress-db',
      params: { groupId: ids.appGroup, peerGroupId: ids.rdsGroup, port: '5432' },
    });
    assert.equal(d.doc.live?.dbHealth.outcome, 'unhealthy');
  });

  it('revoked 5432 ingress on sg-rds', async () => {
    await awsCli([
      'ec2',
      'revoke-security-group-ingress',
      '--group-id',
      ids.rdsGroup,
      '--protocol',
      'tcp',
      '--port',
      '5432',
      '--source-group',
      ids.appGroup,
    ]);
    const d = await diagnose(ids);
    assertCause(d, 'sg-ingress-missing-db-port', new RegExp(`^${ids.rdsGroup} `), 'blocked');
  });

  it('a network ACL deny before the allow', async () => {
    const acl = await denyDbPortInDefaultAcl(ids.vpcId);
    const d = await diagnose(ids);
    assertCause(d, 'nacl-denies-db-port', new RegExp(`^${acl}#50 .*deny`), 'blocked');
  });

  it('the NAT route replaced by an internet gateway route: internet blocked, database still reachable', async () => {
    const tables = JSON.parse(
      await awsCli([
        'ec2',
        'describe-route-tables',
        '--filters',
        `Name=association.subnet-id,Values=${seed().privateSubnetIds[0]}`,
      ]),
    ) as {
      RouteTables: { RouteTableId: string }[];
    };
    const table = tables.RouteTables[0].RouteTableId;
    await awsCli([
      'ec2',
      'replace-route',
      '--route-table-id',
      table,
      '--destination-cidr-block',
      '0.0.0.0/0',
      '--gateway-id',
      seed().internetGatewayId ?? '',
    ]);
    const d = await diagnose(ids);
    assertCause(d, 'igw-route-not-nat', new RegExp(`^${table} .*igw-`), 'reachable');
    assert.equal(d.doc.verdicts.internet, 'blocked');
  });

  it('DNS support turned off in the VPC', async () => {
    await awsCli(['ec2', 'modify-vpc-attribute', '--vpc-id', ids.vpcId, '--no-enable-dns-support']);
    const d = await diagnose(ids);
    assert.deepEqual(errorIds(d), ['dns-support-off']);
    assert.ok(evidenceOf(d, 'dns-support-off').some((e) => e.startsWith(`${ids.vpcId} enableDnsSupport=false`)));
    assert.equal(d.code, 3);
    assert.equal(d.doc.verdicts.dns, 'blocked');
    // The database is reached by its endpoint name, so no DNS means no database: the sandbox agrees.
    assert.equal(d.doc.verdicts.database, 'blocked');
    assert.equal(d.groundTruthConnected, false);
  });

  it('DNS support and host names off: the fix turns both on through the engine, and the database is reached again', async () => {
    await awsCli(['ec2', 'modify-vpc-attribute', '--vpc-id', ids.vpcId, '--no-enable-dns-hostnames']);
    await awsCli(['ec2', 'modify-vpc-attribute', '--vpc-id', ids.vpcId, '--no-enable-dns-support']);
    const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint });
    const snapshot = await loadTopology(clients);
    const finding = analyzeService(snapshot, 'kyudai-api', {}).findings.find((f) => f.id === 'dns-hostnames-off');
    assert.ok(finding?.fix);
    const action = fixActionFor(snapshot, DEFAULT_SETUP_SETTINGS, 'kyudai-api', finding.fix);
    assert.ok(action.kind === 'steps', action.kind);
    const result = await applyPlan(clients, { kind: 'setup', steps: action.steps, warnings: [], notes: [] });
    assert.equal(result.status, 'succeeded', result.error?.message.en);
    assert.deepEqual(
      result.outcomes.map((o) => [o.stepId, o.status]),
      [
        ['enable-dns-support', 'done'],
        ['enable-dns-hostnames', 'done'],
      ],
    );
    const d = await diagnose(ids);
    assert.deepEqual(errorIds(d), []);
    assert.equal(d.doc.verdicts.dns, 'reachable');
    assert.equal(d.groundTruthConnected, true, `ground truth: ${d.groundTruthReason}`);
    // Applied again: both steps see the attribute on and skip.
    const again = await applyPlan(clients, { kind: 'setup', steps: action.steps, warnings: [], notes: [] });
    assert.deepEqual(
      again.outcomes.map((o) => o.status),
      ['skipped', 'skipped'],
    );
  });

  it('the connector detached (service back on DEFAULT egress)', async () => {
    await awsCli([
      'apprunner',
      'update-service',
      '--service-arn',
      seed().serviceArn ?? '',
      '--network-configuration',
      'EgressConfiguration={EgressType=DEFAULT}',
    ]);
    await waitForServiceStatus(sandboxClients().appRunner, seed().serviceArn ?? '');
    const d = await diagnose(ids);
    assertCause(d, 'egress-not-vpc', /egressType=DEFAULT/, 'blocked');
    assert.equal(d.doc.findings.find((f) => f.id === 'egress-not-vpc')?.fix?.kind, 'plan-step');
  });

  it('the database stopped', async () => {
    await awsCli(['rds', 'stop-db-instance', '--db-instance-identifier', seed().dbInstanceIdentifier ?? '']);
    const d = await diagnose(ids);
    assertCause(d, 'db-not-available', /^kyudai-db status=stopped/, 'blocked');
  });
});
