export const id = 743;
export const ids = [743];
export const modules = {

/***/ 743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: annotate

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 3 modules
var core = __webpack_require__(9140);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var lib_summary = __webpack_require__(3030);
// EXTERNAL MODULE: ./src/cluster/kubeconfig.ts + 1 modules
var kubeconfig = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(5627);
// EXTERNAL MODULE: ./src/report/image-substitutions.ts
var image_substitutions = __webpack_require__(3064);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(575);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(5765);
;// CONCATENATED MODULE: ./src/report/timeline.ts
function label(text) {
    // Mermaid's Gantt syntax breaks on ':' '#' ';' and friends: keep names readable, drop the rest.
    return (text
        .replace(/[^A-Za-z0-9 ._/-]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 60) || 'task');
}
/**
 * The axis labels for a chart spanning `spanMs`. Mermaid lets d3 pick about ten ticks over the span: under
 * ten seconds they fall between whole seconds, so they carry milliseconds (`2.500s`); above, whole
 * seconds (`45s`, `130s`). Never wall-clock time, so no two ticks of a short sync read the same.
 */
function axisFormat(spanMs) {
    return spanMs < 12_000 ? '%s.%Ls' : '%ss';
}
function tag(t) {
    if (t.status === 'Succeeded')
        return 'done';
    if (t.status === 'Failed' || t.status === 'Terminated')
        return 'crit';
    return 'active';
}
function mermaidTimeline(result) {
    const started = result.tasks.filter((t) => t.startedAt && t.finishedAt);
    if (started.length === 0)
        return undefined;
    const origin = Date.parse(result.startedAt);
    const bars = started
        .map((t) => {
        const start = Math.max(0, Date.parse(t.startedAt) - origin);
        return { t, start, end: Math.max(Date.parse(t.finishedAt) - origin, start + 1) };
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

;// CONCATENATED MODULE: ./src/report/app-urls-markdown.ts

const MAX_SHOWN = 3;
function links(result) {
    const urls = result.urls ?? [];
    const shown = urls
        .slice(0, MAX_SHOWN)
        .map((u) => `[${(0,markdown/* escapeHtml */.ZD)(u.url)}](${encodeURI(u.url).replace(/\)/g, '%29')})`);
    const more = urls.length - shown.length;
    return shown.join(' · ') + (more > 0 ? ` (+${more} more)` : '');
}
/** ` · https://…` after the summary's heading, or ''. */
function urlsInline(result) {
    return result.urls?.length ? ` · ${links(result)}` : '';
}
/** `**Preview:** https://…`, or undefined when the sync published no address. */
function previewLine(result) {
    return result.urls?.length ? `**Preview:** ${links(result)}` : undefined;
}

;// CONCATENATED MODULE: ./src/report/job-summary.ts
/**
 * The job summary: what every hook did, how long it took and why it failed, where people look first.
 * Reads only the result; every value from users or the cluster is HTML-escaped; the whole stays under
 * GitHub's 1 MiB limit by cutting logs first, then events, then succeeded rows.
 *
 * Layout: the outcome and the app; why it failed, in plain sight (each failed task with its phase, wave,
 * reason, message and manifest, then the tail of its logs and its events); the run's facts in a one-row
 * table; one table of every task in execution order; a timeline in seconds since the sync started.
 */






const SUMMARY_LIMIT = 1024 * 1024;
/** How long a task ran, or '' when it never started. */
function taskDuration(t) {
    return t.startedAt && t.finishedAt
        ? (0,duration/* formatDuration */.a3)(Date.parse(t.finishedAt) - Date.parse(t.startedAt))
        : '';
}
function objectName(t) {
    return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}
function isFailure(t) {
    return t.status === 'Failed' || t.status === 'Terminated';
}
/** `PreSync hook Job shop/migrate` or `Deployment shop/web`. */
function taskTitle(t) {
    return `${t.hook ? `${t.phase} hook ` : ''}${objectName(t)}`;
}
/**
 * The order people read a sync in: tasks that ran, in the order they started; then those never reached,
 * in plan order; last the SyncFail hooks that did not run because nothing failed. (The result already
 * lists started tasks first; this only moves SyncFail hooks that never started to the end.)
 */
function executionOrder(tasks) {
    const rank = (t) => (t.startedAt ? 0 : t.phase === 'SyncFail' ? 2 : 1);
    return tasks
        .map((t, i) => ({ t, i }))
        .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
        .map(({ t }) => t);
}
/**
 * The result's message, each line once: one line as a paragraph; several (an Invalid run's errors, a
 * SyncFail hook's failure after the sync's) as a list, under the first line when that one introduces them.
 */
function messageBlock(message) {
    const lines = message
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    if (lines.length <= 1)
        return lines.length ? `<p>${(0,markdown/* escapeHtml */.ZD)(lines[0])}</p>` : '';
    const intro = lines[0].endsWith(':') ? lines.shift() : undefined;
    return [
        ...(intro ? [`<p>${(0,markdown/* escapeHtml */.ZD)(intro)}</p>`] : []),
        '<ul>',
        ...lines.map((l) => `<li>${(0,markdown/* escapeHtml */.ZD)(l)}</li>`),
        '</ul>',
    ].join('\n');
}
function resultText(t) {
    return `${markdown/* STATUS_ICON */.tW[t.status] ?? ''} ${t.status}${t.deleted ? ' (deleted)' : ''}`;
}
/** One failed task: the reason in plain sight, then its logs and events in blocks left open. */
function failureDetails(t, budget) {
    const lines = [
        `<p>${markdown/* STATUS_ICON */.tW[t.status]} <b>${(0,markdown/* escapeHtml */.ZD)(taskTitle(t))}</b> · ${(0,markdown/* escapeHtml */.ZD)(t.phase)} · wave ${t.wave}<br>`,
        `<b>${(0,markdown/* escapeHtml */.ZD)(t.reason ?? t.status)}</b>: ${(0,markdown/* escapeHtml */.ZD)(t.message || t.status)}<br>`,
        `Manifest: ${(0,markdown/* code */.aY)(t.source)}` +
            (t.logsWithheld
                ? `<br>\nLogs: ${(0,markdown/* escapeHtml */.ZD)(t.logsWithheld)}</p>`
                : t.logsIncomplete
                    ? `<br>\nLogs incomplete: ${(0,markdown/* escapeHtml */.ZD)(t.logsIncomplete)}</p>`
                    : '</p>'),
    ];
    const blocks = [];
    if (t.logs?.length && budget.logLines > 0 && !t.logsWithheld) {
        const shown = t.logs.slice(-budget.logLines);
        blocks.push(`<details open><summary>Last ${shown.length} log line${shown.length === 1 ? '' : 's'}</summary>`, '', (0,markdown/* pre */.AS)(shown), '', '</details>');
    }
    if (t.events?.length && budget.eventLines > 0) {
        const shown = t.events.slice(-budget.eventLines);
        blocks.push(`<details open><summary>Events${shown.length < t.events.length ? ` (last ${shown.length} of ${t.events.length})` : ''}</summary>`, '', (0,markdown/* pre */.AS)(shown), '', '</details>');
    }
    return [lines.join('\n'), ...(blocks.length ? ['', ...blocks] : [])].join('\n');
}
/** The run's facts as one table row under real headers; facts not known are left out, not left blank. */
function factsTable(result, ctx) {
    const took = (0,duration/* formatDuration */.a3)(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
    const facts = [
        ['App', ctx.app ? (0,markdown/* code */.aY)(ctx.app) : ''],
        ['Revision', result.revision ? (0,markdown/* code */.aY)(result.revision.slice(0, 12)) : ''],
        ['Namespace', ctx.namespace ? (0,markdown/* code */.aY)(ctx.namespace) : ''],
        ['Cluster context', ctx.context ? (0,markdown/* code */.aY)(ctx.context) : ''],
        ['Started', `${(0,markdown/* escapeHtml */.ZD)(result.startedAt.replace('T', ' ').slice(0, 19))} UTC`],
        ['Duration', took],
        ['Run', ctx.runUrl ? (0,markdown/* runLink */.ut)(ctx.runUrl) : ''],
    ];
    const known = facts.filter(([, v]) => v);
    return [
        `| ${known.map(([k]) => k).join(' | ')} |`,
        `|${known.map(() => '---').join('|')}|`,
        `| ${known.map(([, v]) => v).join(' | ')} |`,
    ];
}
function tasksTable(result, budget) {
    const ordered = executionOrder(result.tasks);
    const rows = budget.succeededRows ? ordered : ordered.filter((t) => t.status !== 'Succeeded' || t.hook);
    const out = [
        `### Tasks (${result.tasks.length}) in execution order`,
        '',
        '| Phase | Wave | Object | Type | Result | Duration | Message |',
        '|---|---|---|---|---|---|---|',
    ];
    for (const t of rows)
        out.push(`| ${(0,markdown/* cell */.Hn)(t.phase)} | ${t.wave} | ${(0,markdown/* cell */.Hn)(objectName(t))} | ${t.hook ? 'hook' : 'resource'} | ${resultText(t)} | ${taskDuration(t) || markdown/* NONE */.x3} | ${(0,markdown/* cell */.Hn)(t.logsIncomplete ? `${t.message}; logs incomplete: ${t.logsIncomplete}` : t.message)} |`);
    const hidden = ordered.length - rows.length;
    if (hidden > 0)
        out.push('', `<p>… and ${hidden} more resource${hidden === 1 ? '' : 's'} that succeeded, left out to fit GitHub's summary limit.</p>`);
    return out;
}
function render(result, ctx, budget) {
    const out = [];
    out.push(`## ${markdown/* STATUS_ICON */.tW[result.status] ?? ''} hook-sync: ${result.status}${ctx.app ? ` — ${(0,markdown/* escapeHtml */.ZD)(ctx.app)}` : ''}${urlsInline(result)}`, '');
    const message = messageBlock(result.message);
    if (message)
        out.push(message, '');
    const failed = result.tasks.filter(isFailure);
    if (failed.length) {
        out.push(`### ${failed.length === 1 ? 'What failed' : `What failed (${failed.length})`}`, '');
        for (const t of failed)
            out.push(failureDetails(t, budget), '');
    }
    out.push(...factsTable(result, ctx), '');
    if (result.previous)
        out.push(`Previous run: ${markdown/* STATUS_ICON */.tW[result.previous.status] ?? ''} ${(0,markdown/* escapeHtml */.ZD)(result.previous.status)} · ${(0,markdown/* escapeHtml */.ZD)(result.previous.operation)} of ${(0,markdown/* code */.aY)(result.previous.revision.slice(0, 12))} · ${(0,markdown/* escapeHtml */.ZD)(result.previous.startedAt.replace('T', ' ').slice(0, 19))} UTC · by ${(0,markdown/* escapeHtml */.ZD)(result.previous.by)}`, '');
    out.push(...(0,image_substitutions/* imagesMarkdown */.ad)(ctx.images));
    if (result.tasks.length)
        out.push(...tasksTable(result, budget), '');
    const timeline = mermaidTimeline(result);
    if (timeline)
        out.push('### Timeline (seconds since the sync started)', '', timeline, '');
    if (ctx.warnings.length) {
        out.push(`### Warnings (${ctx.warnings.length})`, '');
        for (const w of ctx.warnings)
            out.push(`- ${(0,markdown/* escapeHtml */.ZD)((0,src_diagnostics/* formatDiagnostic */.xy)(w))}`);
        out.push('');
    }
    return out.join('\n');
}
/** The summary in Markdown, cut down (logs first) until it fits under `limit` bytes. */
function renderJobSummary(result, ctx, limit = SUMMARY_LIMIT) {
    const budgets = [
        { logLines: 50, eventLines: 10, succeededRows: true },
        { logLines: 20, eventLines: 10, succeededRows: true },
        { logLines: 5, eventLines: 5, succeededRows: true },
        { logLines: 0, eventLines: 3, succeededRows: true },
        { logLines: 0, eventLines: 0, succeededRows: false },
    ];
    for (const budget of budgets) {
        const text = render(result, ctx, budget);
        if (Buffer.byteLength(text) <= limit)
            return text;
    }
    const text = render(result, ctx, budgets[budgets.length - 1]);
    const note = "\n\n… (truncated to fit GitHub's summary limit)\n";
    return (Buffer.from(text)
        .subarray(0, limit - Buffer.byteLength(note))
        .toString('utf8')
        .replace(/\uFFFD$/, '') + note);
}

;// CONCATENATED MODULE: ./src/report/pr-comment.ts
/**
 * The sticky pull-request comment: one per app (and header), found again by a hidden marker, showing the
 * latest result and a line per earlier run. The run history travels inside the comment itself.
 * Why a run failed comes first and in plain sight; logs and events are one click away.
 */




const COMMENT_LIMIT = 65_536;
const HISTORY_LIMIT = 10;
function commentMarker(app, header = '') {
    return `<!-- hook-sync:comment app=${encodeURIComponent(app)} header=${encodeURIComponent(header)} -->`;
}
const HISTORY = /<!-- hook-sync:history (.*?) -->/s;
/** Earlier runs recorded in an existing comment, newest first. */
function historyOf(body) {
    const m = body ? HISTORY.exec(body) : null;
    if (!m)
        return [];
    try {
        const parsed = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
        return Array.isArray(parsed) ? parsed : [];
    }
    catch {
        return [];
    }
}
function record(result, url) {
    return {
        status: result.status,
        revision: result.revision,
        at: result.finishedAt,
        url,
        message: (0,markdown/* truncateAtWord */._n)(result.message.split('\n')[0], 200),
    };
}
/** How long an earlier run's line may be before it is cut at a word. */
const EARLIER_MESSAGE = 120;
function row(t) {
    return `| ${(0,markdown/* cell */.Hn)(t.phase)} | ${t.wave} | ${(0,markdown/* cell */.Hn)(`${t.kind}/${t.name}`)}${t.hook ? ' (hook)' : ''} | ${markdown/* STATUS_ICON */.tW[t.status]} ${t.status}${t.logsIncomplete ? ` · ${(0,markdown/* cell */.Hn)(`logs incomplete: ${t.logsIncomplete}`)}` : ''} | ${taskDuration(t) || markdown/* NONE */.x3} |`;
}
/** `2 Succeeded, 1 Skipped`: what the rows left out of the table were. */
function tally(tasks) {
    const counts = new Map();
    for (const t of tasks)
        counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}
/** A failed task: the reason in plain sight; its events and the tail of its logs one click away. */
function failure(t, logLines) {
    const out = [
        `<p>${markdown/* STATUS_ICON */.tW[t.status]} <b>${(0,markdown/* escapeHtml */.ZD)(taskTitle(t))}</b> · ${(0,markdown/* escapeHtml */.ZD)(t.phase)} · wave ${t.wave}<br>`,
        `<b>${(0,markdown/* escapeHtml */.ZD)(t.reason ?? t.status)}</b>: ${(0,markdown/* escapeHtml */.ZD)(t.message || t.status)}<br>`,
        `Manifest: ${(0,markdown/* code */.aY)(t.source)}` +
            (t.logsWithheld
                ? `<br>\nLogs: ${(0,markdown/* escapeHtml */.ZD)(t.logsWithheld)}</p>`
                : t.logsIncomplete
                    ? `<br>\nLogs incomplete: ${(0,markdown/* escapeHtml */.ZD)(t.logsIncomplete)}</p>`
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
        out.push('', `<details><summary>${text[0].toUpperCase()}${text.slice(1)}</summary>`, '', ...(logs.length ? [(0,markdown/* pre */.AS)(logs), ''] : []), ...(events.length ? [(0,markdown/* pre */.AS)(events), ''] : []), '</details>');
    }
    return out;
}
function pr_comment_render(result, app, header, runUrl, earlier, logLines, allRows) {
    const took = (0,duration/* formatDuration */.a3)(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
    const out = [commentMarker(app, header)];
    // What a reviewer opens the comment for: the running preview, on its first line.
    const preview = previewLine(result);
    if (preview)
        out.push(preview, '');
    if (header)
        out.push(`#### ${(0,markdown/* escapeHtml */.ZD)(header)}`);
    out.push(`### ${markdown/* STATUS_ICON */.tW[result.status] ?? ''} hook-sync ${(0,markdown/* code */.aY)(app)}: ${result.status}`);
    out.push(`Revision ${(0,markdown/* code */.aY)(result.revision.slice(0, 7))} · ${took}${runUrl ? ` · ${(0,markdown/* runLink */.ut)(runUrl)}` : ''}`, '');
    const message = messageBlock(result.message);
    if (message)
        out.push(message, '');
    const images = [...new Set((result.images ?? []).map((i) => i.to))];
    if (images.length)
        out.push(`Images: ${images.map(markdown/* code */.aY).join(', ')} (${result.images.length} containers)`, '');
    for (const t of result.tasks.filter(isFailure))
        out.push(...failure(t, logLines), '');
    const ordered = executionOrder(result.tasks);
    const rows = allRows
        ? ordered.filter((t) => t.status !== 'Skipped' || t.hook)
        : ordered.filter((t) => t.hook || t.status !== 'Succeeded');
    if (rows.length) {
        out.push('| Phase | Wave | Object | Result | Duration |', '|---|---|---|---|---|', ...rows.map(row));
        const hidden = ordered.filter((t) => !rows.includes(t));
        if (hidden.length)
            out.push('', `<p>… and ${hidden.length} more resource${hidden.length === 1 ? '' : 's'}: ${tally(hidden)}</p>`);
        out.push('');
    }
    if (earlier.length) {
        out.push('<details><summary>Earlier runs</summary>', '');
        for (const r of earlier) {
            out.push(`- ${markdown/* STATUS_ICON */.tW[r.status] ?? ''} ${(0,markdown/* escapeHtml */.ZD)(r.status)} · ${(0,markdown/* code */.aY)(r.revision.slice(0, 7))} · ${(0,markdown/* escapeHtml */.ZD)(r.at.replace('T', ' ').slice(0, 16))} UTC${r.url ? ` · ${(0,markdown/* runLink */.ut)(r.url)}` : ''} — ${(0,markdown/* escapeHtml */.ZD)((0,markdown/* truncateAtWord */._n)(r.message, EARLIER_MESSAGE))}`);
        }
        out.push('', '</details>');
    }
    const history = [record(result, runUrl), ...earlier].slice(0, HISTORY_LIMIT);
    out.push(`<!-- hook-sync:history ${Buffer.from(JSON.stringify(history)).toString('base64')} -->`);
    return out.join('\n');
}
/** The comment body for this run, given the previous body (for its history), under GitHub's limit. */
function renderPrComment(result, app, header, runUrl, previousBody) {
    const earlier = historyOf(previousBody).slice(0, HISTORY_LIMIT - 1);
    for (const [logs, all] of [
        [20, true],
        [5, true],
        [0, true],
        [0, false],
    ]) {
        const body = pr_comment_render(result, app, header, runUrl, earlier, logs, all);
        if (body.length <= COMMENT_LIMIT)
            return body;
    }
    return pr_comment_render(result, app, header, runUrl, [], 0, false).slice(0, COMMENT_LIMIT);
}

// EXTERNAL MODULE: ./src/sync/redactor.ts
var sync_redactor = __webpack_require__(8959);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/action/pull-request.ts
async function findPullRequest(octokit, event) {
    if (event.payload.pull_request?.number)
        return event.payload.pull_request.number;
    if (event.eventName !== 'push')
        return undefined;
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: event.owner,
        repo: event.repo,
        commit_sha: event.sha,
    });
    const pr = data.find((p) => p.head?.sha === event.sha) ?? data.find((p) => p.merge_commit_sha === event.sha);
    return pr?.number;
}

;// CONCATENATED MODULE: ./src/action/sticky-comment.ts
/**
 * Creates or updates the one hook-sync comment of this app on the pull request. Missing permissions (a
 * fork's read-only token, no `pull-requests: write`) are a warning: the deployment's result stands.
 */

/** The comment that starts with `marker` is updated (render gets its body), or a new one is created. */
async function upsertComment(octokit, target, marker, render) {
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issue,
            per_page: 100,
        });
        const existing = comments.find((c) => c.body?.startsWith(marker));
        const body = render(existing?.body ?? undefined);
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({
                owner: target.owner,
                repo: target.repo,
                comment_id: existing.id,
                body,
            });
            return { outcome: 'updated', url: data.html_url };
        }
        const { data } = await octokit.rest.issues.createComment({
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issue,
            body,
        });
        return { outcome: 'created', url: data.html_url };
    }
    catch (err) {
        const status = err.status;
        const why = status === 403 || status === 404
            ? 'the token may not comment on this pull request (a fork\'s read-only token, or the workflow lacks "permissions: pull-requests: write")'
            : err.message;
        core/* warning */.$e(`hook-sync could not write the pull request comment: ${why}. The sync result is unaffected.`);
        return { outcome: 'skipped' };
    }
}

;// CONCATENATED MODULE: ./src/action/pull-request-comment.ts
/**
 * The sticky comment of a run on its pull request, for a sync and for a plan alike: which PR, which
 * comment (found by its marker), and the `comment-url` output. Never fails the job: the result stands.
 */




function runUrl() {
    const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
    return GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
        ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
        : undefined;
}
/** The event that started the run, read afresh (the toolkit's `context` is read once, at import). */
function eventPayload() {
    const file = process.env.GITHUB_EVENT_PATH;
    if (!file)
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return {};
    }
}
/** `render` gets the existing comment's body (its run history) and returns the new, already masked. */
async function commentOnPullRequest(inputs, marker, render) {
    if (!inputs.comment)
        return;
    if (!inputs.githubToken) {
        core/* info */.pq('no github-token: skipping the pull request comment');
        return;
    }
    const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        return;
    // Imported when a comment is due: the GitHub API client is not needed before the sync's end.
    const github = await __webpack_require__.e(/* import() */ 971).then(__webpack_require__.bind(__webpack_require__, 5971));
    const octokit = github.getOctokit(inputs.githubToken, {
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    });
    let issue;
    try {
        issue = await findPullRequest(octokit, {
            eventName: process.env.GITHUB_EVENT_NAME ?? '',
            sha: process.env.GITHUB_SHA ?? '',
            owner,
            repo,
            payload: eventPayload(),
        });
    }
    catch (err) {
        core/* warning */.$e(`hook-sync could not look up the pull request of this commit: ${err.message}. No comment written.`);
        return;
    }
    if (!issue) {
        core/* info */.pq('this run belongs to no pull request: no comment written');
        return;
    }
    const { outcome, url } = await upsertComment(octokit, { owner, repo, issue }, marker, render);
    if (outcome !== 'skipped')
        core/* info */.pq(`pull request #${issue}: comment ${outcome}${url ? ` (${url})` : ''}`);
    if (url)
        core/* setOutput */.uH('comment-url', url);
}

