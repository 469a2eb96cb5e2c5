// The run section: runtime-version, pre-run, command, network, env and secrets, with the checks that need
// more than one key (pre-run vs runtime, the command's port vs network.port, names across env and secrets).
import type { Pair } from 'yaml';
import type { ValidationContext } from './context';
import { checkEnvNames, readEnvList, readSecretList } from './envLists';
import { NETWORK_KEYS, RUN_KEYS } from './keys';
import { messages } from './messages';
import { checkPlainSecrets } from './plainSecrets';
import { deref, expectMap, knownPairs, readCommands, readText, requirePair } from './nodes';
import { parsePort, portInCommand } from './port';
import { isRuntime, REVISED_BUILD_RUNTIMES } from './runtimes';
import { DEFAULT_PORT, type RunNetwork, type RunSection } from './types';

const RUNTIME_VERSION = /^\d+(\.\d+){0,2}$/;

export function readRunSection(
  ctx: ValidationContext,
  runPair: Pair,
  runtime: string | undefined,
): RunSection | undefined {
  const map = expectMap(ctx, deref(ctx, runPair.value), 'run', runPair);
  if (!map) return undefined;
  const pairs = knownPairs(ctx, map, 'run', RUN_KEYS);
  const section: RunSection = { range: ctx.rangeOf(map), preRun: [], env: [], secrets: [] };

  const versionPair = pairs.get('runtime-version');
  if (versionPair) {
    section.runtimeVersion = readText(ctx, versionPair, 'run.runtime-version');
    const version = section.runtimeVersion;
    if (version && !RUNTIME_VERSION.test(version.value)) {
      ctx.report(
        'invalid-runtime-version',
        'error',
        messages.invalidRuntimeVersion(version.value),
        version.range,
        'run.runtime-version',
      );
    }
  }

  const preRunPair = pairs.get('pre-run');
  section.preRun = readCommands(ctx, preRunPair, 'run.pre-run');
  // Only judge pre-run against a runtime we know; an unknown runtime is already its own error.
  if (preRunPair && runtime && isRuntime(runtime) && !REVISED_BUILD_RUNTIMES.includes(runtime)) {
    ctx.report(
      'pre-run-not-supported',
      'error',
      messages.preRunNotSupported(runtime, REVISED_BUILD_RUNTIMES),
      preRunPair,
      'run.pre-run',
    );
  }

  const commandPair = requirePair(ctx, pairs, 'command', 'run', runPair);
  if (commandPair) section.command = readText(ctx, commandPair, 'run.command');

  const networkPair = pairs.get('network');
  const network = networkPair ? readNetwork(ctx, networkPair) : undefined;
  if (network) section.network = network.values;

  section.env = readEnvList(ctx, pairs.get('env'), 'run.env');
  section.secrets = readSecretList(ctx, pairs.get('secrets'), 'run.secrets');
  checkPlainSecrets(ctx, section.env, 'run.env');
  // The port variable, env and secrets all land in the same process environment.
  checkEnvNames(ctx, [
    ...(section.network?.portEnv ? [{ name: section.network.portEnv, path: 'run.network.env' }] : []),
    ...section.env.map((entry, index) => ({ name: entry.name, path: `run.env[${index}].name` })),
    ...section.secrets.map((entry, index) => ({ name: entry.name, path: `run.secrets[${index}].name` })),
  ]);

  checkCommandPort(ctx, section, network?.portWritten ?? false);
  return section;
}

function readNetwork(
  ctx: ValidationContext,
  networkPair: Pair,
): { values: RunNetwork; portWritten: boolean } | undefined {
  const map = expectMap(ctx, deref(ctx, networkPair.value), 'run.network', networkPair);
  if (!map) return undefined;
  const pairs = knownPairs(ctx, map, 'run.network', NETWORK_KEYS);
  const network: RunNetwork = {};
  const portPair = pairs.get('port');
  if (portPair) {
    const text = readText(ctx, portPair, 'run.network.port', { expected: 'port' });
    if (text) {
      const port = parsePort(text.value);
      if (port === undefined)
        ctx.report('invalid-port', 'error', messages.invalidPort(text.value), text.range, 'run.network.port');
      else network.port = { value: port, range: text.range };
    }
  }
  const envPair = pairs.get('env');
  if (envPair) network.portEnv = readText(ctx, envPair, 'run.network.env');
  return { values: network, portWritten: portPair !== undefined };
}

/** A start command that binds a literal port other than the one App Runner forwards to never gets traffic. */
function checkCommandPort(ctx: ValidationContext, section: RunSection, portWritten: boolean): void {
  const command = section.command;
  if (!command) return;
  const commandPort = portInCommand(command.value);
  if (commandPort === undefined) return;
  const declared = section.network?.port?.value;
  // A port that failed validation is already reported; do not guess what was meant.
  if (declared === undefined && portWritten) return;
  const networkPort = declared ?? DEFAULT_PORT;
  if (commandPort !== networkPort) {
    ctx.report(
      'port-mismatch-command',
      'warning',
      messages.portMismatchCommand(commandPort, networkPort, declared === undefined),
      command.range,
      'run.command',
    );
  }
}
