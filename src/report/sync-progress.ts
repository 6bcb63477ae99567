/** Live progress of a sync as plain text lines (the CLI's stdout; the action wraps them in log groups). */
import { formatDuration } from '../duration.js';
import { createNarrator } from './task-narration.js';
import type { HookLogLine } from '../sync/hook-logs.js';
import type { SyncObserver } from '../sync/sync-operation.js';
import type { SyncResult, TaskResult } from '../sync/sync-result.js';
import type { TaskRun } from '../sync/task-run.js';

const MARK: Record<string, string> = {
  Succeeded: '✓',
  Failed: '✗',
  Terminated: '✗',
  Skipped: '-',
  Pending: '·',
};

export function progressPrinter(write: (line: string) => void): SyncObserver {
  const narrate = createNarrator();
  return {
    wave: (phase, wave, runs) =>
      write(`== ${phase} wave ${wave} (${runs.length} task${runs.length === 1 ? '' : 's'})`),
    info: (message) => write(`   ${message}`),
    hookLog: (l: HookLogLine) => write(`   [${l.hook}] ${l.line}`),
    task: (run: TaskRun) => {
      const said = narrate(run);
      if (said) write(`   ${run.done ? `${MARK[run.state] ?? '?'} ` : ''}${said.line}`);
    },
  };
}

function taskLine(t: TaskResult): string {
  const obj = `${t.kind}/${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
  const took =
    t.startedAt && t.finishedAt ? formatDuration(Date.parse(t.finishedAt) - Date.parse(t.startedAt)) : '';
  return `  ${MARK[t.status] ?? '?'} ${t.phase.padEnd(8)} ${String(t.wave).padStart(3)}  ${obj}${t.hook ? ' (hook)' : ''}  ${t.status}${took ? ` ${took}` : ''}${t.deleted ? ', deleted' : ''}${t.message ? ` — ${t.message}` : ''}`;
}

export function renderResultText(result: SyncResult): string {
  const took = formatDuration(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
  const lines = [
    '',
    `Result: ${result.status} in ${took} — ${result.message}`,
    ...(result.urls ?? []).map((u) => `Address: ${u.url} (${u.source})`),
    ...result.tasks.map(taskLine),
  ];
  for (const t of result.tasks.filter(
    (x) =>
      ((x.status === 'Failed' || x.status === 'Terminated') &&
        (x.logs?.length || x.events?.length || x.logsWithheld)) ||
      x.logsIncomplete,
  )) {
    lines.push('', `${t.kind}/${t.name}:`);
    // A hook that succeeded is listed for its incomplete logs only: its output was shown live.
    const failed = t.status === 'Failed' || t.status === 'Terminated';
    if (failed && t.events?.length) lines.push('  events:', ...t.events.map((e) => `    ${e}`));
    if (failed && t.logs?.length) lines.push('  last log lines:', ...t.logs.map((l) => `    ${l}`));
    if (t.logsWithheld) lines.push(`  logs: ${t.logsWithheld}`);
    if (t.logsIncomplete) lines.push(`  logs incomplete: ${t.logsIncomplete}`);
  }
  return lines.join('\n') + '\n';
}
