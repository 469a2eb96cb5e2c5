// The reliability figures (issue 10): collected by the suite's tests, printed as a table and written to
// reliability-results.json at the end of the run. Each test adds to the counters it measures.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const metrics = {
  faultRuns: 0,
  faultRunsConverged: 0,
  duplicatesFound: 0,
  throttledSetupSucceeded: 0,
  badInputsTried: 0,
  badInputsClearError: 0,
  badInputsCreatedSomething: 0,
  concurrentSetupsDuplicates: 0,
  secretsInLogs: 0,
  widenedAccess: 0,
  iamPolicyMatches: 0,
  webviewCspViolations: 0,
  // Issue 16 (test/reliability/masking.test.ts): strings of the masking corpus tried and secrets that survived
  // maskSecrets; hostile names tried in the exported script and commands that ran because of them.
  maskingCorpus: 0,
  maskingLeaks: 0,
  hostileNamesTried: 0,
  scriptInjections: 0,
};

export type MetricName = keyof typeof metrics;

export function add(name: MetricName, value = 1): void {
  metrics[name] += value;
}

export function set(name: MetricName, value: number): void {
  metrics[name] = value;
}

const RESULTS = path.resolve(__dirname, '..', '..', '..', 'reliability-results.json');

export const mochaHooks = {
  afterAll(): void {
    writeFileSync(RESULTS, `${JSON.stringify(metrics, null, 2)}\n`);
    console.log('\n  Reliability figures (reliability-results.json)');
    for (const [key, value] of Object.entries(metrics)) console.log(`    ${key.padEnd(28)} ${String(value).padStart(6)}`);
  },
};
