import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  contributes: {
    yamlValidation?: { fileMatch: string; url: string }[];
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { type: string; default?: unknown; scope?: string }> };
  };
}

// Users of the YAML extension get completion from our schema; the link command and the two settings exist.
describe('apprunner.yaml contributions in package.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

  it('points yamlValidation for apprunner.yaml at the packaged JSON schema', () => {
    const entry = manifest.contributes.yamlValidation?.find((v) => v.fileMatch === 'apprunner.yaml');
    assert.ok(entry, 'a yamlValidation entry for apprunner.yaml');
    const schema = path.join(root, entry.url);
    assert.ok(existsSync(schema), `${entry.url} exists`);
    const keys = Object.keys((JSON.parse(readFileSync(schema, 'utf8')) as { properties?: object }).properties ?? {});
    assert.deepEqual(keys, ['version', 'runtime', 'build', 'run']);
  });

  it('contributes the link command and the CodeLens settings', () => {
    const link = manifest.contributes.commands.find((c) => c.command === 'apprunnerVpc.linkService');
    assert.equal(link?.category, '%category%');
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(props['apprunnerVpc.codeLens.enabled'], {
      ...props['apprunnerVpc.codeLens.enabled'],
      type: 'boolean',
      default: true,
    });
    assert.equal(props['apprunnerVpc.linkedService']?.scope, 'resource', 'linked per folder');
  });
});
