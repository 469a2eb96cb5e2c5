// schemas/apprunner.schema.json is contributed through `yamlValidation` for the Red Hat YAML extension's
// completion and hover. Our own validator (src/model/apprunnerYaml) reports the file's mistakes, so the
// schema must not report them a second time: it describes every key our hover documents, suggests the
// known values, and flags none of the mistakes our validator finds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import {
  BUILD_COMMAND_KEYS,
  BUILD_KEYS,
  ENV_ITEM_KEYS,
  KEY_DOCS,
  NETWORK_KEYS,
  parseApprunnerYaml,
  RUN_KEYS,
  RUNTIMES,
  SECRET_ITEM_KEYS,
  TOP_KEYS,
} from '../../src/model/apprunnerYaml';
import { CORPUS } from './fixtures/apprunnerYaml/cases';

const REPO_ROOT = path.resolve(__dirname, '../../..');

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
}

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/apprunner.schema.json'), 'utf8')) as SchemaNode;

/** The schema node for a KEY_DOCS key such as `run.env[].name`. */
function nodeFor(key: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const part of key.split('.')) {
    const list = part.endsWith('[]');
    node = node?.properties?.[list ? part.slice(0, -2) : part];
    if (list) node = node?.items;
  }
  return node;
}

const suggestions = (node: SchemaNode | undefined): unknown[] =>
  (node?.anyOf ?? []).flatMap((branch) => branch.enum ?? []);

describe('apprunner.yaml JSON schema (completion and hover only)', () => {
  it('names the same keys as the validator, mapping by mapping', () => {
    assert.deepEqual(Object.keys(schema.properties ?? {}), [...TOP_KEYS]);
    assert.deepEqual(Object.keys(nodeFor('build')?.properties ?? {}), [...BUILD_KEYS]);
    assert.deepEqual(Object.keys(nodeFor('build.commands')?.properties ?? {}), [...BUILD_COMMAND_KEYS]);
    assert.deepEqual(Object.keys(nodeFor('run')?.properties ?? {}), [...RUN_KEYS]);
    assert.deepEqual(Object.keys(nodeFor('run.network')?.properties ?? {}), [...NETWORK_KEYS]);
    assert.deepEqual(Object.keys(nodeFor('run.env[]')?.properties ?? {}), [...ENV_ITEM_KEYS]);
    assert.deepEqual(Object.keys(nodeFor('build.env[]')?.properties ?? {}), [...ENV_ITEM_KEYS]);
    assert.deepEqual(Object.keys(nodeFor('run.secrets[]')?.properties ?? {}), [...SECRET_ITEM_KEYS]);
  });

  it('describes every key our hover documents, with the hover text', () => {
    const keys = Object.keys(KEY_DOCS);
    assert.ok(keys.length >= 20, `only ${keys.length} documented keys`);
    for (const key of keys) assert.equal(nodeFor(key)?.description, KEY_DOCS[key].en, key);
  });

  it('suggests the runtimes and the version in an anyOf that also accepts anything else', () => {
    assert.deepEqual(suggestions(nodeFor('runtime')), [...RUNTIMES]);
    assert.deepEqual(suggestions(nodeFor('version')), ['1.0']);
    for (const key of ['runtime', 'version'])
      assert.ok(
        nodeFor(key)?.anyOf?.some((branch) => Object.keys(branch).length === 0),
        `${key}: no accept-all branch`,
      );
  });

  describe('validated with Ajv (draft-07), as the YAML extension would', () => {
    type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
    let validate: Validate;

    before(() => {
      // Ajv is a devDependency (package.json), not a dependency of the extension; missing, this fails.
      const Ajv = require('ajv') as new (options: object) => { compile(schema: object): Validate };
      validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    });

    it('flags none of the mistakes our validator reports in its corpus', () => {
      let checked = 0;
      for (const testCase of CORPUS) {
        const document = parseDocument(testCase.yaml);
        // Syntax errors never reach a schema: the YAML extension reports those from its parser.
        if (document.errors.length > 0) continue;
        const codes = parseApprunnerYaml(testCase.yaml).problems.map((p) => p.code);
        if (codes.length === 0) continue;
        assert.equal(
          validate(document.toJS()),
          true,
          `${testCase.name} (${codes.join(', ')}) is flagged by the schema too: ${JSON.stringify(validate.errors)}`,
        );
        checked += 1;
      }
      assert.ok(checked >= 25, `only ${checked} corpus cases with problems were checked`);
    });

    it('flags none of the mistakes our validator reports in the sample file made wrong', () => {
      type Doc = Record<string, unknown> & {
        run: Record<string, unknown> & { network: { port: unknown }; secrets: { 'value-from': string }[] };
      };
      const sample = readFileSync(path.join(REPO_ROOT, 'sample-workspace/apprunner.yaml'), 'utf8');
      const cases: [string, (doc: Doc) => void][] = [
        ['missing command', (doc) => delete doc.run.command],
        ['missing run', (doc) => delete (doc as Record<string, unknown>).run],
        ['unknown runtime', (doc) => (doc.runtime = 'python3.11')],
        ['runtime as a number', (doc) => (doc.runtime = 311)],
        ['version 2', (doc) => (doc.version = 2)],
        ['port out of range', (doc) => (doc.run.network.port = 70000)],
        ['port as text', (doc) => (doc.run.network.port = 'eighty')],
        ['bad secret', (doc) => (doc.run.secrets[0]['value-from'] = 'my secret')],
        ['pre-run on corretto11', (doc) => ((doc.runtime = 'corretto11'), (doc.run['pre-run'] = ['echo hi']))],
        ['unknown run key', (doc) => (doc.run.enviroment = 'x')],
        ['unknown top key', (doc) => (doc.services = [])],
        ['run as a string', (doc) => (doc.run = 'python app.py' as unknown as Doc['run'])],
        ['env as a mapping', (doc) => (doc.run.env = { APP_ENV: 'production' })],
      ];
      for (const [name, change] of cases) {
        const doc = parseDocument(sample).toJS() as Doc;
        change(doc);
        const text = parseDocument(sample);
        text.contents = text.createNode(doc) as typeof text.contents;
        const codes = parseApprunnerYaml(text.toString())
          .problems.filter((p) => p.severity === 'error')
          .map((p) => p.code);
        assert.ok(codes.length > 0, `${name}: our validator should report it`);
        assert.equal(
          validate(doc),
          true,
          `${name} (${codes.join(', ')}) is flagged by the schema too: ${JSON.stringify(validate.errors)}`,
        );
      }
    });
  });
});
