// Shared between the bench orchestrator (Node) and its extension-host half: where results go.
export const BENCH_TARGETS_ENV = 'APPRUNNER_VPC_BENCH_TARGETS';
export const BENCH_OUT_ENV = 'APPRUNNER_VPC_BENCH_OUT';

export interface BenchTarget {
  n: number;
  endpoint: string;
  adminUrl: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
