// The read set of every one-service CLI command (docs/performance.md, "Read set per command"), held by
// counting the sandbox's AWS calls on two scale seeds of different sizes: beyond the ListServices pages that
// find the name, a command costs the same in a region of 20 services as in one of 300, and nothing is listed
// when it is given the service's ARN. The one account-wide question (who else uses a connector) is asked only
// by a deletion, stops at the first user, and still refuses the deletion and names that user.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { cli, useTestCredentials } from './engineSupport';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** AWS calls per operation while the command ran. */
  calls: Record<string, number>;
}

async function adminJson<T>(sandbox: Sandbox, method: 'GET' | 'POST', path: string): Promise<T> {
  const res = await fetch(`${sandbox.adminUrl}/${path}`, { method });
  return (await res.json()) as T;
}

/** The CLI's main() as `apprunner-vpc` runs it (stdin not a terminal), pointed at `sandbox`. */
async function runCli(sandbox: Sandbox, args: string[]): Promise<Run> {
  await adminJson(sandbox, 'POST', 'calls/reset');
  const out = await cli([...args, '--lang', 'en'], { endpoint: sandbox.endpoint });
  const { operations } = await adminJson<{ operations: Record<string, number> }>(sandbox, 'GET', 'calls');
  return { ...out, calls: operations };
}

function withoutListServices(calls: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).filter(([op]) => op !== 'ListServices'));
}

/** Each one-service command with the flags that keep it a read (apply without --yes stops at the question). */
const COMMANDS: Record<string, string[]> = {
  plan: ['plan'],
  apply: ['apply'],
  diagnose: ['diagnose', '--json'],
  export: ['export', '--format', 'terraform'],
  'export-script': ['export-script'],
  history: ['history', '--json'],
  detach: ['detach'],
};

interface SizeResult {
  byName: Record<string, Run>;
  byArn: Record<string, Run>;
  deleteInUse: Run;
  planOnUsedConnector: Run;
}

async function measure(services: number, connectors: number, withArn: boolean): Promise<SizeResult> {
  const sandbox = await startSandbox({
    seed: 'scale',
    services,
    connectors,
    vpcs: 2,
    quiet: true,
    operationDelayMs: 0,
  });
  try {
    const arn = sandbox.seedInfo().serviceArn ?? '';
    const byName: Record<string, Run> = {};
    const byArn: Record<string, Run> = {};
    for (const [name, args] of Object.entries(COMMANDS)) {
      byName[name] = await runCli(sandbox, [...args, '--service', 'kyudai-api']);
      if (withArn) byArn[name] = await runCli(sandbox, [...args, '--service', arn]);
    }
    // scale-conn-002 is used by scale-svc-0003 (every third service is attached, round-robin) at every size.
    const deleteInUse = await runCli(sandbox, ['delete-connector', '--connector-name', 'scale-conn-002', '--yes']);
    // scale-conn-001 (in the database's VPC, with the DB's group) is used by scale-svc-<3 x connectors>: a plan
    // naming it for kyudai-api must make a new revision and keep the old one for that user.
    const planOnUsedConnector = await runCli(sandbox, [
      'plan',
      '--service',
      'kyudai-api',
      '--connector-name',
      'scale-conn-001',
      '--json',
    ]);
    return { byName, byArn, deleteInUse, planOnUsedConnector };
  } finally {
    await sandbox.stop();
  }
}

describe('one-service reads: the same calls in a region of 20 services as in one of 300', function () {
  this.timeout(600_000);
  let small: SizeResult;
  let large: SizeResult;

  before(async function () {
    useTestCredentials();
    small = await measure(20, 5, false);
    large = await measure(300, 60, true);
  });

  for (const command of Object.keys(COMMANDS)) {
    it(`${command}: no call grows with the region beyond the name's ListServices pages`, () => {
      const a = small.byName[command];
      const b = large.byName[command];
      assert.ok((a.code !== 1 && b.code !== 1) || command === 'apply', `${command}: ${a.stderr}${b.stderr}`);
      assert.deepEqual(withoutListServices(b.calls), withoutListServices(a.calls));
      // kyudai-api is the first service listed: one page finds it at either size.
      assert.equal(a.calls.ListServices, 1);
      assert.equal(b.calls.ListServices, 1);
      assert.equal(b.calls.DescribeService, 1, JSON.stringify(b.calls));
      assert.equal(b.calls.ListTagsForResource ?? 0, a.calls.ListTagsForResource ?? 0);
    });

    it(`${command}: given the ARN, lists no service and reads the same otherwise`, () => {
      const byArn = large.byArn[command];
      assert.equal(byArn.calls.ListServices ?? 0, 0, JSON.stringify(byArn.calls));
      assert.deepEqual(withoutListServices(byArn.calls), withoutListServices(large.byName[command].calls));
      assert.equal(byArn.code, large.byName[command].code, byArn.stderr);
    });
  }

  it('apply plans with the same reads, then refuses to change anything without confirmation', () => {
    const run = large.byName.apply;
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Pass --yes/);
  });

  it('delete-connector refuses a connector another service uses, names it, and stops at that user', () => {
    for (const run of [small.deleteInUse, large.deleteInUse]) {
      assert.equal(run.code, 1);
      assert.match(run.stderr, /"scale-conn-002" is used by scale-svc-0003/);
      assert.equal(run.calls.DeleteVpcConnector ?? 0, 0);
    }
    // The walk stopped on the first page (the user is the fourth service listed): it did not read the 300
    // services. How many DescribeService calls were already in flight when the user answered depends on timing.
    const { DescribeService: smallReads = 0, ...smallRest } = small.deleteInUse.calls;
    const { DescribeService: largeReads = 0, ...largeRest } = large.deleteInUse.calls;
    assert.deepEqual(largeRest, smallRest);
    assert.equal(largeRest.ListServices, 1);
    for (const reads of [smallReads, largeReads])
      assert.ok(reads >= 3 && reads <= 20, `${reads} DescribeService calls`);
  });

  it('a plan keeps the old connector another service uses, names that service, and says what finding it cost', () => {
    for (const [run, user] of [
      [small.planOnUsedConnector, 'scale-svc-0015'],
      [large.planOnUsedConnector, 'scale-svc-0180'],
    ] as const) {
      assert.equal(run.code, 2, run.stderr);
      const doc = JSON.parse(run.stdout) as {
        plan: { steps: { kind: string }[]; warnings: { code: string; message: { en: string } }[] };
        notes?: unknown;
      };
      assert.ok(!doc.plan.steps.some((s) => s.kind === 'delete-connector'), JSON.stringify(doc.plan.steps));
      const kept = doc.plan.warnings.find((w) => w.code === 'old-connector-kept');
      assert.match(kept?.message.en ?? '', new RegExp(`used by ${user}`));
      assert.ok(!doc.plan.warnings.some((w) => w.code === 'connector-users-unknown'));
      assert.match(run.stdout, /DescribeService calls, stopped at the first user found/);
    }
  });
});
