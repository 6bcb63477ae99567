import { describe, expect, it } from '@jest/globals';
import { executionOrder, renderJobSummary } from '../../src/report/job-summary.js';
import { cell, pre, runLinkText, truncateAtWord } from '../../src/report/markdown.js';
import { COMMENT_LIMIT, historyOf, renderPrComment } from '../../src/report/pr-comment.js';
import { axisFormat, mermaidTimeline } from '../../src/report/timeline.js';
import type { SyncResult, TaskResult } from '../../src/sync/sync-result.js';

const task = (over: Partial<TaskResult> = {}): TaskResult => ({
  phase: 'PreSync',
  wave: 0,
  group: 'batch',
  kind: 'Job',
  namespace: 'shop',
  name: 'migrate',
  hook: true,
  action: 'create',
  status: 'Succeeded',
  message: 'done',
  startedAt: '2026-11-22T07:00:00.000Z',
  finishedAt: '2026-11-22T07:00:02.500Z',
  deleted: false,
  source: 'deploy/migrate.yaml:2',
  ...over,
});

const result = (
  tasks: TaskResult[],
  status: SyncResult['status'] = 'Succeeded',
  message = 'ok',
): SyncResult => ({
  status,
  message,
  revision: 'c0ffee1234567890',
  startedAt: '2026-11-22T07:00:00.000Z',
  finishedAt: '2026-11-22T07:00:05.000Z',
  tasks,
});

const ctx = { app: 'shop', namespace: 'shop', context: 'prod', warnings: [] };

describe('job summary', () => {
  it('escapes everything that came from users or the cluster', () => {
    const evil = task({
      status: 'Failed',
      name: 'x|y',
      message: '<script>alert(1)</script> | pipe',
      reason: '<b>',
      logs: ['</pre><img src=x>'],
      events: ['Warning <i>'],
    });
    const text = renderJobSummary(result([evil], 'Failed', '<img src=x onerror=alert(1)>'), ctx);
    expect(text).not.toMatch(/<script>|<img|<i>/);
    expect(text).toContain('<b>&lt;b&gt;</b>: &lt;script&gt;');
    expect(text).toContain('Warning &lt;i&gt;');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| pipe');
    expect(text).toContain('&lt;/pre&gt;&lt;img src=x&gt;');
  });

  it('stays under the limit by cutting logs first', () => {
    const huge = task({
      status: 'Failed',
      reason: 'BackoffLimitExceeded',
      message: 'failed',
      logs: Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(2000)}`),
    });
    const full = renderJobSummary(result([huge], 'Failed'), ctx);
    expect(full).toContain('Last 50 log lines');
    const small = renderJobSummary(result([huge], 'Failed'), ctx, 30_000);
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(30_000);
    expect(small).toContain('<b>BackoffLimitExceeded</b>: failed');
    expect(small).toContain('Manifest: <code>deploy/migrate.yaml:2</code>');
    expect(small).not.toContain('line 150');
  });

  it('draws a timeline per phase and wave, in milliseconds since the sync started', () => {
    expect(
      mermaidTimeline(
        result([
          task(),
          task({
            phase: 'Sync',
            kind: 'Deployment',
            name: 'web: v2',
            hook: false,
            startedAt: '2026-11-22T07:00:02.600Z',
            finishedAt: '2026-11-22T07:00:04.000Z',
          }),
        ]),
      ),
    ).toBe(
      [
        '```mermaid',
        'gantt',
        '  dateFormat x',
        '  axisFormat %s.%Ls',
        '  todayMarker off',
        '  section PreSync wave 0',
        '  Job migrate :done, 0, 2500',
        '  section Sync wave 0',
        '  Deployment web v2 :done, 2600, 4000',
        '```',
      ].join('\n'),
    );
  });
});
describe('pull request comment', () => {
  it('carries the history of earlier runs, newest first, at most 10', () => {
    let body: string | undefined;
    for (let i = 0; i < 12; i++)
      body = renderPrComment(
        result([task()], i % 2 ? 'Failed' : 'Succeeded', `run ${i}`),
        'shop',
        '',
        `https://x/runs/${i}`,
        body,
      );
    const history = historyOf(body);
    expect(history).toHaveLength(10);
    expect(history.map((h) => h.message)).toEqual([
      'run 11',
      'run 10',
      'run 9',
      'run 8',
      'run 7',
      'run 6',
      'run 5',
      'run 4',
      'run 3',
      'run 2',
    ]);
    expect(body!.startsWith('<!-- hook-sync:comment app=shop header= -->')).toBe(true);
  });

  it('stays under 65,536 characters', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      task({ name: `hook-${i}-${'y'.repeat(30)}`, status: 'Failed', logs: ['z'.repeat(3000)] }),
    );
    const body = renderPrComment(result(many, 'Failed'), 'shop', 'staging', undefined);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('<!-- hook-sync:comment app=shop header=staging -->')).toBe(true);
  });
});

