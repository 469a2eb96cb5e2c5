// Short hover documentation for every key the App Runner configuration file defines, in English and
// Japanese. Written for this extension from the App Runner configuration file reference.
import { formatKeyPath, type KeyPath } from './keyPath';
import type { Localized } from './types';
import { msg } from '../l10n/text';

export interface KeyDoc {
  /** The documented key, with `[]` for list items: `run.env[].name`. */
  key: string;
  doc: Localized;
}

export const KEY_DOCS: Readonly<Record<string, Localized>> = {
  version: msg('Required. The configuration file format version; App Runner documents only `1.0`.'),
  runtime: msg(
    'Required. The managed runtime that builds and runs the code, named <language><major version>: python311, nodejs22, corretto11, go1 and so on.',
  ),
  build: msg('Required. The build stage: commands to build the application and variables they see.'),
  'build.commands': msg('Required. Build commands by phase: pre-build, build (required) and post-build.'),
  'build.commands.pre-build': msg('Optional. Commands run before the build, for example installing system packages.'),
  'build.commands.build': msg(
    'Required. Commands that build the application, for example `pip install -r requirements.txt` or `npm ci`.',
  ),
  'build.commands.post-build': msg('Optional. Commands run after the build, for example tests or packaging.'),
  'build.env': msg('Optional. Environment variables for the build commands only, as a list of name/value pairs.'),
  'build.env[].name': msg('The variable name.'),
  'build.env[].value': msg('The variable value (a string).'),
  run: msg('Required. The run stage: how App Runner starts the application and what it sees at run time.'),
  'run.runtime-version': msg(
    'Optional. Pins the runtime to a version (major[.minor[.patch]], e.g. 3.11.9) instead of the latest.',
  ),
  'run.pre-run': msg(
    'Optional, revised-build runtimes only (python311, nodejs18, nodejs22). Commands run in the run image before the start command.',
  ),
  'run.command': msg(
    'Required. The command that starts the web application; it must listen on run.network.port (default 8080).',
  ),
  'run.network': msg('Optional. The port the application listens on and the variable that tells it that port.'),
  'run.network.port': msg('Optional. The port App Runner sends requests to (1-65535, default 8080).'),
  'run.network.env': msg(
    'Optional. The name of an environment variable App Runner sets to the port, for code that reads its port from the environment.',
  ),
  'run.env': msg(
    'Optional. Environment variables of the running service, as name/value pairs. Keep passwords in run.secrets instead.',
  ),
  'run.env[].name': msg('The variable name; names starting with AWSAPPRUNNER are reserved.'),
  'run.env[].value': msg('The variable value (a string); visible to anyone who can read the service configuration.'),
  'run.secrets': msg(
    'Optional. Environment variables filled from Secrets Manager or SSM Parameter Store at start; the instance role needs read access.',
  ),
  'run.secrets[].name': msg('The environment variable name the secret is exposed as.'),
  'run.secrets[].value-from': msg(
    'The full ARN of a Secrets Manager secret or an SSM parameter; a bare parameter name works for a parameter in the same region.',
  ),
};

/** The documentation for a key path (list indexes ignored); on a list item, its list's documentation. */
export function keyDocFor(path: KeyPath): KeyDoc | undefined {
  let key = formatKeyPath(path).replace(/\[\d+\]/g, '[]');
  for (;;) {
    const doc = KEY_DOCS[key];
    if (doc) return { key, doc };
    if (!key.endsWith('[]')) return undefined;
    key = key.slice(0, -2);
  }
}
