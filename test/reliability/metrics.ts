// The reliability figures: collected by the suite's tests, printed as a
// table and written to reliability-results.json at the end of the run. Every figure says how many samples it
// rests on ("samples": {figure: N}); a figure nothing measured (its test was skipped, filtered out, or failed
// before it recorded) stays null, never 0. A test records a figure only once it has measured it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = [
  'faultRuns',
  'faultRunsConverged',
  'faultRunsEngineRecovered',
  // Timeouts and killed processes are their own figures (faultRunFigures.ts): the engine reported neither a
  // killed run's step nor anything about a call whose answer never came in time.
  'faultRunsTimeoutRecovered',
  'faultRunsKillRecovered',
  'duplicatesFound',
  'throttledSetupSucceeded',
  'badInputsTried',
  'badInputsClearError',
  'badInputsCreatedSomething',
  'concurrentSetupsDuplicates',
  'secretsInLogs',
  'widenedAccess',
  // masking.test.ts: masking corpus strings tried and secrets that survived maskSecrets; hostile
  // names tried in the exported script and commands that ran because of them.
  'maskingCorpus',
  'maskingLeaks',
  'hostileNamesTried',
  'scriptInjections',
  // Security review, second pass: writes docs/iam-policy.json grants on "*" without a condition (safety.test.ts);
  // hostile AWS values that reached a Markdown document unescaped, and terminal control characters that reached
  // the CLI's text output (masking.test.ts).
  'policyWildcardWrites',
  'markdownInjections',
  'terminalControlsPassed',
] as const;

export type MetricName = (typeof NAMES)[number];

const values = Object.fromEntries(NAMES.map((n) => [n, null])) as Record<MetricName, number | null>;
const samples = Object.fromEntries(NAMES.map((n) => [n, 0])) as Record<MetricName, number>;

/** Per fault kind: runs, first runs that stopped where the fault was, re-runs that converged. */
export interface KindFigures {
  runs: number;
  stoppedAtFaultedStep: number;
  engineRecovered: number;
  converged: number;
}
const byKind: Record<string, KindFigures> = {};

/** Adds `value` measured over `sampleCount` samples (one run, one scanned text, one tried input...). */
export function add(name: MetricName, value = 1, sampleCount = 1): void {
  values[name] = (values[name] ?? 0) + value;
  samples[name] += sampleCount;
}

/** Sets a figure that is one judgement over `sampleCount` samples (e.g. the policy check over N operations). */
export function set(name: MetricName, value: number, sampleCount: number): void {
  values[name] = value;
  samples[name] = sampleCount;
}

export function addFaultRunByKind(
  kind: string,
  run: { stoppedAtFaultedStep: boolean; engineRecovered: boolean; converged: boolean },
): void {
  const k = (byKind[kind] ??= { runs: 0, stoppedAtFaultedStep: 0, engineRecovered: 0, converged: 0 });
  k.runs++;
  if (run.stoppedAtFaultedStep) k.stoppedAtFaultedStep++;
  if (run.engineRecovered) k.engineRecovered++;
  if (run.converged) k.converged++;
}

/** What reliability-results.json holds: the flat figures (null when unmeasured), faultRunsByKind, and samples. */
export function results(): Record<string, unknown> {
  const kindRuns = Object.values(byKind).reduce((n, k) => n + k.runs, 0);
  return {
    ...values,
    faultRunsByKind: kindRuns > 0 ? byKind : null,
    samples: { ...samples, faultRunsByKind: kindRuns },
  };
}

const RESULTS = path.resolve(__dirname, '..', '..', '..', 'reliability-results.json');

export const mochaHooks = {
  afterAll(): void {
    const out = results();
    writeFileSync(RESULTS, `${JSON.stringify(out, null, 2)}\n`);
    console.log('\n  Reliability figures (reliability-results.json)      value   samples');
    for (const name of NAMES)
      console.log(`    ${name.padEnd(40)} ${String(values[name]).padStart(8)} ${String(samples[name]).padStart(8)}`);
    for (const [kind, k] of Object.entries(byKind)) {
      console.log(
        `    faultRunsByKind ${kind.padEnd(18)} ${k.runs} runs, ${k.stoppedAtFaultedStep} stopped at the faulted step, ${k.engineRecovered} engine recovered, ${k.converged} converged`,
      );
    }
  },
};
