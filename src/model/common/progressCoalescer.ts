// How often a load's progress reaches the views. Every published snapshot is drawn by every listener (the tree
// asks for every row again), so one publish per service's details costs N draws of N rows: quadratic in the
// region's size. Coalesced, a load publishes at most once per interval, however many services it reads
// (docs/performance.md, "The tree at scale").

/** The interval between progress publishes for a region of `services` services: longer for larger regions, whose draws cost more. */
export function progressIntervalMs(services: number): number {
  return Math.min(2_000, 250 + Math.round(Math.max(0, services) * 0.2));
}

/**
 * Decides when pending progress is published: at once when the last publish is an interval old, else after
 * the rest of the interval (the caller keeps one timer for it). Time is given, never read, so tests drive it.
 */
export class ProgressCoalescer {
  private lastPublishAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  /** Milliseconds to wait before publishing progress that arrived at `now`; 0: publish now. */
  delayFor(now: number): number {
    return Math.max(0, this.lastPublishAt + this.intervalMs - now);
  }

  published(now: number): void {
    this.lastPublishAt = now;
  }
}
