/**
 * How long to wait before a request is tried again: capped exponential back-off with jitter, at least
 * what the server's Retry-After asks, and never a wait past the operation's deadline or after its cancel.
 * The clock, the sleep and the randomness are injectable, so tests decide them instead of waiting.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first back-off; it doubles with every failure, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the request fails with the server's answer. */
  maxRetryAfterMs: number;
  /** A request (not a watch or a log stream) with no complete answer after this long is abandoned. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxRetryAfterMs: 30_000,
  requestTimeoutMs: 60_000,
};

/** What the waiting is made of; tests pass their own. */
export interface RetryTiming {
  now: () => number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1). */
  random: () => number;
}

export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export const REAL_TIMING: RetryTiming = { now: Date.now, sleep: realSleep, random: Math.random };

/**
 * Retry-After as RFC 9110 defines it: delay-seconds, or an HTTP-date. Milliseconds to wait from `now`;
 * undefined when absent or unreadable (then the back-off alone decides).
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined; // "-1", "1.5": neither form
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The back-off after the `failures`-th failure in a row: base·2^(failures-1), capped, then "equal jitter":
 * somewhere in its upper half, so clients that failed together do not come back together.
 */
export function backoffMs(failures: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, Math.min(failures - 1, 30)),
  );
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** The caller's limits on waiting: set by an operation for every request made on its behalf. */
export interface RetryLimits {
  /** No wait continues after this aborts (the operation was cancelled). */
  signal?: AbortSignal;
  /** Epoch ms: no wait ends after it (the operation's timeout). Mutable: a later phase may move it. */
  deadline?: number;
}

const limitsScope = new AsyncLocalStorage<RetryLimits>();

/** Runs `fn` with every retry it causes (however deep) bounded by `limits`. */
export function withRetryLimits<T>(limits: RetryLimits, fn: () => Promise<T>): Promise<T> {
  return limitsScope.run(limits, fn);
}

/**
 * Clean-up that a cancel or the operation's timeout made necessary (deleting the running hooks, the final
 * bookkeeping) runs under limits of its own: the cancel it answers and the deadline that has passed must
 * not stop its retries — one 503 would leave a migration running — but a short deadline of its own keeps
 * a cancelled run ending within seconds.
 */
export function withCleanupLimits<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  return limitsScope.run({ deadline: Date.now() + ms }, fn);
}

export function currentRetryLimits(): RetryLimits {
  return limitsScope.getStore() ?? {};
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; why: string };

/**
 * Whether to try again after the `failures`-th failure in a row, and after how long. `retryAfterMs` is
 * the server's request; `signal` the request's own cancel, besides the limits in scope.
 */
export function decideRetry(
  failures: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  timing: RetryTiming,
  limits: RetryLimits,
  signal?: AbortSignal,
): RetryDecision {
  if (signal?.aborted || limits.signal?.aborted) return { retry: false, why: 'cancelled' };
  if (failures >= policy.attempts) return { retry: false, why: `gave up after ${failures} attempts` };
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs)
    return {
      retry: false,
      why: `the server asked to wait ${Math.ceil(retryAfterMs / 1000)} s before trying again, longer than hook-sync waits (${policy.maxRetryAfterMs / 1000} s)`,
    };
  const delayMs = Math.max(retryAfterMs ?? 0, backoffMs(failures, policy, timing.random));
  if (limits.deadline !== undefined && timing.now() + delayMs > limits.deadline)
    return { retry: false, why: "the operation's timeout comes before the next attempt would" };
  return { retry: true, delayMs };
}

/** Sleeps unless cancelled; true when the sleep ran its course. */
export async function waitBeforeRetry(
  delayMs: number,
  timing: RetryTiming,
  limits: RetryLimits,
  signal?: AbortSignal,
): Promise<boolean> {
  const signals = [signal, limits.signal].filter((s): s is AbortSignal => !!s);
  const combined = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  await timing.sleep(delayMs, combined);
  return !combined?.aborted;
}