;// CONCATENATED MODULE: ./src/action/run-origin.ts

function runOrigin(env = process.env) {
    const repository = env.GITHUB_REPOSITORY || undefined;
    const pr = eventPayload().pull_request;
    if (!repository && !pr?.number)
        return undefined;
    return {
        ...(repository ? { repository } : {}),
        ...(pr?.number ? { pullRequest: pr.number } : {}),
        ...(pr?.html_url ? { pullRequestUrl: pr.html_url } : {}),
    };
}

// EXTERNAL MODULE: ./src/sync/sync-from-paths.ts + 20 modules
var sync_from_paths = __webpack_require__(7279);
// EXTERNAL MODULE: ./src/lifecycle/input-limits.ts
var input_limits = __webpack_require__(8445);
// EXTERNAL MODULE: ./src/manifests/image-overrides.ts + 1 modules
var image_overrides = __webpack_require__(9037);
// EXTERNAL MODULE: ./src/lifecycle/namespace-metadata.ts
var namespace_metadata = __webpack_require__(1037);
;// CONCATENATED MODULE: ./src/action/inputs.ts
/** The action's inputs, read and checked in one place (as actions/checkout's input-helper does). */





class ActionInputError extends Error {
    name = 'ActionInputError';
}
function booleanInput(name, fallback) {
    const raw = core/* getInput */.V4(name).trim().toLowerCase();
    if (!raw)
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(raw))
        return true;
    if (['false', 'no', '0', 'off'].includes(raw))
        return false;
    throw new ActionInputError(`input "${name}" must be true or false, not "${core/* getInput */.V4(name)}"`);
}
function readInputs(env = process.env) {
    const manifests = core/* getMultilineInput */.q3('manifests')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
    const operation = (core/* getInput */.V4('operation') || 'sync').trim();
    if (operation !== 'sync' && operation !== 'plan' && operation !== 'delete')
        throw new ActionInputError(`input "operation" must be sync, plan or delete, not "${operation}"`);
    // A delete works from the application's inventory alone: a closed PR's branch may be gone.
    if (manifests.length === 0 && operation !== 'delete')
        throw new ActionInputError('input "manifests" is required: paths, directories or globs of manifests, one per line');
    // Empty: the kubeconfig a login step left in $KUBECONFIG or ~/.kube/config (found when syncing).
    const kubeconfig = core/* getInput */.V4('kubeconfig');
    const timeout = (0,duration/* checkDuration */.fU)(core/* getInput */.V4('timeout') || '10m');
    if (timeout.problem !== undefined)
        throw new ActionInputError(`input "timeout" ${timeout.problem}`);
    const timeoutMs = timeout.ms;
    const lockTtlText = core/* getInput */.V4('lock-ttl').trim();
    const ttl = lockTtlText ? (0,duration/* checkDuration */.fU)(lockTtlText, input_limits/* LOCK_TTL_LIMITS */.m) : undefined;
    if (ttl?.problem !== undefined)
        throw new ActionInputError(`input "lock-ttl" ${ttl.problem}`);
    const lockTtl = ttl?.ms;
    const appInput = core/* getInput */.V4('app', { trimWhitespace: false });
    const appProblem = appInput.trim() ? (0,input_limits/* appNameProblem */.A)(appInput.trim()) : undefined;
    if (appProblem)
        throw new ActionInputError(`input "app" ${appProblem}`);
    const namespace = core/* getInput */.V4('namespace').trim() || 'default';
    const labels = (0,namespace_metadata/* parseNamespaceMetadata */.g)(core/* getMultilineInput */.q3('namespace-labels'), 'label', 'input "namespace-labels"');
    const annotations = (0,namespace_metadata/* parseNamespaceMetadata */.g)(core/* getMultilineInput */.q3('namespace-annotations'), 'annotation', 'input "namespace-annotations"');
    const problems = [(0,namespace_metadata/* namespaceNameProblem */.S)(namespace), ...labels.errors, ...annotations.errors].filter((p) => !!p);
    if (problems.length)
        throw new ActionInputError(problems.join('\n'));
    const createNamespace = booleanInput('create-namespace', false);
    const metadataAsked = Object.keys(labels.values).length + Object.keys(annotations.values).length > 0;
    const repository = env.GITHUB_REPOSITORY ?? '';
    return {
        manifests,
        images: (0,image_overrides/* overrideInputsFromLines */.L6)(core/* getInput */.V4('images', { trimWhitespace: false }), 'images'),
        kubeconfig,
        context: core/* getInput */.V4('context').trim() || undefined,
        namespace,
        app: core/* getInput */.V4('app').trim() || repository.split('/')[1] || 'app',
        operation,
        prune: booleanInput('prune', false),
        lock: booleanInput('lock', true),
        lockTtlSeconds: lockTtl === undefined ? undefined : Math.ceil(lockTtl / 1000),
        ...(createNamespace || metadataAsked
            ? {
                createNamespace: {
                    create: createNamespace,
                    labels: labels.values,
                    annotations: annotations.values,
                },
            }
            : {}),
        wait: booleanInput('wait', true),
        timeoutMs,
        githubToken: core/* getInput */.V4('github-token'),
        comment: booleanInput('comment', true),
        commentHeader: core/* getInput */.V4('comment-header').trim(),
    };
}

