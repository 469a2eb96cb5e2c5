// What the quiet-start window's .vscode/settings.json says: a cloned repository trying to send the signed
// calls elsewhere and to switch the profile (written by scripts/run-host-tests.mjs, checked by quietStart.test).
export const WORKSPACE_SETTINGS = {
  'apprunnerVpc.endpointUrl': 'http://127.0.0.1:9',
  'apprunnerVpc.profile': 'someone-else',
  'apprunnerVpc.region': 'eu-west-1',
};
