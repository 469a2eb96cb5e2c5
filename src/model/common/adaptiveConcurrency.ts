// How many calls of one kind may be in flight when the service pushes back (App Runner answers
// ThrottlingException when an account calls too fast): halve on throttling, grow by one after a run of clean
// answers, never above the configured maximum nor below one. Additive increase, multiplicative decrease, as
// TCP does for the same reason (docs/performance.md, "The tree at scale").

export interface AdaptiveConcurrencyOptions {
  /** The configured concurrency: where it starts, and the most it grows back to. */
  max: number;
  /** Clean answers in a row before one more call may be in flight (default: the current limit). */
  growAfter?: number;
}

export class AdaptiveConcurrency {
  private current: number;
  private cleanInARow = 0;
  /** Counts the decreases: a call started before the last one cannot lower the limit again. */
  private epoch = 0;

  constructor(private readonly options: AdaptiveConcurrencyOptions) {
    this.current = Math.max(1, Math.floor(options.max));
  }

  get limit(): number {
    return this.current;
  }

  /** Taken when a call starts and handed back with its outcome. */
  ticket(): number {
    return this.epoch;
  }

  /** A call that was throttled: the limit halves, once per burst of throttles from calls already in flight. */
  throttled(ticket: number): void {
    this.cleanInARow = 0;
    if (ticket !== this.epoch) return;
    this.epoch++;
    this.current = Math.max(1, Math.floor(this.current / 2));
  }

  /**
   * A call that was answered, but only after the SDK tried it again (AWS pushed back and the SDK's backoff
   * absorbed it): not clean, so the limit does not grow; not lowered either, since the SDK already slowed.
   */
  retried(): void {
    this.cleanInARow = 0;
  }

  /** A call answered without being throttled. */
  succeeded(): void {
    const max = Math.max(1, Math.floor(this.options.max));
    if (this.current >= max) return;
    this.cleanInARow++;
    if (this.cleanInARow >= (this.options.growAfter ?? this.current)) {
      this.current++;
      this.cleanInARow = 0;
    }
  }
}

/** The wait before retrying a call that was throttled `attempt` times: exponential, capped, full jitter. */
export function throttleBackoffMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 100,
  capMs = 5_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
