/** The run's log: a collapsible group per phase and wave, hook logs live inside, failures annotated at their manifest. */
import * as core from '@actions/core';
import { createNarrator } from '../report/task-narration.js';
import type { SyncObserver } from '../sync/sync-operation.js';

export function groupedLogObserver(redact: (s: string) => string): SyncObserver & { close(): void } {
  let open = false;
  const narrate = createNarrator();
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
      const said = narrate(run);
      if (!said) return;
      if (!said.failed) core.info(redact(said.line));
      else
        core.error(redact(said.line), {
          file: run.task.source.file,
          startLine: run.task.source.line,
          title: `hook-sync: ${run.describe()}`,
        });
    },
  };
}
