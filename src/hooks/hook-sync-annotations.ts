/** hook-sync's own annotations (beyond Argo CD's), read by the plan, health and the engine alike. */
import { checkDuration, parseDuration } from '../duration.js';
import { stringAnnotations, type KubeObject } from '../manifests/kube-object.js';
import type { AnnotationProblem } from './annotations.js';

/** A hook running longer than this is terminated (deleted), fails the sync, and SyncFail runs. */
export const HOOK_TIMEOUT_ANNOTATION = 'hook-sync.io/timeout';

export function hookTimeoutMs(obj: KubeObject): number | undefined {
  const raw = stringAnnotations(obj)[HOOK_TIMEOUT_ANNOTATION];
  return raw === undefined ? undefined : parseDuration(raw);
}

/** `hook-sync.io/fail-fast-after: 30s` (every grace period) or `off`, on a hook or a workload. */
export const FAIL_FAST_ANNOTATION = 'hook-sync.io/fail-fast-after';

/**
 * Both annotations hold durations, checked when planning: not a duration, negative, a zero timeout (the
 * hook would be terminated as it starts) or more than a day (past the longest CI job) is an error.
 */
export function hookSyncAnnotationProblems(
  annotations: Readonly<Record<string, string>>,
): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  for (const key of [HOOK_TIMEOUT_ANNOTATION, FAIL_FAST_ANNOTATION]) {
    const value = annotations[key];
    if (value === undefined || (key === FAIL_FAST_ANNOTATION && value.trim() === 'off')) continue;
    const checked = checkDuration(value, { minMs: key === FAIL_FAST_ANNOTATION ? 0 : 1 });
    if (checked.problem === undefined) continue;
    problems.push({
      annotation: key,
      severity: 'error',
      code: 'invalid-duration',
      message: `${key} ${checked.problem}`,
      hint:
        key === FAIL_FAST_ANNOTATION
          ? 'write a duration such as "90s", "5m" or "1h30m", or "off" to wait without failing fast'
          : 'write a duration such as "90s", "5m" or "1h30m"',
    });
  }
  return problems;
}
