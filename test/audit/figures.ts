// The audit's figures: what the other layers' reports add up to, written to audit-results.json at the end of
// `npm run test:audit` (same shape as reliability-results.json: a figure nothing measured stays null).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = ['iamPolicyMatches', 'iamCallsNotAllowed', 'secretsInHostLogs', 'webviewCspViolations'] as const;

export type AuditFigure = (typeof NAMES)[number];

const values = Object.fromEntries(NAMES.map((n) => [n, null])) as Record<AuditFigure, number | null>;
const samples = Object.fromEntries(NAMES.map((n) => [n, 0])) as Record<AuditFigure, number>;

/** Sets a figure measured over `sampleCount` samples. */
export function setFigure(name: AuditFigure, value: number, sampleCount: number): void {
  values[name] = value;
  samples[name] = sampleCount;
}

const RESULTS = path.resolve(__dirname, '..', '..', '..', 'audit-results.json');

export const mochaHooks = {
  afterAll(): void {
    writeFileSync(RESULTS, `${JSON.stringify({ ...values, samples }, null, 2)}\n`);
    console.log('\n  Audit figures (audit-results.json)                  value   samples');
    for (const name of NAMES)
      console.log(`    ${name.padEnd(40)} ${String(values[name]).padStart(8)} ${String(samples[name]).padStart(8)}`);
  },
};
