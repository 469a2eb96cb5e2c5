import assert from 'node:assert/strict';
import { mapAdaptive } from '../../src/aws/load/pool';
import { AdaptiveConcurrency, throttleBackoffMs } from '../../src/model/common/adaptiveConcurrency';

class Throttled extends Error {
  override name = 'ThrottlingException';
}
const isThrottle = (e: unknown): boolean => e instanceof Throttled;

describe('AdaptiveConcurrency: fewer calls in flight while AWS throttles, more again when clean', () => {
  it('starts at the configured maximum and halves on a throttle, down to one', () => {
    const c = new AdaptiveConcurrency({ max: 8 });
    assert.equal(c.limit, 8);
    for (const expected of [4, 2, 1, 1]) {
      c.throttled(c.ticket());
      assert.equal(c.limit, expected);
    }
  });

  it('halves once for a burst of throttles from calls that were already in flight', () => {
    const c = new AdaptiveConcurrency({ max: 8 });
    const tickets = [c.ticket(), c.ticket(), c.ticket(), c.ticket()];
    for (const t of tickets) c.throttled(t);
    assert.equal(c.limit, 4);
  });

  it('grows by one after a run of clean answers as long as the limit, never above the maximum', () => {
    const c = new AdaptiveConcurrency({ max: 5 });
    c.throttled(c.ticket());
    assert.equal(c.limit, 2);
    c.succeeded();
    assert.equal(c.limit, 2, 'one clean answer is not a run');
    c.succeeded();
    assert.equal(c.limit, 3);
    for (let i = 0; i < 100; i++) c.succeeded();
    assert.equal(c.limit, 5);
  });

  it('a throttle between clean answers starts the run again', () => {
    const c = new AdaptiveConcurrency({ max: 4, growAfter: 3 });
    c.throttled(c.ticket());
    c.succeeded();
    c.succeeded();
    c.throttled(c.ticket());
    assert.equal(c.limit, 1);
    c.succeeded();
    c.succeeded();
    assert.equal(c.limit, 1);
    c.succeeded();
    assert.equal(c.limit, 2);
  });

  it('waits longer after each throttle of the same call, with jitter, capped', () => {
    assert.equal(
      throttleBackoffMs(1, () => 0),
      50,
    );
    assert.equal(
      throttleBackoffMs(1, () => 1),
      100,
    );
    assert.equal(
      throttleBackoffMs(3, () => 1),
      400,
    );
    assert.equal(
      throttleBackoffMs(30, () => 1),
      5_000,
    );
  });
});

describe('mapAdaptive: the pool DescribeService runs in', () => {
  /** A fake API: throttles the calls listed, records how many were in flight at once. */
  function fakeApi(throttleCalls: Set<number>) {
    let inFlight = 0;
    let calls = 0;
    const peaks: number[] = [];
    const fn = async (item: number): Promise<number> => {
      const call = ++calls;
      inFlight++;
      peaks.push(inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      if (throttleCalls.has(call)) throw new Throttled('Rate exceeded');
      return item * 10;
    };
    return { fn, peaks, calls: () => calls };
  }

  it('returns every result in the items order, trying throttled items again', async () => {
    const api = fakeApi(new Set([2, 3, 7, 11, 12, 13]));
    const items = Array.from({ length: 40 }, (_, i) => i);
    const out = await mapAdaptive(items, new AdaptiveConcurrency({ max: 5 }), api.fn, {
      isThrottle,
      backoffMs: () => 0,
    });
    assert.deepEqual(
      out,
      items.map((i) => i * 10),
    );
    assert.equal(api.calls(), 40 + 6, 'each throttled call was made once more');
  });

  it('has fewer calls in flight after throttles, and grows back to the maximum when clean', async () => {
    const api = fakeApi(new Set([1, 2, 3, 4, 5]));
    const control = new AdaptiveConcurrency({ max: 4 });
    const items = Array.from({ length: 60 }, (_, i) => i);
    await mapAdaptive(items, control, api.fn, { isThrottle, backoffMs: () => 0 });
    assert.equal(Math.max(...api.peaks.slice(0, 4)), 4, 'starts at the maximum');
    assert.ok(Math.min(...api.peaks.slice(4, 12)) <= 2, `backed off: ${api.peaks.slice(4, 12).join(',')}`);
    assert.equal(control.limit, 4, 'grew back');
    assert.equal(Math.max(...api.peaks.slice(-8)), 4);
  });

  it('rejects on an error that is not throttling, and on a throttle past its retries', async () => {
    const boom = async (): Promise<number> => {
      throw new Error('AccessDenied');
    };
    await assert.rejects(
      mapAdaptive([1, 2], new AdaptiveConcurrency({ max: 2 }), boom, { isThrottle, backoffMs: () => 0 }),
      /AccessDenied/,
    );
    const always = async (): Promise<number> => {
      throw new Throttled('Rate exceeded');
    };
    await assert.rejects(
      mapAdaptive([1], new AdaptiveConcurrency({ max: 2 }), always, { isThrottle, maxRetries: 3, backoffMs: () => 0 }),
      /Rate exceeded/,
    );
  });

  it('does not grow on answers that needed the SDK retries, nor halve on them', async () => {
    const control = new AdaptiveConcurrency({ max: 4 });
    control.throttled(control.ticket());
    const items = Array.from({ length: 20 }, (_, i) => i);
    await mapAdaptive(items, control, async (i) => ({ i, retried: true }), { isThrottle, congested: (r) => r.retried });
    assert.equal(control.limit, 2);
    await mapAdaptive(items, control, async (i) => ({ i, retried: false }), {
      isThrottle,
      congested: (r) => r.retried,
    });
    assert.equal(control.limit, 4);
  });

  it('answers an empty list at once', async () => {
    assert.deepEqual(await mapAdaptive([], new AdaptiveConcurrency({ max: 3 }), async () => 1, { isThrottle }), []);
  });
});
