// docs/real-accounts.md's per-seed table is what the real CLI does on every seed now: built again here (each seed
// reset once: diagnose, plan, apply --yes, diagnose; the pass iac-parity.test.ts reads too, seedPass.ts) and
// compared with the committed file. When it fails,
// the tool's behaviour on a seed changed: read the difference, then run `node scripts/seed-table.mjs`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedTableOfPasses, tableIn } from '../support/seedTable';
import { getSandbox } from './support';

describe('docs/real-accounts.md: the per-seed table is current', function () {
  this.timeout(30 * 60_000);
  after(async function () {
    this.timeout(120_000);
    await getSandbox().reset('runbook');
  });
  it('matches what the CLI does on every seed now', async () => {
    const committed = tableIn(readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'real-accounts.md'), 'utf8'));
    assert.ok(committed, 'docs/real-accounts.md has the seed-table markers');
    assert.ok(committed.split('\n').length > 6, 'the committed table has rows');
    assert.equal(
      await seedTableOfPasses(),
      committed,
      'the table is stale: run node scripts/seed-table.mjs and review the difference',
    );
  });
});
