/**
 * How the operation waits: on watch events and on the deadlines that matter (the operation's, a hook's
 * timeout, a fail-fast grace period), never on a fixed sleep; stopped by cancellation.
 */
import { formatDuration } from '../duration.js';
import type { ObservedState } from './observed-state.js';
import { OK, type StepOutcome, type WaitUntil } from './outcome.js';
import type { TaskRun } from './task-run.js';

export class Waiting {
  constructor(
    private readonly observed: ObservedState,
    private readonly timeoutMs: number,
    private readonly signal?: AbortSignal,
  ) {}

  /** Cancelled, or past `deadline`: why the operation must stop now. */
  outOfTime(deadline: number): StepOutcome | undefined {
    if (this.signal?.aborted) return { ok: false, why: 'cancelled', message: 'the sync was cancelled' };
    if (Date.now() >= deadline)
      return {
        ok: false,
        why: 'timeout',
        message: `the sync timed out after ${formatDuration(this.timeoutMs)}`,
      };
    return undefined;
  }

  readonly until: WaitUntil = async (predicate, deadline) => {
    for (;;) {
      if (predicate()) return OK;
      const stop = this.outOfTime(deadline);
      if (stop) return stop;
      await this.observed.nextChange(deadline, this.signal);
    }
  };

  /**
   * Until every task is done: each running task is judged on every change, and `judge` says when to
   * look again without one (a grace period or hook timeout ending).
   */
  async forTasks(
    runs: TaskRun[],
    deadline: number,
    judge: (run: TaskRun) => number | undefined,
    changed: (run: TaskRun) => void,
  ): Promise<StepOutcome> {
    for (;;) {
      let next = deadline;
      for (const r of runs.filter((x) => x.running)) {
        const again = judge(r);
        if (again !== undefined) next = Math.min(next, again);
      }
      for (const r of runs) if (r.running) changed(r);
      if (runs.every((r) => !r.running)) return OK;
      const stop = this.outOfTime(deadline);
      if (stop) return stop;
      await this.observed.nextChange(next, this.signal);
    }
  }
}
