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
      'onView:apprunnerVpc.checklist',
      'onView:apprunnerVpc.explorer',
      'onWebviewPanel:apprunnerVpc.diagram',
      'workspaceContains:**/apprunner.yaml',
    ]);
  });

  it('works in untrusted workspaces only in a limited way: the connection settings are restricted', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.match(trust.description, /^%.+%$/);
    // The resource-scoped settings are restricted too (packageManifest.test.ts, 'package.json in Restricted Mode').
    for (const key of ['apprunnerVpc.endpointUrl', 'apprunnerVpc.profile', 'apprunnerVpc.region'])
      assert.ok(trust.restrictedConfigurations.includes(key), key);
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
    for (const key of [
      'serviceName',
      'connectorName',
      'appRunnerSecurityGroupName',
      'databaseSecurityGroupName',
      'databasePort',
      'healthCheckPath',
      'dbHealthPath',
      'linkedService',
    ]) {
      assert.equal(props[`apprunnerVpc.${key}`]?.scope, 'resource', key);
    }
  });
});

describe('package.json: ready for the Marketplace', () => {
  it('has a 128x128 PNG icon, a LICENSE matching "license", fitting categories, keywords and a banner', () => {
    const icon = readFileSync(path.join(root, pkg.icon));
    assert.equal(icon.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(icon.readUInt32BE(16), 128, 'width');
    assert.equal(icon.readUInt32BE(20), 128, 'height');
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(path.join(root, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.deepEqual(pkg.categories, ['Visualization', 'Linters', 'Other']);
    assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30);
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.equal(pkg.scripts['vscode:prepublish'], 'node scripts/build.mjs');
  });

  it("README's images are packaged paths that exist, and it states App Runner's availability and no telemetry", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 2);
    for (const image of images) {
      assert.match(image, /^(https:\/\/|media\/readme\/)/, `${image}: absolute or packaged`);
      if (!image.startsWith('https://')) readFileSync(path.join(root, image));
    }
    assert.match(readme, /stopped accepting new App Runner customers in 2026/);
    assert.match(readme, /No telemetry/);
  });

  it('offers "Use the Local Sandbox" only where the sandbox can run', () => {
    const palette = pkg.contributes.menus.commandPalette.find(
      (m: { command: string }) => m.command === 'apprunnerVpc.useSandbox',
    );
    assert.equal(palette?.when, 'apprunnerVpc.sandboxAvailable');
    const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const entry of pkg.contributes.viewsWelcome as { contents: string; when: string }[]) {
      const text = nls[entry.contents.replace(/^%|%$/g, '')] ?? '';
      if (text.includes('command:apprunnerVpc.useSandbox'))
        assert.match(entry.when, /(^|&& )apprunnerVpc\.sandboxAvailable$/);
      else assert.match(entry.when, /!apprunnerVpc\.sandboxAvailable|connection == (error|loading)/);
    }
  });
});
