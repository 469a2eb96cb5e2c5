import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';
import { freePort } from '../support/net';
import { SOURCE_ROOT } from '../support/sourceFiles';
import { DescribeServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { getSandbox, sandboxClients, seed, waitForServiceStatus } from '../sandbox/support';
import { add } from './metrics';

// Session credentials with recognisable values; none of them may appear in anything the tools print.
const SESSION = {
  AWS_ACCESS_KEY_ID: 'ASIARELIABILITY00042',
  AWS_SECRET_ACCESS_KEY: 'reliabilitySecretKeyMustNeverBePrinted42',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjReliabilitySessionTokenMustNeverBePrinted42',
};
const SECRETS = Object.values(SESSION);

async function run(argv: string[], endpoint = getSandbox().endpoint): Promise<string> {
  let out = '';
  const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, stdin: Object.assign(new PassThrough(), { isTTY: false }) };
  await main([...argv, '--endpoint-url', endpoint, '--region', 'ap-northeast-1', '--poll-interval', '0.05'], io, process.env);
  return out;
}

const count = (text: string): number => SECRETS.reduce((n, secret) => n + text.split(secret).length - 1, 0);

describe('Reliability: credentials never appear in output or logs', function () {
  this.timeout(120_000);
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    for (const key of Object.keys(SESSION)) saved[key] = process.env[key];
    Object.assign(process.env, SESSION, { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' });
    await getSandbox().reset();
  });
  after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  afterEach(() => getSandbox().clearFaults());

  it('every CLI command, succeeding and failing, with --json and without', async () => {
    const outputs = [
      await run(['plan']), await run(['plan', '--json']), await run(['apply', '--yes']), await run(['apply', '--yes', '--json']),
      await run(['diagnose']), await run(['diagnose', '--json']), await run(['delete-connector', '--yes']), await run(['detach', '--yes']),
      await run(['plan', '--service', 'nope']), await run(['plan'], `http://127.0.0.1:${await freePort()}`),
    ];
    await getSandbox().setFaults({ failNth: [{ operation: 'ListServices', nth: 1, error: { code: 'AccessDeniedException', status: 403,
      message: `User arn:aws:sts::123456789012:assumed-role/x is not authorized; token ${SESSION.AWS_SESSION_TOKEN}` } }] });
    outputs.push(await run(['plan']));
    const found = outputs.reduce((n, text) => n + count(text), 0);
    add('secretsInLogs', found);
    assert.ok(outputs.join('').includes(seed().serviceName ?? 'kyudai-api'), 'the commands did run');
    assert.equal(found, 0);
  });

  it('a careless app\'s seeded secret (environment, health answers, log lines) never appears in any command\'s output', async () => {
    // Issue 16: the service's own environment holds the secret; the sandbox app echoes its configuration into
    // its health bodies and its log lines (SANDBOX_APP_ECHOES_CONFIG), as careless real apps do.
    await getSandbox().reset();
    const SEEDED = 'SeededAppSecret-7f3a9cQ';
    const appRunner = sandboxClients().appRunner;
    const arn = seed().serviceArn ?? '';
    const current = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
    const image = current?.SourceConfiguration?.ImageRepository;
    const env = image?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {};
    const dbUrl = new URL(env.DATABASE_URL ?? 'postgresql://app:x@db:5432/kyudai');
    dbUrl.password = SEEDED;
    await appRunner.send(new UpdateServiceCommand({ ServiceArn: arn, SourceConfiguration: { ...current?.SourceConfiguration, ImageRepository: {
      ...image, ImageIdentifier: image?.ImageIdentifier ?? '', ImageRepositoryType: image?.ImageRepositoryType ?? 'ECR_PUBLIC',
      ImageConfiguration: { ...image?.ImageConfiguration, RuntimeEnvironmentVariables: {
        ...env, DATABASE_URL: dbUrl.toString(), DB_PASSWORD: SEEDED, API_TOKEN: SEEDED, SANDBOX_APP_ECHOES_CONFIG: 'true' } } } } }));
    await waitForServiceStatus(appRunner, arn, 'RUNNING', 30_000);
    const outputs = [
      await run(['plan']), await run(['plan', '--json']), await run(['diagnose']), await run(['diagnose', '--json']), await run(['export-script']),
      await run(['apply', '--yes']), await run(['apply', '--yes', '--json']), await run(['diagnose']), await run(['diagnose', '--json', '--lang', 'ja']),
      await run(['detach', '--yes']), await run(['delete-connector', '--yes', '--json']),
    ];
    const text = outputs.join('\n');
    const found = text.split(SEEDED).length - 1 + text.split(encodeURIComponent(SEEDED)).length - 1;
    add('secretsInLogs', found);
    // The app did echo it: the diagnosis saw the configuration dump in the log and the unhealthy body.
    assert.match(text, /config dump|DATABASE_URL=/, 'the careless app echoed its configuration');
    assert.equal(found, 0);
  });

  it('the VS Code log channel and the webview console of the last host run', function () {
    // Written by the host runner after it scanned the extension host's logs (npm test runs host first).
    const report = path.join(SOURCE_ROOT, 'test-results', 'host-secrets.json');
    if (!existsSync(report)) this.skip();
    const scanned = JSON.parse(readFileSync(report, 'utf8')) as { secretsFound: number; filesScanned: number };
    add('secretsInLogs', scanned.secretsFound);
    assert.ok(scanned.filesScanned > 0);
    assert.equal(scanned.secretsFound, 0);
  });
});
