/** A Mermaid Gantt chart of the hooks and waves, from task start and finish times. */
import type { SyncResult } from '../sync/sync-result.js';

function label(text: string): string {
  // Mermaid's Gantt syntax breaks on ':' '#' ';' and friends: keep names readable, drop the rest.
  return (
    text
      .replace(/[^A-Za-z0-9 ._/-]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || 'task'
  );
}

export function mermaidTimeline(result: SyncResult): string | undefined {
  const started = result.tasks.filter((t) => t.startedAt && t.finishedAt);
  if (started.length === 0) return undefined;
  const lines = ['```mermaid', 'gantt', '  dateFormat x', '  axisFormat %M:%S'];
  let section = '';
  for (const t of started) {
    const name = `${t.phase} wave ${t.wave}`;
    if (name !== section) {
      lines.push(`  section ${label(name)}`);
      section = name;
    }
    const start = Date.parse(t.startedAt!);
    const end = Math.max(Date.parse(t.finishedAt!), start + 1);
    const tag =
      t.status === 'Succeeded'
        ? 'done'
        : t.status === 'Failed' || t.status === 'Terminated'
          ? 'crit'
          : 'active';
    lines.push(`  ${label(`${t.kind} ${t.name}`)} :${tag}, ${start}, ${end}`);
  }
  lines.push('```');
  return lines.join('\n');
}
