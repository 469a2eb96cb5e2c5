// docs/real-accounts.md's per-seed table is what the real CLI does on every seed now: built again here (a fresh
// sandbox per seed: diagnose, plan, apply --yes, diagnose) and compared with the committed file. When it fails,
// the tool's behaviour on a seed changed: read the difference, then run `node scripts/seed-table.mjs`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSeedTable, tableIn } from '../support/seedTable';

describe('docs/real-accounts.md: the per-seed table is current', function () {
  this.timeout(30 * 60_000);
  it('matches what the CLI does on every seed now', async () => {
    const committed = tableIn(readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'real-accounts.md'), 'utf8'));
    assert.ok(committed, 'docs/real-accounts.md has the seed-table markers');
    assert.ok(committed.split('\n').length > 6, 'the committed table has rows');
    assert.equal(
      await buildSeedTable(),
      committed,
      'the table is stale: run node scripts/seed-table.mjs and review the difference',
    );
  });
});
