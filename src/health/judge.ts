/**
 * Judgements with context: a resource's or hook's own status, made sharper by its pods and events (the
 * fail-fast diagnosis). This is what the sync engine asks and what `hook-sync health` prints.
 */
import { diagnose, type DiagnosisResult, type GracePeriods } from './fail-fast.js';
import { degraded, type Health } from './health.js';
import { hookOutcome, type HookOutcome } from './hook-outcome.js';
import { assessHealth } from './resource-health.js';

export interface Observations {
  pods: readonly unknown[];
  events: readonly unknown[];
  now: number;
  grace?: Partial<GracePeriods>;
  firstSeen?: (key: string) => number | undefined;
}

export interface ResourceJudgement {
  /** Undefined: the kind has no health check. */
  health: Health | undefined;
  diagnosis: DiagnosisResult;
}

export function judgeResource(obj: unknown, seen?: Observations): ResourceJudgement {
  const health = assessHealth(obj);
  if (!seen || !health || health.status === 'Healthy' || health.status === 'Degraded')
    return { health, diagnosis: { pending: [] } };
  const diagnosis = diagnose({ object: obj, ...seen });
  if (diagnosis.failed)
    return { health: degraded(diagnosis.failed.message, diagnosis.failed.reason), diagnosis };
  return { health, diagnosis };
}

export interface HookJudgement {
  outcome: HookOutcome;
  diagnosis: DiagnosisResult;
}

export function judgeHook(obj: unknown, seen?: Observations): HookJudgement {
  const outcome = hookOutcome(obj);
  if (!seen || outcome.state !== 'Running') return { outcome, diagnosis: { pending: [] } };
  const diagnosis = diagnose({ object: obj, ...seen });
  if (diagnosis.failed)
    return {
      outcome: { state: 'Failed', message: diagnosis.failed.message, reason: diagnosis.failed.reason },
      diagnosis,
    };
  return { outcome, diagnosis };
}
