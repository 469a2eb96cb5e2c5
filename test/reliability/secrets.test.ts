import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FailNth } from '../../sandbox/index';
import { freePort } from '../support/net';
import { findSecrets, RELIABILITY_SESSION, type SecretHit } from '../support/secretScan';
import { SOURCE_ROOT } from '../support/sourceFiles';
import { DescribeServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { getSandbox, sandboxClients, seed, waitForServiceStatus } from '../sandbox/support';
import { add } from './metrics';

const BIN = path.join(SOURCE_ROOT, 'bin', 'apprunner-vpc.js');
const execFileAsync = promisify(execFile);

interface Output {
  argv: string[];
  code: number;
  text: string;
}

/** The installed command (bin/apprunner-vpc.js, which loads the bundle dist/cli.js) as a child process. */
async function run(argv: string[], endpoint = getSandbox().endpoint): Promise<Output> {
  const full = [...argv, '--endpoint-url', endpoint, '--region', 'ap-northeast-1', '--poll-interval', '0.05'];
  const env = {
    ...process.env,
    ...RELIABILITY_SESSION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PROFILE: '',
    AWS_ENDPOINT_URL: '',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  try {
    const out = await execFileAsync(process.execPath, [BIN, ...full], { env, timeout: 60_000 });
    return { argv, code: 0, text: out.stdout + out.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { argv, code: typeof err.code === 'number' ? err.code : -1, text: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

// AWS error texts that carry credentials: a signature mismatch quotes the credential scope and the string to
// sign, a proxy or SDK error may quote the request's security token header. The tools must mask them.
const LEAKY_ERRORS = {
  signature: {
    code: 'SignatureDoesNotMatch',
    status: 403,
    message: `The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been 'POST / host:ec2 x-amz-security-token:${RELIABILITY_SESSION.AWS_SESSION_TOKEN}' Credential=${RELIABILITY_SESSION.AWS_ACCESS_KEY_ID}/20260101/ap-northeast-1/ec2/aws4_request`,
  },
  denied: {
    code: 'AccessDeniedException',
    status: 403,
    message: `User arn:aws:sts::123456789012:assumed-role/x is not authorized; X-Amz-Security-Token=${RELIABILITY_SESSION.AWS_SESSION_TOKEN} aws_secret_access_key=${RELIABILITY_SESSION.AWS_SECRET_ACCESS_KEY}`,
  },
};

describe('Reliability: credentials and seeded secrets never appear in output or logs', function () {
  this.timeout(300_000);
  afterEach(() => getSandbox().clearFaults());

  it('every command of the installed CLI (child process), succeeding and failing, text and --json, en and ja', async () => {
    assert.ok(
      existsSync(path.join(SOURCE_ROOT, 'dist', 'cli.js')),
      'dist/cli.js is missing: run "node scripts/build.mjs" first',
    );
    await getSandbox().reset();
    const seedSecrets = seed().secretValues ?? [];
    assert.ok(seedSecrets.length > 0, 'the seed names the secrets it stored');
    const outputs: Output[] = [];
    const faulted = async (failNth: FailNth[], argv: string[]): Promise<void> => {
      await getSandbox().setFaults({ failNth });
      outputs.push(await run(argv));
      await getSandbox().clearFaults();
    };
    for (const argv of [
      ['help'],
      ['plan'],
      ['plan', '--json'],
      ['plan', '--lang', 'ja'],
      ['diagnose'],
      ['diagnose', '--json'],
      ['export-script'],
      ['export-script', '--json'],
      ['apply', '--yes', '--json'],
    ])
      outputs.push(await run(argv));
    // A failure in the middle of apply: the step's error detail is in the JSON result.
    await getSandbox().reset();
    await faulted(
      [{ operation: 'CreateSecurityGroup', nth: 1, error: LEAKY_ERRORS.signature }],
      ['apply', '--yes', '--json'],
    );
    await faulted([{ operation: 'CreateVpcConnector', nth: 1, error: LEAKY_ERRORS.denied }], ['apply', '--yes']);
    await faulted([{ operation: 'ListServices', nth: 1, error: LEAKY_ERRORS.denied }], ['plan', '--json']);
    await faulted(
      [{ operation: 'DescribeDBInstances', nth: 1, error: LEAKY_ERRORS.signature }],
      ['diagnose', '--json'],
    );
    await faulted([{ operation: 'DescribeSecurityGroups', nth: 1, error: LEAKY_ERRORS.denied }], ['export-script']);
    for (const argv of [
      ['apply', '--yes'],
      ['diagnose', '--lang', 'ja'],
      ['export-script'],
      ['detach', '--yes'],
      ['delete-connector', '--yes', '--json'],
      ['plan', '--service', 'nope'],
      ['plan', '--bogus'],
    ])
      outputs.push(await run(argv));
    outputs.push(await run(['plan'], `http://127.0.0.1:${await freePort()}`));

    const hits: (SecretHit & { argv: string })[] = outputs.flatMap((o) =>
      findSecrets(o.text, seedSecrets).map((h) => ({ ...h, argv: o.argv.join(' ') })),
    );
    add('secretsInLogs', hits.length, outputs.length);
    const ran = outputs.filter((o) => o.text.includes('kyudai-api')).map((o) => o.argv.join(' '));
    assert.ok(
      ran.some((a) => a.startsWith('export-script')) &&
        ran.some((a) => a.startsWith('diagnose')) &&
        ran.some((a) => a.startsWith('apply')),
      `the commands did run against the seed: ${ran.join('; ')}`,
    );
    assert.ok(
      outputs.some((o) => o.argv.join(' ') === 'apply --yes --json' && /SignatureDoesNotMatch/.test(o.text)),
      'the leaky error reached the output (masked)',
    );
    assert.deepEqual(hits, []);
  });

  it('the db-names seed: reading JSON-key secrets and SSM parameters shows no password nor the JSON secret', async () => {
    await getSandbox().reset('db-names');
    try {
      const info = seed();
      const values = info.secretValues ?? [];
      assert.ok(
        values.some((v) => v.startsWith('{')),
        'the seed lists its JSON secret',
      );
      const outputs: Output[] = [];
      for (const service of Object.values(info.namingServices ?? {}).map((s) => s.name))
        for (const argv of [
          ['plan', '--service', service],
          ['plan', '--service', service, '--read-secrets'],
          ['plan', '--json', '--service', service, '--read-secrets'],
          ['diagnose', '--json', '--service', service, '--read-secrets'],
        ])
          outputs.push(await run(argv));
      for (const argv of [
        ['export-script', '--service', 'ledger-reports', '--read-secrets'],
        ['apply', '--yes', '--json', '--service', 'ledger-reports', '--read-secrets'],
        ['diagnose', '--service', 'ledger-reports', '--read-secrets', '--lang', 'ja'],
      ])
        outputs.push(await run(argv));
      const hits = outputs.flatMap((o) => findSecrets(o.text, values).map((h) => ({ ...h, argv: o.argv.join(' ') })));
      add('secretsInLogs', hits.length, outputs.length);
      assert.ok(
        outputs.some((o) => o.argv.includes('ledger-reports') && o.text.includes('ledger-db')),
        'the secret-named service was planned against ledger-db',
      );
      assert.deepEqual(hits, []);
    } finally {
      await getSandbox().reset('runbook');
    }
  });

  it("a careless app's seeded secret (environment, health answers, log lines) never appears in any command's output", async () => {
    // The service's own environment holds the secret; the sandbox app echoes its configuration into
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
    await appRunner.send(
      new UpdateServiceCommand({
        ServiceArn: arn,
        SourceConfiguration: {
          ...current?.SourceConfiguration,
          ImageRepository: {
            ...image,
            ImageIdentifier: image?.ImageIdentifier ?? '',
            ImageRepositoryType: image?.ImageRepositoryType ?? 'ECR_PUBLIC',
            ImageConfiguration: {
              ...image?.ImageConfiguration,
              RuntimeEnvironmentVariables: {
                ...env,
                DATABASE_URL: dbUrl.toString(),
                DB_PASSWORD: SEEDED,
                API_TOKEN: SEEDED,
                SANDBOX_APP_ECHOES_CONFIG: 'true',
              },
            },
          },
        },
      }),
    );
    await waitForServiceStatus(appRunner, arn, 'RUNNING', 30_000);
    const outputs = [
      await run(['plan']),
      await run(['plan', '--json']),
      await run(['diagnose']),
      await run(['diagnose', '--json']),
      await run(['export-script']),
      await run(['apply', '--yes']),
      await run(['apply', '--yes', '--json']),
      await run(['diagnose']),
      await run(['diagnose', '--json', '--lang', 'ja']),
      await run(['detach', '--yes']),
      await run(['delete-connector', '--yes', '--json']),
    ];
    const text = outputs.map((o) => o.text).join('\n');
    const found = text.split(SEEDED).length - 1 + text.split(encodeURIComponent(SEEDED)).length - 1;
    add('secretsInLogs', found, outputs.length);
    // The app did echo it: the diagnosis saw the configuration dump in the log and the unhealthy body.
    assert.match(text, /config dump|DATABASE_URL=/, 'the careless app echoed its configuration');
    assert.equal(found, 0);
  });
});
