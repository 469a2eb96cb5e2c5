// Every wait of the bench is bounded and says what it waited for, so a size that stalls fails with a message a
// person can act on (docs/performance.md, "Benchmark") instead of hanging the run.

export class BenchTimeout extends Error {}

/** `promise`, or a BenchTimeout naming `what` after `ms`; the timer never keeps the process alive. */
export async function withTimeout<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BenchTimeout(`bench: timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)),
      ms,
    );
    timer.unref?.();
  });
  try {
    return await Promise.race([Promise.resolve(promise), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `probe` until it answers something other than undefined, within `ms`, naming `what` on a timeout. */
export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  ms: number,
  what: string,
  pollMs = 5,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await withTimeout(Promise.resolve(probe()), Math.max(1, deadline - Date.now()), what);
    if (v !== undefined) return v;
    if (Date.now() > deadline)
      throw new BenchTimeout(`bench: timed out after ${Math.round(ms / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
