// schemas/apprunner.schema.json (contributed for the YAML extension's completion and validation) agrees
// with our own validator: same runtimes and keys, accepts the valid files and rejects the broken ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REVISED_BUILD_RUNTIMES, RUN_KEYS, RUNTIMES, TOP_KEYS } from '../../src/model/apprunnerYaml';

const REPO_ROOT = path.resolve(__dirname, '../../..');

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  if?: { properties?: { runtime?: { not?: { enum?: unknown[] } } } };
}

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/apprunner.schema.json'), 'utf8')) as SchemaNode;

describe('apprunner.yaml JSON schema', () => {
  it('lists the same runtimes, top-level keys, run keys and revised-build runtimes as the validator', () => {
    assert.deepEqual(schema.properties?.runtime.enum, [...RUNTIMES]);
    assert.deepEqual(Object.keys(schema.properties ?? {}), [...TOP_KEYS]);
    assert.deepEqual(Object.keys(schema.properties?.run.properties ?? {}), [...RUN_KEYS]);
    assert.deepEqual(schema.if?.properties?.runtime?.not?.enum, [...REVISED_BUILD_RUNTIMES]);
  });

  describe('validated with Ajv (draft-07), as the YAML extension would', () => {
    type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
    let validate: Validate;

    before(() => {
      // Ajv is a devDependency (package.json), not a dependency of the extension; missing, this fails.
      const Ajv = require('ajv') as new (options: object) => { compile(schema: object): Validate };
      validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    });

    const check = (relative: string): boolean => validate(parse(readFileSync(path.join(REPO_ROOT, relative), 'utf8')));

    it('accepts the sample workspace file and the valid fixtures', () => {
      for (const file of ['sample-workspace/apprunner.yaml', 'test/unit/fixtures/apprunnerYaml/node-express.yaml', 'test/unit/fixtures/apprunnerYaml/python-django-secrets.yaml', 'test/unit/fixtures/apprunnerYaml/corretto-minimal.yaml']) {
        assert.equal(check(file), true, `${file}: ${JSON.stringify(validate.errors)}`);
      }
    });

    it('rejects a missing run.command, an unknown runtime, a bad port, a bad secret and pre-run on corretto11', () => {
      const base = () => parse(readFileSync(path.join(REPO_ROOT, 'sample-workspace/apprunner.yaml'), 'utf8')) as { runtime: string; run: Record<string, unknown> & { network: { port: unknown }; secrets: { 'value-from': string }[] } };
      const cases: [string, (doc: ReturnType<typeof base>) => void][] = [
        ['missing command', (doc) => delete doc.run.command],
        ['unknown runtime', (doc) => (doc.runtime = 'python3.11')],
        ['port out of range', (doc) => (doc.run.network.port = 70000)],
        ['bad secret', (doc) => (doc.run.secrets[0]['value-from'] = 'my secret')],
        ['pre-run on corretto11', (doc) => (doc.runtime = 'corretto11')],
        ['unknown run key', (doc) => (doc.run.enviroment = 'x')],
      ];
      for (const [name, change] of cases) {
        const doc = base();
        change(doc);
        assert.equal(validate(doc), false, name);
      }
    });
  });
});
