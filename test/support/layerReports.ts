// What one test layer measured for a later one (npm test runs unit, sandbox, host, e2e, reliability, then the
// audit): JSON files under test-results/. The audit (test/audit) turns them into figures, and a report that is
// missing or older than the build it should describe is an error there, never a silent skip.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT } from './sourceFiles';

export const REPORTS_DIR = path.join(SOURCE_ROOT, 'test-results');

/** The reports the layers write. */
export type LayerReportName =
  | 'host-secrets' // the host runner's scan of every log the VS Code host wrote
  | 'aws-operations-sandbox' // the tool's AWS calls the sandbox counted during the sandbox layer
  | 'aws-operations-host' // ... during the host layer
  | 'aws-operations-reliability' // ... during the reliability layer
  | 'host-secrets-quiet' // the same two for the quiet-start window
  | 'aws-operations-host-quiet'
  | 'host-secrets-current' // the same four for the host layer on the current VS Code (APPRUNNER_VPC_VSCODE=current)
  | 'aws-operations-host-current'
  | 'host-secrets-quiet-current'
  | 'aws-operations-host-quiet-current'
  | 'e2e-csp'; // Content Security Policy violations the browser reported in webviews during the e2e layer

export function reportPath(name: LayerReportName): string {
  return path.join(REPORTS_DIR, `${name}.json`);
}

export function writeLayerReport(name: LayerReportName, value: object): void {
  mkdirSync(REPORTS_DIR, { recursive: true });
  writeFileSync(reportPath(name), `${JSON.stringify({ writtenAt: new Date().toISOString(), ...value }, null, 2)}\n`);
}

/** One shard's part of a report (`<name>.shard-<shard>.json`); scripts/test.mjs merges the parts into the report. */
export function writeShardReport(name: LayerReportName, shard: string, value: object): void {
  mkdirSync(REPORTS_DIR, { recursive: true });
  writeFileSync(path.join(REPORTS_DIR, `${name}.shard-${shard}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

// What a layer runs: the bundle (host, e2e) and the compiled sources (sandbox). A report older than any of them
// describes an earlier build.
const BUILD_OUTPUTS = ['dist/extension.js', 'dist/cli.js', 'out/src/aws/clients.js'];

/** Which layer writes a report, for the error message. */
const WRITTEN_BY: Record<LayerReportName, string> = {
  'host-secrets': 'npm run test:host',
  'aws-operations-sandbox': 'npm run test:sandbox',
  'aws-operations-host': 'npm run test:host',
  'aws-operations-reliability': 'npm run test:reliability',
  'host-secrets-quiet': 'npm run test:host',
  'aws-operations-host-quiet': 'npm run test:host',
  'host-secrets-current': 'npm run test:host:current',
  'aws-operations-host-current': 'npm run test:host:current',
  'host-secrets-quiet-current': 'npm run test:host:current',
  'aws-operations-host-quiet-current': 'npm run test:host:current',
  'e2e-csp': 'npm run test:e2e',
};

/** The report, or an Error saying why it cannot be used (missing, or older than the current build). */
export function readFreshLayerReport<T>(name: LayerReportName): T {
  const file = reportPath(name);
  const rerun = `run "${WRITTEN_BY[name]}" after the build (npm test runs the layers in order)`;
  if (!existsSync(file)) throw new Error(`${path.relative(SOURCE_ROOT, file)} is missing: ${rerun}`);
  const writtenMs = statSync(file).mtimeMs;
  for (const output of BUILD_OUTPUTS) {
    const full = path.join(SOURCE_ROOT, output);
    if (existsSync(full) && statSync(full).mtimeMs > writtenMs) {
      throw new Error(
        `${path.relative(SOURCE_ROOT, file)} is older than ${output}, so it describes an earlier build: ${rerun}`,
      );
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
