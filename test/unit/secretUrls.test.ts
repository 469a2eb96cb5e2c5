import assert from 'node:assert/strict';
import { readSecretDatabaseUrls } from '../../src/aws/secretUrls';
import { maskSecrets } from '../../src/model/common/secretMask';
import { resolveDesired } from '../../src/model/plan/desired';
import { checkStates } from '../../src/model/diagnosis/diagnosisChecks';
import {
  secretsToOffer,
  secretUrlReferences,
  splitSecretArn,
  urlFromSecretText,
} from '../../src/model/topology/secretUrls';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { analyze, ids, only } from './fixtures/analyze';
import { AURORA, auroraAfterProxySetup } from './fixtures/databaseWorlds';
import { afterSetup, beforeSetup, IDS, service } from './fixtures/topologyBuilder';

const ARN = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:kyudai/database-url-AbCdEf';

function withSecretUrl<T extends ReturnType<typeof afterSetup>>(t: T, valueFrom = ARN): T {
  const s = service(t);
  if (s.source) {
    s.source.environment = {};
    s.source.secrets = { DATABASE_URL: valueFrom };
  }
  return t;
}

describe('DATABASE_URL held in a secret', () => {
  it('is recognised: the finding names the secret, says the host was not checked, and nothing says "missing"', () => {
    const d = analyze(withSecretUrl(afterSetup()));
    assert.deepEqual(ids(d), ['database-url-in-secret']);
    const f = only(d, 'database-url-in-secret');
    assert.equal(f.severity, 'info');
    assert.match(
      f.message.en,
      new RegExp(`RuntimeEnvironmentSecrets from ${ARN}.*cannot be compared with kyudai-db without reading the secret`),
    );
    assert.deepEqual(
      f.evidence.map((e) => e.id),
      ['DATABASE_URL'],
    );
    assert.equal(d.verdicts.database, 'reachable', 'the only database in the VPC is still checked');
    const url = checkStates(d).find((c) => c.check.findingIds.includes('database-url-in-secret'));
    assert.equal(url?.state, 'not-checked');
  });

  it('once read (host and port only), it is compared like a plain URL: a match is clean, another host a mismatch', () => {
    const t = withSecretUrl(afterSetup());
    const read = (host: string) => ({
      urls: [
        {
          name: 'DATABASE_URL',
          url: { engine: 'postgres' as const, scheme: 'postgresql', host, port: 5432, explicitPort: true },
        },
      ],
      errors: {},
    });
    assert.deepEqual(ids(analyze(t, { secretUrls: read(IDS.endpoint) })), []);
    assert.deepEqual(ids(analyze(t, { secretUrls: read('old-db.example.internal') })), ['database-url-mismatch']);
  });

  it('a secret that could not be read is a warning with the reason, not "missing"', () => {
    const d = analyze(withSecretUrl(afterSetup()), {
      secretUrls: { urls: [], errors: { DATABASE_URL: 'reading it failed: AccessDeniedException' } },
    });
    assert.deepEqual(ids(d), ['database-url-secret-unreadable']);
    assert.match(only(d, 'database-url-secret-unreadable').message.en, /AccessDeniedException/);
  });

  it('Set Up proceeds without reading it when there is one database; with a proxy too, the read host decides', () => {
    const r = resolveDesired(withSecretUrl(beforeSetup()), {
      ...DEFAULT_SETUP_SETTINGS,
      appRunnerSecurityGroupName: 'apprunner-connector',
    });
    assert.ok(r.ok && r.desired.dbInstanceId === IDS.db);
    const aurora = withSecretUrl(auroraAfterProxySetup());
    const unread = resolveDesired(aurora, DEFAULT_SETUP_SETTINGS);
    assert.ok(unread.ok && unread.desired.dbInstanceId === AURORA.cluster, 'cluster + its proxy is one database');
    const viaProxy = resolveDesired(aurora, DEFAULT_SETUP_SETTINGS, {
      secretUrls: {
        errors: {},
        urls: [
          {
            name: 'DATABASE_URL',
            url: {
              engine: 'postgres',
              scheme: 'postgresql',
              host: AURORA.proxyEndpoint,
              port: 5432,
              explicitPort: false,
            },
          },
        ],
      },
    });
    assert.ok(viaProxy.ok && viaProxy.desired.dbInstanceId === AURORA.proxy);
  });

  it('is offered for reading: always to Diagnose, to Set Up only when it would pick among several databases', () => {
    const one = withSecretUrl(beforeSetup());
    assert.deepEqual(
      secretsToOffer(one, service(one), 'diagnose').map((r) => r.valueFrom),
      [ARN],
    );
    assert.deepEqual(secretsToOffer(one, service(one), 'setup'), [], 'one database: Set Up proceeds without asking');
    const two = withSecretUrl(beforeSetup());
    two.dbInstances.push({ ...two.dbInstances[0], id: 'kyudai-db-2', endpointAddress: 'kyudai-db-2.example.internal' });
    assert.deepEqual(
      secretsToOffer(two, service(two), 'setup').map((r) => r.name),
      ['DATABASE_URL'],
    );
    assert.deepEqual(secretsToOffer(two, service(two), 'setup', 'kyudai-db-2'), [], 'the user named the database');
    const plain = beforeSetup();
    assert.deepEqual(secretsToOffer(plain, service(plain), 'diagnose'), [], 'a plain DATABASE_URL needs no secret');
    const unsupported = withSecretUrl(beforeSetup(), 'arn:aws:s3:::bucket/url');
    assert.deepEqual(
      secretsToOffer(unsupported, service(unsupported), 'diagnose'),
      [],
      'a reference that cannot be read is not offered',
    );
  });

  it('classifies the references: Secrets Manager, SSM (ARN or name), or unsupported', () => {
    const t = beforeSetup();
    const s = service(t);
    if (s.source)
      s.source.secrets = {
        DATABASE_URL: ARN,
        READ_URL: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/kyudai/read',
        CACHE_URL: 'arn:aws:s3:::x',
        API_KEY: ARN,
      };
    assert.deepEqual(
      secretUrlReferences(s).map((r) => `${r.name}:${r.store}`),
      ['DATABASE_URL:secretsmanager', 'CACHE_URL:unknown', 'READ_URL:ssm'],
    );
  });

  it('reads host and port out of a URL or RDS-style JSON, dropping user, password and database', () => {
    const fromUrl = urlFromSecretText('DATABASE_URL', 'postgresql://app:Sup3r-S3cret@db.example.internal:6543/kyudai');
    assert.deepEqual(fromUrl, {
      name: 'DATABASE_URL',
      url: { engine: 'postgres', scheme: 'postgresql', host: 'db.example.internal', port: 6543, explicitPort: true },
    });
    assert.doesNotMatch(JSON.stringify(fromUrl), /Sup3r|app|kyudai/);
    const json = JSON.stringify({
      username: 'app',
      password: 'Sup3r-S3cret',
      engine: 'aurora-mysql',
      host: 'Writer.Example',
      port: 3306,
      dbname: 'k',
    });
    const fromJson = urlFromSecretText('DATABASE_URL', json);
    assert.equal(fromJson?.url.host, 'writer.example');
    assert.equal(fromJson?.url.port, 3306);
    assert.equal(fromJson?.url.engine, 'mysql');
    assert.doesNotMatch(JSON.stringify(fromJson), /Sup3r/);
    assert.equal(urlFromSecretText('DATABASE_URL', 'not a url'), undefined);
    assert.equal(urlFromSecretText('DATABASE_URL', JSON.stringify({ url: 'mysql://u:p@h/db' }), 'url')?.url.host, 'h');
  });

  it('splits a JSON key off a secret reference', () => {
    assert.deepEqual(splitSecretArn(ARN), { secretId: ARN });
    assert.deepEqual(splitSecretArn(`${ARN}:url::`), { secretId: ARN, jsonKey: 'url' });
  });
});

