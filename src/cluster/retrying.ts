/**
 * One request's tries: repeated after transient failures where a repeat is safe, waiting as the policy
 * says (`retry-policy.ts`), each retry logged at debug level with its reason.
 */
import { KubeConnectionError } from './api-error.js';
import type { DebugSink } from './debug-log.js';
import {
  currentRetryLimits,
  decideRetry,
  parseRetryAfter,
  waitBeforeRetry,
  type RetryPolicy,
  type RetryTiming,
} from './retry-policy.js';
import { transientFailure } from './transient-failure.js';

/** What the tries need of the client: its policy, its clock, its debug log, its counters. */
export interface RetryingClient {
  readonly retry: RetryPolicy;
  readonly timing: RetryTiming;
  readonly debug: DebugSink | undefined;
  readonly stats: { retries: number };
}

/**
 * Runs `attempt` until it succeeds, fails in a way another try would not mend, or the policy (attempts,
 * Retry-After, the operation's deadline and cancel) says stop; the last failure is then thrown.
 */
export async function retrying<T>(
  client: RetryingClient,
  what: string,
  safe: boolean,
  signal: AbortSignal | undefined,
  attempt: () => Promise<T>,
  /** `maybeActed`: the last failure leaves open whether the server carried the request out. */
  beforeRetry?: (maybeActed: boolean) => Promise<T | undefined>,
): Promise<T> {
  const limits = currentRetryLimits();
  let maybeActed = false;
  for (let failures = 0; ;) {
    if (failures > 0 && beforeRetry) {
      const found = await beforeRetry(maybeActed);
      if (found !== undefined) {
        client.debug?.(`${what}: found what the try whose answer was lost had done`);
        return found;
      }
    }
    try {
      return await attempt();
    } catch (err) {
      if (signal?.aborted) throw err;
      const transient = transientFailure(err);
      if (!transient) throw err;
      if (!safe && !transient.notActedOn)
        throw err instanceof KubeConnectionError
          ? new KubeConnectionError(
              `${err.message}; ${what} was not repeated, as it may have been carried out: look at the cluster, or run again`,
              err.cause,
            )
          : err;
      failures++;
      maybeActed = !transient.notActedOn;
      const decision = decideRetry(
        failures,
        parseRetryAfter(transient.retryAfter, client.timing.now()),
        client.retry,
        client.timing,
        limits,
        signal,
      );
      if (!decision.retry) {
        client.debug?.(`not retrying ${what} (${transient.reason}): ${decision.why}`);
        throw failures > 1 && err instanceof KubeConnectionError
          ? new KubeConnectionError(`${err.message} (${failures} attempts)`, err.cause)
          : err;
      }
      client.stats.retries++;
      client.debug?.(
        `retrying ${what} in ${decision.delayMs} ms (attempt ${failures + 1} of ${client.retry.attempts}): ${transient.reason}`,
      );
      if (!(await waitBeforeRetry(decision.delayMs, client.timing, limits, signal))) throw err;
    }
  }
}
