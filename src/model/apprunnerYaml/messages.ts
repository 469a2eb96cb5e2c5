// Every user-facing sentence of the validator, in English and Japanese, in one place so wording stays
// consistent and translators find it.
import type { Localized } from './types';
import { msg } from '../l10n/text';

export type ExpectedType = 'mapping' | 'list' | 'list-of-strings' | 'string' | 'port';

const typeNames: Record<ExpectedType, Localized> = {
  mapping: msg('a mapping (key: value)'),
  list: msg('a list'),
  'list-of-strings': msg('a list of command strings'),
  string: msg('a string'),
  port: msg('a port number'),
};

export const messages = {
  emptyFile: (): Localized => msg('The file is empty; App Runner needs at least version, runtime, build and run.'),
  rootNotMapping: (got: Localized): Localized =>
    msg('The file must be a mapping of keys (version, runtime, build, run), not {0}.', got),
  wrongType: (path: string, expected: ExpectedType, got: Localized): Localized =>
    msg('"{0}" must be {1}, not {2}.', path, typeNames[expected], got),
  commandIsMapping: (path: string): Localized =>
    msg('"{0}" is read as a mapping because of an unquoted ": "; quote the whole command.', path),
  missingKey: (path: string): Localized => msg('Required key "{0}" is missing.', path),
  emptyValue: (path: string): Localized => msg('"{0}" has no value.', path),
  unknownKey: (key: string, parentPath: string, known: readonly string[]): Localized =>
    parentPath === ''
      ? msg(
          'Unknown key "{0}" in the top level; App Runner ignores or rejects it (known keys: {1}).',
          key,
          known.join(', '),
        )
      : msg(
          'Unknown key "{0}" in "{1}"; App Runner ignores or rejects it (known keys: {2}).',
          key,
          parentPath,
          known.join(', '),
        ),
  unsupportedVersion: (got: string): Localized =>
    msg('Configuration file version "{0}" is not supported; use version: 1.0.', got),
  unknownRuntime: (got: string, known: readonly string[], suggestion?: string): Localized =>
    suggestion
      ? msg('Unknown runtime "{0}"; did you mean "{1}"? (available: {2}).', got, suggestion, known.join(', '))
      : msg('Unknown runtime "{0}" (available: {1}).', got, known.join(', ')),
  runtimeEndOfSupport: (runtime: string): Localized =>
    msg(
      'App Runner ended support for runtime "{0}" on 2025-12-01; move to a supported runtime such as python311 or nodejs22.',
      runtime,
    ),
  invalidRuntimeVersion: (got: string): Localized =>
    msg('run.runtime-version "{0}" must look like major[.minor[.patch]], for example 3.11.9.', got),
  preRunNotSupported: (runtime: string, revised: readonly string[]): Localized =>
    msg('run.pre-run works only with the revised-build runtimes ({0}), not "{1}".', revised.join(', '), runtime),
  invalidPort: (got: string): Localized => msg('Port "{0}" is not a whole number from 1 to 65535.', got),
  portMismatchCommand: (commandPort: number, networkPort: number, defaulted: boolean): Localized =>
    defaulted
      ? msg(
          'run.command listens on port {0}, but App Runner sends traffic to port {1} (the default, as run.network.port is not set).',
          commandPort,
          networkPort,
        )
      : msg('run.command listens on port {0}, but App Runner sends traffic to port {1}.', commandPort, networkPort),
  invalidEnvName: (name: string): Localized =>
    msg('"{0}" is not a usable environment variable name (letters, digits and _, not starting with a digit).', name),
  reservedEnvName: (name: string): Localized =>
    msg('Environment variable names starting with AWSAPPRUNNER are reserved by App Runner ("{0}").', name),
  duplicateEnvName: (name: string, firstPath: string): Localized =>
    msg(
      'Environment variable "{0}" is already defined at {1}; only one value will reach the application.',
      name,
      firstPath,
    ),
  plaintextSecret: (name: string): Localized =>
    msg(
      '"{0}" looks like a secret written in plain text; move it to run.secrets (Secrets Manager or SSM Parameter Store).',
      name,
    ),
  passwordInUrl: (name: string): Localized =>
    msg(
      'The URL in "{0}" contains a password in plain text; keep the password in run.secrets and only the host in the URL.',
      name,
    ),
  invalidSecretReference: (got: string): Localized =>
    msg('value-from "{0}" is not a Secrets Manager secret ARN, an SSM parameter ARN, or an SSM parameter name.', got),
  secretParameterName: (got: string): Localized =>
    msg(
      'value-from "{0}" is a parameter name, which works only for an SSM parameter in the service\'s own region; use the full ARN otherwise.',
      got,
    ),
};
