// Public surface of the apprunner.yaml model: parse + validate, key lookup for hovers, and the constants
// views and tests share.
export { parseApprunnerYaml } from './parse';
export { keyPathAt, formatKeyPath, type KeyPath, type KeyPathInfo } from './keyPath';
export { keyDocFor, KEY_DOCS, type KeyDoc } from './keyDocs';
export { classifySecretReference } from './secretReference';
export { parsePort, portInCommand } from './port';
export {
  RUNTIMES,
  REVISED_BUILD_RUNTIMES,
  END_OF_SUPPORT_RUNTIMES,
  isRuntime,
  suggestRuntime,
  type RuntimeName,
} from './runtimes';
export * from './keys';
export * from './types';
