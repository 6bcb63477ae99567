/**
 * The job summary: what every hook did, how long it took and why it failed, where people look first.
 * Reads only the result; every value from users or the cluster is HTML-escaped; the whole stays under
 * GitHub's 1 MiB limit by cutting logs first, then events, then succeeded rows.
 *
 * Layout: the outcome and the app; why it failed, in plain sight (each failed task with its phase, wave,
 * reason, message and manifest, then the tail of its logs and its events); the run's facts in a one-row
 * table; one table of every task in execution order; a timeline in seconds since the sync started.
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { formatDuration } from '../duration.js';
import type { SyncResult, TaskResult } from '../sync/sync-result.js';
import type { ImageSubstitution } from '../manifests/image-overrides.js';
import { imagesMarkdown } from './image-substitutions.js';
import { NONE, STATUS_ICON, cell, code, escapeHtml, pre, runLink } from './markdown.js';
import { mermaidTimeline } from './timeline.js';
import { urlsInline } from './app-urls-markdown.js';

export const SUMMARY_LIMIT = 1024 * 1024;

export interface RunContext {
  app: string;
  namespace: string;
  context: string;
  /** Link to the workflow run, when known. */
  runUrl?: string;
  warnings: readonly Diagnostic[];
  /** What the `images` overrides changed (the plan's `images`). */
  images?: readonly ImageSubstitution[];
}

/** How long a task ran, or '' when it never started. */
export function taskDuration(t: TaskResult): string {
  return t.startedAt && t.finishedAt
    ? formatDuration(Date.parse(t.finishedAt) - Date.parse(t.startedAt))
    : '';
}

export function objectName(t: TaskResult): string {
  return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

export function isFailure(t: TaskResult): boolean {
  return t.status === 'Failed' || t.status === 'Terminated';
}

/** `PreSync hook Job shop/migrate` or `Deployment shop/web`. */
export function taskTitle(t: TaskResult): string {
  return `${t.hook ? `${t.phase} hook ` : ''}${objectName(t)}`;
}

/**
 * The order people read a sync in: tasks that ran, in the order they started; then those never reached,
 * in plan order; last the SyncFail hooks that did not run because nothing failed. (The result already
 * lists started tasks first; this only moves SyncFail hooks that never started to the end.)
 */
export function executionOrder(tasks: readonly TaskResult[]): TaskResult[] {
  const rank = (t: TaskResult) => (t.startedAt ? 0 : t.phase === 'SyncFail' ? 2 : 1);
  return tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}

/**
 * The result's message, each line once: one line as a paragraph; several (an Invalid run's errors, a
 * SyncFail hook's failure after the sync's) as a list, under the first line when that one introduces them.
 */
export function messageBlock(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length <= 1) return lines.length ? `<p>${escapeHtml(lines[0]!)}</p>` : '';
  const intro = lines[0]!.endsWith(':') ? lines.shift()! : undefined;
  return [
    ...(intro ? [`<p>${escapeHtml(intro)}</p>`] : []),
    '<ul>',
    ...lines.map((l) => `<li>${escapeHtml(l)}</li>`),
    '</ul>',
  ].join('\n');
}

function resultText(t: TaskResult): string {
  return `${STATUS_ICON[t.status] ?? ''} ${t.status}${t.deleted ? ' (deleted)' : ''}`;
}

interface Budget {
  logLines: number;
  eventLines: number;
  succeededRows: boolean;
}

/** One failed task: the reason in plain sight, then its logs and events in blocks left open. */
function failureDetails(t: TaskResult, budget: Budget): string {
  const lines = [
    `<p>${STATUS_ICON[t.status]} <b>${escapeHtml(taskTitle(t))}</b> · ${escapeHtml(t.phase)} · wave ${t.wave}<br>`,
    `<b>${escapeHtml(t.reason ?? t.status)}</b>: ${escapeHtml(t.message || t.status)}<br>`,
    `Manifest: ${code(t.source)}` +
      (t.logsWithheld
        ? `<br>\nLogs: ${escapeHtml(t.logsWithheld)}</p>`
        : t.logsIncomplete
          ? `<br>\nLogs incomplete: ${escapeHtml(t.logsIncomplete)}</p>`
          : '</p>'),
  ];
  const blocks: string[] = [];
  if (t.logs?.length && budget.logLines > 0 && !t.logsWithheld) {
    const shown = t.logs.slice(-budget.logLines);
    blocks.push(
      `<details open><summary>Last ${shown.length} log line${shown.length === 1 ? '' : 's'}</summary>`,
      '',
      pre(shown),
      '',
      '</details>',
    );
  }
  if (t.events?.length && budget.eventLines > 0) {
    const shown = t.events.slice(-budget.eventLines);
    blocks.push(
      `<details open><summary>Events${shown.length < t.events.length ? ` (last ${shown.length} of ${t.events.length})` : ''}</summary>`,
      '',
      pre(shown),
      '',
      '</details>',
    );
  }
  return [lines.join('\n'), ...(blocks.length ? ['', ...blocks] : [])].join('\n');
}

