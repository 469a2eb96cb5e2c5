import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import { nodeAt } from './explorerSupport';
import { sandboxAdmin } from './sandboxAdmin';
import { useUi } from './support';
import { connectedToFreshWorld, ReplayUi, runWithAnswers, type Answer } from './setupSupport';

const run = runWithAnswers;

const snap = (api: ExtensionApi) => api.store.state.snapshot;
const kyudai = (api: ExtensionApi) => snap(api)?.services.find((s) => s.name === 'kyudai-api');
const activeConnector = (api: ExtensionApi) =>
  snap(api)?.connectors.find((c) => c.name === 'campus-sns-vpc-connector' && c.status === 'ACTIVE');
const SG_ANSWERS: Answer[] = [
  { id: 'service', value: 'kyudai-api' },
  { id: 'database', value: 'kyudai-db' },
  { id: 'appRunnerSecurityGroupName' },
];

describe('Setup commands from the palette and from tree nodes', function () {
  this.timeout(300_000);
  let api: ExtensionApi;

  before(async () => {
    api = await connectedToFreshWorld();
  });

  after(() => useUi(api, undefined));

  it('cancelling the progress mid-apply stops before the next write and says what was done', async () => {
    const ui = new ReplayUi(SG_ANSWERS, true, {
      onProgress: (abort, line) => {
        if (/^Step 2\//.test(line)) abort();
      },
    });
    useUi(api, ui);
    await vscode.commands.executeCommand('apprunnerVpc.createSecurityGroups');
    const last = api.setup.lastRun();
    assert.equal(last?.status, 'cancelled');
    assert.match(last?.message ?? '', /Cancelled after [12] of 6 steps \(Create security group sg-apprunner/);
    assert.ok(
      !snap(api)?.securityGroups.some(
        (g) => g.tags.Name === 'sg-rds' && g.rules.some((r) => !r.egress && r.fromPort === 5432 && r.referencedGroupId),
      ),
      'the DB ingress (the last step) was not written',
    );
  });

  it('createSecurityGroups (palette) then createConnector (palette) run their part of the plan only', async () => {
    await run(api, 'createSecurityGroups', SG_ANSWERS, true);
    assert.equal(api.setup.lastRun()?.status, 'succeeded', api.setup.lastRun()?.message);
    assert.ok(
      snap(api)?.securityGroups.some((g) => g.name === 'apprunner-connector' && g.tags.Name === 'sg-apprunner'),
    );
    assert.equal(snap(api)?.connectors.length, 0);
    await run(
      api,
      'createConnector',
      [...SG_ANSWERS.slice(0, 2), { id: 'subnets' }, { id: 'connectorName' }, { id: 'appRunnerSecurityGroupName' }],
      true,
    );
    assert.equal(api.setup.lastRun()?.status, 'succeeded', api.setup.lastRun()?.message);
    assert.deepEqual(
      api.setup.lastRun()?.plan?.steps.map((s) => s.id),
      ['create-connector'],
    );
    assert.ok(activeConnector(api));
    assert.equal(kyudai(api)?.egressType, 'DEFAULT', 'not attached by createConnector');
  });

  it('attachConnector from the service node asks only for the connector, and ends with health checks', async () => {
    const node = await nodeAt(api, 'Services', 'kyudai-api');
    const ui = await run(api, 'attachConnector', [{ id: 'connector' }], true, node.node);
    assert.equal(ui.asked[0].offered, activeConnector(api)?.arn);
    assert.equal(api.setup.lastRun()?.status, 'succeeded', api.setup.lastRun()?.message);
    assert.equal(kyudai(api)?.vpcConnectorArn, activeConnector(api)?.arn);
    assert.ok(
      api.setup
        .lastRun()
        ?.result?.outcomes.some((o) => o.stepId === 'check-db-health' && /connected/.test(o.detail.en)),
    );
  });

  it('exportSetup opens the setup kyudai-api uses now as a shell script, from the node and from the palette', async () => {
    const picker = await run(
      api,
      'exportSetup',
      [{ id: 'format' }],
      false,
      (await nodeAt(api, 'Services', 'kyudai-api')).node,
    );
    assert.deepEqual(
      picker.asked.map((a) => [a.id, a.offered]),
      [['format', 'bash']],
      'Enter keeps the script, as before the choice existed',
    );
    assert.deepEqual(picker.asked[0].labels, [
      'Bash script (AWS CLI)',
      'CloudFormation template (YAML)',
      'AWS CDK app (TypeScript)',
      'Terraform (HCL, AWS provider 5.x)',
    ]);
    const fromNode = api.setup.lastExport();
    assert.equal(fromNode?.languageId, 'shellscript');
    assert.equal(fromNode?.isUntitled, true, 'nothing written to disk until the user saves');
    assert.equal(vscode.window.activeTextEditor?.document, fromNode);
    const text = fromNode?.getText() ?? '';
    assert.match(
      text,
      /^# The setup kyudai-api uses now: connector campus-sns-vpc-connector with its subnets and sg-apprunner \(apprunner-connector\)\.$/m,
    );
    assert.ok(
      text.includes(`--subnets ${[...(activeConnector(api)?.subnetIds ?? [])].sort().join(' ')} `),
      "the connector's own subnets",
    );
    assert.ok(text.includes(`SERVICE_ARN=${kyudai(api)?.arn}`));
    assert.match(text, /if \[ "\$account" != 123456789012 \]/);
    await run(api, 'exportSetup', [{ id: 'service', value: kyudai(api)?.arn }, { id: 'format' }], false);
    assert.notEqual(api.setup.lastExport(), fromNode, 'a new document each time');
    assert.equal(
      api.setup
        .lastExport()
        ?.getText()
        .split('\n')
        .slice(1)
        .join('\n')
        .replace(/ on \S+ from/, ''),
      text
        .split('\n')
        .slice(1)
        .join('\n')
        .replace(/ on \S+ from/, ''),
    );
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('exportSetup as CloudFormation, CDK and Terraform writes a folder and opens its main file', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'export-iac-'));
    try {
      const expected: [string, string, RegExp][] = [
        ['cloudformation', 'template.yaml', /Type: "?AWS::AppRunner::VpcConnector"?/],
        ['cdk', path.join('lib', 'stack.ts'), /new apprunner\.CfnVpcConnector\(this, /],
        ['terraform', 'main.tf', /resource "aws_apprunner_vpc_connector"/],
      ];
      for (const [format, main, content] of expected) {
        const folder = path.join(root, format);
        const ui = await run(
          api,
          'exportSetup',
          [
            { id: 'format', value: format },
            { id: 'folder', value: folder },
          ],
          false,
          (await nodeAt(api, 'Services', 'kyudai-api')).node,
        );
        assert.match(String(ui.asked[1]?.offered), new RegExp(`kyudai-api-${format}$`), 'a folder is offered');
        const document = api.setup.lastExport();
        assert.equal(document?.uri.fsPath, path.join(folder, main));
        assert.equal(document?.isUntitled, false);
        assert.equal(vscode.window.activeTextEditor?.document, document);
        assert.match(readFileSync(path.join(folder, main), 'utf8'), content);
        const dbGroupId = snap(api)?.securityGroups.find((g) => g.tags.Name === 'sg-rds')?.id ?? '-';
        const written = readdirSync(folder, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
        assert.ok(
          written.some((text) => text.includes(dbGroupId)),
          "the account's own ids",
        );
      }
      assert.ok(
        existsSync(path.join(root, 'cdk', 'package.json')) && existsSync(path.join(root, 'terraform', 'versions.tf')),
      );
      // An edited file is not overwritten without asking; declining writes nothing.
      writeFileSync(path.join(root, 'terraform', 'main.tf'), '# mine\n');
      const declined = await run(
        api,
        'exportSetup',
        [
          { id: 'format', value: 'terraform' },
          { id: 'folder', value: path.join(root, 'terraform') },
        ],
        false,
        (await nodeAt(api, 'Services', 'kyudai-api')).node,
      );
      assert.match(declined.confirms[0]?.message ?? '', /already has main\.tf with other content/);
      assert.equal(readFileSync(path.join(root, 'terraform', 'main.tf'), 'utf8'), '# mine\n');
    } finally {
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('checkHealth from the node and from the palette report health and db-health without asking to apply', async () => {
    const fromNode = await run(api, 'checkHealth', [], true, (await nodeAt(api, 'Services', 'kyudai-api')).node);
    assert.equal(fromNode.confirms.length, 0);
    assert.match(fromNode.notices[0]?.message ?? '', /Health: GET https?:\/\/\S+\/api\/v1\/health: HTTP 200/);
    await run(api, 'checkHealth', [{ id: 'service', value: 'kyudai-api' }], true);
    assert.equal(api.setup.lastRun()?.status, 'succeeded');
  });

  it('deleteConnector refuses while the connector is in use, naming the services, and calls no delete', async () => {
    await sandboxAdmin.resetCalls();
    const node = await nodeAt(api, 'VPC Connectors', 'campus-sns-vpc-connector');
    assert.equal(node.contextValue, 'connector.inUse');
    await run(api, 'deleteConnector', [], true, node.node);
    const last = api.setup.lastRun();
    assert.equal(last?.status, 'failed');
    assert.match(last?.message ?? '', /used by kyudai-api/);
    assert.equal((await sandboxAdmin.calls()).operations.DeleteVpcConnector ?? 0, 0);
  });

  it('detachConnector (palette) warns that the service loses private access, then goes back to DEFAULT', async () => {
    const ui = await run(api, 'detachConnector', [{ id: 'service', value: 'kyudai-api' }], true);
    assert.match(ui.confirms[0].message, /Detach the VPC connector from kyudai-api/);
    assert.match(ui.confirms[0].detail, /loses access to private resources/);
    assert.equal(api.setup.lastRun()?.status, 'succeeded', api.setup.lastRun()?.message);
    assert.equal(kyudai(api)?.egressType, 'DEFAULT');
    assert.equal((await nodeAt(api, 'VPC Connectors', 'campus-sns-vpc-connector')).contextValue, 'connector.unused');
  });

  it('attach (palette), detach (node), then deleteConnector (palette) with a modal confirmation', async () => {
    await run(api, 'attachConnector', [{ id: 'service', value: 'kyudai-api' }, { id: 'connector' }], true);
    assert.equal(kyudai(api)?.egressType, 'VPC');
    await run(api, 'detachConnector', [], true, (await nodeAt(api, 'Services', 'kyudai-api')).node);
    assert.equal(kyudai(api)?.egressType, 'DEFAULT');
    const declined = await run(api, 'deleteConnector', [{ id: 'connector' }], false);
    assert.match(declined.confirms[0].message, /Delete the VPC connector campus-sns-vpc-connector/);
    assert.ok(activeConnector(api), 'kept when the modal is cancelled');
    await run(api, 'deleteConnector', [{ id: 'connector' }], true);
    assert.equal(api.setup.lastRun()?.status, 'succeeded', api.setup.lastRun()?.message);
    assert.equal(activeConnector(api), undefined);
  });

  it('copies the URL and ARN and builds the console link from nodes and the palette', async () => {
    const node = await nodeAt(api, 'Services', 'kyudai-api');
    const url = await vscode.commands.executeCommand<string>('apprunnerVpc.copyUrl', node.node);
    assert.equal(await vscode.env.clipboard.readText(), url);
    // The sandbox's service URL is on loopback, so it is copied as http (real App Runner URLs are https).
    assert.equal(url, `http://${kyudai(api)?.url}`);
    useUi(api, new ReplayUi([{ id: 'service', value: kyudai(api)?.arn }], false));
    const arn = await vscode.commands.executeCommand<string>('apprunnerVpc.copyArn');
    assert.equal(arn, kyudai(api)?.arn);
    assert.equal(await vscode.env.clipboard.readText(), arn);
    const link = await vscode.commands.executeCommand<string>('apprunnerVpc.openInConsole', node.node, false);
    assert.match(link, /apprunner\/home\?region=ap-northeast-1#\/services\/dashboard\?service_arn=/);
  });
});
