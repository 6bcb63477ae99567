/**
 * The job summary: what every hook did, how long it took and why it failed, where people look first.
 * Reads only the result; every value from users or the cluster is HTML-escaped; the whole stays under
 * GitHub's 1 MiB limit by cutting logs first, then events, then succeeded rows.
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { formatDuration } from '../duration.js';
import type { SyncResult, TaskResult } from '../sync/sync-result.js';
import { STATUS_ICON, cell, code, escapeHtml, pre } from './markdown.js';
import { mermaidTimeline } from './timeline.js';

export const SUMMARY_LIMIT = 1024 * 1024;

export interface RunContext {
  app: string;
  namespace: string;
  context: string;
  /** Link to the workflow run, when known. */
  runUrl?: string;
  warnings: readonly Diagnostic[];
}

export function taskDuration(t: TaskResult): string {
  return t.startedAt && t.finishedAt
    ? formatDuration(Date.parse(t.finishedAt) - Date.parse(t.startedAt))
    : '';
}

function objectName(t: TaskResult): string {
  return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

interface Budget {
  logLines: number;
  eventLines: number;
  succeededRows: boolean;
}

function failureDetails(t: TaskResult, budget: Budget): string {
  const parts = [
    `<details><summary>${STATUS_ICON[t.status]} ${escapeHtml(`${t.hook ? `${t.phase} hook ` : ''}${objectName(t)}`)}: ${escapeHtml(t.reason ?? t.status)}</summary>`,
    '',
  ];
  parts.push(`<p><b>Why</b>: ${escapeHtml(t.message)}</p>`, `<p><b>Manifest</b>: ${code(t.source)}</p>`);
  if (t.events?.length && budget.eventLines > 0)
    parts.push('<p><b>Events</b></p>', pre(t.events.slice(-budget.eventLines)));
  if (t.logs?.length && budget.logLines > 0)
    parts.push(
      `<p><b>Last ${Math.min(t.logs.length, budget.logLines)} log lines</b></p>`,
      pre(t.logs.slice(-budget.logLines)),
    );
  if (t.logsWithheld) parts.push(`<p><b>Logs</b>: ${escapeHtml(t.logsWithheld)}</p>`);
  parts.push('', '</details>');
  return parts.join('\n');
}

function render(result: SyncResult, ctx: RunContext, budget: Budget): string {
  const took = formatDuration(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
  const out: string[] = [];
  out.push(`## ${STATUS_ICON[result.status] ?? ''} hook-sync: ${result.status} — ${escapeHtml(ctx.app)}`, '');
  out.push('| | |', '|---|---|');
  out.push(
    `| App | ${code(ctx.app)} |`,
    `| Revision | ${code(result.revision.slice(0, 12))} |`,
    `| Namespace | ${code(ctx.namespace)} |`,
    `| Cluster context | ${code(ctx.context)} |`,
    `| Duration | ${took} |`,
  );
  if (ctx.runUrl)
    out.push(
      `| Run | <a href="${escapeHtml(ctx.runUrl)}">${escapeHtml(ctx.runUrl.split('/').slice(-2).join(' '))}</a> |`,
    );
  out.push('', `> ${escapeHtml(result.message).replace(/\n/g, '<br>')}`, '');

  const failed = result.tasks.filter((t) => t.status === 'Failed' || t.status === 'Terminated');
  if (failed.length) {
    out.push('### What failed', '');
    for (const t of failed) out.push(failureDetails(t, budget), '');
  }

  const groups = new Map<string, TaskResult[]>();
  for (const t of result.tasks) {
    const key = `${t.phase} · wave ${t.wave}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const [key, tasks] of groups) {
    const rows = budget.succeededRows ? tasks : tasks.filter((t) => t.status !== 'Succeeded' || t.hook);
    out.push(
      `### ${escapeHtml(key)}`,
      '',
      '| Object | Hook | Result | Duration | Message |',
      '|---|---|---|---|---|',
    );
    for (const t of rows) {
      out.push(
        `| ${cell(objectName(t))} | ${t.hook ? 'hook' : ''} | ${STATUS_ICON[t.status]} ${t.status}${t.deleted ? ' (deleted)' : ''} | ${taskDuration(t)} | ${cell(t.message)} |`,
      );
    }
    if (rows.length < tasks.length)
      out.push(`| … ${tasks.length - rows.length} more resources succeeded | | | | |`);
    out.push('');
  }

  const timeline = mermaidTimeline(result);
  if (timeline) out.push('### Timeline', '', timeline, '');
  if (ctx.warnings.length) {
    out.push(`### Warnings (${ctx.warnings.length})`, '');
    for (const w of ctx.warnings) out.push(`- ${escapeHtml(formatDiagnostic(w))}`);
    out.push('');
  }
  return out.join('\n');
}

/** The summary in Markdown, cut down (logs first) until it fits under `limit` bytes. */
export function renderJobSummary(result: SyncResult, ctx: RunContext, limit = SUMMARY_LIMIT): string {
  const budgets: Budget[] = [
    { logLines: 50, eventLines: 10, succeededRows: true },
    { logLines: 20, eventLines: 10, succeededRows: true },
    { logLines: 5, eventLines: 5, succeededRows: true },
    { logLines: 0, eventLines: 3, succeededRows: true },
    { logLines: 0, eventLines: 0, succeededRows: false },
  ];
  for (const budget of budgets) {
    const text = render(result, ctx, budget);
    if (Buffer.byteLength(text) <= limit) return text;
  }
  const text = render(result, ctx, budgets[budgets.length - 1]!);
  const note = "\n\n… (truncated to fit GitHub's summary limit)\n";
  return (
    Buffer.from(text)
      .subarray(0, limit - Buffer.byteLength(note))
      .toString('utf8')
      .replace(/\uFFFD$/, '') + note
  );
}
