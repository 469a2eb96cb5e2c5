// Real-world apprunner.yaml files validate clean and yield the values the CodeLens and hovers rely on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORT, parseApprunnerYaml } from '../../src/model/apprunnerYaml';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const read = (relative: string): string => readFileSync(path.join(REPO_ROOT, relative), 'utf8');
const FIXTURES = 'test/unit/fixtures/apprunnerYaml';

describe('apprunner.yaml model from real-world files', () => {
  it('the sample workspace file (kyudai-api) validates clean and exposes its database URL and secret', () => {
    const { config, problems } = parseApprunnerYaml(read('sample-workspace/apprunner.yaml'));
    assert.deepEqual(problems, []);
    assert.equal(config.runtime?.value, 'python311');
    assert.equal(config.run?.network?.port?.value, 8080);
    assert.equal(config.run?.network?.portEnv?.value, 'PORT');
    assert.match(config.run?.command?.value ?? '', /^uvicorn /);
    const databaseUrl = config.run?.env.find((entry) => entry.name?.value === 'DATABASE_URL');
    assert.ok(databaseUrl?.value, 'DATABASE_URL entry');
    assert.match(databaseUrl.value.value, /^postgresql:\/\/.+:5432\//);
    // The value's range covers exactly the URL text on its line, so a CodeLens can sit on it.
    const line = read('sample-workspace/apprunner.yaml').split('\n')[databaseUrl.value.range.startLine];
    assert.equal(line.slice(databaseUrl.value.range.startCol, databaseUrl.value.range.endCol), databaseUrl.value.value);
    assert.equal(config.run?.secrets[0].reference?.kind, 'secretsmanager-arn');
  });

  it('a Node.js 22 file with pre-build, post-build, build env and pre-run validates clean', () => {
    const { config, problems } = parseApprunnerYaml(read(`${FIXTURES}/node-express.yaml`));
    assert.deepEqual(problems, []);
    assert.deepEqual(
      config.build?.preBuild.map((c) => c.value),
      ['npm --version'],
    );
    assert.deepEqual(
      config.build?.build.map((c) => c.value),
      ['npm ci', 'npm run build'],
    );
    assert.deepEqual(
      config.build?.postBuild.map((c) => c.value),
      ['npm test'],
    );
    assert.equal(config.build?.env[0].name?.value, 'NODE_ENV');
    assert.equal(config.run?.runtimeVersion?.value, '22.11.0');
    assert.deepEqual(
      config.run?.preRun.map((c) => c.value),
      ['npm ci --omit=dev'],
    );
    assert.equal(config.run?.network?.port?.value, 3000);
    assert.equal(config.run?.env.find((e) => e.name?.value === 'FEATURE_FLAGS')?.value?.value, '');
  });

  it('a Django file with secrets from Secrets Manager (JSON key) and SSM validates clean', () => {
    const { config, problems } = parseApprunnerYaml(read(`${FIXTURES}/python-django-secrets.yaml`));
    assert.deepEqual(problems, []);
    assert.equal(config.run?.runtimeVersion?.value, '3.11', 'a float-looking version keeps its text');
    assert.equal(config.run?.network?.port?.value, 8000, 'a quoted port is read as a number');
    assert.equal(config.run?.env.find((e) => e.name?.value === 'MAX_WORKERS')?.value?.value, '4');
    assert.deepEqual(
      config.run?.secrets.map((s) => s.reference?.kind),
      ['secretsmanager-arn', 'ssm-arn'],
    );
    const ssm = config.run?.secrets[1].reference;
    assert.ok(ssm?.kind === 'ssm-arn');
    assert.equal(ssm.parameterName, 'mysite/db/password');
    assert.equal(ssm.region, 'ap-northeast-1');
  });

  it('a minimal Corretto file validates clean and has no network section (App Runner uses port 8080)', () => {
    const { config, problems } = parseApprunnerYaml(read(`${FIXTURES}/corretto-minimal.yaml`));
    assert.deepEqual(problems, []);
    assert.equal(config.run?.network, undefined);
    assert.equal(DEFAULT_PORT, 8080);
  });

  it('keeps a best-effort model even when the file has a syntax error', () => {
    const text = 'version: 1.0\nruntime: python311\nrun:\n  command: python app.py\n  env: [\n';
    const { config, problems } = parseApprunnerYaml(text);
    assert.deepEqual(
      problems.map((p) => p.code),
      ['yaml-syntax'],
    );
    assert.equal(config.runtime?.value, 'python311');
    assert.equal(config.run?.command?.value, 'python app.py');
  });
});
