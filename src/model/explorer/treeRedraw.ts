// How often the tree is redrawn while a load streams in. Every redraw makes VS Code build a tree node for every
// row, and VS Code 1.100's extension host keeps a small record of every tree node it ever built
// (ExtHostTreeView registers each node's DisposableStore on the view, and disposing the node does not remove
// it): at 5,000 services a redraw per published batch kept about 150 MB more after every load
// (docs/performance.md, "At 1,000 and 5,000 services"). So redraws during a load are spaced by the number of
// rows, which keeps the redraws per load about the same at any size; the first rows and a finished load are
// drawn at once.

/** The least time between two redraws of a tree of `rows` rows while a load streams in. */
export function treeRedrawIntervalMs(rows: number): number {
  return Math.min(5_000, 250 + Math.max(0, Math.round(rows)));
}

/**
 * Milliseconds to wait before redrawing for a change that arrived at `now`, the last redraw having been at
 * `lastRedrawAt`; 0: redraw now. A finished load (`loading` false) is never held back.
 */
export function redrawDelayMs(lastRedrawAt: number, now: number, rows: number, loading: boolean): number {
  if (!loading) return 0;
  return Math.max(0, lastRedrawAt + treeRedrawIntervalMs(rows) - now);
}