/** The cells of a Markdown table row, split at pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('|'));
}

/** The text with every <details> block taken out: what a reader sees without clicking. */
function visible(markdown: string): string {
  return markdown.replace(/<details(?![^>]*\bopen\b)[^>]*>[\s\S]*?<\/details>/g, '');
}

const failedRun = (): SyncResult => ({
  ...result(
    [
      task({ phase: 'PreSync', kind: 'Secret', group: '', name: 'db', hook: false, message: 'created' }),
      task({
        status: 'Failed',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        startedAt: '2026-11-22T07:00:00.300Z',
        finishedAt: '2026-11-22T07:00:04.000Z',
        source: 'deploy/migrate.yaml:3',
        logs: ['connecting', '', 'ERROR: relation "orders" already exists'],
        events: ['Warning BackoffLimitExceeded: Job has reached the specified backoff limit'],
      }),
      task({
        phase: 'SyncFail',
        name: 'notify',
        startedAt: '2026-11-22T07:00:04.100Z',
        finishedAt: '2026-11-22T07:00:04.900Z',
        deleted: true,
      }),
      task({
        phase: 'Sync',
        wave: 1,
        kind: 'Deployment',
        group: 'apps',
        name: 'web',
        hook: false,
        status: 'Skipped',
        message: 'not run: the sync failed before this task',
        startedAt: null,
        finishedAt: null,
      }),
    ],
    'Failed',
    'PreSync hook Job/shop/migrate failed: BackoffLimitExceeded: Job has reached the specified backoff limit',
  ),
});

const runCtx = { ...ctx, runUrl: 'https://github.com/acme/shop/actions/runs/4242' };

