import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import { nodeAt } from './explorerSupport';
import { sandboxAdmin } from './sandboxAdmin';
import { useUi, waitFor } from './support';
import { connectedToFreshWorld, DEFAULT_SETUP_ANSWERS, runWithAnswers, writeCalls } from './setupSupport';

const run = runWithAnswers;

const service = (api: ExtensionApi) => api.store.state.snapshot?.services.find((s) => s.name === 'kyudai-api');
// A group by GroupName or Name tag (the runbook's sg-apprunner and sg-rds are Name tags).
const group = (api: ExtensionApi, name: string) =>
  api.store.state.snapshot?.securityGroups.find((g) => g.name === name || g.tags.Name === name);

describe('Setup wizard: the guided runbook', function () {
  this.timeout(240_000);
  let api: ExtensionApi;

  before(async () => {
    api = await connectedToFreshWorld();
  });

  after(async () => {
    useUi(api, undefined);
    await sandboxAdmin.clearFaults();
  });

  it('Back keeps earlier answers; step counts in order; cancelling before Apply changes nothing', async () => {
    await sandboxAdmin.resetCalls();
    const ui = await run(
      api,
      'setupConnector',
      [
        { id: 'service', value: 'kyudai-api' },
        { id: 'database', value: 'kyudai-db' },
        { id: 'subnets', back: true },
        { id: 'database' },
        { id: 'subnets' },
        { id: 'connectorName', value: 'my-connector' },
        { id: 'appRunnerSecurityGroupName', back: true },
        { id: 'connectorName' },
        { id: 'appRunnerSecurityGroupName' },
      ],
      false,
    );
    const steps = ui.asked.map((a) => `${a.id} ${a.step}/${a.totalSteps}`);
    assert.deepEqual(steps, [
      'service 1/5',
      'database 2/5',
      'subnets 3/5',
      'database 2/5',
      'subnets 3/5',
      'connectorName 4/5',
      'appRunnerSecurityGroupName 5/5',
      'connectorName 4/5',
      'appRunnerSecurityGroupName 5/5',
    ]);
    assert.equal(ui.asked[3].offered, 'kyudai-db', 'after Back the database offered is the earlier answer');
    assert.equal(ui.asked[7].offered, 'my-connector', 'after Back the typed name is kept');
    // Subnets pre-selected per the model: the DB's private subnets in distinct AZs, shown with AZ and private.
    const subnets = ui.asked[2];
    assert.ok((subnets.offered as string[]).length >= 2);
    assert.ok(subnets.descriptions.some((d) => /ap-northeast-1\w · 10\.\S+ · private/.test(d ?? '')));
    assert.ok(
      subnets.descriptions.some((d) => /· public$/.test(d ?? '')),
      'the public subnet is listed, not pre-selected',
    );
    // The plan shown is the plan document; its text is the one the run kept.
    assert.deepEqual(
      ui.documents.map((d) => d.scheme),
      ['apprunner-vpc-plan'],
    );
    const plan = api.setup.lastRun()?.planMarkdown ?? '';
    assert.match(plan, /ec2:CreateSecurityGroup/);
    assert.match(plan, /my-connector/);
    assert.equal(api.setup.lastRun()?.status, 'cancelled');
    const calls = await sandboxAdmin.calls();
    assert.deepEqual(writeCalls(calls.operations), [], `no write calls: ${JSON.stringify(calls.operations)}`);
    assert.equal(group(api, 'sg-apprunner'), undefined);
  });

  it('from the service node the wizard does not ask for the service (4 steps); the manual path asks for the group and port', async () => {
    const node = await nodeAt(api, 'Services', 'kyudai-api');
    const ui = await run(
      api,
      'setupConnector',
      [
        { id: 'database', value: '__manual__' },
        { id: 'databaseGroup', value: group(api, 'sg-rds')?.id },
        { id: 'databasePort', value: '5432' },
        { id: 'subnets' },
        { id: 'connectorName' },
        { id: 'appRunnerSecurityGroupName' },
      ],
      false,
      node.node,
    );
    assert.deepEqual(
      ui.asked.map((a) => `${a.id} ${a.step}/${a.totalSteps}`),
      [
        'database 1/4',
        'databaseGroup 2/6',
        'databasePort 3/6',
        'subnets 4/6',
        'connectorName 5/6',
        'appRunnerSecurityGroupName 6/6',
      ],
    );
    assert.ok((ui.asked[3].offered as string[]).length >= 2, "private subnets of the group's VPC pre-selected");
    assert.equal(ui.documents.length, 1);
    assert.match(api.setup.lastRun()?.planMarkdown ?? '', /authorize-db-ingress|Allow inbound TCP 5432/);
    assert.equal(api.setup.lastRun()?.status, 'cancelled');
  });

  it('a fault mid-apply says what was done and that running again continues; running again finishes the runbook', async () => {
    await sandboxAdmin.setFaults({
      failNth: [
        {
          operation: 'CreateVpcConnector',
          nth: 1,
          error: {
            code: 'AccessDeniedException',
            status: 403,
            message: 'User is not authorized to perform this action',
          },
        },
      ],
    });
    const failed = await run(api, 'setupConnector', DEFAULT_SETUP_ANSWERS, true);
    assert.equal(api.setup.lastRun()?.status, 'failed');
    const error = failed.notices.find((n) => n.kind === 'error');
    assert.ok(error, JSON.stringify(failed.notices));
    assert.match(error.message, /Done so far: Create security group sg-apprunner/);
    assert.match(error.message, /Re-running apply .* continues from "Create VPC connector/);
    assert.ok(
      failed.progressLines.some((l) => /^Step \d+\/\d+: Allow outbound TCP 5432/.test(l)),
      failed.progressLines.join('\n'),
    );
    assert.ok(group(api, 'sg-apprunner'), 'the tree was refreshed with what was done');
    await sandboxAdmin.clearFaults();

    const ui = await run(api, 'setupConnector', DEFAULT_SETUP_ANSWERS, true);
    const last = api.setup.lastRun();
    assert.equal(last?.status, 'succeeded', last?.message);
    assert.ok(
      !last?.plan?.steps.some((s) => s.id === 'create-apprunner-sg'),
      'the second run continues, it does not start over',
    );
    assert.ok(
      ui.progressLines.some((l) => /s elapsed, status /.test(l)) ||
        ui.progressLines.some((l) => /Waiting for kyudai-api/.test(l)),
      ui.progressLines.join('\n'),
    );
    const done = ui.notices.find((n) => n.kind === 'info');
    assert.match(done?.message ?? '', /DB health: .*"database":\s*"connected"/);
    // The runbook's state (sections 3 to 5).
    const snap = api.store.state.snapshot;
    const app = group(api, 'sg-apprunner');
    const rds = group(api, 'sg-rds');
    assert.ok(snap && app && rds);
    const connector = snap.connectors.find((c) => c.name === 'campus-sns-vpc-connector' && c.status === 'ACTIVE');
    assert.ok(connector);
    assert.deepEqual(connector.securityGroupIds, [app.id]);
    assert.equal(service(api)?.vpcConnectorArn, connector.arn);
    assert.ok(rds.rules.some((r) => !r.egress && r.fromPort === 5432 && r.referencedGroupId === app.id));
    assert.ok(!app.rules.some((r) => r.egress && r.protocol === '-1'), 'no allow-all egress');
    // And the tree: the connector node ACTIVE, the service's Egress child naming it and linking to it.
    const node = await nodeAt(api, 'VPC Connectors', 'campus-sns-vpc-connector');
    assert.equal(node.description, `rev ${connector.revision} · ACTIVE`);
    assert.equal(node.contextValue, 'connector.inUse');
    const egress = await nodeAt(api, 'Services', 'kyudai-api', 'Egress');
    assert.equal(egress.description, 'VPC · campus-sns-vpc-connector');
    assert.deepEqual(egress.item.command?.arguments, [connector.arn]);
    // Clicking the Egress row runs its command: the connector's node is revealed and selected.
    const link = egress.item.command;
    assert.ok(link);
    await vscode.commands.executeCommand(link.command, ...(link.arguments ?? []));
    await waitFor(
      () => (api.explorer.view.selection[0]?.id === `connector:${connector.arn}` ? true : undefined),
      'connector node selected',
    );
    const groupNode = await nodeAt(
      api,
      'VPC Connectors',
      'campus-sns-vpc-connector',
      'sg-apprunner (apprunner-connector)',
    );
    const rules = (await api.explorer.provider.getChildren(groupNode.node)).map((n) => String(n.getTreeItem().label));
    assert.ok(rules.includes('egress tcp 5432 -> sg-rds'), rules.join(' | '));
    const usedBy = await nodeAt(api, 'VPC Connectors', 'campus-sns-vpc-connector', 'Used by');
    assert.equal(usedBy.description, 'kyudai-api');
  });

  it('running the setup again has nothing to do', async () => {
    await sandboxAdmin.resetCalls();
    await run(api, 'setupConnector', DEFAULT_SETUP_ANSWERS, true);
    assert.equal(api.setup.lastRun()?.status, 'nothing-to-do');
    assert.deepEqual(writeCalls((await sandboxAdmin.calls()).operations), []);
  });
});
