// Runbook 8.2 inside VS Code against the sandbox: the diagram's details pane names the last change of a broken
// element (read from CloudTrail when it is selected, not on refresh), a denied lookup says which permission is
// missing, and "Show Change History" lists the setup's calls with the caller identity.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import { applyRunbookSetup, aws, snapshotGroupId } from './awsSetup';
import { sandboxAdmin } from './sandboxAdmin';
import { extensionApi, startFromSeed } from './support';

const lookups = async (): Promise<number> => (await sandboxAdmin.calls()).operations.LookupEvents ?? 0;

describe('Change history: the diagram details pane and Show Change History (runbook 8.2)', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  let caller = '';

  before(async () => {
    api = await extensionApi();
    await startFromSeed(api);
    await applyRunbookSetup(api);
    caller = ((await aws('sts', ['get-caller-identity'])) as { Arn: string }).Arn;
    assert.match(caller, /^arn:aws:(iam|sts)::\d{12}:/);
  });

  after(async () => {
    api.diagram.close();
    await sandboxAdmin.clearFaults();
  });

  it('Show Change History on the service lists the setup calls, newest first, with the caller identity', async () => {
    const text = await vscode.commands.executeCommand<string>('apprunnerVpc.showChangeHistory', 'kyudai-api');
    assert.ok(text, 'the command returned the document text');
    for (const call of ['CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'CreateVpcConnector', 'UpdateService'])
      assert.match(text, new RegExp(call), `${call} in\n${text}`);
    assert.ok(text.includes(caller), `the caller ${caller} in\n${text}`);
    // The open editor holds the same document.
    const shown = vscode.window.activeTextEditor?.document;
    assert.equal(shown?.languageId, 'markdown');
    assert.equal(shown?.getText(), text);
  });

  it('a rule revoked with the aws CLI: selecting the broken line shows the revocation and who made it', async () => {
    const sgRds = snapshotGroupId(api, 'sg-rds');
    const sgApp = snapshotGroupId(api, 'sg-apprunner');
    await aws('ec2', [
      'revoke-security-group-ingress',
      '--group-id',
      sgRds,
      '--ip-permissions',
      `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${sgApp}}]`,
    ]);
    await vscode.commands.executeCommand('apprunnerVpc.showDiagram', 'kyudai-api');
    api.store.invalidate();
    await api.store.refresh({ force: true });
    await api.diagram.waitForRender((r) => r.edges.some((e) => e.id === 'db-ingress' && e.state === 'broken'), 60_000);
    // Lazy: drawing the broken picture asked CloudTrail nothing.
    const before = await lookups();
    api.store.invalidate();
    await api.store.refresh({ force: true });
    assert.equal(await lookups(), before, 'a refresh made no LookupEvents call');

    await api.diagram.select('db-ingress');
    const shown = await api.diagram.waitForDetails((d) => d.id === 'db-ingress' && /revoked/.test(d.text));
    assert.match(shown.text, /Last change: ingress tcp 5432 from sg-[0-9a-f]+ revoked by /);
    assert.ok(shown.text.includes(sgApp), shown.text);
    assert.ok(shown.text.includes(caller), `the caller ${caller} in: ${shown.text}`);
    assert.match(shown.text, /\d+ seconds? ago|\d+ minutes? ago/);
    assert.equal(await lookups(), before + 1, 'one lookup for the selection');
  });

  it('a denied lookup says which permission is missing', async () => {
    // The sg-rds box: a second element on the same group would be answered from the minute's cache.
    await sandboxAdmin.setFaults({
      failNth: [
        {
          operation: 'LookupEvents',
          nth: 1,
          service: 'cloudtrail',
          error: { code: 'AccessDeniedException', status: 400, message: 'not authorized: cloudtrail:LookupEvents' },
        },
      ],
    });
    try {
      await api.diagram.select('db-egress');
      await api.diagram.select('sg-app');
      const model = api.diagram.model();
      const sgAppState = model?.nodes.find((n) => n.id === 'sg-app')?.state;
      assert.equal(sgAppState, 'ok', 'an ok box asks nothing');
      // Break the App Runner group's egress so its line is broken and asks again (on another resource).
      const sgApp = snapshotGroupId(api, 'sg-apprunner');
      const sgRds = snapshotGroupId(api, 'sg-rds');
      await aws('ec2', [
        'revoke-security-group-egress',
        '--group-id',
        sgApp,
        '--ip-permissions',
        `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=${sgRds}}]`,
      ]);
      api.store.invalidate();
      await api.store.refresh({ force: true });
      await api.diagram.waitForRender((r) => r.edges.some((e) => e.id === 'db-egress' && e.state === 'broken'));
      await api.diagram.select('db-egress');
      const shown = await api.diagram.waitForDetails((d) => d.id === 'db-egress' && /LookupEvents/.test(d.text));
      assert.match(shown.text, /Last change: no cloudtrail:LookupEvents permission/);
    } finally {
      await sandboxAdmin.clearFaults();
    }
  });
});
