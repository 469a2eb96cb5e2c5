// Tail Application Log inside VS Code against the sandbox (runbook 6.2): run from the palette
// it asks for the service; a line the app writes shows within two poll intervals, the runbook's lines marked
// and a DSN's password masked; stopping ends the polling (the sandbox's FilterLogEvents counter stays still),
// and tailing again from the service's node resumes without showing a line twice. The lines are read through
// the test API (what the session appended): an output channel's text cannot be read back by an extension.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import { serviceNodeId } from '../../src/vscode/explorer/treeContext';
import type { LogTailSnapshot } from '../../src/vscode/logTail/logTailSession';
import { sandboxAdmin } from './sandboxAdmin';
import { ReplayUi } from './setupSupport';
import { extensionApi, setSetting, startFromSeed, useUi, waitFor } from './support';

const POLL_SECONDS = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Tail Application Log', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let serviceName = '';
  let serviceArn = '';
  let secretValues: string[] = [];

  const session = (): LogTailSnapshot | undefined => api.logTail.sessions().find((s) => s.serviceArn === serviceArn);
  const lines = (): readonly string[] => session()?.lines ?? [];
  const filterCalls = async (): Promise<number> => (await sandboxAdmin.calls()).operations.FilterLogEvents ?? 0;

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
    await setSetting('logTail.pollSeconds', POLL_SECONDS);
    const seed = await sandboxAdmin.seedInfo<{ serviceName: string; serviceArn: string; secretValues: string[] }>();
    serviceName = seed.serviceName;
    serviceArn = seed.serviceArn;
    // The service's own secrets (its DATABASE_URL's password): the values the snapshot lets the extension know.
    // The seed's DB master password is not among them: nothing the service holds names it.
    const environment = api.store.state.snapshot?.services.find((s) => s.arn === serviceArn)?.source?.environment;
    secretValues = seed.secretValues.filter((v) => Object.values(environment ?? {}).some((e) => e.includes(v)));
    assert.ok(secretValues.length > 0, 'the seed service holds a secret in its environment');
  });

  after(async () => {
    await vscode.commands.executeCommand('apprunnerVpc.stopTailingApplicationLog', serviceName);
    useUi(api, undefined);
    await setSetting('logTail.pollSeconds', undefined);
  });

  it('from the palette: asks for the service, then shows a line the app writes within 2 poll intervals', async () => {
    const ui = new ReplayUi([{ id: 'service', value: serviceArn }], false);
    useUi(api, ui);
    await vscode.commands.executeCommand('apprunnerVpc.tailApplicationLog');
    assert.deepEqual(ui.unanswered, []);
    assert.ok(ui.asked[0]?.labels.includes(serviceName), `the pick offers ${serviceName}`);
    assert.equal(session()?.running, true);
    assert.equal(session()?.logGroup, `/aws/apprunner/${serviceName}/${serviceArn.split('/').pop()}/application`);
    // The backfill shows the seed deployment's line (DEFAULT egress cannot reach the private DB), marked.
    await waitFor(
      () => lines().some((l) => l.includes('✖ [error] ERROR: Failed to connect to database')) || undefined,
      'the failed-connection line of the deployment',
      20_000,
    );

    const marker = `tail-probe-${randomBytes(4).toString('hex')}`;
    const password = `pw${randomBytes(6).toString('hex')}`;
    const written = Date.now();
    await sandboxAdmin.appLog(serviceName, [
      `INFO ${marker}`,
      `ERROR: could not connect to postgresql://app:${password}@db.internal:5432/app (${marker})`,
      `Successfully connected to database (${marker})`,
      // The service's own DATABASE_URL password, bare: only masking by the snapshot's known values catches it.
      ...secretValues.map((value) => `pool ready with ${value} (${marker})`),
    ]);
    await waitFor(() => lines().some((l) => l.includes(`INFO ${marker}`)) || undefined, 'the written line', 20_000);
    const elapsed = Date.now() - written;
    assert.ok(elapsed <= 2 * POLL_SECONDS * 1000, `shown ${elapsed} ms after it was written`);
    const error = await waitFor(() => lines().find((l) => l.includes(`(${marker})`)), 'the error line', 5_000);
    assert.match(error, /✖ \[error\] ERROR: could not connect/);
    assert.ok(lines().some((l) => l.includes(`✔ [connected] Successfully connected to database (${marker})`)));
    assert.ok(!lines().some((l) => l.includes(password)), 'the DSN password never reaches the channel');
    await waitFor(() => lines().some((l) => l.includes(`pool ready with *** (${marker})`)) || undefined, 'masked');
    for (const value of secretValues)
      assert.ok(!lines().some((l) => l.includes(value)), 'a secret value of the service never reaches the channel');
    assert.equal(lines().filter((l) => l.includes(`INFO ${marker}`)).length, 1, 'shown once despite the re-reads');
  });

  it('polls while running and stops polling when stopped (FilterLogEvents counter)', async () => {
    await sandboxAdmin.resetCalls();
    await sleep(2.5 * POLL_SECONDS * 1000);
    const whileRunning = await filterCalls();
    assert.ok(whileRunning >= 2, `polled ${whileRunning} times in 2.5 intervals`);

    // No argument: what the status bar item runs; with one tail running it stops that one.
    await vscode.commands.executeCommand('apprunnerVpc.stopTailingApplicationLog');
    assert.equal(session()?.running, false);
    assert.match(lines()[lines().length - 1] ?? '', /^-- Stopped tailing \/aws\/apprunner\//);
    // A poll already on the wire when stop came may still reach the sandbox: count from a moment later.
    await sleep(500);
    await sandboxAdmin.resetCalls();
    const pollsAtStop = session()?.polls;
    await sleep(3 * POLL_SECONDS * 1000);
    assert.equal(await filterCalls(), 0, 'no FilterLogEvents after stopping');
    assert.equal(session()?.polls, pollsAtStop);
  });

  it('tailing again from the service node resumes where it stopped: a line written meanwhile shows once', async () => {
    const marker = `tail-resume-${randomBytes(4).toString('hex')}`;
    await sandboxAdmin.appLog(serviceName, [`INFO ${marker}`]);
    const node = await api.explorer.find(serviceNodeId(serviceArn));
    assert.ok(node, 'the service node');
    await vscode.commands.executeCommand('apprunnerVpc.tailApplicationLog', node);
    assert.equal(session()?.running, true);
    assert.equal(api.logTail.sessions().length, 1, 'one channel per service');
    await waitFor(() => lines().some((l) => l.includes(marker)) || undefined, 'the line written while stopped', 20_000);
    await sleep(2 * POLL_SECONDS * 1000);
    assert.equal(lines().filter((l) => l.includes(marker)).length, 1);
    assert.equal(lines().filter((l) => l.includes('ERROR: Failed to connect to database')).length, 1);
  });
});
