import assert from 'node:assert/strict';
import { redrawDelayMs, treeRedrawIntervalMs } from '../../src/model/explorer/treeRedraw';

describe('tree redraws while a load streams in', () => {
  it('spaces redraws by the number of rows, up to 5 s', () => {
    assert.equal(treeRedrawIntervalMs(20), 270);
    assert.equal(treeRedrawIntervalMs(1000), 1250);
    assert.equal(treeRedrawIntervalMs(5000), 5000);
    assert.equal(treeRedrawIntervalMs(50_000), 5000);
  });

  it('redraws the first batch at once, holds the next ones for the rest of the interval, never a finished load', () => {
    const never = Number.NEGATIVE_INFINITY;
    assert.equal(redrawDelayMs(never, 1000, 5000, true), 0, 'the first rows of a load');
    assert.equal(redrawDelayMs(1000, 2000, 5000, true), 4000, 'a batch 1 s after the last redraw');
    assert.equal(redrawDelayMs(1000, 6000, 5000, true), 0, 'a batch an interval later');
    assert.equal(redrawDelayMs(1000, 1001, 5000, false), 0, 'the finished load');
  });

  it('redraws a 5,000-service load of 140 s with batches every 1.25 s about 28 times, not 112', () => {
    let last = Number.NEGATIVE_INFINITY;
    let pendingUntil: number | undefined;
    let redraws = 0;
    for (let t = 0; t <= 140_000; t += 1250) {
      if (pendingUntil !== undefined && pendingUntil <= t) {
        last = pendingUntil;
        pendingUntil = undefined;
        redraws++;
      }
      const wait = redrawDelayMs(last, t, 5000, true);
      if (wait === 0) {
        last = t;
        redraws++;
      } else pendingUntil ??= t + wait;
    }
    assert.ok(redraws >= 27 && redraws <= 30, `${redraws} redraws`);
  });
});
