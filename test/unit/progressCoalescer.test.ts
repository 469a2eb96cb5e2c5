import assert from 'node:assert/strict';
import { ProgressCoalescer, progressIntervalMs } from '../../src/model/common/progressCoalescer';
import { treeOrder } from '../../src/model/topology/serviceOrder';

describe('ProgressCoalescer: a load publishes its progress in batches', () => {
  it('publishes at once when the last publish is an interval old, else after the rest of the interval', () => {
    const c = new ProgressCoalescer(250);
    assert.equal(c.delayFor(1_000), 0, 'the first progress is published at once');
    c.published(1_000);
    assert.equal(c.delayFor(1_010), 240);
    assert.equal(c.delayFor(1_250), 0);
  });

  it('bounds the publishes of N services by the duration, not by N', () => {
    // 5,000 services answering every 2 ms (a fast account): a publish per answer would be 5,000.
    const interval = progressIntervalMs(5_000);
    const c = new ProgressCoalescer(interval);
    let publishes = 0;
    let timerAt: number | undefined;
    for (let now = 0; now < 10_000; now += 2) {
      if (timerAt !== undefined && now >= timerAt) {
        c.published(timerAt);
        publishes++;
        timerAt = undefined;
      }
      if (timerAt !== undefined) continue;
      const wait = c.delayFor(now);
      if (wait === 0) {
        c.published(now);
        publishes++;
      } else timerAt = now + wait;
    }
    assert.ok(publishes <= Math.ceil(10_000 / interval) + 1, `${publishes} publishes`);
    assert.ok(publishes >= 5, `${publishes} publishes`);
  });

  it('waits longer between publishes in larger regions (their draws cost more), at most 2 s', () => {
    assert.ok(progressIntervalMs(20) < progressIntervalMs(1_000));
    assert.ok(progressIntervalMs(1_000) < progressIntervalMs(5_000));
    assert.equal(progressIntervalMs(100_000), 2_000);
  });
});

describe('treeOrder: details are read in the order the tree lists the services', () => {
  it('gives the indices by name, as the tree sorts them', () => {
    const services = [{ name: 'web-b' }, { name: 'api' }, { name: 'web-a' }, { name: 'Zeta' }];
    assert.deepEqual(
      treeOrder(services).map((i) => services[i].name),
      [...services].map((s) => s.name).sort((a, b) => a.localeCompare(b)),
    );
  });
});
