/**
 * What a live log says about tasks, for both faces: one line when a task's object is created or applied,
 * one line when it ends. The engine reports every change; this turns that stream into those lines.
 */
import { formatDuration } from '../duration.js';
import { PAST_TENSE, type TaskRun } from '../sync/task-run.js';

export interface Narration {
  line: string;
  /** The task failed or was terminated: worth an error annotation. */
  failed: boolean;
}

export function createNarrator(): (run: TaskRun) => Narration | undefined {
  const announced = new WeakSet<TaskRun>();
  const reported = new WeakSet<TaskRun>();
  return (run) => {
    if (run.state === 'Running') {
      if (run.message === PAST_TENSE[run.action] && run.applied && !announced.has(run)) {
        announced.add(run);
        return { line: `${run.describe()} ${run.message}`, failed: false };
      }
      return undefined;
    }
    if (!run.done || run.state === 'Skipped' || run.state === 'Pending' || reported.has(run))
      return undefined;
    reported.add(run);
    const took =
      run.startedAt && run.finishedAt
        ? ` in ${formatDuration(run.finishedAt.getTime() - run.startedAt.getTime())}`
        : '';
    return {
      line: `${run.describe()} ${run.state}${took}${run.message ? `: ${run.message}` : ''}`,
      failed: run.state !== 'Succeeded',
    };
  };
}
