import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, setSetting, waitFor } from './support';

describe('Foundation: the extension in VS Code', () => {
  it('activates in the VS Code the runner started (1.100, or the current one) and measures its activation', async () => {
    const api = await extensionApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    // The runner names the version it installed (test/support/hostRunner.ts); the minimum is 1.100.
    const expected = process.env.APPRUNNER_VPC_EXPECTED_VSCODE;
    if (expected) assert.equal(vscode.version, expected);
    else assert.match(vscode.version, /^1\.100\./);
    assert.ok(api.activation.durationMs >= 0);
  });

  it('runs in ExtensionMode.Test under the host runner: the API carries the test hooks, the features no setter', async () => {
    const api = await extensionApi();
    // The window names an extensionTestsPath, so VS Code gives the extension ExtensionMode.Test; production and
    // development windows get no testHooks (test/unit/testHooks.test.ts).
    assert.equal(typeof api.testHooks?.setUi, 'function');
    for (const feature of [api.setup, api.diagnose, api.diagram, api.codeLens, api.explorer]) {
      assert.ok(!('setUi' in feature), Object.keys(feature).join(', '));
    }
  });

  it('returns from activate() without requiring the AWS SDK bundle', async () => {
    const api = await extensionApi();
    assert.equal(api.activation.backendLoadedDuringActivate, false);
  });

  it('contributes the App Runner view container and the explorer view, and can show it', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]> };
    };
    assert.deepEqual(
      pkg.contributes.viewsContainers.activitybar.map((c) => c.id),
      ['apprunnerVpc'],
    );
    assert.ok(pkg.contributes.views.apprunnerVpc.some((v) => v.id === 'apprunnerVpc.explorer'));
    await vscode.commands.executeCommand('apprunnerVpc.explorer.focus');
    const api = await extensionApi();
    await waitFor(() => api.explorer.view.visible || undefined, 'the explorer view visible after focusing it');
  });

  it('shows profile and region in the status bar, and the sandbox account 123456789012 only in its tooltip', async () => {
    const api = await extensionApi();
    const state = await waitFor(async () => {
      const s = api.connectionState();
      return s.status === 'connected'
        ? s
        : s.status === 'loading'
          ? undefined
          : await api.refreshConnection().then(() => undefined);
    }, 'a connection to the sandbox');
    assert.equal(state.account, '123456789012');
    assert.equal(state.target?.region, 'ap-northeast-1');
    assert.match(api.statusBarText(), /default · ap-northeast-1$/);
    assert.ok(!api.statusBarText().includes('123456789012'), 'the account id stays out of screen shares');
  });

  it('shows the account in the explorer as the top-level node', async () => {
    const api = await extensionApi();
    const roots = await api.explorer.provider.getChildren();
    const item = api.explorer.provider.getTreeItem(roots[0]);
    assert.equal(item.label, 'default · ap-northeast-1');
    assert.equal(item.description, '123456789012');
  });

  it('turns an unreachable endpoint into the normalised error, not a stack trace', async function () {
    this.timeout(90_000);
    const api = await extensionApi();
    const endpoint = vscode.workspace.getConfiguration('apprunnerVpc').get<string>('endpointUrl');
    try {
      await setSetting('endpointUrl', 'http://127.0.0.1:9');
      const state = await waitFor(
        () => {
          const s = api.connectionState();
          return s.status === 'error' && s.target?.endpointUrl === 'http://127.0.0.1:9' ? s : undefined;
        },
        'the unreachable error',
        80_000,
      );
      assert.equal(state.error?.kind, 'unreachable');
      assert.equal(state.error?.nextStep, 'check-endpoint');
      assert.match(state.error?.message.en ?? '', /could not be reached.*endpointUrl/);
      assert.doesNotMatch(state.error?.message.en ?? '', /\n\s+at /);
      assert.match(api.statusBarText(), /not connected/);
      assert.deepEqual(await api.explorer.provider.getChildren(), [], 'the tree is empty so the welcome content shows');
    } finally {
      await setSetting('endpointUrl', endpoint);
      await waitFor(() => (api.connectionState().status === 'connected' ? true : undefined), 'reconnection', 60_000);
    }
  });
});

describe('Foundation: settings that cannot work are explained', () => {
  it("a region missing from our list warns and still connects: App Runner's own answer decides", async () => {
    const api = await extensionApi();
    try {
      await setSetting('region', 'sa-east-1');
      const state = await waitFor(() => {
        const s = api.connectionState();
        return s.status === 'connected' && s.target?.region === 'sa-east-1' ? s : undefined;
      }, 'the connection in sa-east-1');
      assert.match(state.warning?.en ?? '', /App Runner is not offered in sa-east-1 as far as this version knows/);
    } finally {
      await setSetting('region', 'ap-northeast-1');
      await waitFor(
        () =>
          api.connectionState().status === 'connected' && api.connectionState().target?.region === 'ap-northeast-1'
            ? true
            : undefined,
        'reconnection',
        60_000,
      );
    }
  });
});
