// Host-test helpers for tests that change AWS: the runbook's own tool (the aws CLI against the sandbox,
// with the host's test credentials), group ids from the store's snapshot, and the full setup applied
// through the engine.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { getClients } from '../../src/aws/clients';
import { applyPlan } from '../../src/engine/applyPlan';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan } from '../../src/model/plan/plan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import type { ExtensionApi } from '../../src/vscode/api';

const run = promisify(execFile);

/** `aws <service> <args>` against the endpoint the extension uses; parsed JSON output. */
export async function aws(service: 'ec2' | 'apprunner' | 'rds' | 'sts', args: string[]): Promise<unknown> {
  const endpoint = vscode.workspace.getConfiguration('apprunnerVpc').get<string>('endpointUrl', '');
  const out = await run('aws', [
    service,
    ...args,
    '--endpoint-url',
    endpoint,
    '--region',
    'ap-northeast-1',
    '--output',
    'json',
  ]);
  return out.stdout.trim() ? JSON.parse(out.stdout) : undefined;
}

/** A group by GroupName or Name tag (the runbook's sg-apprunner and sg-rds are Name tags). */
export function snapshotGroupId(api: ExtensionApi, name: string): string {
  const id = api.store.state.snapshot?.securityGroups.find((g) => g.name === name || g.tags.Name === name)?.id;
  assert.ok(id, `${name} in the snapshot`);
  return id;
}

/** The runbook's setup (sections 3 to 5) applied through the engine, then the store refreshed. */
export async function applyRunbookSetup(api: ExtensionApi): Promise<void> {
  const snapshot = api.store.state.snapshot;
  const target = api.connection.state.target;
  assert.ok(snapshot && target);
  const desired = resolveDesired(snapshot, DEFAULT_SETUP_SETTINGS);
  assert.ok(desired.ok, JSON.stringify(desired));
  const steps = plan(snapshot, desired.desired).steps.filter((s) => s.kind !== 'check-health');
  const result = await applyPlan(
    getClients(target),
    { kind: 'setup', steps, warnings: [], notes: [] },
    { pollIntervalMs: 250 },
  );
  assert.equal(result.status, 'succeeded', JSON.stringify(result.error));
  api.store.invalidate();
  await api.store.refresh({ force: true });
}
