// The results protocol between a mocha run inside the VS Code extension host and the terminal runner:
// JSON lines appended to a file whose path travels in the environment. The host process exits 0 even when
// run() rejects, so pass/fail is taken from these lines only.
export type ResultEvent =
  | { event: 'start'; total: number }
  | { event: 'pass'; title: string; durationMs?: number }
  | { event: 'fail'; title: string; error: string }
  | { event: 'pending'; title: string }
  | { event: 'end'; passes: number; failures: number; pending: number };

export const RESULTS_FILE_ENV = 'APPRUNNER_VPC_TEST_RESULTS';
