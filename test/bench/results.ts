// Shared between the bench orchestrator (Node) and its extension-host half: what a session is asked to measure,
// where its answer goes, and the shape of every figure in bench-results.json.
export const BENCH_PLAN_ENV = 'APPRUNNER_VPC_BENCH_PLAN';
export const BENCH_OUT_ENV = 'APPRUNNER_VPC_BENCH_OUT';

export interface BenchTarget {
  n: number;
  endpoint: string;
  adminUrl: string;
}

/**
 * One extension-host session: `tree` loads the tree of one size (and, when asked, under throttling and the
 * CodeLens refresh), `lens` times the first lens of a linked apprunner.yaml when the account is switched to
 * `target`, `activate` only reports activation. Every session starts on the empty lobby account.
 */
export interface HostPlan {
  mode: 'tree' | 'lens' | 'activate';
  target?: BenchTarget;
  repeats: number;
  throttled?: boolean;
  lensAfterChange?: boolean;
  /** The longest one tree load may take before the bench gives up on it. */
  loadTimeoutMs: number;
}

/** What a host session answers: samples per figure, and what went wrong (a figure left without samples). */
export interface HostAnswer {
  samples: Record<string, number[]>;
  errors: string[];
}

/** A figure of bench-results.json: the median of its samples, with the samples; null when not measured. */
export interface Figure {
  median: number;
  samples: number[];
}
export type Figures = Record<string, Figure | null>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (v: number): number => Math.round(v * 100) / 100;

/** null for no (finite) samples, so a figure that was not measured is never a number. */
export function figure(samples: readonly number[] | undefined): Figure | null {
  const finite = (samples ?? []).filter((v) => Number.isFinite(v));
  return finite.length ? { median: round(median(finite)), samples: finite.map(round) } : null;
}

/** The sizes the bench knows; APPRUNNER_VPC_BENCH_SIZES picks some of them. */
export const ALL_SIZES = [20, 200, 1000, 5000] as const;
/** The sizes at which the installed CLI is timed and its reads counted. */
export const CLI_SIZES = [20, 1000, 5000] as const;
export const DIAGRAM_SIZES = [2, 16, 64] as const;

/**
 * Where codeLensAfterChangeMs is measured: at 1,000 services, else the largest size measured below it. Never at
 * 5,000: its reloads (a minute or more each) would add as many loads as the tree's own to that session.
 */
export function lensAfterChangeSizeOf(sizes: readonly number[]): number | undefined {
  const small = sizes.filter((n) => n <= 1000);
  return small.length ? Math.max(...small) : undefined;
}

/** Every figure's name: bench-results.json holds each one, null when the run did not measure it. */
export function figureNames(manyVpcs: number): string[] {
  return [
    'mainBundleKb',
    'sdkBundleKb',
    'cliBundleKb',
    'webviewBundleKb',
    'vsixKb',
    'activateMs',
    'bundleLoadMs',
    'activateWithLoadMs',
    'sdkLoadedDuringActivate',
    ...ALL_SIZES.flatMap((n) => [
      `treeProviderFirstRowsMs_${n}`,
      `treeCompleteMs_${n}`,
      `apiCalls_${n}`,
      `cachedRefreshCalls_${n}`,
      `extHostHeapMb_${n}`,
      `extHostHeapUsedMb_${n}`,
    ]),
    'treeCompleteMs_1000_throttled',
    'codeLensFirstMs_1000',
    'codeLensAfterChangeMs',
    'codeLensWorkbenchRoundTripMs',
    ...CLI_SIZES.flatMap((n) => [`cliReads_${n}`, `cliListServicesPages_${n}`, `cliPlanMs_${n}`]),
    'cliPlanByArnMs_1000',
    'awsCliDescribeServiceMs_1000',
    'cliPlanVsAwsCliRatio_1000',
    ...DIAGRAM_SIZES.map((n) => `diagramRenderMs_${n}`),
    'networkReads_1vpc',
    `networkReads_${manyVpcs}vpc`,
  ];
}
