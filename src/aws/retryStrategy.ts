// The SDK's retry strategies give every retryable error the same number of attempts. A throttle is AWS asking
// the caller to slow down, not a failure: App Runner throttles bursts of calls per account, and a setup that gave
// up after five throttles in a row would leave its work half done for the user to re-run. So throttles get more
// attempts (with the SDK's own throttling backoff and, in adaptive mode, its client-side rate limiter), while
// server errors and timeouts keep the usual count, so a command against a failing endpoint still ends promptly
// (docs/performance.md, "Throttling").
import { AdaptiveRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
import type {
  RetryErrorInfo,
  RetryStrategyV2,
  RetryToken,
  StandardRetryBackoffStrategy,
  StandardRetryToken,
} from '@smithy/types';

export interface ThrottlingPatientRetryOptions {
  mode: 'standard' | 'adaptive';
  /** Attempts for any retryable error that is not a throttle (the SDK's `maxAttempts`). */
  maxAttempts: number;
  /** Attempts for throttling errors; at least maxAttempts. */
  throttlingMaxAttempts: number;
  /** The pause before each retry; the SDK's exponential backoff with jitter unless given. */
  backoff?: StandardRetryBackoffStrategy;
}

export class ThrottlingPatientRetryStrategy implements RetryStrategyV2 {
  readonly mode: string;
  private readonly inner: AdaptiveRetryStrategy | StandardRetryStrategy;
  private readonly maxAttempts: number;

  constructor(options: ThrottlingPatientRetryOptions) {
    const throttlingMax = Math.max(options.throttlingMaxAttempts, options.maxAttempts);
    const inner = { maxAttempts: throttlingMax, backoff: options.backoff };
    this.inner =
      options.mode === 'adaptive' ? new AdaptiveRetryStrategy(throttlingMax, inner) : new StandardRetryStrategy(inner);
    this.mode = options.mode;
    this.maxAttempts = options.maxAttempts;
  }

  acquireInitialRetryToken(retryTokenScope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(retryTokenScope);
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    // Attempts made so far = retries + 1, as the SDK's StandardRetryStrategy counts them. Refusing here makes the
    // SDK's retry middleware throw the service's own error, as when the SDK's strategy runs out.
    if (errorInfo.errorType !== 'THROTTLING' && token.getRetryCount() + 1 >= this.maxAttempts) {
      return Promise.reject(new Error('No retry token available'));
    }
    return this.inner.refreshRetryTokenForRetry(token as StandardRetryToken, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token as StandardRetryToken);
  }
}
