import assert from 'node:assert/strict';
import { healthBodySummary, HEALTH_SUMMARY_CHARS } from '../../src/model/diagnosis/liveChecks';
import { isSecretName, MASK, maskSecrets, maskSecretsDeep, secretValuesOf } from '../../src/model/common/secretMask';
import { processSecretValues, snapshotSecretValues } from '../../src/model/topology/secretValues';
import { MASKING_CORPUS } from '../support/maskingCorpus';

describe('maskSecrets: the one masking function', () => {
  it("has a corpus of at least 120 strings, half of them in real frameworks' log formats", () => {
    assert.ok(MASKING_CORPUS.length >= 120, `${MASKING_CORPUS.length} strings`);
    const framed = MASKING_CORPUS.filter((c) => c.framework);
    assert.ok(framed.length * 2 >= MASKING_CORPUS.length, `${framed.length} of ${MASKING_CORPUS.length}`);
    for (const framework of ['Express', 'FastAPI', 'Spring', 'Go database/sql', 'Rails'])
      assert.ok(framed.filter((c) => c.framework === framework).length >= 10, framework);
  });

  it('masks a password whole in every quoting form (no partial leak)', () => {
    const forms: [string, string][] = [
      ['{"password":"ab\\"cdef"}', '{"password":"***"}'],
      ["{'password': 'ab\\'cdef'}", "{'password': '***'}"],
      ['{\\"password\\":\\"ab\\\\\\"cdef\\"}', '{\\"password\\":\\"***\\"}'],
      ['password=my secret phrase', 'password=***'],
      ['password: "ab \\" cdef"', 'password: "***"'],
      ['DB_PASSWORD="my secret" ./run', 'DB_PASSWORD="***" ./run'],
      ["DB_PASSWORD='my secret' ./run", "DB_PASSWORD='***' ./run"],
      ['{"password":"cut-off-by-the-log', '{"password":"***'],
      ['{"user"=>"bob", "password"=>"ruby pw"}', '{"user"=>"bob", "password"=>"***"}'],
    ];
    for (const [input, expected] of forms) assert.equal(maskSecrets(input), expected, input);
  });

  it('masks 1,000 known values, each wherever it appears, a longer one whole', () => {
    const values = Array.from({ length: 1000 }, (_, i) => `known-${i.toString(36)}-${(i * 7919).toString(16)}`);
    const text = values
      .filter((_, i) => i % 50 === 0)
      .map((v, i) => `line ${i}: ${v} and ${JSON.stringify({ v })} and ${encodeURIComponent(v + '/x')}`)
      .join('\n');
    const out = maskSecrets(text, values);
    for (const v of values.filter((_, i) => i % 50 === 0)) assert.ok(!out.includes(v), v);
    assert.ok(out.includes('line 0: ***'));
    // A value that contains another is masked whole (longest first).
    assert.equal(maskSecrets('x abcdefgh y', ['abcd', 'abcdefgh']), 'x *** y');
  });

  for (const [i, c] of MASKING_CORPUS.entries()) {
    it(`corpus #${i + 1}: ${JSON.stringify(c.input).slice(0, 70)}`, () => {
      const out = maskSecrets(c.input, c.extra);
      for (const secret of c.secrets)
        assert.ok(!out.includes(secret), `"${secret}" survived in ${JSON.stringify(out)}`);
      for (const kept of c.keep ?? []) assert.ok(out.includes(kept), `"${kept}" was lost from ${JSON.stringify(out)}`);
      if (c.secrets.length > 0) assert.ok(out.includes(MASK), `no mask in ${JSON.stringify(out)}`);
      else assert.equal(out, c.input);
    });
  }

  it('keeps a Secrets Manager ARN whole: its resource type "secret:" is no key, the ARN names the secret', () => {
    const arn = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:kyudai-db-url-AbCdEf';
    assert.equal(maskSecrets(`DATABASE_URL comes from ${arn}; read it`), `DATABASE_URL comes from ${arn}; read it`);
    assert.equal(maskSecrets(`{"secret":"s3cr3t-value"} ${arn}`), `{"secret":"***"} ${arn}`);
  });

  it('masks URL userinfo up to the last @ before the host, keeping user and host', () => {
    assert.equal(maskSecrets('postgres://user:p@ss@h/db'), 'postgres://user:***@h/db');
    assert.equal(maskSecrets('postgres://u:ab/cd@h'), 'postgres://u:***@h');
    assert.equal(maskSecrets('postgres://:secretpw@h'), 'postgres://:***@h');
  });

  it('keeps JSON parseable when it masks a serialized document', () => {
    const doc = JSON.stringify(
      { body: '{"password":"hunter22"}', url: 'postgres://u:p\\w@h', note: 'password=abc\\', list: ['token=x1y2z3'] },
      null,
      2,
    );
    const out = maskSecrets(doc);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    assert.doesNotMatch(out, /hunter22|x1y2z3|p\\\\w/);
    assert.equal(parsed.body, '{"password":"***"}');
  });

  it('is idempotent: masking masked text changes nothing', () => {
    for (const c of MASKING_CORPUS) {
      const once = maskSecrets(c.input, c.extra);
      assert.equal(maskSecrets(once, c.extra), once);
    }
  });

  it('masks values by value only when long enough not to blank the text', () => {
    assert.equal(maskSecrets('a b c', ['a']), 'a b c');
    assert.equal(maskSecrets('value abcd here', ['abcd']), `value ${MASK} here`);
  });

  it('tells secret names from names that only point at a secret', () => {
    for (const name of [
      'PGPASSWORD',
      'MYSQL_PWD',
      'DB_PASSWORD',
      'password',
      'client_secret',
      'API_KEY',
      'apiKey',
      'access_token',
      'SessionToken',
      'SecretAccessKey',
      'aws_secret_access_key',
      'JWT_SECRET',
      // Plurals hold the values too.
      'credentials',
      'secrets',
      'tokens',
      'DB_PASS',
      'dbPass',
      'pass',
    ])
      assert.equal(isSecretName(name), true, name);
    for (const name of [
      'SecretArn',
      'secret_id',
      'SECRET_NAME',
      'tokenType',
      'PORT',
      'DATABASE_HOST',
      'secretsInLogs',
      'bypass',
      'passage',
      'COMPASS',
      'Passport',
    ])
      assert.equal(isSecretName(name), false, name);
  });

  it('picks the environment values whose names look secret', () => {
    assert.deepEqual(secretValuesOf({ DB_PASSWORD: 'pw-1', PORT: '8080', API_TOKEN: 'tk-2', EMPTY_SECRET: '' }), [
      'pw-1',
      'tk-2',
    ]);
  });

  it('masks deep values and values under secret keys, keeping ARNs', () => {
    const out = maskSecretsDeep({
      a: ['password=zz99zz'],
      nested: { dbPassword: 'plain', SecretArn: 'arn:aws:secretsmanager:x', n: 5 },
    });
    assert.deepEqual(out, {
      a: ['password=***'],
      nested: { dbPassword: MASK, SecretArn: 'arn:aws:secretsmanager:x', n: 5 },
    });
  });
});

