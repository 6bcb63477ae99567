/**
 * A Mermaid Gantt chart of the hooks and waves, from task start and finish times. Times are milliseconds
 * since the sync started (`dateFormat x` reads them as dates just after 1970-01-01), and the axis shows
 * them as elapsed seconds: `%s` is seconds since that origin, whatever the reader's time zone.
 */
import type { SyncResult, TaskResult } from '../sync/sync-result.js';

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

/**
 * The axis labels for a chart spanning `spanMs`. Mermaid lets d3 pick about ten ticks over the span: under
 * ten seconds they fall between whole seconds, so they carry milliseconds (`2.500s`); above, whole
 * seconds (`45s`, `130s`). Never wall-clock time, so no two ticks of a short sync read the same.
 */
export function axisFormat(spanMs: number): string {
  return spanMs < 12_000 ? '%s.%Ls' : '%ss';
}

function tag(t: TaskResult): string {
  if (t.status === 'Succeeded') return 'done';
  if (t.status === 'Failed' || t.status === 'Terminated') return 'crit';
  return 'active';
}

export function mermaidTimeline(result: SyncResult): string | undefined {
  const started = result.tasks.filter((t) => t.startedAt && t.finishedAt);
  if (started.length === 0) return undefined;
  const origin = Date.parse(result.startedAt);
  const bars = started
    .map((t) => {
      const start = Math.max(0, Date.parse(t.startedAt!) - origin);
      return { t, start, end: Math.max(Date.parse(t.finishedAt!) - origin, start + 1) };
    })
    .sort((a, b) => a.start - b.start);
  const span = Math.max(...bars.map((b) => b.end)) - Math.min(...bars.map((b) => b.start));
  const lines = [
    '```mermaid',
    'gantt',
    '  dateFormat x',
    `  axisFormat ${axisFormat(span)}`,
    '  todayMarker off',
  ];
  let section = '';
  for (const { t, start, end } of bars) {
    const name = `${t.phase} wave ${t.wave}`;
    if (name !== section) {
      lines.push(`  section ${label(name)}`);
      section = name;
    }
    lines.push(`  ${label(`${t.kind} ${t.name}`)} :${tag(t)}, ${start}, ${end}`);
  }
  lines.push('```');
  return lines.join('\n');
}
