import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CommandId, WRITE_COMMANDS } from '../../src/model/common/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsJa = JSON.parse(readFileSync(path.join(root, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;

interface Command {
  command: string;
  title: string;
  category?: string;
}

describe('package.json contributions', () => {
  it('uses the stable extension id, engine and view names', () => {
    assert.equal(`${pkg.publisher}.${pkg.name}`, 'campus-sns.apprunner-vpc');
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, 'apprunnerVpc');
    assert.equal(pkg.contributes.views.apprunnerVpc[0].id, 'apprunnerVpc.explorer');
  });

  it('gives every command a localised title and the category', () => {
    for (const c of pkg.contributes.commands as Command[]) {
      assert.match(c.command, /^apprunnerVpc\./);
      assert.equal(c.category, '%category%', c.command);
      const key = c.title.replace(/^%|%$/g, '');
      assert.ok(nls[key] && nlsJa[key], `${c.command} title ${key} is translated`);
    }
  });

  it('has every %key% of package.json in English and Japanese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const key of keys) {
      assert.ok(nls[key], `package.nls.json has ${key}`);
      assert.ok(nlsJa[key], `package.nls.ja.json has ${key}`);
    }
  });

  it('translates the descriptions and messages into Japanese rather than copying the English', () => {
    const prose = Object.keys(nls).filter((k) => /^(description|welcome\.|config\.)/.test(k));
    for (const key of prose) assert.match(nlsJa[key], /[\u3040-\u30ff\u4e00-\u9faf]/, `${key} is Japanese`);
  });

  it('only refers to contributed commands from menus and welcome views', () => {
    const ids = new Set((pkg.contributes.commands as Command[]).map((c) => c.command));
    for (const entries of Object.values(pkg.contributes.menus ?? {}) as { command: string }[][]) {
      for (const entry of entries)
        assert.ok(ids.has(entry.command), `menu entry ${entry.command} is a contributed command`);
    }
    for (const key of Object.keys(nls).filter((k) => k.startsWith('welcome.'))) {
      for (const m of nls[key].matchAll(/command:(apprunnerVpc\.[A-Za-z]+)/g))
        assert.ok(ids.has(m[1]), `${key} links ${m[1]}`);
    }
  });

  it('declares the settings docs/design.md names, with their defaults', () => {
    const props = pkg.contributes.configuration.properties;
    const expected: Record<string, unknown> = {
      region: 'ap-northeast-1',
      profile: '',
      endpointUrl: '',
      serviceName: 'kyudai-api',
      connectorName: 'campus-sns-vpc-connector',
      appRunnerSecurityGroupName: 'apprunner-connector',
      appRunnerSecurityGroupNameTag: 'sg-apprunner',
      databaseSecurityGroupName: 'sg-rds',
      databasePort: 5432,
      healthCheckPath: '/api/v1/health',
      dbHealthPath: '/api/v1/db-health',
    };
    for (const [key, value] of Object.entries(expected))
      assert.equal(props[`apprunnerVpc.${key}`]?.default, value, key);
  });
});

// Restricted Mode (docs/configuration.md, "Restricted Mode"): an untrusted repository chooses neither what the tool
// touches nor where, and cannot reach a command that changes AWS or writes files.
describe('package.json in Restricted Mode', () => {
  const properties = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
  const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
  const menus = pkg.contributes.menus as Record<string, { command: string; when?: string }[]>;

  it('ignores every repository setting that chooses which AWS resources are touched, or where', () => {
    const choosing = [
      'region',
      'profile',
      'endpointUrl',
      'serviceName',
      'connectorName',
      'appRunnerSecurityGroupName',
      'appRunnerSecurityGroupNameTag',
      'databaseSecurityGroupName',
      'databasePort',
      'dnsEgress',
      'healthCheckPath',
      'dbHealthPath',
      'linkedService',
    ].map((k) => `apprunnerVpc.${k}`);
    for (const key of choosing) {
      assert.ok(properties[key], `${key} is a setting`);
      assert.ok(restricted.includes(key), `${key} is a restricted configuration`);
    }
    // A setting a folder can set (resource scope) is one a cloned repository can set: each is restricted.
    const folderScoped = Object.entries(properties).filter(([, p]) => p.scope === 'resource');
    assert.ok(folderScoped.length >= 10);
    for (const [key] of folderScoped) assert.ok(restricted.includes(key), `${key} (resource scope) is restricted`);
    for (const key of restricted) assert.ok(properties[key], `restricted ${key} is a setting`);
  });

  it('hides every command that changes AWS or writes files from menus and the palette unless trusted', () => {
    assert.ok(WRITE_COMMANDS.length >= 9);
    for (const command of WRITE_COMMANDS) {
      const palette = menus.commandPalette.find((m) => m.command === command);
      assert.ok(palette, `${command} has a commandPalette entry`);
      for (const [menu, items] of Object.entries(menus)) {
        for (const item of items.filter((i) => i.command === command)) {
          const when = item.when ?? '';
          assert.ok(
            when === 'false' || /(^|&&\s*)isWorkspaceTrusted(\s*&&|$)/.test(when),
            `${menu} ${command}: "${when}" requires isWorkspaceTrusted`,
          );
        }
      }
    }
  });

  it('lists the setup, connector, fix and db-health commands as write commands', () => {
    for (const command of [
      CommandId.setupConnector,
      CommandId.createSecurityGroups,
      CommandId.createConnector,
      CommandId.attachConnector,
      CommandId.detachConnector,
      CommandId.deleteConnector,
      CommandId.fixDiagnosis,
      CommandId.applyDiagnosisFix,
      CommandId.addDbHealthEndpoint,
    ])
      assert.ok(WRITE_COMMANDS.includes(command), command);
  });
});
