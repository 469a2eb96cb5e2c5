import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import { applyRunbookSetup, aws } from './awsSetup';
import { ReplayUi } from '../../src/vscode/ui/replayUi';
import { extensionApi, onSeed, setSetting, startFromSeed, useUi, waitFor } from './support';

const DB_HOST = 'kyudai-db.aaaaaaaaaa.ap-northeast-1.rds.amazonaws.com';

async function lensTitles(uri: vscode.Uri): Promise<{ line: number; title: string; command: string }[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((l) => ({
    line: l.range.start.line,
    title: l.command?.title ?? '',
    command: l.command?.command ?? '',
  }));
}

/** Waits until a lens with a title matching `pattern` is there; returns all lenses of that moment. */
async function waitForLens(
  uri: vscode.Uri,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<{ line: number; title: string; command: string }[]> {
  let last: { title: string }[] = [];
  try {
    return await waitFor(
      async () => {
        last = await lensTitles(uri);
        return last.some((l) => pattern.test(l.title)) ? (last as Awaited<ReturnType<typeof lensTitles>>) : undefined;
      },
      `a lens matching ${pattern}`,
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; lenses were: ${last.map((l) => l.title).join(' | ')}`);
  }
}

const lineOf = (document: vscode.TextDocument, text: string): number =>
  document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(text));

describe('apprunner.yaml: CodeLens, Problems, hover and the service link', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  let folder: vscode.Uri;
  let sample: vscode.TextDocument;

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'the test workspace is open');
    folder = first.uri;
    const uri = vscode.Uri.joinPath(folder, 'apprunner.yaml');
    // The sandbox's kyudai-api is an image service, so nothing links it automatically: link it as a user would.
    await api.codeLens.setLink(uri, 'kyudai-api');
    sample = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(sample);
  });

  it('opening the sample yields the service lens, its actions, the database and the port lenses', async () => {
    const lenses = await waitForLens(sample.uri, /^kyudai-api · RUNNING · egress DEFAULT$/);
    const top = lenses.filter((l) => l.line === 0);
    assert.equal(top[0].title, 'kyudai-api · RUNNING · egress DEFAULT');
    const commands = new Set(await vscode.commands.getCommands(true));
    const actions = top.slice(1).map((l) => l.title);
    // Each action is there exactly when its command is registered, so nothing dangles.
    for (const [title, id] of [
      ['Attach connector', 'apprunnerVpc.attachConnector'],
      ['Diagnose', 'apprunnerVpc.diagnose'],
      ['Show diagram', 'apprunnerVpc.showDiagram'],
      ['Check health', 'apprunnerVpc.checkHealth'],
      ['Change link', 'apprunnerVpc.linkService'],
    ]) {
      assert.equal(
        actions.includes(title),
        commands.has(id),
        `${title} shown iff ${id} exists; actions: ${actions.join(', ')}`,
      );
    }
    assert.ok(
      actions.includes('Diagnose') && actions.includes('Show diagram'),
      'the diagnose and diagram features are built',
    );
    const dbLine = lineOf(sample, 'name: DATABASE_URL');
    const db = lenses.filter((l) => l.line === dbLine).map((l) => l.title);
    assert.match(db[0], /^5432 blocked: kyudai-api sends outbound traffic through App Runner's default public egress/);
    assert.equal(db[1], `${DB_HOST}:5432 = DB instance kyudai-db (available), no VPC connector`);
    const port = lenses.find((l) => l.line === lineOf(sample, 'port: 8080'));
    assert.equal(port?.title, 'port mismatch: deployed kyudai-api listens on 8000, this file says 8080');
    assert.equal(api.codeLens.statusBarText(), '$(server-process) kyudai-api · RUNNING');
  });

  it('after the setup is applied through the engine, the top lens shows VPC egress without reopening the file', async () => {
    const refreshesBefore = api.codeLens.refreshes;
    await applyRunbookSetup(api);
    const lenses = await waitForLens(
      sample.uri,
      /^kyudai-api · RUNNING · egress VPC via campus-sns-vpc-connector \(ACTIVE\)$/,
    );
    // The editor shows what the provider gives after onDidChangeCodeLenses: that event must have fired.
    await waitFor(
      () => (api.codeLens.refreshes > refreshesBefore ? true : undefined),
      'onDidChangeCodeLenses after the store changed',
      5_000,
    );
    assert.ok(vscode.workspace.textDocuments.includes(sample) && !sample.isClosed, 'the same document stayed open');
    const dbLine = lineOf(sample, 'name: DATABASE_URL');
    assert.deepEqual(
      lenses.filter((l) => l.line === dbLine).map((l) => l.title),
      [
        '5432 open via sg-apprunner -> sg-rds',
        `${DB_HOST}:5432 = DB instance kyudai-db (available) in the connector's VPC`,
      ],
    );
    assert.ok(!lenses.some((l) => l.title === 'Attach connector'), 'nothing to attach any more');
  });

  it('Problems shows the validator diagnostics for a broken file, and follows edits', async () => {
    const uri = vscode.Uri.joinPath(folder, 'broken', 'apprunner.yaml');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        'version: 1.0\nruntime: python99\nbuild:\n  commands:\n    build: [make]\nrun:\n  network:\n    port: 99999\n',
      ),
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const problems = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length >= 3 ? found : undefined;
    }, 'diagnostics for the broken file');
    const byCode = new Map(problems.map((d) => [String(d.code), d]));
    assert.equal(byCode.get('unknown-runtime')?.range.start.line, 1);
    assert.equal(byCode.get('unknown-runtime')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byCode.get('invalid-port')?.range.start.line, 7);
    assert.match(byCode.get('missing-key')?.message ?? '', /command/);
    assert.ok(problems.every((d) => d.source === 'apprunner.yaml'));
    // Malformed YAML while typing: a syntax problem, never an exception.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(8, 0), '  env: [unclosed\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const syntax = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'yaml-syntax'),
      'a YAML syntax problem',
    );
    assert.equal(syntax.severity, vscode.DiagnosticSeverity.Error);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('hovering a key shows its documentation', async () => {
    const line = lineOf(sample, 'command:');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      sample.uri,
      new vscode.Position(line, sample.lineAt(line).firstNonWhitespaceCharacterIndex + 2),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /run\.command/);
    assert.match(text, /starts the web application/);
  });

  it('the setting apprunnerVpc.codeLens.enabled turns the lenses off and on again', async () => {
    await setSetting('codeLens.enabled', false);
    try {
      await waitFor(
        async () => ((await lensTitles(sample.uri)).length === 0 ? true : undefined),
        'no lenses while disabled',
      );
    } finally {
      await setSetting('codeLens.enabled', undefined);
    }
    await waitForLens(sample.uri, /^kyudai-api · RUNNING/);
  });

  it('the status bar entry shows only while an apprunner.yaml is the active editor', async () => {
    await vscode.window.showTextDocument(sample);
    await waitFor(() => api.codeLens.statusBarText()?.includes('kyudai-api'), 'the entry for apprunner.yaml');
    const other = await vscode.workspace.openTextDocument({ content: 'not apprunner', language: 'plaintext' });
    await vscode.window.showTextDocument(other);
    await waitFor(
      () => (api.codeLens.statusBarText() === undefined ? true : undefined),
      'the entry hidden for another file',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(sample);
  });

  describe('auto-linking by git remote', () => {
    let web: vscode.Uri;

    before(async () => {
      // The workspace is a clone of campus-sns/kyudai-web (ssh remote); App Runner knows the https URL.
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(folder, '.git', 'config'),
        new TextEncoder().encode(
          '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:campus-sns/kyudai-web.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
        ),
      );
      web = vscode.Uri.joinPath(folder, 'web', 'apprunner.yaml');
      await vscode.workspace.fs.copy(sample.uri, web, { overwrite: true });
      const source = {
        CodeRepository: {
          RepositoryUrl: 'https://github.com/campus-sns/kyudai-web',
          SourceCodeVersion: { Type: 'BRANCH', Value: 'main' },
          SourceDirectory: 'web',
          CodeConfiguration: { ConfigurationSource: 'REPOSITORY' },
        },
        AuthenticationConfiguration: {
          ConnectionArn: 'arn:aws:apprunner:ap-northeast-1:123456789012:connection/github/0123456789abcdef',
        },
      };
      await aws('apprunner', [
        'create-service',
        '--service-name',
        'kyudai-web',
        '--source-configuration',
        JSON.stringify(source),
      ]);
      api.store.invalidate();
      await api.store.refresh({ force: true });
    });

    after(async () => {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.git'), { recursive: true });
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'web'), { recursive: true });
      await api.codeLens.setLink(sample.uri, undefined);
      useUi(api, undefined);
    });

    it('links web/apprunner.yaml to the REPOSITORY service whose repository and source directory match', async () => {
      const document = await vscode.workspace.openTextDocument(web);
      await vscode.window.showTextDocument(document);
      const link = await api.codeLens.link(web);
      assert.deepEqual(link.kind === 'auto' && link.serviceName, 'kyudai-web', JSON.stringify(link));
      await waitForLens(web, /^kyudai-web · (RUNNING|OPERATION_IN_PROGRESS)/);
      await waitFor(
        () => (api.codeLens.statusBarText()?.includes('kyudai-web') ? true : undefined),
        'the status bar names kyudai-web',
      );
    });

    it('a file no repository matches is linked by apprunnerVpc.serviceName when the account has that service', async () => {
      await api.codeLens.setLink(sample.uri, undefined);
      const link = await api.codeLens.link(sample.uri);
      assert.deepEqual(link.kind === 'serviceName' && link.serviceName, 'kyudai-api', JSON.stringify(link));
      await waitForLens(sample.uri, /^kyudai-api · RUNNING/);
    });

    it('with a serviceName the account lacks, it offers a link, and the chosen link is remembered', async () => {
      await api.codeLens.setLink(sample.uri, undefined);
      await setSetting('serviceName', 'no-such-api');
      try {
        await waitForLens(sample.uri, /^Link to an App Runner service\.\.\.$/);
        const ui = new ReplayUi([{ id: 'linkService', value: 'kyudai-api' }]);
        useUi(api, ui);
        const lens = (await lensTitles(sample.uri))[0];
        assert.equal(lens.command, 'apprunnerVpc.linkService');
        await vscode.commands.executeCommand(lens.command, sample.uri);
        assert.deepEqual(ui.unanswered, []);
        const offered = ui.asked[0].labels;
        assert.ok(offered.includes('kyudai-api') && offered.includes('kyudai-web'), offered.join(', '));
        await waitForLens(sample.uri, /^kyudai-api · RUNNING · egress VPC/);
        const again = await api.codeLens.link(sample.uri);
        assert.equal(again.kind, 'remembered');
      } finally {
        await setSetting('serviceName', undefined);
      }
    });
  });

  describe('on the aurora-proxy seed (non-runbook seed)', () => {
    it("the database lens names the RDS Proxy the file's DATABASE_URL points at, not a DB instance", async () => {
      const uri = vscode.Uri.joinPath(folder, 'proxy', 'apprunner.yaml');
      try {
        await onSeed(api, 'aurora-proxy', async (info) => {
          const proxyHost = String(info.dbProxyEndpoint);
          assert.match(proxyHost, /^kyudai-proxy\./);
          const text = sample
            .getText()
            .replace(/kyudai-db\.aaaaaaaaaa\.ap-northeast-1\.rds\.amazonaws\.com/, proxyHost);
          assert.ok(text.includes(proxyHost), 'the copy names the proxy');
          await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
          await api.codeLens.setLink(uri, 'kyudai-api');
          const document = await vscode.workspace.openTextDocument(uri);
          await vscode.window.showTextDocument(document);
          const lenses = await waitForLens(uri, /RDS Proxy kyudai-proxy/);
          const db = lenses.filter((l) => l.line === lineOf(document, 'name: DATABASE_URL')).map((l) => l.title);
          assert.equal(db[1], `${proxyHost}:5432 = RDS Proxy kyudai-proxy (available), no VPC connector`);
          assert.match(db[0], /^5432 blocked: /);
          assert.ok(!db.some((t) => /DB instance|not a database/.test(t)), db.join(' | '));
        });
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await api.codeLens.setLink(uri, undefined);
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'proxy'), { recursive: true });
      }
    });
  });
});
