/**
 * One run of one container's log, read in full or said not to be. The log is followed with timestamps;
 * a stream that breaks or ends while the container still runs is followed again from the last line's
 * time, what was already received dropped; once the container has ended, a last plain read fills any
 * gap. What cannot be read in full (retries exhausted, the pod deleted first, a refusal) comes back as
 * `complete: false` with the reason, never as a log that merely looks short.
 */
import { KubeApiError } from './api-error.js';
import type { ClusterClient, Json } from './cluster-client.js';
import { SeenLines } from './log-lines.js';
import {
  backoffMs,
  currentRetryLimits,
  decideRetry,
  parseRetryAfter,
  waitBeforeRetry,
} from './retry-policy.js';
import { transientFailure } from './transient-failure.js';

export interface ContainerRun {
  namespace: string;
  pod: string;
  container: string;
  /** Which run: the container's restartCount when it was seen started. */
  restartCount: number;
  /** Running when seen (followed), or already ended (read once). */
  running: boolean;
}

export interface LogOutcome {
  complete: boolean;
  /** Why not, in words for a report: `the pod was deleted before its log was read in full`. */
  reason?: string;
  /** Streams followed again after a break or a cut. */
  resumed: number;
}

type Mode = { follow: boolean; previous: boolean };
type RunState = 'running' | 'ended' | 'restarted' | 'gone' | 'restarted again';

function logPath(run: ContainerRun): string {
  return `/api/v1/namespaces/${encodeURIComponent(run.namespace)}/pods/${encodeURIComponent(run.pod)}/log`;
}

/** Lines of one response, each as it completes. A last line without a newline counts only at a clean end. */
async function readLines(
  stream: ReadableStream<Uint8Array>,
  onLine: (raw: string) => void,
  keepTrailing: boolean,
): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let partial = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      partial += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = partial.indexOf('\n')) >= 0) {
        onLine(partial.slice(0, nl));
        partial = partial.slice(nl + 1);
      }
    }
  } finally {
    reader.releaseLock();
  }
  partial += decoder.decode();
  // A follow cut mid-line sends the whole line again on resume; a plain read's last line is complete.
  if (partial && keepTrailing) onLine(partial);
}

/** What the pod says of this run now. */
function stateOf(pod: Json | undefined, run: ContainerRun): RunState {
  if (!pod) return 'gone';
  const status = (pod.status ?? {}) as Json;
  const c = [
    ...((status.initContainerStatuses ?? []) as Json[]),
    ...((status.containerStatuses ?? []) as Json[]),
  ].find((s) => s.name === run.container);
  if (!c) return 'ended';
  const restarts = Number(c.restartCount ?? 0);
  if (restarts === run.restartCount + 1) return 'restarted';
  if (restarts > run.restartCount + 1) return 'restarted again';
  return (c.state as Json | undefined)?.running ? 'running' : 'ended';
}

/** A failure no retry mends, in words; undefined when it is worth another try. */
function unreadable(err: unknown, received: number): string | undefined {
  if (!(err instanceof KubeApiError)) return undefined;
  if (err.code === 404)
    return received
      ? 'the pod was deleted before its log was read in full'
      : 'the pod was deleted before its log could be read';
  if (err.code === 401 || err.code === 403)
    return `reading it was refused (${err.code}: ${err.message}); grant get on pods/log to the kubeconfig's user`;
  if (err.code >= 400 && err.code < 500 && err.code !== 429) return `reading it was refused: ${err.message}`;
  return undefined;
}

/**
 * Reads the run's log, passing each line's text on once, in order. Resolves when the run has ended and
 * its log has been read to the end, when it cannot be, or when `signal` aborts (then incomplete).
 */
