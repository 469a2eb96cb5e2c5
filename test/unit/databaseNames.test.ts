// Every way a service names its database (docs/real-accounts.md, "How the database is found"): the pure
// reading of each, and the plan's choice between two databases in one region.
import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { hostPortVariablesIn, hostOfValue } from '../../src/model/topology/hostPortVariables';
import {
  readingOfSecretText,
  secretUrlReferences,
  serviceDatabaseUrls,
  splitSecretArn,
} from '../../src/model/topology/secretUrls';
import type { Topology } from '../../src/model/topology/topology';
import { beforeSetup, IDS, service } from './fixtures/topologyBuilder';

const BILLING = { id: 'billing-db', endpoint: 'billing-db.abc123.ap-northeast-1.rds.amazonaws.com', sg: 'sg-billing' };
const SECRET = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:billing/db-credentials-AbCdEf';

/** The runbook world plus a second database (MySQL-free: another PostgreSQL instance with its own group). */
function twoDatabases(environment: Record<string, string>, secrets: Record<string, string> = {}): Topology {
  const t = beforeSetup();
  t.securityGroups.push({
    id: BILLING.sg,
    name: 'billing-db-sg',
    description: 'billing',
    vpcId: IDS.vpc,
    tags: {},
    rules: [],
  });
  t.dbInstances.push({
    id: BILLING.id,
    engine: 'postgres',
    status: 'available',
    endpointAddress: BILLING.endpoint,
    port: 5433,
    vpcId: IDS.vpc,
    securityGroupIds: [BILLING.sg],
    subnetIds: [IDS.dbA, IDS.dbC],
  });
  const s = service(t);
  if (s.source) {
    s.source.environment = environment;
    s.source.secrets = secrets;
  }
  return t;
}

function plan(t: Topology, choices: Parameters<typeof resolveDesired>[2] = {}) {
  return resolveDesired(t, { ...DEFAULT_SETUP_SETTINGS, serviceName: 'kyudai-api' }, choices);
}

describe('host and port variables (libpq, split pairs)', () => {
  it('reads PGHOST with PGPORT as libpq does, and PGHOSTADDR', () => {
    const [pg] = hostPortVariablesIn({ PGHOST: BILLING.endpoint.toUpperCase(), PGPORT: '5433', PGUSER: 'app' });
    assert.deepEqual(pg, {
      name: 'PGHOST',
      url: { engine: 'postgres', scheme: 'postgresql', host: BILLING.endpoint, port: 5433, explicitPort: true },
      form: 'libpq',
      portVariable: 'PGPORT',
    });
    const [addr] = hostPortVariablesIn({ PGHOSTADDR: '10.0.11.25' });
    assert.deepEqual([addr.url.host, addr.url.port, addr.url.explicitPort], ['10.0.11.25', 5432, false]);
  });

  it('pairs <PREFIX>_HOST with <PREFIX>_PORT; MYSQL_ means MySQL; a host:port value carries its port', () => {
    const found = hostPortVariablesIn({
      ZETA_HOST: 'zeta.internal',
      MYSQL_HOST: 'my.internal',
      DB_HOST: 'db.internal',
      DB_PORT: '6432',
      DATABASE_HOST: 'other.internal:5439',
      REDIS_PORT: '6379',
    });
    assert.deepEqual(
      found.map((v) => [v.name, v.url.engine, v.url.host, v.url.port, v.portVariable ?? '-']),
      [
        ['DB_HOST', 'postgres', 'db.internal', 6432, 'DB_PORT'],
        ['DATABASE_HOST', 'postgres', 'other.internal', 5439, '-'],
        ['MYSQL_HOST', 'mysql', 'my.internal', 3306, '-'],
        ['ZETA_HOST', 'postgres', 'zeta.internal', 5432, '-'],
      ],
    );
    assert.equal(found.find((v) => v.name === 'ZETA_HOST')?.url.explicitPort, false);
  });

  it('skips what is no network host: a Unix socket directory, an empty value, a URL, a bad port', () => {
    assert.deepEqual(hostPortVariablesIn({ PGHOST: '/var/run/postgresql', DB_HOST: '', API_HOST: 'https://x/y' }), []);
    assert.equal(hostOfValue('db.internal:99999'), undefined);
    assert.deepEqual(hostOfValue(' "a.internal,b.internal" '), { host: 'a.internal' });
  });
});

