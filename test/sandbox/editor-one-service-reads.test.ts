// The read set of every editor command and view about one service (docs/performance.md, "Read set per
// command", the VS Code table), held by counting the sandbox's AWS calls on two scale seeds of different
// sizes. Each runs the read path its command runs in the extension (src/vscode/state/serviceReads.ts, over
// the backend bundle's exports): loadServiceTopology with the command's connector listing (EDITOR_READS), then
// what the command itself reads from that snapshot. Beyond the ListServices page that finds kyudai-api, a
// command costs the same in a region of 20 services as in one of 300. Set Up's one account-wide question
// (who else uses the old connector) still keeps a connector another service uses, naming that service.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { historyOf, loadServiceTopology, planAnsweringConnectorUsers } from '../../src/backend';
import { getClients, resetClients, type AwsClients } from '../../src/aws/clients';
import { commandPlan } from '../../src/model/plan/commandPlan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import type { Plan } from '../../src/model/plan/planSteps';
import { historyTargets } from '../../src/model/ops/historyTargets';
import { EDITOR_READS, type EditorRead } from '../../src/model/topology/readSet';
import type { Topology } from '../../src/model/topology/topology';
import { useTestCredentials } from './engineSupport';
import { TEST_REGION } from './support';

type Calls = Record<string, number>;

async function adminJson<T>(sandbox: Sandbox, method: 'GET' | 'POST', path: string): Promise<T> {
  const res = await fetch(`${sandbox.adminUrl}/${path}`, { method });
  return (await res.json()) as T;
}

async function counted<T>(sandbox: Sandbox, body: () => Promise<T>): Promise<{ value: T; calls: Calls }> {
  await adminJson(sandbox, 'POST', 'calls/reset');
  const value = await body();
  const { operations } = await adminJson<{ operations: Calls }>(sandbox, 'GET', 'calls');
  return { value, calls: operations };
}

function withoutListServices(calls: Calls): Calls {
  return Object.fromEntries(Object.entries(calls).filter(([op]) => op !== 'ListServices'));
}

/** The editor reads the service with the configured connector name; the account id comes from the connection. */
function readService(clients: AwsClients, read: EditorRead, connectorName: string): Promise<Topology> {
  return loadServiceTopology(clients, { service: 'kyudai-api', connectorName, listConnectors: EDITOR_READS[read] });
}

const setUpAnswers = (connectorName: string) => ({
  command: 'setupConnector' as const,
  serviceName: 'kyudai-api',
  connectorName,
  appRunnerSecurityGroupName: DEFAULT_SETUP_SETTINGS.appRunnerSecurityGroupName,
});

/** Set Up's plan: commandPlan over the service's read, asking who uses an old connector where it decides. */
async function setUpPlan(clients: AwsClients, connectorName: string): Promise<Plan> {
  const snapshot = await readService(clients, 'setUp', connectorName);
  const settings = { ...DEFAULT_SETUP_SETTINGS, connectorName };
  const answered = await planAnsweringConnectorUsers(
    clients.appRunner,
    snapshot,
    (s) => commandPlan(s, settings, setUpAnswers(connectorName)),
    snapshot.services.find((s) => s.name === 'kyudai-api')?.arn,
  );
  return answered.plan;
}

/** What each command reads beyond the service's snapshot (the extension's own follow-up reads). */
const FOLLOW_UP: Partial<Record<EditorRead, (clients: AwsClients, snapshot: Topology) => Promise<unknown>>> = {
  changeHistory: (clients, snapshot) =>
    historyOf(
      clients,
      historyTargets(snapshot, 'kyudai-api').map((t) => t.name),
    ),
};

interface SizeResult {
  reads: Record<string, { calls: Calls; service?: string; connectors: string[] }>;
  planOnUsedConnector: { plan: Plan; calls: Calls };
}

