import assert from 'node:assert/strict';
import type { RetryErrorInfo, RetryErrorType, RetryToken, StandardRetryBackoffStrategy } from '@smithy/types';
import { ThrottlingPatientRetryStrategy } from '../../src/aws/retryStrategy';

/** No pause between attempts: the test counts them, it does not wait for them. */
const noPause: StandardRetryBackoffStrategy = { computeNextBackoffDelay: () => 0, setDelayBase: () => undefined };

/** How many attempts the strategy allows for one call that fails every time with this kind of error. */
async function attemptsAllowed(strategy: ThrottlingPatientRetryStrategy, errorType: RetryErrorType): Promise<number> {
  let token: RetryToken = await strategy.acquireInitialRetryToken('scope');
  let attempts = 1;
  const info: RetryErrorInfo = { errorType };
  for (;;) {
    try {
      token = await strategy.refreshRetryTokenForRetry(token, info);
    } catch {
      return attempts;
    }
    attempts += 1;
    if (attempts > 50) throw new Error('the strategy never stops retrying');
  }
}

describe('ThrottlingPatientRetryStrategy', () => {
  it('gives a throttled call more attempts than a failing one', async () => {
    const strategy = new ThrottlingPatientRetryStrategy({
      mode: 'standard',
      maxAttempts: 5,
      throttlingMaxAttempts: 10,
      backoff: noPause,
    });
    assert.equal(await attemptsAllowed(strategy, 'THROTTLING'), 10);
    // A 5xx or a dropped connection is TRANSIENT to the SDK.
    assert.equal(await attemptsAllowed(strategy, 'TRANSIENT'), 5);
  });

  it('never retries what the SDK does not retry', async () => {
    const strategy = new ThrottlingPatientRetryStrategy({
      mode: 'standard',
      maxAttempts: 5,
      throttlingMaxAttempts: 10,
      backoff: noPause,
    });
    assert.equal(await attemptsAllowed(strategy, 'CLIENT_ERROR'), 1);
    assert.equal(await attemptsAllowed(strategy, 'SERVER_ERROR'), 1);
  });

  it('keeps a caller that wants one attempt at one, for throttles too when asked', async () => {
    const once = new ThrottlingPatientRetryStrategy({
      mode: 'standard',
      maxAttempts: 1,
      throttlingMaxAttempts: 1,
      backoff: noPause,
    });
    assert.equal(await attemptsAllowed(once, 'THROTTLING'), 1);
    assert.equal(await attemptsAllowed(once, 'TRANSIENT'), 1);
  });

  it('never gives throttles fewer attempts than other errors', async () => {
    const strategy = new ThrottlingPatientRetryStrategy({
      mode: 'standard',
      maxAttempts: 4,
      throttlingMaxAttempts: 2,
      backoff: noPause,
    });
    assert.equal(await attemptsAllowed(strategy, 'THROTTLING'), 4);
  });
});