/** The run's facts as one table row under real headers; facts not known are left out, not left blank. */
function factsTable(result: SyncResult, ctx: RunContext): string[] {
  const took = formatDuration(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
  const facts: [string, string][] = [
    ['App', ctx.app ? code(ctx.app) : ''],
    ['Revision', result.revision ? code(result.revision.slice(0, 12)) : ''],
    ['Namespace', ctx.namespace ? code(ctx.namespace) : ''],
    ['Cluster context', ctx.context ? code(ctx.context) : ''],
    ['Started', `${escapeHtml(result.startedAt.replace('T', ' ').slice(0, 19))} UTC`],
    ['Duration', took],
    ['Run', ctx.runUrl ? runLink(ctx.runUrl) : ''],
  ];
  const known = facts.filter(([, v]) => v);
  return [
    `| ${known.map(([k]) => k).join(' | ')} |`,
    `|${known.map(() => '---').join('|')}|`,
    `| ${known.map(([, v]) => v).join(' | ')} |`,
  ];
}

function tasksTable(result: SyncResult, budget: Budget): string[] {
  const ordered = executionOrder(result.tasks);
  const rows = budget.succeededRows ? ordered : ordered.filter((t) => t.status !== 'Succeeded' || t.hook);
  const out = [
    `### Tasks (${result.tasks.length}) in execution order`,
    '',
    '| Phase | Wave | Object | Type | Result | Duration | Message |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const t of rows)
    out.push(
      `| ${cell(t.phase)} | ${t.wave} | ${cell(objectName(t))} | ${t.hook ? 'hook' : 'resource'} | ${resultText(t)} | ${taskDuration(t) || NONE} | ${cell(t.logsIncomplete ? `${t.message}; logs incomplete: ${t.logsIncomplete}` : t.message)} |`,
    );
  const hidden = ordered.length - rows.length;
  if (hidden > 0)
    out.push(
      '',
      `<p>… and ${hidden} more resource${hidden === 1 ? '' : 's'} that succeeded, left out to fit GitHub's summary limit.</p>`,
    );
  return out;
}

function render(result: SyncResult, ctx: RunContext, budget: Budget): string {
  const out: string[] = [];
  out.push(
    `## ${STATUS_ICON[result.status] ?? ''} hook-sync: ${result.status}${ctx.app ? ` — ${escapeHtml(ctx.app)}` : ''}${urlsInline(result)}`,
    '',
  );
  const message = messageBlock(result.message);
  if (message) out.push(message, '');

  const failed = result.tasks.filter(isFailure);
  if (failed.length) {
    out.push(`### ${failed.length === 1 ? 'What failed' : `What failed (${failed.length})`}`, '');
    for (const t of failed) out.push(failureDetails(t, budget), '');
  }

  out.push(...factsTable(result, ctx), '');
  if (result.previous)
    out.push(
      `Previous run: ${STATUS_ICON[result.previous.status] ?? ''} ${escapeHtml(result.previous.status)} · ${escapeHtml(result.previous.operation)} of ${code(result.previous.revision.slice(0, 12))} · ${escapeHtml(result.previous.startedAt.replace('T', ' ').slice(0, 19))} UTC · by ${escapeHtml(result.previous.by)}`,
      '',
    );
  out.push(...imagesMarkdown(ctx.images));
  if (result.tasks.length) out.push(...tasksTable(result, budget), '');

  const timeline = mermaidTimeline(result);
  if (timeline) out.push('### Timeline (seconds since the sync started)', '', timeline, '');
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
