// The build section: build.commands.{pre-build,build,post-build} and build.env.
import type { Pair } from 'yaml';
import type { ValidationContext } from './context';
import { checkEnvNames, readEnvList } from './envLists';
import { BUILD_COMMAND_KEYS, BUILD_KEYS } from './keys';
import { checkPlainSecrets } from './plainSecrets';
import { deref, expectMap, knownPairs, readCommands, requirePair } from './nodes';
import type { BuildSection } from './types';

export function readBuildSection(ctx: ValidationContext, buildPair: Pair): BuildSection | undefined {
  const map = expectMap(ctx, deref(ctx, buildPair.value), 'build', buildPair);
  if (!map) return undefined;
  const pairs = knownPairs(ctx, map, 'build', BUILD_KEYS);
  const section: BuildSection = { range: ctx.rangeOf(map), preBuild: [], build: [], postBuild: [], env: [] };

  const commandsPair = requirePair(ctx, pairs, 'commands', 'build', buildPair);
  if (commandsPair) {
    const commands = expectMap(ctx, deref(ctx, commandsPair.value), 'build.commands', commandsPair);
    if (commands) {
      const phases = knownPairs(ctx, commands, 'build.commands', BUILD_COMMAND_KEYS);
      requirePair(ctx, phases, 'build', 'build.commands', commandsPair);
      section.preBuild = readCommands(ctx, phases.get('pre-build'), 'build.commands.pre-build');
      section.build = readCommands(ctx, phases.get('build'), 'build.commands.build');
      section.postBuild = readCommands(ctx, phases.get('post-build'), 'build.commands.post-build');
    }
  }

  section.env = readEnvList(ctx, pairs.get('env'), 'build.env');
  checkPlainSecrets(ctx, section.env, 'build.env');
  checkEnvNames(
    ctx,
    section.env.map((entry, index) => ({ name: entry.name, path: `build.env[${index}].name` })),
  );
  return section;
}
