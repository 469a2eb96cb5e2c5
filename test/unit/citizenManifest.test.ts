// package.json as VS Code and the Marketplace read it: a quiet start, workspace trust and setting scopes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;

describe('package.json: a good citizen of VS Code', () => {
  it('does not activate in every window: only for its views, its commands, apprunner.yaml and its diagram', () => {
    assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.deepEqual([...pkg.activationEvents].sort(), [
      'onView:apprunnerVpc.checklist', 'onView:apprunnerVpc.explorer', 'onWebviewPanel:apprunnerVpc.diagram', 'workspaceContains:**/apprunner.yaml',
    ]);
  });

  it('works in untrusted workspaces only in a limited way: the connection settings are restricted', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.match(trust.description, /^%.+%$/);
    assert.deepEqual([...trust.restrictedConfigurations].sort(), ['apprunnerVpc.endpointUrl', 'apprunnerVpc.profile', 'apprunnerVpc.region']);
  });

  it('runs where the workspace is (remote credentials over Remote-SSH/WSL/Codespaces), never in a virtual workspace', () => {
    assert.deepEqual(pkg.extensionKind, ['workspace']);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
  });

  it('lets no workspace set where signed calls go or whose profile signs them', () => {
    assert.equal(props['apprunnerVpc.endpointUrl'].scope, 'machine');
    assert.equal(props['apprunnerVpc.profile'].scope, 'machine');
  });

  it('scopes the per-project names to the resource (each folder its own service, connector, groups, port, paths)', () => {
    for (const key of ['serviceName', 'connectorName', 'appRunnerSecurityGroupName', 'databaseSecurityGroupName', 'databasePort', 'healthCheckPath', 'dbHealthPath', 'linkedService']) {
      assert.equal(props[`apprunnerVpc.${key}`]?.scope, 'resource', key);
    }
  });
});
