/**
 * Judges a running task from what has been observed since its own write: a hook by its outcome, a resource
 * by its health, both sharpened by the fail-fast diagnosis of its current pods. Says when to look again
 * (a grace period or a hook timeout ending) so the engine waits on events and deadlines, never on a poll.
 */
import type { Json } from '../cluster/cluster-client.js';
import { formatDuration } from '../duration.js';
import type { GracePeriods } from '../health/fail-fast.js';
import { outcomeFromTraces } from '../health/hook-outcome.js';
import { judgeHook, judgeResource } from '../health/judge.js';
import { HOOK_TIMEOUT_ANNOTATION, hookTimeoutMs } from '../hooks/hook-sync-annotations.js';
import type { HookLifecycle, LifecycleEvents } from './hook-lifecycle.js';
import type { ObservedState } from './observed-state.js';
import { PAST_TENSE, type TaskRun } from './task-run.js';

/** How long the events and pods of a hook deleted unseen may take to arrive before its outcome is unknown. */
const TRACES_WAIT_MS = 5000;

export class TaskJudge {
  /** Hooks deleted while the watch was interrupted, since when their outcome has been looked for. */
  private readonly endUnseenSince = new Map<TaskRun, number>();

  constructor(
    private readonly observed: ObservedState,
    private readonly hooks: HookLifecycle,
    private readonly events: LifecycleEvents,
    private readonly grace: Partial<GracePeriods> | undefined,
  ) {}

  /** Returns when the task should be looked at again even if nothing changes; undefined: on the next change. */
  judge(run: TaskRun): number | undefined {
    const obj = run.applied ? this.observed.latest(run.applied) : undefined;
    return run.task.hook ? this.judgeHook(run, obj) : this.judgeResource(run, obj);
  }

  private judgeHook(run: TaskRun, obj: Json | undefined): number | undefined {
    const timeout = hookTimeoutMs(run.task.object);
    const timeoutAt = timeout !== undefined && run.startedAt ? run.startedAt.getTime() + timeout : undefined;
    if (!obj || this.hooks.isFinishing(run)) return timeoutAt;
    const { outcome, diagnosis } = judgeHook(obj, this.observed.observations(obj, this.grace));
    if (outcome.state !== 'Running') {
      this.hooks.finish(run, outcome.state, outcome.message, outcome.reason);
      return undefined;
    }
    if (this.observed.gone(run.uid!)) {
      if (!this.observed.endUnseen(run.uid!)) {
        this.hooks.finish(run, 'Failed', 'the hook object was deleted before it finished', 'Deleted');
        return undefined;
      }
      // A relist found it gone: its last state seen is not its end (a Job that finished and was removed
      // by ttlSecondsAfterFinished meanwhile). Its events and pods may tell; they may be a moment behind.
      const { events, pods } = this.observed.traces(obj);
      const traced = outcomeFromTraces(obj, events, pods);
      if (traced && traced.state !== 'Running') {
        this.hooks.finish(run, traced.state, traced.message, traced.reason);
        return undefined;
      }
      const since = this.endUnseenSince.get(run) ?? Date.now();
      this.endUnseenSince.set(run, since);
      if (Date.now() < since + TRACES_WAIT_MS) return since + TRACES_WAIT_MS;
      this.hooks.finish(
        run,
        'Failed',
        'the hook object was deleted while the watch was interrupted; its outcome is unknown',
        'OutcomeUnknown',
      );
      return undefined;
    }
    if (timeoutAt !== undefined && Date.now() >= timeoutAt) {
      void this.hooks.terminate(
        run,
        `terminated: the hook ran longer than its ${HOOK_TIMEOUT_ANNOTATION} of ${formatDuration(timeout!)}`,
        'HookTimeout',
      );
      return undefined;
    }
    const pending = diagnosis.pending[0];
    run.message = pending
      ? `${outcome.message}; ${pending.message} (fails in ${formatDuration(pending.failsAt - Date.now())})`
      : outcome.message;
    return earliest([timeoutAt, ...diagnosis.pending.map((p) => p.failsAt)]);
  }

  private judgeResource(run: TaskRun, obj: Json | undefined): number | undefined {
    if (!obj) return undefined;
    const t = run.task;
    if (this.observed.gone(run.uid!)) {
      this.events.complete(
        run,
        'Failed',
        `${t.kind} ${t.name} was deleted while the sync waited for it`,
        'Deleted',
      );
      return undefined;
    }
    const { health, diagnosis } = judgeResource(obj, this.observed.observations(obj, this.grace));
    if (!health || health.status === 'Healthy') {
      this.events.complete(run, 'Succeeded', health?.message || PAST_TENSE[run.action]);
    } else if (health.status === 'Degraded') {
      run.events = this.observed.eventsFor(obj);
      this.events.complete(run, 'Failed', health.message, health.reason ?? 'Degraded');
    } else run.message = `${health.status}: ${health.message}`;
    return earliest(diagnosis.pending.map((p) => p.failsAt));
  }
}

function earliest(times: (number | undefined)[]): number | undefined {
  const known = times.filter((x): x is number => x !== undefined && Number.isFinite(x));
  return known.length ? Math.min(...known) : undefined;
}
