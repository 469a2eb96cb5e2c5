// A read of one service made for one command answers another only when it listed at least the connectors
// that command needs (src/model/topology/readSet.ts): ServiceReads reuses a cached read on that rule.
import assert from 'node:assert/strict';
import { listingCovers, type ConnectorListing } from '../../src/model/topology/readSet';

describe('readSet: which one-service read answers which command', () => {
  const all: ConnectorListing[] = ['never', 'unattached', 'always'];

  it('a read that listed the connectors answers every command; one that listed none only those that need none', () => {
    for (const wanted of all) assert.ok(listingCovers('always', wanted), `always covers ${wanted}`);
    assert.ok(listingCovers('never', 'never'));
    assert.ok(!listingCovers('never', 'unattached'));
    assert.ok(!listingCovers('never', 'always'));
    assert.ok(listingCovers('unattached', 'never'));
    assert.ok(!listingCovers('unattached', 'always'));
  });
});
