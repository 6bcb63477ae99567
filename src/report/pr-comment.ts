/**
 * The sticky pull-request comment: one per app (and header), found again by a hidden marker, showing the
 * latest result and a line per earlier run. The run history travels inside the comment itself.
 * Why a run failed comes first and in plain sight; logs and events are one click away.
 */
import { previewLine } from './app-urls-markdown.js';
import { formatDuration } from '../duration.js';
import type { SyncResult, TaskResult } from '../sync/sync-result.js';
import { NONE, STATUS_ICON, cell, code, escapeHtml, pre, runLink, truncateAtWord } from './markdown.js';
import { executionOrder, isFailure, messageBlock, taskDuration, taskTitle } from './job-summary.js';

export const COMMENT_LIMIT = 65_536;
const HISTORY_LIMIT = 10;

export interface RunRecord {
  status: string;
  revision: string;
  at: string;
  url?: string;
  message: string;
}

export function commentMarker(app: string, header = ''): string {
  return `<!-- hook-sync:comment app=${encodeURIComponent(app)} header=${encodeURIComponent(header)} -->`;
}

const HISTORY = /<!-- hook-sync:history (.*?) -->/s;

/** Earlier runs recorded in an existing comment, newest first. */
export function historyOf(body: string | undefined): RunRecord[] {
  const m = body ? HISTORY.exec(body) : null;
  if (!m) return [];
  try {
    const parsed = JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8')) as RunRecord[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function record(result: SyncResult, url?: string): RunRecord {
  return {
    status: result.status,
    revision: result.revision,
    at: result.finishedAt,
    url,
    message: truncateAtWord(result.message.split('\n')[0]!, 200),
  };
}

/** How long an earlier run's line may be before it is cut at a word. */
const EARLIER_MESSAGE = 120;

function row(t: TaskResult): string {
  return `| ${cell(t.phase)} | ${t.wave} | ${cell(`${t.kind}/${t.name}`)}${t.hook ? ' (hook)' : ''} | ${STATUS_ICON[t.status]} ${t.status}${t.logsIncomplete ? ` · ${cell(`logs incomplete: ${t.logsIncomplete}`)}` : ''} | ${taskDuration(t) || NONE} |`;
}

/** `2 Succeeded, 1 Skipped`: what the rows left out of the table were. */
function tally(tasks: readonly TaskResult[]): string {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

/** A failed task: the reason in plain sight; its events and the tail of its logs one click away. */
function failure(t: TaskResult, logLines: number): string[] {
  const out = [
    `<p>${STATUS_ICON[t.status]} <b>${escapeHtml(taskTitle(t))}</b> · ${escapeHtml(t.phase)} · wave ${t.wave}<br>`,
    `<b>${escapeHtml(t.reason ?? t.status)}</b>: ${escapeHtml(t.message || t.status)}<br>`,
    `Manifest: ${code(t.source)}` +
      (t.logsWithheld
        ? `<br>\nLogs: ${escapeHtml(t.logsWithheld)}</p>`
        : t.logsIncomplete
          ? `<br>\nLogs incomplete: ${escapeHtml(t.logsIncomplete)}</p>`
          : '</p>'),
  ];
  const events = t.events?.slice(-5) ?? [];
  const logs = t.logs?.length && logLines > 0 && !t.logsWithheld ? t.logs.slice(-logLines) : [];
  const what = [
    ...(logs.length ? [`last ${logs.length} log line${logs.length === 1 ? '' : 's'}`] : []),
    ...(events.length ? [`${events.length} event${events.length === 1 ? '' : 's'}`] : []),
  ];
  if (what.length) {
    const text = what.join(' and ');
    out.push(
      '',
      `<details><summary>${text[0]!.toUpperCase()}${text.slice(1)}</summary>`,
      '',
      ...(logs.length ? [pre(logs), ''] : []),
      ...(events.length ? [pre(events), ''] : []),
      '</details>',
    );
  }
  return out;
}

function render(
  result: SyncResult,
  app: string,
  header: string,
  runUrl: string | undefined,
  earlier: RunRecord[],
  logLines: number,
  allRows: boolean,
): string {
  const took = formatDuration(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
  const out = [commentMarker(app, header)];
  // What a reviewer opens the comment for: the running preview, on its first line.
  const preview = previewLine(result);
  if (preview) out.push(preview, '');
  if (header) out.push(`#### ${escapeHtml(header)}`);
  out.push(`### ${STATUS_ICON[result.status] ?? ''} hook-sync ${code(app)}: ${result.status}`);
  out.push(
    `Revision ${code(result.revision.slice(0, 7))} · ${took}${runUrl ? ` · ${runLink(runUrl)}` : ''}`,
    '',
  );
  const message = messageBlock(result.message);
  if (message) out.push(message, '');
  const images = [...new Set((result.images ?? []).map((i) => i.to))];
  if (images.length)
    out.push(`Images: ${images.map(code).join(', ')} (${result.images!.length} containers)`, '');
  for (const t of result.tasks.filter(isFailure)) out.push(...failure(t, logLines), '');

  const ordered = executionOrder(result.tasks);
  const rows = allRows
    ? ordered.filter((t) => t.status !== 'Skipped' || t.hook)
    : ordered.filter((t) => t.hook || t.status !== 'Succeeded');
  if (rows.length) {
    out.push('| Phase | Wave | Object | Result | Duration |', '|---|---|---|---|---|', ...rows.map(row));
    const hidden = ordered.filter((t) => !rows.includes(t));
    if (hidden.length)
      out.push(
        '',
        `<p>… and ${hidden.length} more resource${hidden.length === 1 ? '' : 's'}: ${tally(hidden)}</p>`,
      );
    out.push('');
  }
  if (earlier.length) {
    out.push('<details><summary>Earlier runs</summary>', '');
    for (const r of earlier) {
      out.push(
        `- ${STATUS_ICON[r.status] ?? ''} ${escapeHtml(r.status)} · ${code(r.revision.slice(0, 7))} · ${escapeHtml(r.at.replace('T', ' ').slice(0, 16))} UTC${r.url ? ` · ${runLink(r.url)}` : ''} — ${escapeHtml(truncateAtWord(r.message, EARLIER_MESSAGE))}`,
      );
    }
    out.push('', '</details>');
  }
  const history = [record(result, runUrl), ...earlier].slice(0, HISTORY_LIMIT);
  out.push(`<!-- hook-sync:history ${Buffer.from(JSON.stringify(history)).toString('base64')} -->`);
  return out.join('\n');
}

/** The comment body for this run, given the previous body (for its history), under GitHub's limit. */
export function renderPrComment(
  result: SyncResult,
  app: string,
  header: string,
  runUrl: string | undefined,
  previousBody?: string,
): string {
  const earlier = historyOf(previousBody).slice(0, HISTORY_LIMIT - 1);
  for (const [logs, all] of [
    [20, true],
    [5, true],
    [0, true],
    [0, false],
  ] as const) {
    const body = render(result, app, header, runUrl, earlier, logs, all);
    if (body.length <= COMMENT_LIMIT) return body;
  }
  return render(result, app, header, runUrl, [], 0, false).slice(0, COMMENT_LIMIT);
}