async function measure(services: number, connectors: number): Promise<SizeResult> {
  const sandbox = await startSandbox({
    seed: 'scale',
    services,
    connectors,
    vpcs: 2,
    quiet: true,
    operationDelayMs: 0,
  });
  try {
    resetClients();
    const clients = getClients({ region: TEST_REGION, endpointUrl: sandbox.endpoint });
    const reads: SizeResult['reads'] = {};
    for (const read of Object.keys(EDITOR_READS) as EditorRead[]) {
      const { value, calls } = await counted(sandbox, async () => {
        if (read === 'setUp') {
          await setUpPlan(clients, DEFAULT_SETUP_SETTINGS.connectorName);
          return undefined;
        }
        const snapshot = await readService(clients, read, DEFAULT_SETUP_SETTINGS.connectorName);
        await FOLLOW_UP[read]?.(clients, snapshot);
        return snapshot;
      });
      reads[read] = {
        calls,
        service: value?.services.find((s) => s.detailsLoaded)?.name,
        connectors: value?.connectors.map((c) => c.name) ?? [],
      };
    }
    // scale-conn-001 is used by scale-svc-<3 x connectors> (every third service, round-robin): Set Up naming
    // it for kyudai-api makes a new revision and must keep the old one for that user.
    const used = await counted(sandbox, () => setUpPlan(clients, 'scale-conn-001'));
    return { reads, planOnUsedConnector: { plan: used.value, calls: used.calls } };
  } finally {
    resetClients();
    await sandbox.stop();
  }
}

describe('editor one-service reads: the same calls in a region of 20 services as in one of 300', function () {
  this.timeout(600_000);
  let small: SizeResult;
  let large: SizeResult;

  before(async function () {
    useTestCredentials();
    small = await measure(20, 5);
    large = await measure(300, 60);
  });

  for (const read of Object.keys(EDITOR_READS) as EditorRead[]) {
    it(`${read}: no call grows with the region beyond the name's ListServices page`, () => {
      const a = small.reads[read];
      const b = large.reads[read];
      assert.deepEqual(withoutListServices(b.calls), withoutListServices(a.calls));
      // kyudai-api is the first service listed: one page finds it at either size.
      assert.equal(a.calls.ListServices, 1);
      assert.equal(b.calls.ListServices, 1);
      assert.equal(b.calls.DescribeService, 1, JSON.stringify(b.calls));
      if (read !== 'setUp') assert.equal(b.service, 'kyudai-api');
    });
  }

  it('the lenses and the views that need only the service list no connector (kyudai-api has none of its own)', () => {
    for (const read of ['codeLens', 'changeHistory', 'serviceMetrics', 'tailLog'] as const) {
      assert.equal(large.reads[read].calls.ListVpcConnectors ?? 0, 0, `${read}: ${JSON.stringify(large.reads[read])}`);
      assert.deepEqual(large.reads[read].connectors, []);
    }
    // Those that look at the connector the setup would use list them, keeping only the configured name's.
    for (const read of ['setUp', 'diagnose', 'export', 'diagram'] as const)
      assert.equal(large.reads[read].calls.ListVpcConnectors, 1, `${read}: ${JSON.stringify(large.reads[read])}`);
  });

  it('Set Up keeps the old connector another service uses, names that service, and says what finding it cost', () => {
    for (const [run, user] of [
      [small.planOnUsedConnector, 'scale-svc-0015'],
      [large.planOnUsedConnector, 'scale-svc-0180'],
    ] as const) {
      assert.ok(!run.plan.steps.some((s) => s.kind === 'delete-connector'), JSON.stringify(run.plan.steps));
      const kept = run.plan.warnings.find((w) => w.code === 'old-connector-kept');
      assert.match(kept?.message.en ?? '', new RegExp(`used by ${user}`));
      assert.ok(!run.plan.warnings.some((w) => w.code === 'connector-users-unknown'));
      assert.ok(
        run.plan.notes.some((n) => /DescribeService calls, stopped at the first user found/.test(n.en)),
        JSON.stringify(run.plan.notes),
      );
    }
  });
});
