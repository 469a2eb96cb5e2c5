// A DATABASE_URL given through RuntimeEnvironmentSecrets (Secrets Manager in the sandbox's moto): diagnose
// names the secret instead of calling the URL missing; with --read-secrets it compares the host like a plain
// URL. The secret's value (its password above all) appears in no output of any command.
import assert from 'node:assert/strict';
import { DescribeServiceCommand, UpdateServiceCommand, type SourceConfiguration } from '@aws-sdk/client-apprunner';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { cli, useTestCredentials } from './engineSupport';
import {
  callCounts,
  getSandbox,
  resetCallCounts,
  sandboxClients,
  seed,
  TEST_CREDENTIALS,
  TEST_REGION,
  waitForServiceStatus,
} from './support';

const PASSWORD = 'Zq9-secret-value-never-shown';

interface DiagnoseJson {
  findings: { id: string; severity: string; message: { en: string } }[];
}

describe('DATABASE_URL held in Secrets Manager', function () {
  this.timeout(120_000);
  let secretArn = '';
  const outputs: string[] = [];

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    const info = seed();
    const sm = new SecretsManagerClient({
      region: TEST_REGION,
      endpoint: getSandbox().endpoint,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    });
    const made = await sm.send(
      new CreateSecretCommand({
        Name: 'kyudai/database-url',
        SecretString: `postgresql://app:${PASSWORD}@${info.dbEndpoint}:${info.dbPort ?? 5432}/kyudai`,
      }),
    );
    secretArn = made.ARN ?? '';
    const { appRunner } = sandboxClients();
    const current = await appRunner.send(new DescribeServiceCommand({ ServiceArn: info.serviceArn }));
    const source = current.Service?.SourceConfiguration as SourceConfiguration;
    const image = source.ImageRepository;
    assert.ok(image?.ImageConfiguration, 'the seeded service is an image service');
    const others = { ...image.ImageConfiguration.RuntimeEnvironmentVariables };
    delete others.DATABASE_URL;
    await appRunner.send(
      new UpdateServiceCommand({
        ServiceArn: info.serviceArn,
        SourceConfiguration: {
          ...source,
          ImageRepository: {
            ...image,
            ImageConfiguration: {
              ...image.ImageConfiguration,
              RuntimeEnvironmentVariables: others,
              RuntimeEnvironmentSecrets: { DATABASE_URL: secretArn },
            },
          },
        },
      }),
    );
    await waitForServiceStatus(appRunner, info.serviceArn ?? '', 'RUNNING', 30_000);
  });

  after(async () => {
    await getSandbox().reset();
  });

  it('diagnose names the secret and does not call the URL missing; without --read-secrets nothing reads it', async () => {
    await resetCallCounts();
    const run = await cli(['diagnose', '--json']);
    assert.equal((await callCounts()).operations.GetSecretValue ?? 0, 0);
    outputs.push(run.stdout, run.stderr);
    const doc = JSON.parse(run.stdout) as DiagnoseJson;
    const ids = doc.findings.map((f) => f.id);
    assert.ok(!ids.includes('database-url-missing') && !ids.includes('database-url-mismatch'), ids.join(', '));
    const f = doc.findings.find((x) => x.id === 'database-url-in-secret');
    assert.ok(f, ids.join(', '));
    assert.ok(f.message.en.includes(secretArn), f.message.en);
  });

  it('with --read-secrets the host is compared (no finding about the URL) and the value is not printed', async () => {
    await resetCallCounts();
    const run = await cli(['diagnose', '--json', '--read-secrets']);
    outputs.push(run.stdout, run.stderr);
    assert.equal((await callCounts()).operations.GetSecretValue, 1);
    const ids = (JSON.parse(run.stdout) as DiagnoseJson).findings.map((f) => f.id);
    assert.ok(!ids.some((id) => id.startsWith('database-url')), ids.join(', '));
  });

  it('plan and export-script work with --read-secrets; the secret value appears in no output', async () => {
    for (const argv of [
      ['plan', '--json', '--read-secrets'],
      ['plan', '--read-secrets'],
      ['export-script', '--read-secrets'],
      ['diagnose', '--read-secrets'],
    ]) {
      const run = await cli(argv);
      outputs.push(run.stdout, run.stderr);
      assert.ok(run.code === 0 || run.code === 2 || run.code === 3, `${argv.join(' ')}: ${run.code} ${run.stderr}`);
    }
    for (const text of outputs) assert.ok(!text.includes(PASSWORD), 'the secret value leaked into an output');
  });
});