// EXTERNAL MODULE: ./src/report/task-narration.ts
var task_narration = __webpack_require__(5766);
;// CONCATENATED MODULE: ./src/action/log-groups.ts
/** The run's log: a collapsible group per phase and wave, hook logs live inside, failures annotated at their manifest. */


function groupedLogObserver(redact) {
    let open = false;
    const narrate = (0,task_narration/* createNarrator */.M)();
    const close = () => {
        if (open)
            core/* endGroup */.N4();
        open = false;
    };
    return {
        close,
        wave(phase, wave, runs) {
            close();
            core/* startGroup */.Oh(`${phase} · wave ${wave} (${runs.length} task${runs.length === 1 ? '' : 's'})`);
            open = true;
        },
        info: (message) => core/* info */.pq(redact(message)),
        hookLog: (l) => core/* info */.pq(redact(`[${l.hook}] ${l.line}`)),
        task(run) {
            const said = narrate(run);
            if (!said)
                return;
            if (!said.failed)
                core/* info */.pq(redact(said.line));
            else
                core/* error */.z3(redact(said.line), {
                    file: run.task.source.file,
                    startLine: run.task.source.line,
                    title: `hook-sync: ${run.describe()}`,
                });
        },
    };
}

// EXTERNAL MODULE: ./src/cluster/cluster-client.ts + 5 modules
var cluster_client = __webpack_require__(8162);
// EXTERNAL MODULE: ./src/diff/live-preview.ts
var live_preview = __webpack_require__(4696);
// EXTERNAL MODULE: ./src/lifecycle/inventory.ts
var inventory = __webpack_require__(6996);
// EXTERNAL MODULE: ./src/lifecycle/inventory-store.ts
var inventory_store = __webpack_require__(4024);
// EXTERNAL MODULE: ./src/lifecycle/recovery.ts
var recovery = __webpack_require__(6393);
// EXTERNAL MODULE: ./src/plan/load-plan.ts + 11 modules
var load_plan = __webpack_require__(1040);
// EXTERNAL MODULE: ./src/report/plan-report.ts
var plan_report = __webpack_require__(6914);
// EXTERNAL MODULE: ./src/diff/object-diff.ts
var object_diff = __webpack_require__(9818);
// EXTERNAL MODULE: ./src/plan/hook-names.ts
var hook_names = __webpack_require__(5721);
// EXTERNAL MODULE: ./src/plan/sync-task.ts
var sync_task = __webpack_require__(7752);
;// CONCATENATED MODULE: ./src/report/plan-summary.ts
/**
 * A plan for reviewers (the action's `operation: plan`): in the job summary and the sticky PR comment, the
 * order the sync would run in, each hook with its delete policies, the warnings at their file and line,
 * and — when a cluster was given — what would change there, field by field. Secret values are never shown.
 */






