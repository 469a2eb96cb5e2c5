// The diagnose command inside VS Code against the sandbox: a setup broken with the aws CLI shows up in the
// report document and as a Problem on apprunner.yaml; the fix (confirmed, applied through the engine)
// restores the rule and the next diagnosis is clean; the checklist view follows.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import { applyRunbookSetup, aws, snapshotGroupId } from './awsSetup';
import { sandboxAdmin } from './sandboxAdmin';
import { ReplayUi } from '../../src/vscode/ui/replayUi';
import { extensionApi, startFromSeed, useUi, waitFor } from './support';

const awsEc2 = (args: string[]): Promise<unknown> => aws('ec2', args);

/** The sample workspace's own apprunner.yaml (other test files may add more files to the shared workspace). */
const rootYaml = (): vscode.Uri =>
  vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), 'apprunner.yaml');
const rootProblems = (api: ExtensionApi): readonly vscode.Diagnostic[] =>
  api.diagnose.problems().find((p) => p.uri.toString() === rootYaml().toString())?.diagnostics ?? [];
const errorCodes = (api: ExtensionApi): string[] =>
  rootProblems(api)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
    .map((d) => String(d.code));

describe('Diagnose: report, Problems on apprunner.yaml, fix, checklist', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  let sgRds = '';
  let sgApp = '';
  /** Scripted prompts; the report still opens in the Markdown preview, as the first test checks. */
  const scripted = (answers: ConstructorParameters<typeof ReplayUi>[0], confirm: boolean): ReplayUi => {
    const ui = new ReplayUi(answers, confirm, { previews: true });
    useUi(api, ui);
    return ui;
  };

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
    await applyRunbookSetup(api);
    sgRds = snapshotGroupId(api, 'sg-rds');
    sgApp = snapshotGroupId(api, 'sg-apprunner');
    // Problems go to apprunner.yaml files linked to the service or to none: forget any link another test made.
    await api.codeLens.setLink(rootYaml(), undefined);
    scripted([], true);
  });

  after(() => useUi(api, undefined));

  it('a revoked sg-rds ingress rule: the report names it with evidence, the Problems view shows it on apprunner.yaml', async () => {
    await awsEc2([
      'revoke-security-group-ingress',
      '--group-id',
      sgRds,
      '--ip-permissions',
      `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${sgApp}}]`,
    ]);
    const result = await vscode.commands.executeCommand<{ exitCode: number } | undefined>(
      'apprunnerVpc.diagnose',
      'kyudai-api',
    );
    assert.equal(result?.exitCode, 3);
    const last = api.diagnose.last('kyudai-api');
    assert.deepEqual(
      last?.diagnosis.findings.filter((f) => f.severity === 'error').map((f) => f.id),
      ['sg-ingress-missing-db-port'],
    );
    assert.equal(last?.live?.dbHealth.outcome, 'unhealthy');

    // The report document is open (the Markdown preview's source) and reads as the user sees it.
    const uri = api.diagnose.reportUri('kyudai-api');
    // An earlier test may have left the report open: VS Code refreshes its text from the provider's change event,
    // so the document is the one for this diagnosis once it carries this diagnosis's time.
    const doc = await waitFor(
      () =>
        vscode.workspace.textDocuments.find(
          (d) => d.uri.toString() === uri.toString() && last?.at !== undefined && d.getText().includes(last.at),
        ),
      'the report document of this diagnosis',
    );
    // What the preview shows: AWS-controlled text is backslash-escaped in the source, and CommonMark drops a
    // backslash before ASCII punctuation (src/model/common/markdownText.ts).
    const text = doc.getText().replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(text, /# Connectivity diagnosis: kyudai-api/);
    assert.match(text, /\| Service → database \| ✘ blocked \|/);
    assert.match(text, new RegExp(`### Service → database\\n\\n- \\*\\*✘ Error\\*\\* \`sg-ingress-missing-db-port\``));
    assert.match(text, new RegExp(`Evidence: \`${sgRds}\``));
    assert.match(text, new RegExp(`Fix: Add an inbound rule to ${sgRds}: TCP 5432 from ${sgApp}`));
    assert.match(
      text,
      /DB health\*\* GET http:\/\/127\.0\.0\.1:\d+\/_apps\/\w+\/api\/v1\/db-health → unhealthy HTTP 200/,
    );
    assert.match(text, /<details><summary>Passed checks/);
    // And the Markdown preview of it is open as a tab.
    await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('kyudai-api-diagnosis.md')),
      'the report preview tab',
      20_000,
    );

    const entries = api.diagnose.problems().filter((p) => p.uri.toString() === rootYaml().toString());
    assert.equal(
      entries.length,
      1,
      `problems on ${api.diagnose
        .problems()
        .map((p) => p.uri.path)
        .join(', ')}`,
    );
    const problem = entries[0].diagnostics.find((d) => d.code === 'sg-ingress-missing-db-port');
    assert.ok(problem, `problems: ${entries[0].diagnostics.map((d) => d.code).join(', ')}`);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problem.source, 'App Runner VPC');
    const yaml = await vscode.workspace.openTextDocument(entries[0].uri);
    assert.equal(
      yaml.lineAt(problem.range.start.line).text,
      'version: 1.0',
      'service-level problems sit on the first configuration line',
    );
    // VS Code's own view of the Problems agrees, and offers the fix as a code action there.
    assert.ok(vscode.languages.getDiagnostics(entries[0].uri).some((d) => d.code === 'sg-ingress-missing-db-port'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      entries[0].uri,
      problem.range,
    );
    assert.ok(
      actions.some(
        (a) =>
          a.title.startsWith('Fix in AWS: Add an inbound rule to') &&
          a.command?.command === 'apprunnerVpc.applyDiagnosisFix',
      ),
      actions.map((a) => a.title).join(' | '),
    );
  });

  it('the fix names the exact change, restores the rule through the engine, and the next diagnosis is clean', async () => {
    const ui = scripted([], true);
    const outcome = await api.diagnose.fix('sg-ingress-missing-db-port', 'kyudai-api');
    assert.equal(outcome, 'applied');
    const confirmed = ui.confirms.map((c) => `${c.message}\n${c.detail}`);
    assert.equal(confirmed.length, 1);
    assert.match(confirmed[0], new RegExp(`Add an inbound rule to ${sgRds}: TCP 5432 from ${sgApp}`));
    assert.match(confirmed[0], /AuthorizeSecurityGroupIngress/);
    const rules = (await awsEc2(['describe-security-group-rules', '--filters', `Name=group-id,Values=${sgRds}`])) as {
      SecurityGroupRules: { IsEgress: boolean; FromPort: number; ReferencedGroupInfo?: { GroupId?: string } }[];
    };
    assert.ok(
      rules.SecurityGroupRules.some(
        (r) => !r.IsEgress && r.FromPort === 5432 && r.ReferencedGroupInfo?.GroupId === sgApp,
      ),
      'EC2 has the rule again',
    );
    const last = api.diagnose.last('kyudai-api');
    assert.equal(last?.exitCode, 0, JSON.stringify(last?.diagnosis.findings.map((f) => f.id)));
    assert.equal(last?.live?.dbHealth.outcome, 'healthy');
    assert.deepEqual(errorCodes(api), []);
    assert.match(api.diagnose.reportText('kyudai-api') ?? '', /\*\*No problems found\*\*/);
  });

  it('a declined confirmation changes nothing', async () => {
    await awsEc2([
      'revoke-security-group-ingress',
      '--group-id',
      sgRds,
      '--ip-permissions',
      `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${sgApp}}]`,
    ]);
    await api.diagnose.diagnose('kyudai-api');
    const picker = scripted([{ id: 'fix', value: 'sg-ingress-missing-db-port' }], false);
    await sandboxAdmin.resetCalls();
    // "Fix Diagnosis Problem..." offers the fixable findings by the change they make, then asks before it.
    assert.equal(await vscode.commands.executeCommand('apprunnerVpc.fixDiagnosis'), 'declined');
    assert.deepEqual(picker.unanswered, []);
    const offered = picker.asked[0].labels.map((label, i) => `${picker.asked[0].descriptions[i]}: ${label}`);
    assert.ok(
      offered.includes(`sg-ingress-missing-db-port: Add an inbound rule to ${sgRds}: TCP 5432 from ${sgApp}`),
      offered.join(' | '),
    );
    const calls = await sandboxAdmin.calls();
    assert.equal(calls.operations.AuthorizeSecurityGroupIngress ?? 0, 0);
    assert.deepEqual(errorCodes(api), ['sg-ingress-missing-db-port']);
    picker.confirmAnswer = true;
    await api.diagnose.fix('sg-ingress-missing-db-port', 'kyudai-api');
    assert.deepEqual(errorCodes(api), []);
  });

  it('the checklist view shows the runbook section 9 items with their states, and exports Markdown', async () => {
    const items = api.diagnose.checklist();
    const state = (id: string): string | undefined => items.find((i) => i.id === id)?.state;
    for (const id of [
      'sg-apprunner-exists',
      'connector-exists',
      'connector-attached',
      'db-reachable',
      'connector-active',
      'rules-reviewed',
      'connection-test-recent',
    ]) {
      assert.equal(state(id), 'pass', `${id}: ${JSON.stringify(items.find((i) => i.id === id)?.detail)}`);
    }
    assert.equal(state('performance-metrics'), 'manual');
    const provider = api.diagnose.checklistProvider;
    const sections = (await provider.getChildren()) ?? [];
    assert.deepEqual(
      sections.map((s) => String((provider.getTreeItem(s) as vscode.TreeItem).label)),
      ['Initial setup', 'Periodic checks', 'When changing'],
    );
    const periodic = (await provider.getChildren(sections[1])) ?? [];
    const rows = await Promise.all(periodic.map(async (n) => (await provider.getTreeItem(n)) as vscode.TreeItem));
    const active = rows.find((r) => r.label === 'VPC connector status is ACTIVE');
    assert.equal((active?.iconPath as vscode.ThemeIcon | undefined)?.id, 'pass-filled');
    assert.equal(
      (rows.find((r) => r.label === 'Performance metrics reviewed')?.iconPath as vscode.ThemeIcon | undefined)?.id,
      'person',
    );

    const file = vscode.Uri.file(path.join(mkdtempSync(path.join(tmpdir(), 'checklist-')), 'checklist.md'));
    const saver = scripted([{ id: 'checklist', value: file }], true);
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('apprunnerVpc.exportChecklist');
    assert.equal(saved?.fsPath, file.fsPath);
    assert.deepEqual(saver.asked[0].offered, 'kyudai-api-checklist.md');
    const markdown = readFileSync(file.fsPath, 'utf8');
    assert.match(markdown, /^# Operations checklist: kyudai-api/);
    assert.match(markdown, /- \[x\] VPC connector is attached to kyudai-api \(pass\)/);
    assert.match(markdown, /- \[ \] Performance metrics reviewed \(check by hand\)/);
  });

  it("an apprunner.yaml linked to another service gets none of this service's Problems", async () => {
    const file = rootYaml();
    await awsEc2([
      'revoke-security-group-ingress',
      '--group-id',
      sgRds,
      '--ip-permissions',
      `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${sgApp}}]`,
    ]);
    await api.codeLens.setLink(file, 'another-api');
    try {
      await api.diagnose.diagnose('kyudai-api');
      assert.deepEqual(rootProblems(api), []);
    } finally {
      await api.codeLens.setLink(file, undefined);
    }
    // From the explorer: the command gets the service's tree node, which carries the service.
    const service = api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api');
    await vscode.commands.executeCommand('apprunnerVpc.diagnose', { id: 'service-node', service });
    assert.deepEqual(
      errorCodes(api),
      ['sg-ingress-missing-db-port'],
      'back on the file once it is linked to no service',
    );
  });

  it("the checklist turns red when the connector is detached behind the extension's back", async () => {
    const arn = api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api')?.arn ?? '';
    await aws('apprunner', [
      'update-service',
      '--service-arn',
      arn,
      '--network-configuration',
      'EgressConfiguration={EgressType=DEFAULT}',
    ]);
    await waitFor(
      async () => {
        api.store.invalidate();
        const s = await api.store.refresh({ force: true });
        return s?.services.find((x) => x.name === 'kyudai-api')?.status === 'RUNNING' ? true : undefined;
      },
      'the redeploy',
      60_000,
    );
    const items = api.diagnose.checklist();
    assert.equal(items.find((i) => i.id === 'connector-attached')?.state, 'fail');
    assert.equal(items.find((i) => i.id === 'db-reachable')?.state, 'fail');
  });
});
