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