describe('values read from RuntimeEnvironmentSecrets are known to the masker', () => {
  it("readSecretDatabaseUrls hands the caller the value, its URL password and a JSON secret's password to mask", async () => {
    const texts: Record<string, string> = {
      url: 'postgres://app:rtes-url-pw9@db.internal:5432/app',
      rds: JSON.stringify({ username: 'app', password: 'rtes-json-pw7', host: 'db.internal', port: 5432 }),
    };
    const clients = {
      secretsManager: {
        send: async (command: { input: { SecretId: string } }) => ({
          SecretString: texts[command.input.SecretId.endsWith('url-AbCdEf') ? 'url' : 'rds'],
        }),
      },
      ssm: { send: async () => ({}) },
    } as unknown as Parameters<typeof readSecretDatabaseUrls>[0];
    const known: string[] = [];
    await readSecretDatabaseUrls(
      clients,
      [
        {
          name: 'DATABASE_URL',
          store: 'secretsmanager',
          valueFrom: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:url-AbCdEf',
        },
        {
          name: 'DB_SECRET',
          store: 'secretsmanager',
          valueFrom: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:rds-AbCdEf',
        },
      ],
      (values) => known.push(...values),
    );
    // A log line that quotes the passwords with nothing shape-like around them.
    const line = 'retrying with rtes-url-pw9 then rtes-json-pw7 for app';
    assert.equal(maskSecrets(line, known), 'retrying with *** then *** for app');
  });
});
