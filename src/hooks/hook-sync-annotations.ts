/** hook-sync's own annotations (beyond Argo CD's), read by the plan, health and the engine alike. */
import { parseDuration } from '../duration.js';
import { stringAnnotations, type KubeObject } from '../manifests/kube-object.js';

/** A hook running longer than this is terminated (deleted), fails the sync, and SyncFail runs. */
export const HOOK_TIMEOUT_ANNOTATION = 'hook-sync.io/timeout';

export function hookTimeoutMs(obj: KubeObject): number | undefined {
  const raw = stringAnnotations(obj)[HOOK_TIMEOUT_ANNOTATION];
  return raw === undefined ? undefined : parseDuration(raw);
}

/** `hook-sync.io/fail-fast-after: 30s` (every grace period) or `off`, on a hook or a workload. */
export const FAIL_FAST_ANNOTATION = 'hook-sync.io/fail-fast-after';