describe('job summary layout', () => {
  it('says why it failed first and in plain sight: phase, wave, reason, message, manifest', () => {
    const text = renderJobSummary(failedRun(), runCtx);
    const seen = visible(text);
    expect(seen).toContain(
      '<p>❌ <b>PreSync hook Job shop/migrate</b> · PreSync · wave 0<br>\n<b>BackoffLimitExceeded</b>: Job has reached the specified backoff limit<br>\nManifest: <code>deploy/migrate.yaml:3</code></p>',
    );
    // The reason comes before the facts table and the task table.
    expect(text.indexOf('<b>BackoffLimitExceeded</b>')).toBeLessThan(text.indexOf('| App |'));
    expect(text.indexOf('<b>BackoffLimitExceeded</b>')).toBeLessThan(text.indexOf('| Phase |'));
    // No collapsed block at all: logs and events are in open ones.
    expect(text).not.toMatch(/<details>/);
    expect(text).toContain('<details open><summary>Last 3 log lines</summary>');
    expect(text).toContain('ERROR: relation &quot;orders&quot; already exists');
    expect(text).toContain('Warning BackoffLimitExceeded: Job has reached the specified backoff limit');
  });

  it('shows why logs are withheld where the logs would be, and no logs', () => {
    const run = failedRun();
    run.tasks[1] = {
      ...run.tasks[1]!,
      logs: ['password is hunter2'],
      logsWithheld: 'its logs are not shown: hook-sync may not read Secret "platform-db"',
    };
    for (const text of [renderJobSummary(run, runCtx), renderPrComment(run, 'shop', '', undefined)]) {
      expect(visible(text)).toContain(
        'Logs: its logs are not shown: hook-sync may not read Secret &quot;platform-db&quot;',
      );
      expect(text).not.toContain('password is');
    }
  });

  it('has a facts table with real headers and no empty cell, and links "run #4242"', () => {
    const text = renderJobSummary(failedRun(), runCtx);
    expect(text).not.toContain('| | |');
    expect(text).toContain(
      '| App | Revision | Namespace | Cluster context | Started | Duration | Run |\n|---|---|---|---|---|---|---|\n| <code>shop</code> | <code>c0ffee123456</code> | <code>shop</code> | <code>prod</code> | 2026-11-22 07:00:00 UTC | 5s | <a href="https://github.com/acme/shop/actions/runs/4242">run #4242</a> |',
    );
    expect(text).not.toContain('runs 4242');
  });

  it('has no empty table cell anywhere', () => {
    const run = failedRun();
    run.tasks.push(
      task({ name: 'quiet', message: '', status: 'Pending', startedAt: null, finishedAt: null }),
    );
    for (const text of [
      renderJobSummary(run, { ...runCtx, namespace: '', context: '' }),
      renderJobSummary(run, runCtx, 3000),
      renderPrComment(run, 'shop', '', undefined),
    ]) {
      const rows = tableRows(text);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).not.toMatch(/(?<!\\)\|\s*(?<!\\)\|/);
        for (const c of cells(row)) expect(c).not.toBe('');
      }
    }
  });

  it('lists every task in one table, in execution order, with phase and wave columns', () => {
    const run = failedRun();
    // A SyncFail hook that never started is listed after everything else, even before others in the result.
    run.tasks.splice(
      3,
      0,
      task({
        phase: 'SyncFail',
        name: 'page',
        status: 'Skipped',
        message: 'not run',
        startedAt: null,
        finishedAt: null,
      }),
    );
    const text = renderJobSummary(run, runCtx);
    expect(text.match(/\| Phase \| Wave \|/g)).toHaveLength(1);
    expect(text).toContain('| Phase | Wave | Object | Type | Result | Duration | Message |');
    const rows = tableRows(text.slice(text.indexOf('| Phase |'))).slice(2);
    expect(rows.map((r) => cells(r).slice(0, 3).join(' '))).toEqual([
      'PreSync 0 Secret shop/db',
      'PreSync 0 Job shop/migrate',
      'SyncFail 0 Job shop/notify',
      'Sync 1 Deployment shop/web',
      'SyncFail 0 Job shop/page',
    ]);
    expect(rows[1]).toBe(
      '| PreSync | 0 | Job shop/migrate | hook | ❌ Failed | 4s | Job has reached the specified backoff limit |',
    );
    expect(rows[2]).toContain('| ✅ Succeeded (deleted) | 800ms |');
    expect(rows[3]).toBe(
      '| Sync | 1 | Deployment shop/web | resource | ⏭️ Skipped | — | not run: the sync failed before this task |',
    );
    expect(executionOrder(run.tasks).map((t) => t.name)).toEqual(['db', 'migrate', 'notify', 'web', 'page']);
  });

  it('draws the timeline in elapsed seconds, never wall-clock time', () => {
    const text = renderJobSummary(failedRun(), runCtx);
    expect(text).toContain('### Timeline (seconds since the sync started)');
    expect(text).toContain('  dateFormat x\n  axisFormat %s.%Ls\n  todayMarker off');
    expect(text).toContain('  Job migrate :crit, 300, 4000');
    expect(text).not.toContain('%M:%S');
    expect(axisFormat(5_000)).toBe('%s.%Ls');
    expect(axisFormat(90_000)).toBe('%ss');
    const long = mermaidTimeline(
      result([task({ startedAt: '2026-11-22T07:00:00.000Z', finishedAt: '2026-11-22T07:03:20.000Z' })]),
    );
    expect(long).toContain('  axisFormat %ss\n');
    expect(long).toContain('  Job migrate :done, 0, 200000');
  });

  it('shows an Invalid run: every error once, no table of tasks, no empty cell', () => {
    const errors = [
      'bad.yaml:6: error: ConfigMap bad: argocd.argoproj.io/sync-wave must be an integer, found "later"',
      'other.yaml:2: error: Job x: unknown hook "Sometime"',
    ];
    const invalid = result(
      [],
      'Invalid',
      `2 errors in the manifests; nothing was applied:\n${errors.join('\n')}`,
    );
    const text = renderJobSummary(invalid, { ...runCtx, app: '', namespace: '', context: '' });
    const comment = renderPrComment(invalid, 'shop', '', undefined);
    for (const out of [text, comment])
      for (const e of errors) expect(out.split(`<li>${e.replace(/"/g, '&quot;')}</li>`)).toHaveLength(2);
    expect(
      text.startsWith(
        '## ⚠️ hook-sync: Invalid\n\n<p>2 errors in the manifests; nothing was applied:</p>\n<ul>\n',
      ),
    ).toBe(true);
    expect(text).not.toContain('| Phase |');
    expect(text).not.toContain('mermaid');
    expect(comment).not.toContain('| Phase |');
    for (const row of tableRows(text)) for (const c of cells(row)) expect(c).not.toBe('');
    // Input errors (no introducing line) are a list too, each once.
    const inputs = renderJobSummary(
      result([], 'Invalid', 'input "manifests" is required\ninput "timeout" is not a duration'),
      ctx,
    );
    expect(inputs).toContain(
      '<ul>\n<li>input &quot;manifests&quot; is required</li>\n<li>input &quot;timeout&quot; is not a duration</li>\n</ul>',
    );
  });

  it('keeps blank log lines from ending the HTML block the logs sit in', () => {
    expect(pre(['a', '', '  ', 'b'])).toBe('<pre>a\n&#32;\n&#32;\nb</pre>');
    expect(cell('')).toBe('—');
    expect(cell('a|b\nc')).toBe('a\\|b<br>c');
  });
});

