// The small pure pieces behind the validator: secret references, runtime suggestions, ports, key paths
// and key docs.
import assert from 'node:assert/strict';
import {
  BUILD_COMMAND_KEYS,
  BUILD_KEYS,
  classifySecretReference,
  formatKeyPath,
  KEY_DOCS,
  keyDocFor,
  keyPathAt,
  NETWORK_KEYS,
  parsePort,
  portInCommand,
  RUN_KEYS,
  suggestRuntime,
  TOP_KEYS,
} from '../../src/model/apprunnerYaml';

describe('apprunner.yaml secret references', () => {
  it('accepts Secrets Manager ARNs with and without a JSON key suffix', () => {
    const plain = classifySecretReference('arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf');
    assert.deepEqual(plain, {
      kind: 'secretsmanager-arn',
      partition: 'aws',
      region: 'ap-northeast-1',
      accountId: '123456789012',
      secretName: 'db-AbCdEf',
    });
    assert.equal(
      classifySecretReference('arn:aws:secretsmanager:us-east-1:123456789012:secret:app-Xy12:username::')?.kind,
      'secretsmanager-arn',
    );
    assert.equal(
      classifySecretReference('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:x-Ab12Cd')?.kind,
      'secretsmanager-arn',
    );
  });

  it('accepts SSM parameter ARNs and names, and rejects everything else', () => {
    assert.equal(
      classifySecretReference('arn:aws:ssm:ap-northeast-1:123456789012:parameter/kyudai/db')?.kind,
      'ssm-arn',
    );
    assert.deepEqual(classifySecretReference('/kyudai/db'), { kind: 'ssm-name', parameterName: '/kyudai/db' });
    assert.deepEqual(classifySecretReference('kyudai.db_password'), {
      kind: 'ssm-name',
      parameterName: 'kyudai.db_password',
    });
    for (const bad of [
      '',
      'my password',
      'arn:aws:ssm:ap-northeast-1:123:parameter/x',
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:',
      'awsReserved',
      '/path/',
    ]) {
      assert.equal(classifySecretReference(bad), undefined, bad);
    }
  });
});

describe('apprunner.yaml runtime suggestions', () => {
  it('maps common misspellings to the real runtime name', () => {
    assert.equal(suggestRuntime('python3.11'), 'python311');
    assert.equal(suggestRuntime('Python311'), 'python311');
    assert.equal(suggestRuntime('node18'), 'nodejs18');
    assert.equal(suggestRuntime('nodejs-22'), 'nodejs22');
    assert.equal(suggestRuntime('coretto11'), 'corretto11');
    assert.equal(suggestRuntime('haskell9'), undefined);
  });
});

describe('apprunner.yaml ports', () => {
  it('parses whole numbers 1-65535 only', () => {
    assert.equal(parsePort('8080'), 8080);
    assert.equal(parsePort(' 1 '), 1);
    for (const bad of ['0', '65536', '80.5', '-1', 'http', '']) assert.equal(parsePort(bad), undefined, bad);
  });

  it('finds the literal port of common start commands, not $PORT', () => {
    assert.equal(portInCommand('uvicorn app.main:app --host 0.0.0.0 --port 8000'), 8000);
    assert.equal(portInCommand('uvicorn app.main:app --port=9000'), 9000);
    assert.equal(portInCommand('gunicorn -b 0.0.0.0:5000 app:app'), 5000);
    assert.equal(portInCommand('gunicorn --bind :7000 app:app'), 7000);
    assert.equal(portInCommand('python manage.py runserver 0.0.0.0:8001'), 8001);
    assert.equal(portInCommand('uvicorn app.main:app --port $PORT'), undefined);
    assert.equal(portInCommand('node server.js'), undefined);
  });
});

describe('apprunner.yaml key paths and docs', () => {
  const text = [
    'version: 1.0',
    'runtime: python311',
    'run:',
    '  command: python app.py',
    '  env:',
    '    - name: DATABASE_URL',
    '      value: postgresql://db:5432/app',
    '  secrets:',
    '    - name: DB_PASSWORD',
    '      value-from: /kyudai/db',
  ].join('\n');

  it('tells whether a position is on a key or its value, with list indexes', () => {
    const onName = keyPathAt(text, 5, 8);
    assert.deepEqual(onName?.path, ['run', 'env', 0, 'name']);
    assert.equal(onName?.onKey, true);
    assert.deepEqual(onName?.range, { startLine: 5, startCol: 6, endLine: 5, endCol: 10 });
    const onValue = keyPathAt(text, 6, 20);
    assert.equal(formatKeyPath(onValue?.path ?? []), 'run.env[0].value');
    assert.equal(onValue?.onKey, false);
    assert.deepEqual(onValue?.range, { startLine: 6, startCol: 13, endLine: 6, endCol: 37 });
    assert.equal(formatKeyPath(keyPathAt(text, 9, 8)?.path ?? []), 'run.secrets[0].value-from');
    assert.deepEqual(keyPathAt(text, 1, 0)?.path, ['runtime']);
  });

  it('returns nothing outside the document and never throws on broken text', () => {
    assert.equal(keyPathAt(text, 40, 0), undefined);
    assert.equal(keyPathAt('', 0, 0), undefined);
    assert.doesNotThrow(() => keyPathAt('run: [\n  a: {', 1, 3));
  });

  it('documents every key the validator knows, in English and Japanese, and nothing else', () => {
    const known = [
      ...TOP_KEYS,
      ...BUILD_KEYS.map((k) => `build.${k}`),
      ...BUILD_COMMAND_KEYS.map((k) => `build.commands.${k}`),
      'build.env[].name',
      'build.env[].value',
      ...RUN_KEYS.map((k) => `run.${k}`),
      ...NETWORK_KEYS.map((k) => `run.network.${k}`),
      'run.env[].name',
      'run.env[].value',
      'run.secrets[].name',
      'run.secrets[].value-from',
    ];
    assert.deepEqual(Object.keys(KEY_DOCS).sort(), [...known].sort());
    for (const [key, doc] of Object.entries(KEY_DOCS)) {
      assert.ok(doc.en.length > 10 && doc.ja.length > 5, key);
      assert.match(doc.ja, /[\u3040-\u30ff\u4e00-\u9fff]/, key);
    }
  });

  it('finds the doc for a concrete path, falling back from a list item to its list', () => {
    assert.equal(keyDocFor(['run', 'env', 3, 'name'])?.key, 'run.env[].name');
    assert.equal(keyDocFor(['build', 'commands', 'build', 2])?.key, 'build.commands.build');
    assert.match(keyDocFor(['run', 'pre-run'])?.doc.en ?? '', /python311, nodejs18, nodejs22/);
    assert.equal(keyDocFor(['run', 'nonsense']), undefined);
  });
});
