/**
 * Whether a hook is done: Jobs and Pods by their terminal state, Workflows by phase, other kinds with a
 * health check by Healthy/Degraded, and kinds without one as soon as they exist.
 */
import type { Health } from './health.js';
import { assessHealth } from './resource-health.js';
import { str } from './object-fields.js';

export type HookState = 'Running' | 'Succeeded' | 'Failed';

export interface HookOutcome {
  state: HookState;
  message: string;
  /** Kubernetes' reason when it failed (BackoffLimitExceeded, DeadlineExceeded, OOMKilled, Error…). */
  reason?: string;
}

function fromHealth(h: Health): HookOutcome {
  switch (h.status) {
    case 'Healthy':
      return { state: 'Succeeded', message: h.message };
    case 'Degraded':
    case 'Unknown':
      // Unknown fails a hook (a resource would wait): a hook that cannot be judged must not pass.
      return { state: 'Failed', message: h.message, ...(h.reason ? { reason: h.reason } : {}) };
    default:
      return { state: 'Running', message: h.message, ...(h.reason ? { reason: h.reason } : {}) };
  }
}

export function hookOutcome(obj: unknown): HookOutcome {
  const health = assessHealth(obj, { hook: true });
  if (!health)
    return { state: 'Succeeded', message: `${str(obj, 'kind')}/${str(obj, 'metadata.name')} created` };
  return fromHealth(health);
}

/**
 * A hook deleted while the watch was interrupted (its final state never seen): its outcome from what else
 * was seen — a Job's Completed, BackoffLimitExceeded or DeadlineExceeded event, or enough of its pods
 * Succeeded; a Pod's own end. Undefined when none of it tells.
 */
export function outcomeFromTraces(
  obj: unknown,
  events: readonly unknown[],
  pods: readonly unknown[],
): HookOutcome | undefined {
  const kind = str(obj, 'kind');
  if (kind === 'Pod') {
    const phase = str(obj, 'status.phase');
    return phase === 'Succeeded' || phase === 'Failed' ? hookOutcome(obj) : undefined;
  }
  if (kind !== 'Job') return undefined;
  const failed = events.find((e) => ['BackoffLimitExceeded', 'DeadlineExceeded'].includes(str(e, 'reason')));
  if (failed)
    return {
      state: 'Failed',
      message: str(failed, 'message') || str(failed, 'reason'),
      reason: str(failed, 'reason'),
    };
  if (events.some((e) => str(e, 'reason') === 'Completed'))
    return { state: 'Succeeded', message: 'Job completed (seen in its events)' };
  const completions = Number((obj as { spec?: { completions?: number } }).spec?.completions ?? 1);
  const succeeded = pods.filter((p) => str(p, 'status.phase') === 'Succeeded').length;
  if (succeeded >= completions)
    return {
      state: 'Succeeded',
      message: `${succeeded} of ${completions} pods succeeded (seen in its pods)`,
    };
  return undefined;
}
