import assert from 'node:assert/strict';
import { databaseUrlsIn, parseDatabaseUrl } from '../../src/model/topology/databaseUrl';

describe('parseDatabaseUrl', () => {
  it('reads host, port and database from a postgres URL', () => {
    const u = parseDatabaseUrl(
      'postgresql://app:pw@kyudai-db.abc.ap-northeast-1.rds.amazonaws.com:5433/kyudai?sslmode=require',
    );
    assert.deepEqual(u, {
      engine: 'postgres',
      scheme: 'postgresql',
      host: 'kyudai-db.abc.ap-northeast-1.rds.amazonaws.com',
      port: 5433,
      explicitPort: true,
      database: 'kyudai',
      user: 'app',
    });
  });

  it('defaults the port by scheme', () => {
    assert.equal(parseDatabaseUrl('postgres://db.example/x')?.port, 5432);
    assert.equal(parseDatabaseUrl('mysql://db.example/x')?.port, 3306);
    assert.equal(parseDatabaseUrl('mysql://db.example/x')?.explicitPort, false);
  });

  it('accepts driver suffixes, jdbc prefixes, quotes and upper-case hosts', () => {
    assert.equal(parseDatabaseUrl('postgresql+asyncpg://u:p@DB.Example:6543/app')?.host, 'db.example');
    assert.equal(parseDatabaseUrl('  "mysql+pymysql://u@h:3307/app"  ')?.port, 3307);
    assert.equal(parseDatabaseUrl('jdbc:postgresql://h.example:5432/app')?.host, 'h.example');
  });

  it('survives passwords containing @, / and :', () => {
    const u = parseDatabaseUrl('postgresql://app:p@ss/w:rd@db.internal:5432/app');
    assert.equal(u?.host, 'db.internal');
    assert.equal(u?.user, 'app');
    assert.ok(!JSON.stringify(u).includes('rd'), 'no password in the result');
  });

  it('reads bracketed IPv6 hosts', () => {
    assert.equal(parseDatabaseUrl('postgres://[2001:db8::5]:5432/x')?.host, '2001:db8::5');
  });

  it('returns undefined for junk and for other schemes', () => {
    for (const bad of [
      undefined,
      '',
      'not a url',
      'https://example.com',
      'postgres://',
      'postgres://h:99999/x',
      'postgres://:5432/x',
      'redis://h:6379',
    ]) {
      assert.equal(parseDatabaseUrl(bad), undefined, String(bad));
    }
  });
});

describe('databaseUrlsIn', () => {
  it('puts DATABASE_URL first and finds other *_URL variables with a database scheme', () => {
    const found = databaseUrlsIn({
      API_URL: 'https://api.example.com',
      REPLICA_URL: 'postgres://replica.example:5432/app',
      DATABASE_URL: 'postgres://primary.example/app',
      ANALYTICS_DSN: 'mysql://an.example/x',
      PLAIN: 'postgres://ignored.example/x',
    });
    assert.deepEqual(
      found.map((f) => [f.name, f.url.host]),
      [
        ['DATABASE_URL', 'primary.example'],
        ['ANALYTICS_DSN', 'an.example'],
        ['REPLICA_URL', 'replica.example'],
      ],
    );
  });

  it('is empty without an environment', () => {
    assert.deepEqual(databaseUrlsIn(undefined), []);
  });
});
