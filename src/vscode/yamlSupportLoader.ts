// The door to the apprunner.yaml parser bundle; the build maps '../yamlSupport' to the sibling
// dist/yamlSupport.js, so the `yaml` package is not parsed at activation.
import type * as YamlSupport from '../yamlSupport';

let loaded: typeof YamlSupport | undefined;

export function loadYamlSupport(): typeof YamlSupport {
  loaded ??= require('../yamlSupport') as typeof YamlSupport;
  return loaded;
}
