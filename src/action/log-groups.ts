/** The run's log: a collapsible group per phase and wave, hook logs live inside, failures annotated at their manifest. */
import * as core from '@actions/core';
import { formatDuration } from '../duration.js';
import type { SyncObserver } from '../sync/sync-operation.js';

export function groupedLogObserver(redact: (s: string) => string): SyncObserver & { close(): void } {
  let open = false;
  const announced = new WeakSet<object>();
  const reported = new WeakSet<object>();
  const close = () => {
    if (open) core.endGroup();
    open = false;
  };
  return {
    close,
    wave(phase, wave, runs) {
      close();
      core.startGroup(`${phase} · wave ${wave} (${runs.length} task${runs.length === 1 ? '' : 's'})`);
      open = true;
    },
    info: (message) => core.info(redact(message)),
    hookLog: (l) => core.info(redact(`[${l.hook}] ${l.line}`)),
    task(run) {
      if (run.state === 'Running') {
        if ((run.message === 'created' || run.message === 'applied') && !announced.has(run)) {
          announced.add(run);
          core.info(`${run.describe()} ${run.message}`);
        }
        return;
      }
      if (!run.done || run.state === 'Skipped' || run.state === 'Pending' || reported.has(run)) return;
      reported.add(run);
      const took =
        run.startedAt && run.finishedAt
          ? ` in ${formatDuration(run.finishedAt.getTime() - run.startedAt.getTime())}`
          : '';
      const line = redact(`${run.describe()} ${run.state}${took}: ${run.message}`);
      if (run.state === 'Succeeded') core.info(line);
      else
        core.error(line, {
          file: run.task.source.file,
          startLine: run.task.source.line,
          title: `hook-sync: ${run.describe()}`,
        });
    },
  };
}
