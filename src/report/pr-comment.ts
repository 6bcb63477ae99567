/**
 * The sticky pull-request comment: one per app (and header), found again by a hidden marker, showing the
 * latest result and a line per earlier run. The run history travels inside the comment itself.
 */
import { formatDuration } from '../duration.js';
import type { SyncResult, TaskResult } from '../sync/sync-result.js';
import { STATUS_ICON, cell, code, escapeHtml, pre } from './markdown.js';
import { taskDuration } from './job-summary.js';

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
    message: result.message.split('\n')[0]!.slice(0, 200),
  };
}

function row(t: TaskResult): string {
  return `| ${t.phase} | ${t.wave} | ${cell(`${t.kind}/${t.name}`)}${t.hook ? ' (hook)' : ''} | ${STATUS_ICON[t.status]} ${t.status} | ${taskDuration(t)} |`;
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
  if (header) out.push(`#### ${escapeHtml(header)}`);
  out.push(`### ${STATUS_ICON[result.status] ?? ''} hook-sync ${code(app)}: ${result.status}`);
  out.push(
    `Revision ${code(result.revision.slice(0, 7))} · ${took}${runUrl ? ` · <a href="${escapeHtml(runUrl)}">workflow run</a>` : ''}`,
    '',
  );
  out.push(`> ${escapeHtml(result.message).replace(/\n/g, '<br>')}`, '');
  const rows = allRows
    ? result.tasks.filter((t) => t.status !== 'Skipped' || t.hook)
    : result.tasks.filter((t) => t.hook || t.status !== 'Succeeded');
  if (rows.length) {
    out.push('| Phase | Wave | Object | Result | Duration |', '|---|---|---|---|---|', ...rows.map(row));
    const hidden = result.tasks.length - rows.length;
    if (hidden > 0) out.push(`| | | … ${hidden} more | | |`);
    out.push('');
  }
  for (const t of result.tasks.filter((x) => x.status === 'Failed' || x.status === 'Terminated')) {
    out.push(
      `<details><summary>${STATUS_ICON[t.status]} ${escapeHtml(`${t.kind}/${t.name}`)}: ${escapeHtml(t.reason ?? t.status)}</summary>`,
      '',
      `<p>${escapeHtml(t.message)}</p>`,
    );
    if (t.events?.length) out.push(pre(t.events.slice(-5)));
    if (t.logs?.length && logLines > 0) out.push(pre(t.logs.slice(-logLines)));
    if (t.logsWithheld) out.push(`<p>Logs: ${escapeHtml(t.logsWithheld)}</p>`);
    out.push('', '</details>', '');
  }
  if (earlier.length) {
    out.push('<details><summary>Earlier runs</summary>', '');
    for (const r of earlier) {
      out.push(
        `- ${STATUS_ICON[r.status] ?? ''} ${escapeHtml(r.status)} · ${code(r.revision.slice(0, 7))} · ${escapeHtml(r.at.replace('T', ' ').slice(0, 16))} UTC${r.url ? ` · <a href="${escapeHtml(r.url)}">run</a>` : ''} — ${escapeHtml(r.message)}`,
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
