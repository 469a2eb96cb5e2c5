// Blockers before writes, against the sandbox with the real `aws` CLI making each breakage: the plan names
// what will make its own checks fail (a network ACL entry, a stopped database, DNS off, an unsupported AZ),
// `apply --yes` stops before its first write naming it (checked through the API: no group created, nothing
// written), `--ignore-blockers` goes on, and the diagnosis names the same ACL entry afterwards.
import assert from 'node:assert/strict';
import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { applyPlan } from '../../src/engine/applyPlan';
import type { DiagnoseDocument } from '../../src/model/diagnosis/diagnoseOutcome';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import type { Plan } from '../../src/model/plan/planSteps';
import { accountState, awsCli, cli, denyDbPortInDefaultAcl, useTestCredentials, writeCallCount } from './engineSupport';
import { getSandbox, resetCallCounts, sandboxClients, seed, TEST_REGION } from './support';

interface PlanDoc {
  plan: Plan;
}

async function planJson(): Promise<Plan> {
  const run = await cli(['plan', '--json']);
  assert.equal(run.code, 2, run.stderr);
  return (JSON.parse(run.stdout) as PlanDoc).plan;
}

/** apply --yes with the breakage in place: stopped before the first write, exit 4, nothing written. */
async function assertStoppedBeforeWrites(code: string, reason: RegExp): Promise<void> {
  await resetCallCounts();
  const run = await cli(['apply', '--yes']);
  assert.equal(run.code, 4, run.stdout + run.stderr);
  assert.match(run.stdout, /Stopped before the first change: /);
  assert.match(run.stdout, reason);
  assert.match(run.stderr, reason, 'the reason on stderr too, for a CI log');
  assert.doesNotMatch(run.stdout, /\[1\/\d+\] Create/, 'no step started');
  assert.equal(await writeCallCount(), 0, 'no write call reached AWS');
  const state = await accountState();
  assert.deepEqual(state.appRunnerGroupIds, [], 'no App Runner group was created');
  assert.equal(state.service.egressType, 'DEFAULT');
  assert.equal(state.activeConnectors.length, 0);
  const json = await cli(['apply', '--yes', '--json']);
  assert.equal(json.code, 4);
  const doc = JSON.parse(json.stdout) as { result: { status: string; error: { kind: string; code: string } } };
  assert.deepEqual([doc.result.status, doc.result.error.kind, doc.result.error.code], ['failed', 'blocked', code]);
}

function blocker(p: Plan, code: string): Plan['warnings'][number] {
  const found = p.warnings.find((w) => w.code === code);
  assert.ok(found?.blocker, `blocker ${code} in ${JSON.stringify(p.warnings.map((w) => w.code))}`);
  return found;
}

function dbCheckBlockedBy(p: Plan): string {
  const step = p.steps.find((s) => s.id === 'check-db-health');
  assert.ok(step?.kind === 'check-health');
  return step.blockedBy?.en ?? '';
}

