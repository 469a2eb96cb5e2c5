// Errors the engine raises itself (not from AWS): a conflict found on re-read, a failed deployment, a
// timeout, a failed health check. They carry a kind and a bilingual one-line message.
import type { Localized } from '../model/common/awsError';
import type { ApplyErrorKind } from './applyTypes';

export class StepError extends Error {
  /** `code`: a machine-readable reason the UI acts on (db-health-missing offers the snippet). */
  constructor(
    readonly kind: ApplyErrorKind,
    readonly localized: Localized,
    readonly code?: string,
  ) {
    super(localized.en);
    this.name = 'StepError';
  }
}

/** The AWS error code of an SDK error (EC2 puts the code in `name`, e.g. InvalidPermission.Duplicate). */
export function awsErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: string; Code?: string; code?: string };
  return e.Code ?? e.code ?? e.name;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
