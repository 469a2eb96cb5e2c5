// A window with nothing of App Runner in it: the extension, once active, asks AWS nothing and shows nothing
// until the user shows its view; and the workspace's own connection settings do not count while the
// workspace is not trusted. Runs first in its window (nothing else has touched the extension).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { CommandId, WRITE_COMMANDS } from '../../../src/model/common/commandIds';
import type { ExtensionApi } from '../../../src/vscode/api';
import { askPage } from '../../support/pageRequests';
import { PALETTE_HIDDEN_UNTIL_MEANINGFUL } from '../../support/paletteHidden';
import { sandboxAdmin } from '../sandboxAdmin';
import { ReplayUi, writeCalls } from '../setupSupport';
import { EXTENSION_ID, useUi, waitFor } from '../support';
import { WORKSPACE_SETTINGS } from './workspaceSettings';

describe('Quiet start and workspace trust', function () {
  this.timeout(120_000);
  let api: ExtensionApi;

  it('activated in a window without apprunner.yaml and with the view hidden: no AWS call in 10 s, no status bar item', async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, 'the extension is in this host');
    assert.equal(
      (await vscode.workspace.findFiles('**/apprunner.yaml')).length,
      0,
      'the workspace has no apprunner.yaml',
    );
    // What onView, a command or workspaceContains would do; activation alone must not reach AWS.
    api = await extension.activate();
    const before = await sandboxAdmin.calls();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const after = await sandboxAdmin.calls();
    assert.equal(after.total - before.total, 0, `AWS calls made: ${JSON.stringify(after.operations)}`);
    assert.equal(api.connection.started, false);
    assert.equal(api.statusBarShown(), false, 'no status bar item');
  });

  it('before any connection, typing each command title into the palette finds that command (not "similar commands"), and no write command in Restricted Mode', async function () {
    // A hidden title waits out the page's 5 s settle time, once per write command.
    this.timeout(240_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const manifest = extension.packageJSON as {
      contributes: {
        commands: { command: string; title: string; category?: string }[];
      };
    };
    const nls = JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<
      string,
      string
    >;
    const text = (value: string): string => nls[value.replace(/^%|%$/g, '')] ?? value;
    const title = (c: { title: string; category?: string }): string => `${text(c.category ?? '')}: ${text(c.title)}`;
    assert.equal(vscode.workspace.isTrusted, false, 'this window is in Restricted Mode');
    const cannotRunYet = new Set(PALETTE_HIDDEN_UNTIL_MEANINGFUL.map((c) => `apprunnerVpc.${c}`));
    // Restricted Mode hides the commands that change AWS or write files (docs/configuration.md, "Restricted Mode").
    const writes = new Set<string>(WRITE_COMMANDS);
    const titles = manifest.contributes.commands
      .filter((c) => !cannotRunYet.has(c.command) && !writes.has(c.command))
      .map(title);
    const writeTitles = manifest.contributes.commands
      .filter((c) => !cannotRunYet.has(c.command) && writes.has(c.command))
      .map(title);
    for (const expected of ['App Runner VPC: Show Network Diagram', 'App Runner VPC: Diagnose Connectivity'])
      assert.ok(titles.includes(expected), `${expected} is among the titles typed`);
    assert.ok(writeTitles.includes('App Runner VPC: Set Up VPC Connector...'), 'a write command is typed too');
    const before = await sandboxAdmin.calls();
    const answers = await askPage({ kind: 'palette', titles: [...titles, ...writeTitles] }, 200_000);
    // The typed command must be the top row itself; "similar commands" heads the rows VS Code guesses instead.
    const found = ({ typed, rows }: { typed: string; rows: string[] }): boolean =>
      Boolean(rows[0]?.startsWith(typed)) && !/similar commands/i.test(rows[0]);
    const shown = (a: { typed: string; rows: string[] }): string =>
      `${a.typed} -> ${a.rows.slice(0, 3).join(' | ') || '(nothing)'}`;
    assert.deepEqual(
      answers.filter((a) => titles.includes(a.typed) && !found(a)).map(shown),
      [],
      'titles whose top palette row is not that command',
    );
    assert.deepEqual(
      answers.filter((a) => writeTitles.includes(a.typed) && found(a)).map(shown),
      [],
      'write commands the palette offers in Restricted Mode',
    );
    assert.equal(api.connection.started, false, 'typing into the palette did not connect');
    assert.equal((await sandboxAdmin.calls()).total - before.total, 0, 'no AWS call');
  });

  it('showing the view connects, and the status bar shows profile and region without the account', async () => {
    const before = await sandboxAdmin.calls();
    await vscode.commands.executeCommand('workbench.view.extension.apprunnerVpc');
    const state = await waitFor(
      () => (api.connectionState().status === 'connected' ? api.connectionState() : undefined),
      'a connection after the view was shown',
      60_000,
    );
    const after = await sandboxAdmin.calls();
    assert.ok(
      (after.operations.GetCallerIdentity ?? 0) > (before.operations.GetCallerIdentity ?? 0),
      'STS was asked who we are',
    );
    assert.equal(api.statusBarShown(), true);
    assert.match(api.statusBarText(), /^\$\(cloud\) default · ap-northeast-1$/);
    assert.ok(
      !api.statusBarText().includes(state.account ?? '123456789012'),
      'the account id is not in the status bar',
    );
  });

  it("in an untrusted workspace, its settings.json's endpointUrl, profile and region are not used", async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this window opened the workspace in Restricted Mode');
    const seen = vscode.workspace.getConfiguration('apprunnerVpc').inspect<string>('endpointUrl');
    // The workspace did write the value (so this checks something): VS Code reports it or drops it, we must not use it.
    assert.ok(seen, 'the setting is known');
    const target = api.connectionState().target;
    assert.notEqual(target?.endpointUrl, WORKSPACE_SETTINGS['apprunnerVpc.endpointUrl']);
    assert.match(target?.endpointUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, 'the machine setting (the sandbox) is used');
    assert.notEqual(target?.profile, WORKSPACE_SETTINGS['apprunnerVpc.profile']);
    assert.equal(target?.region, 'ap-northeast-1');
    assert.equal(api.connectionState().status, 'connected');
  });

  it('in Restricted Mode, a write command reached another way (executeCommand, a keybinding) says why it does not run, asks nothing and changes nothing', async () => {
    const ui = new ReplayUi([]);
    useUi(api, ui);
    try {
      const before = (await sandboxAdmin.calls()).operations;
      const commands = [
        CommandId.setupConnector,
        CommandId.deleteConnector,
        CommandId.fixDiagnosis,
        CommandId.addDbHealthEndpoint,
      ];
      for (const command of commands) await vscode.commands.executeCommand(command);
      assert.deepEqual(
        ui.asked.map((a) => a.id),
        [],
        'nothing asked',
      );
      assert.equal(
        ui.notices.filter((n) => n.kind === 'warning' && /Restricted Mode/.test(n.message)).length,
        commands.length,
        JSON.stringify(ui.notices),
      );
      const after = (await sandboxAdmin.calls()).operations;
      const made = Object.fromEntries(Object.entries(after).map(([op, n]) => [op, n - (before[op] ?? 0)]));
      assert.deepEqual(writeCalls(made), []);
    } finally {
      useUi(api, undefined);
    }
  });
});