describe('pull request comment layout', () => {
  it('puts the reason first and in plain sight, the logs one click away', () => {
    const body = renderPrComment(failedRun(), 'shop', '', 'https://github.com/acme/shop/actions/runs/4242');
    expect(body).toContain('<a href="https://github.com/acme/shop/actions/runs/4242">run #4242</a>');
    const seen = visible(body);
    expect(seen).toContain('<b>BackoffLimitExceeded</b>: Job has reached the specified backoff limit');
    expect(seen).toContain('Manifest: <code>deploy/migrate.yaml:3</code>');
    expect(seen).not.toContain('ERROR: relation');
    expect(body).toContain('<details><summary>Last 3 log lines and 1 event</summary>');
    expect(body.indexOf('<b>BackoffLimitExceeded</b>')).toBeLessThan(body.indexOf('| Phase |'));
    expect(body).toContain('| PreSync | 0 | Job/migrate (hook) | ❌ Failed | 4s |');
    expect(body).toContain('<p>… and 1 more resource: 1 Skipped</p>');
  });

  it('cuts long earlier runs at a word, with an ellipsis', () => {
    const long =
      'successfully synced 12 resources and 3 hooks in 5 waves after waiting for the database migration to finish its long-running backfill of orders';
    const first = renderPrComment(result([task()], 'Succeeded', long), 'shop', '', undefined);
    const body = renderPrComment(result([task()], 'Failed', 'boom'), 'shop', '', undefined, first);
    const line = body.split('\n').find((l) => l.startsWith('- ✅ Succeeded'))!;
    const shown = line.slice(line.indexOf(' — ') + 3);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(120);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    expect(long[shown.length - 1]).toBe(' '); // cut where a word ended
  });

  it('truncates at a word boundary', () => {
    expect(truncateAtWord('short', 10)).toBe('short');
    expect(truncateAtWord('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(truncateAtWord('alpha beta, gamma', 13)).toBe('alpha beta…');
    expect(truncateAtWord('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(truncateAtWord('one\ntwo   three four', 14)).toBe('one two three…');
    for (const n of [5, 20, 40]) expect(truncateAtWord('x '.repeat(50), n).length).toBeLessThanOrEqual(n);
    expect(runLinkText('https://github.com/a/b/actions/runs/4242')).toBe('run #4242');
    expect(runLinkText('https://example.com/somewhere')).toBe('workflow run');
  });
});