describe('plan blockers before writes (sandbox)', function () {
  this.timeout(180_000);
  before(() => useTestCredentials());
  beforeEach(() => getSandbox().reset());

  it('a network ACL denying the DB port: plan names the entry, apply stops, --ignore-blockers goes on, diagnose agrees', async () => {
    const acl = await denyDbPortInDefaultAcl(seed().vpcId ?? '');

    await resetCallCounts();
    const p = await planJson();
    assert.equal(await writeCallCount(), 0, 'planning writes nothing');
    const b = blocker(p, 'nacl-denies-db-port');
    assert.ok(b.evidence.includes(`${acl}#50`), b.evidence.join());
    assert.match(b.blocker?.fix.en ?? '', new RegExp(`--network-acl-id ${acl} --ingress --rule-number 49 `));
    assert.match(dbCheckBlockedBy(p), new RegExp(`${acl}#50`));
    const text = await cli(['plan']);
    assert.match(
      text.stdout,
      new RegExp(`Blockers[^\\n]*:\\n {2}x \\[nacl-denies-db-port\\] Network ACL ${acl} \\(${acl}#50\\)`),
    );

    await assertStoppedBeforeWrites('nacl-denies-db-port', new RegExp(`${acl}#50`));

    const anyway = await cli(['apply', '--yes', '--ignore-blockers']);
    assert.equal(anyway.code, 1, anyway.stdout + anyway.stderr);
    assert.match(
      anyway.stdout,
      /\[\d+\/11\] FAILED: Health check failed: GET \S+\/api\/v1\/db-health answered .*As the plan said: /,
    );
    const state = await accountState();
    assert.equal(state.appRunnerGroupIds.length, 1, 'went on: the group exists');
    assert.equal(state.service.egressType, 'VPC');

    const diagnosed = await cli(['diagnose', '--json']);
    assert.equal(diagnosed.code, 3, diagnosed.stderr);
    const doc = JSON.parse(diagnosed.stdout) as DiagnoseDocument;
    const evidence = doc.findings
      .filter((f) => f.id === 'nacl-denies-db-port')
      .flatMap((f) => f.evidence.map((e) => e.id));
    assert.ok(evidence.includes(`${acl}#50`), evidence.join());
  });

  it('replies denied on the ephemeral ports (network ACLs are stateless): plan names the entry, apply stops', async () => {
    // Outbound 32768-65535 to the VPC denied as rule 50 of the ACL the connector and DB subnets share: the DB port
    // itself (5432) passes both ways, its replies to the client's Linux ephemeral port do not.
    const acl = await denyDbPortInDefaultAcl(seed().vpcId ?? '', {
      egress: true,
      ports: { from: 32768, to: 65535 },
    });
    const p = await planJson();
    const b = blocker(p, 'nacl-missing-ephemeral-return');
    assert.ok(b.evidence.includes(`${acl}#50`), b.evidence.join());
    assert.deepEqual(
      p.warnings.filter((w) => w.code === 'nacl-denies-db-port').map((w) => w.code),
      [],
      'the DB port itself is not blocked',
    );
    assert.match(b.blocker?.fix.en ?? '', new RegExp(`--network-acl-id ${acl} --egress --rule-number 49 `));
    await assertStoppedBeforeWrites('nacl-missing-ephemeral-return', new RegExp(`${acl}#50`));
  });

  it('the nacl-blocker seed: plan names its rule 50 before any write, apply --yes stops, nothing created', async () => {
    await getSandbox().reset('nacl-blocker');
    const acl = seed().blockingAclId ?? '';
    await resetCallCounts();
    const p = await planJson();
    assert.equal(await writeCallCount(), 0, 'planning writes nothing');
    assert.ok(blocker(p, 'nacl-denies-db-port').evidence.includes(`${acl}#50`));
    await assertStoppedBeforeWrites('nacl-denies-db-port', new RegExp(`${acl}#50`));
  });

  it('a stopped database: plan names it with the start command, apply stops before writing', async () => {
    const id = seed().dbInstanceIdentifier ?? '';
    await awsCli(['rds', 'stop-db-instance', '--db-instance-identifier', id]);
    const p = await planJson();
    const b = blocker(p, 'db-not-available');
    assert.deepEqual(b.evidence, [id]);
    assert.match(b.blocker?.fix.en ?? '', new RegExp(`aws rds start-db-instance --db-instance-identifier ${id}`));
    assert.match(dbCheckBlockedBy(p), /is stopped/);
    await assertStoppedBeforeWrites('db-not-available', new RegExp(`${id} is stopped`));
  });

  it('DNS resolution off in the VPC: plan names the VPC, apply stops before writing', async () => {
    const vpc = seed().vpcId ?? '';
    await awsCli(['ec2', 'modify-vpc-attribute', '--vpc-id', vpc, '--no-enable-dns-support']);
    const p = await planJson();
    assert.deepEqual(blocker(p, 'vpc-dns-support-off').evidence, [vpc]);
    await assertStoppedBeforeWrites('vpc-dns-support-off', new RegExp(`enableDnsSupport\\) is off in ${vpc}`));
  });

  it('a connector subnet in an AZ App Runner does not support: blocker, stop, and going on rolls back as on AWS', async () => {
    // The tool's list of such AZs (topology/unsupportedAzs.ts) names none in the sandbox's region: the sandbox is
    // told one of its AZs is unsupported, and the snapshot carries the same id, as the loader would copy it.
    const subnets = await sandboxClients().ec2.send(
      new DescribeSubnetsCommand({ SubnetIds: [seed().privateSubnetIds[0]] }),
    );
    const azId = subnets.Subnets?.[0]?.AvailabilityZoneId ?? '';
    await getSandbox().configure({ unsupportedAzIds: [azId] });
    const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint });
    const snapshot = { ...(await loadTopology(clients)), unsupportedAzIds: [azId] };
    const desired = resolveDesired(snapshot, DEFAULT_SETUP_SETTINGS, { subnetIds: seed().privateSubnetIds });
    assert.ok(desired.ok, 'the chosen subnets are planned, not refused');
    const p = plan(snapshot, desired.desired);
    assert.deepEqual(blocker(p, 'connector-az-unsupported').evidence, [seed().privateSubnetIds[0]]);

    await resetCallCounts();
    const stopped = await applyPlan(clients, p, { pollIntervalMs: 50 });
    assert.deepEqual([stopped.status, stopped.error?.kind, stopped.outcomes.length], ['failed', 'blocked', 0]);
    assert.match(stopped.error?.message.en ?? '', new RegExp(azId));
    assert.equal(await writeCallCount(), 0);
    assert.deepEqual((await accountState()).appRunnerGroupIds, []);

    const anyway = await applyPlan(clients, p, { pollIntervalMs: 50, ignoreBlockers: true });
    assert.deepEqual([anyway.error?.stepId, anyway.error?.kind], ['wait-for-service', 'rollback']);
    assert.equal((await accountState()).service.egressType, 'DEFAULT');
  });
});
