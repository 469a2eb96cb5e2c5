// Runbook 6.3 in Diagnose inside VS Code: a service whose application has no db-health handler (the sandbox app
// answers 404 there with SANDBOX_APP_DB_HEALTH=absent). The result says "missing", the report names the
// snippet for the runtime in apprunner.yaml, a notification and "Fix..." offer "Add a db-health endpoint...",
// and taking it writes the runbook's FastAPI handler file for the sample workspace's python311.
import assert from 'node:assert/strict';
import { DescribeServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import * as vscode from 'vscode';
import { getClients } from '../../src/aws/clients';
import type { ExtensionApi } from '../../src/vscode/api';
import { ReplayUi } from '../../src/vscode/ui/replayUi';
import { applyRunbookSetup } from './awsSetup';
import { sandboxAdmin } from './sandboxAdmin';
import { extensionApi, startFromSeed, useUi, waitFor } from './support';

const ADD = 'Add a db-health endpoint...';
const FILE = 'backend/app/routers/health.py';

/** Redeploys the service with one more environment variable, as a user's UpdateService would. */
async function setAppEnvironment(api: ExtensionApi, name: string, value: string): Promise<void> {
  const target = api.connection.state.target;
  const arn = api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api')?.arn;
  assert.ok(target && arn);
  const appRunner = getClients(target).appRunner;
  const current = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
  const image = current?.SourceConfiguration?.ImageRepository;
  await appRunner.send(
    new UpdateServiceCommand({
      ServiceArn: arn,
      SourceConfiguration: {
        ...current?.SourceConfiguration,
        ImageRepository: {
          ...image,
          ImageIdentifier: image?.ImageIdentifier ?? '',
          ImageRepositoryType: image?.ImageRepositoryType ?? 'ECR_PUBLIC',
          ImageConfiguration: {
            ...image?.ImageConfiguration,
            RuntimeEnvironmentVariables: { ...image?.ImageConfiguration?.RuntimeEnvironmentVariables, [name]: value },
          },
        },
      },
    }),
  );
  await waitFor(
    async () =>
      (await appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === 'RUNNING' ||
      undefined,
    'the service RUNNING again',
    60_000,
  );
}

describe('Diagnose: a missing db-health endpoint offers the snippet for the runtime (runbook 6.3)', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  const asked: string[][] = [];
  const target = (): vscode.Uri =>
    vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), FILE);

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
    await applyRunbookSetup(api);
    await setAppEnvironment(api, 'SANDBOX_APP_DB_HEALTH', 'absent');
  });

  after(async () => {
    useUi(api, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), 'backend'),
      { recursive: true, useTrash: false },
    );
    await sandboxAdmin.reset();
  });

  it('the result says missing, the report names the FastAPI file, and the offered action writes it', async () => {
    useUi(
      api,
      new ReplayUi([], false, {
        // The notification, then the add command's own question: take the action, then create the file.
        onNotice: (message, actions) => {
          asked.push([message, ...actions]);
          return actions.find((a) => a === ADD || a === `Create ${FILE}`);
        },
      }),
    );
    const result = await vscode.commands.executeCommand<{ exitCode: number } | undefined>(
      'apprunnerVpc.diagnose',
      'kyudai-api',
    );
    assert.equal(result?.exitCode, 3, 'a missing endpoint is a problem');
    assert.equal(api.diagnose.last('kyudai-api')?.live?.dbHealth.outcome, 'missing');
    const report = api.diagnose.reportText('kyudai-api') ?? '';
    assert.match(
      report,
      /DB health\*\* GET \S+\/api\/v1\/db-health → endpoint missing \(add the runbook 6\.3 handler\) HTTP 404/,
    );
    assert.match(
      report,
      /Fix: Add a db-health endpoint\.\.\. writes the FastAPI handler for runtime python311 as `backend\/app\/routers\/health\.py`/,
    );
    const written = await waitFor(
      async () => {
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(target()));
        } catch {
          return undefined;
        }
      },
      `${FILE} written`,
      30_000,
    );
    assert.match(asked[0]?.[0] ?? '', /DB health endpoint \/api\/v1\/db-health of kyudai-api is missing: .*404/);
    assert.deepEqual(asked[0]?.slice(1), [ADD]);
    assert.deepEqual(asked[1]?.slice(1), [`Create ${FILE}`, 'Copy to Clipboard']);
    assert.match(written, /@router\.get\("\/api\/v1\/db-health"\)/);
    assert.match(written, /"status": "healthy", "database": "connected"/);
    // The offer runs after the command returns (a notification does not block Diagnose): the editor follows the file.
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.toString() === target().toString() || undefined,
      'the new file open in the editor',
    );
  });

  it('"Fix..." lists the action first; picking it again opens the snippet unsaved beside the existing file', async () => {
    asked.length = 0;
    const ui = new ReplayUi([{ id: 'fix', value: 'db-health-missing' }], false, {
      onNotice: (message, actions) => (asked.push([message, ...actions]), actions.find((a) => a.startsWith('Create'))),
    });
    useUi(api, ui);
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(target()));
    await vscode.commands.executeCommand('apprunnerVpc.fixDiagnosis', 'kyudai-api');
    const offered = ui.asked.find((a) => a.id === 'fix');
    assert.equal(offered?.labels[0], ADD);
    assert.equal(offered?.descriptions[0], 'db-health-missing');
    const editor = await waitFor(
      () => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined),
      'an unsaved snippet',
    );
    assert.equal(editor.document.languageId, 'python');
    assert.equal(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(target())),
      before,
      'the file is untouched',
    );
  });
});
