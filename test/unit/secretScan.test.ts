// The reliability layer's scan (test/support/secretScan.ts) must see the secret shapes the product reads:
// a JSON database secret's password (RDS's and the CDK's), whole or quoted inside another JSON text.
import assert from 'node:assert/strict';
import { findSecrets } from '../support/secretScan';

describe('secret scan: JSON database secrets', () => {
  it("finds a JSON secret's password, plain or escaped inside a string", () => {
    const secret = JSON.stringify({ username: 'ledger', password: 'Pw0a1b2c3d', host: 'db.example', port: 5432 });
    assert.deepEqual(
      findSecrets(secret).map((h) => h.what),
      ['password in a JSON secret'],
    );
    assert.equal(findSecrets(JSON.stringify({ error: `bad value ${secret}` })).length, 1);
  });

  it('leaves masks and the other fields alone', () => {
    assert.deepEqual(findSecrets('{"password":"***","host":"db.example"}'), []);
    assert.deepEqual(findSecrets('{"password": "<redacted>"}'), []);
    assert.deepEqual(findSecrets('{"host":"db.example","port":5432,"dbInstanceIdentifier":"ledger-db"}'), []);
  });
});