export async function readContainerLog(
  client: ClusterClient,
  run: ContainerRun,
  onLine: (text: string) => void,
  signal: AbortSignal,
  /** Resolves at the pod's next change seen (a watch): a wait for the container to end ends with it. */
  podChanged?: () => Promise<void>,
): Promise<LogOutcome> {
  const what = `the log of ${run.namespace}/${run.pod} container ${run.container}`;
  const limits = currentRetryLimits();
  const seen = new SeenLines();
  let mode: Mode = { follow: run.running, previous: false };
  let failures = 0;
  let quietCuts = 0;
  let resumed = 0;
  /** A follow ended cleanly and then the pod said the run had ended: the kubelet ended it at the end. */
  let followedToEnd = false;
  const incomplete = (reason: string): LogOutcome => ({ complete: false, reason, resumed });
  for (;;) {
    if (signal.aborted) return incomplete('it was still being read when hook-sync stopped');
    const before = seen.count;
    seen.startRead();
    try {
      const stream = await client.openStream(
        logPath(run),
        {
          container: run.container,
          timestamps: true,
          follow: mode.follow || undefined,
          previous: mode.previous || undefined,
          sinceTime: seen.since,
        },
        signal,
      );
      await readLines(
        stream,
        (raw) => {
          const text = seen.accept(raw);
          if (text !== undefined) onLine(text);
        },
        !mode.follow,
      );
    } catch (err) {
      if (signal.aborted) return incomplete('it was still being read when hook-sync stopped');
      // The gap-filling read after a follow that ended with its container: a 404 is the pod removed
      // since (a Job's ttlSecondsAfterFinished: 0), not a log cut short — as when the pod is gone at the
      // follow's end.
      if (followedToEnd && err instanceof KubeApiError && err.code === 404)
        return { complete: true, resumed };
      const fatal = unreadable(err, seen.count);
      if (fatal) return incomplete(fatal);
      const transient = transientFailure(err);
      if (!transient) return incomplete(`reading it failed: ${(err as Error).message}`);
      failures = seen.count > before ? 1 : failures + 1;
      const decision = decideRetry(
        failures,
        parseRetryAfter(transient.retryAfter, client.timing.now()),
        client.retry,
        client.timing,
        limits,
        signal,
      );
      if (!decision.retry)
        return incomplete(
          `reading it failed ${failures} times in a row (${transient.reason}): ${decision.why}`,
        );
      resumed++;
      client.debug?.(`reading ${what} again in ${decision.delayMs} ms: ${transient.reason}`);
      await waitBeforeRetry(decision.delayMs, client.timing, limits, signal);
      continue;
    }
    failures = 0;
    if (!mode.follow) return { complete: true, resumed };
    // A follow ended without an error: the container ended, or the stream was cut while it runs.
    let pod: Json | undefined;
    try {
      pod = await client.get({ apiVersion: 'v1', kind: 'Pod', namespace: run.namespace, name: run.pod });
    } catch (err) {
      if (signal.aborted) return incomplete('it was still being read when hook-sync stopped');
      return incomplete(`whether its container had ended could not be read: ${(err as Error).message}`);
    }
    const state = stateOf(pod, run);
    // The kubelet ends a follow cleanly only when the container ends; with the pod gone, that was it.
    if (state === 'gone') return { complete: true, resumed };
    if (state === 'restarted again')
      return incomplete('the container restarted twice before its log was read in full');
    if (state !== 'running') {
      followedToEnd = true;
      mode = { follow: false, previous: state === 'restarted' };
      continue;
    }
    resumed++;
    quietCuts = seen.count > before ? 0 : quietCuts + 1;
    client.debug?.(`following ${what} again: the stream ended while the container runs`);
    // A follow that ends with nothing new while the pod still says running: usually the container has
    // just ended and its status is not out yet (the kubelet reports it later). Not asked again and again
    // without a pause; the pause ends early when the pod changes.
    if (quietCuts > 0) {
      const changed = new AbortController();
      void podChanged?.().then(() => changed.abort());
      await waitBeforeRetry(
        backoffMs(quietCuts, client.retry, client.timing.random),
        client.timing,
        limits,
        AbortSignal.any([signal, changed.signal]),
      );
      changed.abort();
    }
  }
}
