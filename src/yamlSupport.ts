// The apprunner.yaml parser and its docs, in their own lazily required bundle (dist/yamlSupport.js): the
// `yaml` package is large, and only people who open an apprunner.yaml need it.
export { keyDocFor, keyPathAt, parseApprunnerYaml } from './model/apprunnerYaml';
