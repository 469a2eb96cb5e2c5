// The one door to the AWS SDK bundle (clients, topology loader, live checks, the engine). The build maps
// '../backend' to the sibling dist/backend.js and leaves it external, so nothing SDK-related is parsed until
// the first AWS call. Pure analyses come through loadAnalysis() (analysisLoader.ts) instead.
import type * as AwsSdk from '../backend';

let loaded: typeof AwsSdk | undefined;

export type AwsSdkModule = typeof AwsSdk;

export function loadAwsSdk(): AwsSdkModule {
  loaded ??= require('../backend') as AwsSdkModule;
  return loaded;
}

/** True when the SDK bundle is in Node's module cache (checked by tests and by activate's own report). */
export function isAwsSdkInRequireCache(): boolean {
  return Object.keys(require.cache).some((path) => /[\\/](dist[\\/]backend|out[\\/]src[\\/]backend)\.js$/.test(path));
}