describe('secrets that say where the database is', () => {
  it('splits a JSON-key reference with its version stage and version id', () => {
    assert.deepEqual(splitSecretArn(`${SECRET}:host:AWSPREVIOUS:`), {
      secretId: SECRET,
      jsonKey: 'host',
      versionStage: 'AWSPREVIOUS',
    });
    assert.deepEqual(splitSecretArn(`${SECRET}:port::0123-abcd`), {
      secretId: SECRET,
      jsonKey: 'port',
      versionId: '0123-abcd',
    });
    assert.deepEqual(splitSecretArn(SECRET), { secretId: SECRET });
  });

  it('offers the location keys and the URL, host and port variables; never a password or user key', () => {
    const t = twoDatabases(
      {},
      {
        DB_HOST: `${SECRET}:host::`,
        DB_PORT: `${SECRET}:port::`,
        DB_PASSWORD: `${SECRET}:password::`,
        DB_USER: `${SECRET}:username::`,
        DB_NAME_ID: `${SECRET}:dbInstanceIdentifier::`,
        DB_CREDENTIALS: SECRET,
        PGPASSWORD: SECRET,
        STRIPE_KEY: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:stripe-AbCdEf',
        PGHOST: 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/billing/pghost',
      },
    );
    assert.deepEqual(
      secretUrlReferences(service(t)).map((r) => `${r.name}:${r.store}`),
      [
        'DB_CREDENTIALS:secretsmanager',
        'DB_HOST:secretsmanager',
        'DB_NAME_ID:secretsmanager',
        'DB_PORT:secretsmanager',
        'PGHOST:ssm',
      ],
    );
  });

  it('keeps only the host, port and identifier of a JSON database secret (RDS and CDK shapes)', () => {
    const cdk = JSON.stringify({
      username: 'app',
      password: 'Pa55-w0rd-never-shown',
      engine: 'postgres',
      host: BILLING.endpoint,
      port: 5433,
      dbname: 'billing',
      dbInstanceIdentifier: BILLING.id,
    });
    assert.deepEqual(readingOfSecretText('DB_HOST', cdk, 'host'), { field: BILLING.endpoint });
    assert.deepEqual(readingOfSecretText('DB_PORT', cdk, 'port'), { field: '5433' });
    assert.deepEqual(readingOfSecretText('DB_ID', cdk, 'dbInstanceIdentifier'), { field: BILLING.id });
    const whole = readingOfSecretText('DB_CREDENTIALS', cdk);
    assert.deepEqual(whole, {
      url: {
        name: 'DB_CREDENTIALS',
        form: 'json',
        identifier: BILLING.id,
        url: { engine: 'postgres', scheme: 'postgresql', host: BILLING.endpoint, port: 5433, explicitPort: true },
      },
    });
    assert.ok(!JSON.stringify(whole).includes('Pa55'), 'no password in the reading');
    assert.equal(readingOfSecretText('DB_HOST', cdk, 'password'), undefined);
    assert.equal(readingOfSecretText('PGHOST', 'not a host name!'), undefined);
    const aurora = JSON.stringify({ engine: 'aurora', host: 'c.cluster-x.rds.amazonaws.com', port: 3306 });
    assert.equal((readingOfSecretText('DB', aurora) as { url: { url: { engine: string } } }).url.url.engine, 'mysql');
  });

  it('merges host and port read from secrets with plain ones, saying where each came from', () => {
    const t = twoDatabases({ DB_PORT: '5433' }, { DB_HOST: `${SECRET}:host::` });
    const urls = serviceDatabaseUrls(service(t), { urls: [], fields: { DB_HOST: BILLING.endpoint }, errors: {} });
    assert.deepEqual(
      urls.map((u) => [u.name, u.source, u.form, u.url.host, u.url.port, u.portVariable]),
      [['DB_HOST', 'secret', 'split', BILLING.endpoint, 5433, 'DB_PORT']],
    );
  });
});

describe('the plan picks the named database among two', () => {
  it('PGHOST/PGPORT in plain variables', () => {
    const r = plan(twoDatabases({ PGHOST: BILLING.endpoint, PGPORT: '5433' }));
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.desired.dbInstanceId, BILLING.id);
    assert.equal(r.desired.dbSecurityGroupId, BILLING.sg);
    assert.deepEqual(r.desired.dbNamedBy, {
      by: 'variable',
      variable: 'PGHOST',
      source: 'environment',
      form: 'libpq',
      portVariable: 'PGPORT',
      host: BILLING.endpoint,
      port: 5433,
    });
  });

  it('DB_HOST given key by key from a JSON secret (read with consent)', () => {
    const t = twoDatabases({}, { DB_HOST: `${SECRET}:host::`, DB_PORT: `${SECRET}:port::` });
    const r = plan(t, { secretUrls: { urls: [], fields: { DB_HOST: BILLING.endpoint, DB_PORT: '5433' }, errors: {} } });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.desired.dbSecurityGroupId, BILLING.sg);
    assert.deepEqual([r.desired.dbNamedBy?.variable, r.desired.dbNamedBy?.source], ['DB_HOST', 'secret']);
  });

  it('a JSON secret whose host is no endpoint we know still names the database by its identifier', () => {
    const t = twoDatabases({}, { DB_CREDENTIALS: SECRET });
    const r = plan(t, {
      secretUrls: {
        urls: [
          {
            name: 'DB_CREDENTIALS',
            form: 'json',
            identifier: BILLING.id,
            url: { engine: 'postgres', scheme: 'postgresql', host: 'old.example', port: 5433, explicitPort: true },
          },
        ],
        errors: {},
      },
    });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual([r.desired.dbInstanceId, r.desired.dbNamedBy?.by], [BILLING.id, 'identifier']);
  });

  it('still ambiguous: the error lists the candidates and every variable read with why none matched', () => {
    const t = twoDatabases(
      { PGHOST: 'db.internal.example', DATABASE_URL: 'postgresql://u:p@old.example/x' },
      {
        DB_HOST: `${SECRET}:host::`,
      },
    );
    const r = plan(t);
    assert.ok(!r.ok);
    assert.equal(r.issues[0].code, 'db-ambiguous');
    const text = r.issues[0].message.en;
    assert.match(text, /Choose the database .*2 found in ap-northeast-1/);
    assert.match(text, new RegExp(`- DB instance kyudai-db: postgres, ${IDS.endpoint}:5432, vpc-1`));
    assert.match(text, new RegExp(`- DB instance billing-db: postgres, ${BILLING.endpoint}:5433, vpc-1`));
    assert.match(text, /- DATABASE_URL \(a plain variable\) names old\.example:5432, which is no endpoint/);
    assert.match(text, /- PGHOST \(a plain variable\) names db\.internal\.example:5432, which is no endpoint/);
    assert.match(text, /- DB_HOST is held in a secret that was not read \(--read-secrets/);
    assert.ok(!text.includes(':p@'), 'no URL credentials in the message');
    assert.match(r.issues[0].message.ja, /billing-db/);
  });
});
