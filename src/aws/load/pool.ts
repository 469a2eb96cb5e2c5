// Run an async function over items with at most `limit` in flight (DescribeService per service), so a large
// account neither serialises nor floods the API; mapAdaptive also lowers that limit while AWS throttles.
import { AdaptiveConcurrency, throttleBackoffMs } from '../../model/common/adaptiveConcurrency';

export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker()));
  return results;
}

export interface AdaptiveOptions<R> {
  /** True for an error that says "slow down" (the call is tried again later, with fewer calls in flight). */
  isThrottle(error: unknown): boolean;
  /** True for an answer that came only after the SDK's own retries: not a clean answer (the limit does not grow). */
  congested?(result: R): boolean;
  /** Times one item is tried again after a throttle that outlasted the SDK's retries (default 8). */
  maxRetries?: number;
  /** The wait before such a retry (default: exponential from 100 ms, capped at 5 s, with jitter). */
  backoffMs?(attempt: number): number;
}

/**
 * Like mapBounded, in the items' order, with as many in flight as `control` allows at the moment: a throttled
 * call halves it and goes back to the front of the queue after a pause; clean answers grow it back. An error
 * that is not throttling (or a throttle past `maxRetries`) rejects, as mapBounded does.
 */
export function mapAdaptive<T, R>(
  items: readonly T[],
  control: AdaptiveConcurrency,
  fn: (item: T, index: number) => Promise<R>,
  options: AdaptiveOptions<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const queue = items.map((_, i) => i);
  const retries = new Array<number>(items.length).fill(0);
  let inFlight = 0;
  let done = 0;
  let failed = false;
  return new Promise<R[]>((resolve, reject) => {
    const fail = (error: unknown): void => {
      failed = true;
      reject(error);
    };
    const pump = (): void => {
      if (failed) return;
      if (done === items.length) return resolve(results);
      while (inFlight < control.limit && queue.length > 0) {
        const index = queue.shift() as number;
        const ticket = control.ticket();
        inFlight++;
        Promise.resolve()
          .then(() => fn(items[index], index))
          .then(
            (result) => {
              inFlight--;
              results[index] = result;
              done++;
              if (options.congested?.(result)) control.retried();
              else control.succeeded();
              pump();
            },
            (error: unknown) => {
              inFlight--;
              if (failed) return;
              if (!options.isThrottle(error) || retries[index] >= (options.maxRetries ?? 8)) return fail(error);
              control.throttled(ticket);
              retries[index]++;
              const wait = options.backoffMs?.(retries[index]) ?? throttleBackoffMs(retries[index]);
              setTimeout(() => {
                queue.unshift(index);
                pump();
              }, wait);
            },
          );
      }
    };
    pump();
  });
}

/** All items of a paginated SDK listing. */
export async function collectPages<P, I>(pages: AsyncIterable<P>, itemsOf: (page: P) => I[] | undefined): Promise<I[]> {
  const out: I[] = [];
  for await (const page of pages) out.push(...(itemsOf(page) ?? []));
  return out;
}

export function unique<T>(values: Iterable<T | undefined>): T[] {
  return [...new Set([...values].filter((v): v is T => v !== undefined))];
}

export function tagMap(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

export function iso(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}
