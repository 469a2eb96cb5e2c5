import type { ExtensionServices } from '../services';

/** What this feature offers to tests and to other features. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the feature lands
export interface SetupApi {}

export function registerSetup(_services: ExtensionServices): SetupApi {
  return {};
}