const CHANGE_TEXT = {
    create: '➕ created',
    update: '✏️ changed',
    unchanged: '· unchanged',
    run: '▶️ runs',
    unknown: '❔ not known yet',
    refused: '❌ refused',
};
function planCommentMarker(app, header = '') {
    return `<!-- hook-sync:plan app=${encodeURIComponent(app)} header=${encodeURIComponent(header)} -->`;
}
function plan_summary_objectName(t) {
    return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}
function role(t) {
    if (!t.hook)
        return t.movedFrom ? `resource (moved from ${t.movedFrom.phase} wave ${t.movedFrom.wave})` : 'resource';
    return `hook; deleted: ${t.deletePolicies.join(', ')}`;
}
function changeCell(p) {
    if (!p)
        return '—';
    const { preview } = p;
    if (preview.change === 'update')
        return `${CHANGE_TEXT.update} (${preview.fields.length} field${preview.fields.length === 1 ? '' : 's'})`;
    return CHANGE_TEXT[preview.change];
}
function plan_summary_tally(previews) {
    const counts = new Map();
    for (const { preview } of previews)
        counts.set(preview.change, (counts.get(preview.change) ?? 0) + 1);
    const words = [
        ['create', 'created'],
        ['update', 'changed'],
        ['unchanged', 'unchanged'],
        ['run', 'hook runs'],
        ['refused', 'refused by the server'],
        ['unknown', 'not known until the sync creates their kind or namespace'],
    ];
    return words
        .filter(([k]) => counts.get(k))
        .map(([k, w]) => `${counts.get(k)} ${w}`)
        .join(' · ');
}
/** The whole plan in Markdown; `compact` for the PR comment (no per-field lists beyond a few lines each). */
function renderPlanMarkdown(plan, ctx, compact = false) {
    const hooks = plan.tasks.filter((t) => t.hook).length;
    const byTask = new Map(ctx.previews?.map((p) => [(0,sync_task/* taskRef */.r)(p.task), p]) ?? []);
    const out = [
        `## 📋 hook-sync plan: ${(0,markdown/* escapeHtml */.ZD)(ctx.app)}`,
        '',
        `Revision ${(0,markdown/* code */.aY)((0,hook_names/* revisionPrefix */._)(plan.revision) || '(none)')} · namespace ${(0,markdown/* code */.aY)(plan.namespace)} · ${plan.tasks.length} tasks (${hooks} hooks)` +
            (ctx.runUrl ? ` · <a href="${(0,markdown/* escapeHtml */.ZD)(ctx.runUrl)}">workflow run</a>` : ''),
        '',
    ];
    if (ctx.previews)
        out.push(`**In the cluster${ctx.context ? ` (context ${(0,markdown/* code */.aY)(ctx.context)})` : ''}**: ${plan_summary_tally(ctx.previews) || 'nothing to do'}`, '');
    else
        out.push('_No cluster was given: the order only, no live diff._', '');
    if (plan.warnings.length) {
        out.push(`### ⚠️ Warnings (${plan.warnings.length})`, '');
        for (const w of plan.warnings)
            out.push(`- ${w.source ? `${(0,markdown/* code */.aY)((0,src_diagnostics/* formatLocation */.j$)(w.source))} ` : ''}${(0,markdown/* escapeHtml */.ZD)(w.message)}${w.hint ? ` (${(0,markdown/* escapeHtml */.ZD)(w.hint)})` : ''}`);
        out.push('');
    }
    out.push(...(0,image_substitutions/* imagesMarkdown */.ad)(plan.images));
    out.push('### Order', '', '| Phase | Wave | Object | Role | Change | Manifest |', '|---|---|---|---|---|---|');
    for (const t of plan.tasks)
        out.push(`| ${t.phase} | ${t.wave} | ${(0,markdown/* cell */.Hn)(plan_summary_objectName(t))} | ${(0,markdown/* cell */.Hn)(role(t))} | ${changeCell(byTask.get((0,sync_task/* taskRef */.r)(t)))} | ${(0,markdown/* code */.aY)((0,src_diagnostics/* formatLocation */.j$)(t.source))} |`);
    if (ctx.leaving?.objects.length) {
        const { objects, prune } = ctx.leaving;
        out.push('', `### ${prune ? 'Would be pruned' : 'Left the manifests (prune is off: they stay)'} (${objects.length})`, '');
        for (const o of objects)
            out.push(`- ${(0,markdown/* escapeHtml */.ZD)(`${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`)} (wave ${o.wave}${o.prune === 'false' ? ', kept: Prune=false' : ''})`);
    }
    const details = (ctx.previews ?? []).filter((p) => p.preview.change === 'update' || p.preview.change === 'refused' || p.preview.change === 'unknown');
    if (details.length) {
        out.push('', '### What would change', '');
        for (const { task, preview } of details) {
            const lines = preview.change === 'update'
                ? preview.fields.map(object_diff/* formatChange */.e)
                : 'message' in preview
                    ? [preview.message]
                    : [];
            const shown = compact ? lines.slice(0, 10) : lines;
            if (shown.length < lines.length)
                shown.push(`… ${lines.length - shown.length} more`);
            out.push(`<details open><summary>${(0,markdown/* escapeHtml */.ZD)(plan_summary_objectName(task))}: ${CHANGE_TEXT[preview.change]}</summary>`, '', (0,markdown/* pre */.AS)(shown), '', '</details>', '');
        }
    }
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/action/workspace-paths.ts
/**
 * Manifests must come from the checked-out repository: a path that leaves GITHUB_WORKSPACE (`../`, an
 * absolute path, a link pointing out) is refused, so a workflow input cannot make the action read and
 * apply arbitrary files from the runner.
 */



function inside(root, candidate) {
    const rel = external_node_path_default().relative(root, candidate);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
function realOrSelf(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return p;
    }
}
function checkManifestPaths(inputs, workspace) {
    const root = realOrSelf(external_node_path_default().resolve(workspace));
    for (const input of inputs) {
        // For a glob, the part before the first wildcard is what must stay inside.
        const fixed = input.split(/[*?[{]/)[0];
        const resolved = external_node_path_default().resolve(root, fixed || '.');
        if (!inside(root, resolved) || !inside(root, realOrSelf(resolved))) {
            throw new ActionInputError(`manifest path "${input}" is outside the workspace (${root}); only files of the checked-out repository can be synced`);
        }
    }
}
function checkFilesInside(files, workspace) {
    const root = realOrSelf(external_node_path_default().resolve(workspace));
    for (const f of files) {
        if (!inside(root, realOrSelf(external_node_path_default().resolve(root, f))))
            throw new ActionInputError(`manifest "${f}" resolves outside the workspace (${root}) through a link; refusing to read it`);
    }
}

;// CONCATENATED MODULE: ./src/action/plan-operation.ts
/**
 * `operation: plan`: what a sync would do, for the people reviewing a pull request — in the log, the job
 * summary and a sticky comment of its own. With a kubeconfig (the input, `$KUBECONFIG` or
 * `~/.kube/config`), also what would change in the cluster, from server-side dry runs; without one (a
 * fork's pull request has no secrets), the order alone. Nothing is ever written to the cluster.
 */













/** The cluster to diff against, when one is at hand; a plan never needs one. */
function clusterFor(inputs, redactor) {
    let source;
    try {
        source = (0,kubeconfig/* findKubeconfig */.ZE)({ text: inputs.kubeconfig, textOrigin: 'the kubeconfig input' }, process.env);
    }
    catch (err) {
        if (err instanceof kubeconfig/* KubeconfigError */.C2)
            return undefined;
        throw err;
    }
    for (const s of (0,kubeconfig/* kubeconfigSecrets */.hT)(source.text)) {
        core/* setSecret */.Pq(s);
        redactor.add(s);
    }
    const loaded = (0,kubeconfig/* loadKubeconfigSource */.ne)(source, inputs.context);
    core/* info */.pq(`hook-sync: comparing with the cluster at ${loaded.server} (context ${loaded.context}, kubeconfig from ${source.origin})`);
    return { client: new cluster_client/* ClusterClient */.EU(loaded.kc), context: loaded.context };
}
async function runPlanOperation(inputs, run) {
    const { redactor } = run;
    const safe = (s) => redactor.redact(s);
    let plan;
    try {
        plan = await (0,load_plan/* loadPlan */.Y)(inputs.manifests, {
            checkFiles: (files) => checkFilesInside(files, run.workspace),
            cwd: run.workspace,
            images: inputs.images,
            operation: 'sync',
            namespace: inputs.namespace,
            revision: run.revision,
            startedAt: Math.floor(run.startedAt.getTime() / 1000),
        });
    }
    catch (err) {
        if (!(err instanceof src_diagnostics/* InvalidInputError */.oC))
            throw err;
        run.annotate(err.diagnostics);
        const errors = err.diagnostics.filter((d) => d.severity === 'error');
        core/* setOutput */.uH('status', 'Invalid');
        core/* setFailed */.C1(safe(`hook-sync: Invalid: ${errors.length} error${errors.length === 1 ? '' : 's'} in the manifests`));
        if (process.env.GITHUB_STEP_SUMMARY)
            await lib_summary/* summary */.z
                .addRaw(safe(`## ⚠️ hook-sync plan: Invalid\n\n${errors.map((e) => `- ${(0,src_diagnostics/* formatDiagnostic */.xy)(e)}`).join('\n')}\n`), true)
                .write();
        return;
    }
    redactor.addSecretsOf(plan);
    for (const value of redactor.values)
        core/* setSecret */.Pq(value);
    run.annotate(plan.warnings);
    core/* info */.pq(safe((0,plan_report/* renderPlanText */.$D)(plan)));
    const cluster = clusterFor(inputs, redactor);
    let previews;
    let leaving;
    if (cluster) {
        try {
            // Judged as the sync would write them: with the app's tracking annotation.
            previews = await (0,live_preview/* previewPlan */.O)((0,recovery/* markOwnership */.$l)(plan, inputs.app), cluster.client, {
                createNamespace: inputs.createNamespace?.create,
            });
            leaving = (0,inventory/* pruneCandidates */.Bu)(await new inventory_store/* InventoryStore */.yq(cluster.client, inputs.app, inputs.namespace).read(), plan);
        }
        catch (err) {
            core/* warning */.$e(safe(`hook-sync: no live diff: ${err.message}`));
        }
    }
    else
        core/* info */.pq('hook-sync: no kubeconfig: the plan shows the order only, no live diff');
    const ctx = {
        app: inputs.app,
        previews,
        context: cluster?.context,
        runUrl: runUrl(),
        leaving: leaving && { objects: leaving, prune: inputs.prune },
    };
    core/* setOutput */.uH('status', 'Succeeded');
    core/* setOutput */.uH('result', safe(JSON.stringify({
        ...(0,plan_report/* planJson */.iY)(plan),
        ...(previews ? { changes: (0,live_preview/* changesJson */.c)(previews) } : {}),
    })));
    if (process.env.GITHUB_STEP_SUMMARY)
        await lib_summary/* summary */.z.addRaw(safe(renderPlanMarkdown(plan, ctx)), true).write();
    await commentOnPullRequest(inputs, planCommentMarker(inputs.app, inputs.commentHeader), () => safe(`${planCommentMarker(inputs.app, inputs.commentHeader)}\n${renderPlanMarkdown(plan, ctx, true)}`));
}

;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The GitHub Action face: inputs in; the same plan and engine as the CLI; results out as a job summary, a
 * sticky PR comment, annotations and outputs. Credentials are registered as secrets before anything is
 * logged, and every text written is passed through the same redaction.
 */














function annotate(diagnostics) {
    for (const d of diagnostics) {
        const props = d.source
            ? {
                file: d.source.file,
                startLine: d.source.line,
                ...(d.source.column ? { startColumn: d.source.column } : {}),
            }
            : {};
        if (d.severity === 'error')
            core/* error */.z3((0,src_diagnostics/* formatDiagnostic */.xy)(d), props);
        else
            core/* warning */.$e((0,src_diagnostics/* formatDiagnostic */.xy)(d), props);
    }
}
/** Outputs, the job summary and the PR comment, for every way a run ends; fails the job unless Succeeded. */
async function finish(inputs, result, context, warnings, redactor, images) {
    const safe = (s) => redactor.redact(s);
    const summary = renderJobSummary(result, {
        app: inputs?.app ?? '',
        namespace: inputs?.namespace ?? '',
        context,
        runUrl: runUrl(),
        warnings,
        images,
    });
    core/* setOutput */.uH('status', result.status);
    core/* setOutput */.uH('result', JSON.stringify(redactor.redactJson(result)));
    // `url` fits a job's `environment: url:`; `urls` has every address, one per line.
    const urls = (result.urls ?? []).map((u) => u.url);
    core/* setOutput */.uH('urls', safe(urls.join('\n')));
    core/* setOutput */.uH('url', safe(urls[0] ?? ''));
    const failed = result.tasks.find((t) => t.status === 'Failed' || t.status === 'Terminated');
    core/* setOutput */.uH('failed-task', failed ? `${failed.kind}/${failed.namespace ? `${failed.namespace}/` : ''}${failed.name}` : '');
    if (process.env.GITHUB_STEP_SUMMARY)
        await lib_summary/* summary */.z.addRaw(safe(summary), true).write();
    if (inputs)
        await commentOnPullRequest(inputs, commentMarker(inputs.app, inputs.commentHeader), (existing) => safe(renderPrComment(result, inputs.app, inputs.commentHeader, runUrl(), existing)));
    // An Invalid run's errors were each printed (annotated) already: the failure line only points at them.
    if (result.status === 'Invalid')
        core/* setFailed */.C1('hook-sync: Invalid: nothing was applied (the errors are above)');
    else if (result.status !== 'Succeeded')
        core/* setFailed */.C1(safe(`hook-sync: ${result.status}: ${result.message}`));
}
async function run() {
    const startedAt = new Date();
    const redactor = new sync_redactor/* Redactor */.p();
    const revision = process.env.GITHUB_SHA ?? 'local';
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    let inputs;
    try {
        inputs = readInputs();
        // Before anything is logged: every credential of the kubeconfig is a secret to the runner and to us.
        for (const s of (0,kubeconfig/* kubeconfigSecrets */.hT)(inputs.kubeconfig)) {
            core/* setSecret */.Pq(s);
            redactor.add(s);
        }
        checkManifestPaths(inputs.manifests, workspace);
        if (inputs.operation === 'plan')
            return await runPlanOperation(inputs, { workspace, revision, startedAt, redactor, annotate });
        const observer = groupedLogObserver((s) => redactor.redact(s));
        const given = inputs;
        let context = given.context ?? '';
        let outcome;
        try {
            outcome = await (0,sync_from_paths/* syncFromPaths */.q)({
                operation: given.operation === 'delete' ? 'delete' : 'sync',
                app: given.app,
                by: runUrl() ?? 'a GitHub Actions run',
                prune: given.prune,
                lock: given.lock,
                lockTtlSeconds: given.lockTtlSeconds,
                createNamespace: given.createNamespace,
                origin: runOrigin(),
                paths: given.manifests,
                cwd: workspace,
                checkFiles: (files) => checkFilesInside(files, workspace),
                images: given.images,
                namespace: given.namespace,
                revision,
                startedAt,
                cluster: {
                    kubeconfig: () => (0,kubeconfig/* findKubeconfig */.ZE)({
                        text: given.kubeconfig,
                        textOrigin: 'the kubeconfig input',
                        howToGive: 'set the kubeconfig input from a secret, or run a cluster login step first (fork pull requests get no secrets: use operation: plan there)',
                    }, process.env),
                    context: given.context,
                },
                timeoutMs: given.timeoutMs,
                wait: given.wait,
                signals: process,
                onCancelling: () => core/* warning */.$e('hook-sync: cancelled: deleting running hooks'),
                observer,
                redactor,
                onSecret: (value) => core/* setSecret */.Pq(value),
                onStart: (plan, target) => {
                    context = target.context;
                    annotate(plan.warnings);
                    for (const line of (0,image_substitutions/* imagesText */.WU)(plan.images))
                        core/* info */.pq(`hook-sync: ${line}`);
                    core/* info */.pq(`hook-sync: ${given.operation === 'delete' ? 'deleting' : 'syncing'} app ${given.app}: ${plan.tasks.length} tasks at ${revision.slice(0, 7)} to ${target.server} (context ${target.context}, kubeconfig from ${target.origin}), namespace ${given.namespace}`);
                },
            });
        }
        finally {
            observer.close();
        }
        if (outcome.kind === 'invalid-kubeconfig')
            throw new kubeconfig/* KubeconfigError */.C2(outcome.message);
        if (outcome.kind === 'invalid-manifests') {
            annotate(outcome.diagnostics);
            const warnings = outcome.diagnostics.filter((d) => d.severity === 'warning');
            await finish(inputs, outcome.result, context, warnings, redactor);
            return;
        }
        core/* info */.pq(redactor.redact(`hook-sync: ${outcome.result.status}: ${outcome.result.message}`));
        await finish(inputs, outcome.result, context, outcome.plan.warnings, redactor, outcome.plan.images);
    }
    catch (err) {
        if (err instanceof ActionInputError ||
            err instanceof kubeconfig/* KubeconfigError */.C2 ||
            err instanceof src_diagnostics/* InvalidInputError */.oC) {
            const message = err instanceof src_diagnostics/* InvalidInputError */.oC ? err.diagnostics.map(src_diagnostics/* formatDiagnostic */.xy).join('\n') : err.message;
            const result = (0,sync_from_paths/* invalidResult */.n)(message, revision, startedAt);
            core/* error */.z3(redactor.redact(message));
            await finish(undefined, result, inputs?.context ?? '', [], redactor);
            return;
        }
        core/* setOutput */.uH('status', 'Failed');
        core/* setFailed */.C1(redactor.redact(`hook-sync failed: ${err.message}`));
    }
}


/***/ })

};
