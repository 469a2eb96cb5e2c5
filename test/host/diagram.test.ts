import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import type { RenderedMessage } from '../../src/vscode/diagram/diagramPanel';
import { applyRunbookSetup } from './awsSetup';
import { sandboxAdmin } from './sandboxAdmin';
import { ReplayUi } from './setupSupport';
import { extensionApi, onSeed, startFromSeed, useUi, waitFor } from './support';

const run = promisify(execFile);

const state = (r: RenderedMessage, id: string): string | undefined =>
  [...r.nodes, ...r.edges].find((x) => x.id === id)?.state;
const allOk = (r: RenderedMessage): boolean => [...r.nodes, ...r.edges].every((x) => x.state === 'ok');

/** The runbook's own tool: the AWS CLI against the sandbox, with the host's test credentials. */
async function awsEc2(args: string[]): Promise<unknown> {
  const endpoint = vscode.workspace.getConfiguration('apprunnerVpc').get<string>('endpointUrl', '');
  const out = await run('aws', [
    'ec2',
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

function groupId(api: ExtensionApi, name: string): string {
  const id = api.store.state.snapshot?.securityGroups.find((g) => g.name === name || g.tags.Name === name)?.id;
  assert.ok(id, `${name} in the snapshot`);
  return id;
}

/** Removes sg-rds's rule for 5432 from sg-apprunner behind the extension's back, and waits for the red edge. */
async function breakDbIngress(api: ExtensionApi): Promise<{ sgRds: string; sgApp: string }> {
  const sgRds = groupId(api, 'sg-rds');
  const sgApp = groupId(api, 'sg-apprunner');
  await awsEc2([
    'revoke-security-group-ingress',
    '--group-id',
    sgRds,
    '--ip-permissions',
    `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${sgApp}}]`,
  ]);
  api.store.invalidate();
  await api.store.refresh({ force: true });
  await api.diagram.waitForRender((r) => state(r, 'db-ingress') === 'broken');
  return { sgRds, sgApp };
}

describe('Diagram panel: the live network picture', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  /** Scripted prompts that accept every confirmation (each test that counts them sets its own). */
  let accepting: ReplayUi;
  const scripted = (confirm: boolean): ReplayUi => {
    const ui = new ReplayUi([], confirm);
    useUi(api, ui);
    return ui;
  };

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
    accepting = scripted(true);
  });

  after(() => {
    api.diagram.close();
    useUi(api, undefined);
  });

  it('opens from the command; the webview reports what it drew: before setup the DB edge is broken', async () => {
    await vscode.commands.executeCommand('apprunnerVpc.showDiagram', 'kyudai-api');
    const r = await api.diagram.waitForRender((x) => x.serviceName === 'kyudai-api' && x.nodes.length > 0, 60_000);
    const ids = r.nodes.map((n) => n.id);
    for (const id of ['internet', 'service:kyudai-api', 'connector', 'sg-app', 'sg-db', 'db'])
      assert.ok(ids.includes(id), `${id} drawn in ${ids.join(', ')}`);
    assert.equal(state(r, 'db-egress'), 'broken');
    assert.equal(state(r, 'sg-app'), 'broken', 'sg-apprunner does not exist yet');
    // What the webview drew is exactly the model the extension sent.
    const model = api.diagram.model();
    assert.deepEqual(
      r.nodes.map((n) => `${n.id}=${n.state}`).sort(),
      model?.nodes.map((n) => `${n.id}=${n.state}`).sort(),
    );
    assert.deepEqual(
      r.edges.map((e) => `${e.id}=${e.state}`).sort(),
      model?.edges.map((e) => `${e.id}=${e.state}`).sort(),
    );
  });

  it('the fix on the missing sg-apprunner runs Create Security Groups with its own prompts and confirmation', async () => {
    const ui = new ReplayUi([{ id: 'database', value: 'kyudai-db' }, { id: 'appRunnerSecurityGroupName' }], true);
    useUi(api, ui);
    try {
      await api.diagram.receive({ type: 'fix', id: 'sg-app' });
    } finally {
      useUi(api, accepting);
    }
    assert.deepEqual(ui.unanswered, [], `asked ${ui.asked.map((a) => a.id).join(', ')}`);
    assert.equal(ui.confirms.length, 1, 'the command asked once before applying');
    assert.equal(api.setup.lastRun()?.status, 'succeeded', api.setup.lastRun()?.message);
    const r = await api.diagram.waitForRender((x) => state(x, 'sg-app') === 'ok');
    assert.equal(state(r, 'db-egress'), 'broken', 'still no VPC egress: the connector is not attached yet');
  });

  it('after the setup is applied through the engine, the open panel turns ok in place', async () => {
    const first = api.diagram.lastRendered();
    assert.ok(first);
    await applyRunbookSetup(api);
    const after = await api.diagram.waitForRender(allOk, 60_000);
    // The same page kept rendering (its counter went on): the panel was updated, not reopened.
    assert.ok(after.renders > first.renders, `renders ${first.renders} -> ${after.renders}`);
    assert.ok(
      after.nodes.some((n) => n.id.startsWith('subnet:')),
      'the connector subnets are drawn',
    );
    assert.equal(state(after, 'attach:kyudai-api'), 'ok');
  });

  it('the fix button on the broken sg-rds edge restores the rule', async () => {
    const { sgRds, sgApp } = await breakDbIngress(api);
    const ui = scripted(true);
    // While the step runs, the edge and its two ends are drawn "in progress".
    const progress = api.diagram.waitForRender((r) =>
      ['db-ingress', 'sg-db', 'db'].every((id) => state(r, id) === 'progress'),
    );
    await api.diagram.receive({ type: 'fix', id: 'db-ingress' });
    await progress;
    assert.match(ui.confirms[0]?.detail ?? '', /AuthorizeSecurityGroupIngress/);
    await api.diagram.waitForRender((r) => state(r, 'db-ingress') === 'ok');
    const rules = (await awsEc2(['describe-security-group-rules', '--filters', `Name=group-id,Values=${sgRds}`])) as {
      SecurityGroupRules: { IsEgress: boolean; FromPort: number; ReferencedGroupInfo?: { GroupId?: string } }[];
    };
    assert.ok(
      rules.SecurityGroupRules.some(
        (r) => !r.IsEgress && r.FromPort === 5432 && r.ReferencedGroupInfo?.GroupId === sgApp,
      ),
      'EC2 has the ingress rule from sg-apprunner again',
    );
  });

  it('a declined confirmation changes nothing', async () => {
    await breakDbIngress(api);
    const ui = scripted(false);
    await sandboxAdmin.resetCalls();
    await api.diagram.receive({ type: 'fix', id: 'db-ingress' });
    assert.equal(ui.confirms.length, 1, 'the fix asked for confirmation');
    const calls = await sandboxAdmin.calls();
    assert.equal(calls.operations.AuthorizeSecurityGroupIngress ?? 0, 0, JSON.stringify(calls.operations));
  });

  it('messages of unexpected shape are dropped even when every confirmation would be accepted: no question, no AWS write, no terminal', async () => {
    const ui = scripted(true);
    const terminals = vscode.window.terminals.length;
    await sandboxAdmin.resetCalls();
    await api.diagram.receive({ type: 'run', command: 'workbench.action.terminal.new' });
    await api.diagram.receive({ type: 'fix' });
    await api.diagram.receive({ type: 'fix', id: { toString: 'db-ingress' } });
    await api.diagram.receive('fix db-ingress');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a terminal or a fix would have started by now
    assert.equal(ui.confirms.length, 0, 'no confirmation was asked');
    const calls = await sandboxAdmin.calls();
    const writes = Object.keys(calls.operations).filter((op) =>
      /^(Create|Delete|Authorize|Revoke|Update|Modify)/.test(op),
    );
    assert.deepEqual(writes, [], JSON.stringify(calls.operations));
    assert.equal(vscode.window.terminals.length, terminals, 'no terminal was opened');
    // A fix carrying a command of its choosing: the command is ignored, only the named fix is offered.
    const connectors = api.store.state.snapshot?.connectors.length;
    await api.diagram.receive({ type: 'fix', id: 'db-ingress', command: 'apprunnerVpc.deleteConnector' });
    assert.equal(ui.confirms.length, 1, 'the db-ingress fix asked once');
    await api.diagram.waitForRender((r) => state(r, 'db-ingress') === 'ok');
    const after = await sandboxAdmin.calls();
    assert.equal(after.operations.DeleteVpcConnector ?? 0, 0, JSON.stringify(after.operations));
    assert.equal(api.store.state.snapshot?.connectors.length, connectors);
    assert.equal(vscode.window.terminals.length, terminals, 'no terminal was opened');
  });

  it('a node\'s "Reveal in the tree" selects that service in the explorer', async () => {
    const arn = api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api')?.arn ?? assert.fail('service');
    await api.diagram.receive({ type: 'reveal', id: 'service:kyudai-api' });
    await waitFor(
      () => (api.explorer.view.selection.some((n) => n.id.includes(arn)) ? true : undefined),
      'the service selected in the tree',
      10_000,
    );
    await api.diagram.show();
  });

  it('exports the picture as a standalone SVG and as Mermaid text', async () => {
    const svg = await api.diagram.exportSvg();
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /kyudai-api/);
    assert.doesNotMatch(svg, /var\(--|tabindex/, 'colours are resolved, interactive attributes removed');
    const mermaid = await api.diagram.copyMermaid();
    assert.match(mermaid ?? '', /^flowchart LR/);
    assert.equal(await vscode.env.clipboard.readText(), mermaid);
  });

  it('polls while an operation runs only as long as the panel is visible', async () => {
    await sandboxAdmin.configure({ operationDelayMs: 60_000 });
    try {
      const endpoint = vscode.workspace.getConfiguration('apprunnerVpc').get<string>('endpointUrl', '');
      const arn =
        api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api')?.arn ?? assert.fail('service');
      await run('aws', [
        'apprunner',
        'pause-service',
        '--service-arn',
        arn,
        '--endpoint-url',
        endpoint,
        '--region',
        'ap-northeast-1',
      ]);
      // The explorer tree also asks for polling while visible: hide it so only the panel counts.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      api.store.invalidate();
      await api.store.refresh({ force: true });
      await api.diagram.waitForRender((r) => state(r, 'service:kyudai-api') === 'progress');
      assert.equal(api.store.isPolling, true, 'visible panel + operation in progress: polling');
      // Another editor in the panel's place hides it.
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? assert.fail('a workspace folder');
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'apprunner.yaml'), {
        viewColumn: vscode.ViewColumn.Active,
      });
      await waitFor(() => (api.store.isPolling ? undefined : true), 'polling to stop once the panel is hidden', 10_000);
      await api.diagram.show();
      await waitFor(
        () => (api.store.isPolling ? true : undefined),
        'polling to resume once the panel is shown',
        10_000,
      );
    } finally {
      await sandboxAdmin.configure({ operationDelayMs: 1500 });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Other test files share this window: the side bar is shown again as it was.
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
  });
  it('on the aurora-proxy seed (non-runbook seed), the DB node is the RDS Proxy in front of the Aurora cluster', async () => {
    await onSeed(api, 'aurora-proxy', async () => {
      await vscode.commands.executeCommand('apprunnerVpc.showDiagram', 'kyudai-api');
      await api.diagram.waitForRender(
        (x) => x.serviceName === 'kyudai-api' && x.nodes.some((n) => n.id === 'db'),
        60_000,
      );
      const db = await waitFor(
        () => api.diagram.model()?.nodes.find((n) => n.id === 'db' && n.label === 'kyudai-proxy'),
        'the proxy as the DB node',
      );
      assert.equal(db.sublabel, 'RDS Proxy :5432');
      const rows = new Map(db.details.map((r) => [r.label.en, r.value]));
      assert.equal(rows.get('Database'), 'RDS Proxy kyudai-proxy');
      assert.match(rows.get('Forwards to') ?? '', /^DB cluster kyudai-aurora :5432/);
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
