// The runbook's setup (security groups, connector, attach) applied through the engine against a local AWS
// endpoint, as e2e tests do behind the workbench's back before checking what the UI shows.
import assert from 'node:assert/strict';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { applyPlan } from '../../src/engine/applyPlan';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';

export async function applyRunbookSetupAt(endpointUrl: string, region = 'ap-northeast-1'): Promise<void> {
  const clients = getClients({ region, endpointUrl });
  const snapshot = await loadTopology(clients, {});
  const desired = resolveDesired(snapshot, DEFAULT_SETUP_SETTINGS);
  assert.ok(desired.ok, JSON.stringify(desired));
  const steps = plan(snapshot, desired.desired).steps.filter((s) => s.kind !== 'check-health');
  const result = await applyPlan(clients, { kind: 'setup', steps, warnings: [], notes: [] }, { pollIntervalMs: 250 });
  assert.equal(result.status, 'succeeded', JSON.stringify(result.error));
}
