// The one door to the analysis bundle: the pure model code the views run over a snapshot (diagram, lenses,
// diagnosis, checklist, fixes, plans). The build maps '../analysis' to the sibling dist/analysis.js and leaves it
// external, so the main bundle stays small and activate() parses none of it; it holds no AWS SDK code, so a
// view over a snapshot does not load the SDK either.
import type * as Analysis from '../analysis';

let loaded: typeof Analysis | undefined;

export type AnalysisModule = typeof Analysis;

export function loadAnalysis(): AnalysisModule {
  loaded ??= require('../analysis') as AnalysisModule;
  return loaded;
}

/** True when the analysis bundle is in Node's module cache (activate's own report). */
export function isAnalysisInRequireCache(): boolean {
  return Object.keys(require.cache).some((path) => /[\\/](dist[\\/]analysis|out[\\/]src[\\/]analysis)\.js$/.test(path));
}
