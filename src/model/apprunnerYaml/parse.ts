// Entry point: apprunner.yaml text -> typed configuration with ranges + problems. Never throws: whatever
// the input, the editor gets problems it can show.
import { isMap, parseDocument } from 'yaml';
import { readBuildSection } from './buildSection';
import { ValidationContext } from './context';
import { SUPPORTED_VERSION, TOP_KEYS } from './keys';
import { messages } from './messages';
import { deref, describeNode, isEmpty, knownPairs, readText, requirePair } from './nodes';
import { readRunSection } from './runSection';
import { END_OF_SUPPORT_RUNTIMES, isRuntime, RUNTIMES, suggestRuntime } from './runtimes';
import type { ApprunnerConfig, ParseResult, TextRange } from './types';
import { reportYamlDiagnostics } from './yamlErrors';
import { msg } from '../l10n/text';

export function parseApprunnerYaml(text: string): ParseResult {
  const ctx = new ValidationContext(text);
  const config: ApprunnerConfig = {};
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    ctx.doc = doc;
    reportYamlDiagnostics(ctx, doc);
    readTop(ctx, config);
    // With broken syntax the tree is the parser's best guess: keep the model for the views, but show only
    // the syntax problems, because "missing key" or "unknown key" there is noise caused by the break.
    if (doc.errors.length > 0) {
      const kept = ctx.problems.filter((p) => p.code.startsWith('yaml-'));
      ctx.problems.splice(0, ctx.problems.length, ...kept);
    }
  } catch (error) {
    // The yaml package is not expected to throw on any input; if it ever does, say so instead of crashing.
    const detail = error instanceof Error ? error.message : String(error);
    ctx.report('yaml-syntax', 'error', msg('The file could not be read as YAML: {0}.', detail), undefined);
  }
  return { config, problems: ctx.sortedProblems() };
}

function readTop(ctx: ValidationContext, config: ApprunnerConfig): void {
  const root = deref(ctx, ctx.doc?.contents);
  if (isEmpty(root)) {
    ctx.report('empty-file', 'error', messages.emptyFile(), undefined);
    return;
  }
  if (!isMap(root)) {
    ctx.report('wrong-type', 'error', messages.rootNotMapping(describeNode(root)), root);
    return;
  }
  const map = root;
  const pairs = knownPairs(ctx, map, '', TOP_KEYS);
  // Missing top-level keys have no place of their own: they go on the first line of YAML.
  const top = ctx.firstLineRange();

  const versionPair = requirePair(ctx, pairs, 'version', '', top);
  if (versionPair) {
    config.version = readText(ctx, versionPair, 'version');
    if (config.version && config.version.value !== SUPPORTED_VERSION) {
      ctx.report(
        'unsupported-version',
        'error',
        messages.unsupportedVersion(config.version.value),
        config.version.range,
        'version',
      );
    }
  }

  const runtimePair = requirePair(ctx, pairs, 'runtime', '', top);
  if (runtimePair) {
    config.runtime = readText(ctx, runtimePair, 'runtime');
    const runtime = config.runtime;
    if (runtime) checkRuntime(ctx, runtime.value, runtime.range);
  }

  const buildPair = requirePair(ctx, pairs, 'build', '', top);
  if (buildPair) config.build = readBuildSection(ctx, buildPair);

  const runPair = requirePair(ctx, pairs, 'run', '', top);
  if (runPair) config.run = readRunSection(ctx, runPair, config.runtime?.value);
}

function checkRuntime(ctx: ValidationContext, name: string, range: TextRange): void {
  if (!isRuntime(name)) {
    ctx.report(
      'unknown-runtime',
      'error',
      messages.unknownRuntime(name, RUNTIMES, suggestRuntime(name)),
      range,
      'runtime',
    );
  } else if (END_OF_SUPPORT_RUNTIMES.includes(name)) {
    ctx.report('runtime-end-of-support', 'warning', messages.runtimeEndOfSupport(name), range, 'runtime');
  }
}