describe('health summaries and service secrets (the engine health step)', () => {
  it('reduces a JSON body to the runbook fields, masked, and never more than a short line', () => {
    const body = JSON.stringify({
      status: 'unhealthy',
      error: 'connect postgres://app:hunter22@db:5432/x failed',
      config: { DB_PASSWORD: 'hunter22', API_TOKEN: 'tok-123456' },
      padding: 'x'.repeat(2000),
    });
    const line = healthBodySummary(503, body, ['tok-123456']);
    assert.match(
      line,
      /^HTTP 503 \{"status":"unhealthy","error":"connect postgres:\/\/app:\*\*\*@db:5432\/x failed"\}$/,
    );
    assert.doesNotMatch(line, /hunter22|tok-123456|padding/);
    assert.ok(healthBodySummary(200, 'x'.repeat(5000)).length <= HEALTH_SUMMARY_CHARS);
    assert.equal(
      healthBodySummary(200, '{"status":"healthy","database":"connected"}'),
      'HTTP 200 {"status":"healthy","database":"connected"}',
    );
    assert.equal(
      healthBodySummary(502, '<html>password=abc123 Bad Gateway</html>'),
      // The words after a bare password may be more of it ("password=my secret phrase"): masked with it.
      'HTTP 502 <html>password=***</html>',
    );
  });

  it("takes the secret values of the services' environments and the passwords of their URLs", () => {
    const services = [
      { source: { environment: { DATABASE_URL: 'postgresql://app:p%40ss@db/x', DB_PASSWORD: 'pw-9', PORT: '8000' } } },
    ];
    assert.deepEqual(snapshotSecretValues({ services } as never).sort(), ['p@ss', 'pw-9']);
    assert.deepEqual(
      processSecretValues({
        AWS_ACCESS_KEY_ID: 'AKIAX',
        AWS_SECRET_ACCESS_KEY: 'sk',
        GITHUB_TOKEN: 'gh',
        HOME: '/root',
      }).sort(),
      ['AKIAX', 'gh', 'sk'],
    );
  });
});
