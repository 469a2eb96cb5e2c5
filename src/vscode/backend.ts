// The one door to the SDK bundle. The build maps '../backend' to the sibling dist/backend.js and leaves it
// external, so nothing SDK-related is parsed until the first AWS call.
import type * as Backend from '../backend';

let loaded: typeof Backend | undefined;

export type BackendModule = typeof Backend;

export function loadBackend(): BackendModule {
  loaded ??= require('../backend') as BackendModule;
  return loaded;
}

/** True when the SDK bundle is in Node's module cache (checked by tests and by activate's own report). */
export function isBackendInRequireCache(): boolean {
  return Object.keys(require.cache).some((path) => /[\\/](dist[\\/]backend|out[\\/]src[\\/]backend)\.js$/.test(path));
}
