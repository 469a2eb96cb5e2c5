import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
