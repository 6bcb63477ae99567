import { describe, expect, it } from '@jest/globals';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { COMMENT_LIMIT, historyOf, renderPrComment } from '../../src/report/pr-comment.js';
import { mermaidTimeline } from '../../src/report/timeline.js';
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
    expect(text).toContain(': &lt;b&gt;</summary>');
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
    expect(small).toContain('<b>Why</b>: failed');
    expect(small).not.toContain('line 150');
  });

  it('draws a timeline per phase and wave', () => {
    expect(
      mermaidTimeline(
        result([task(), task({ phase: 'Sync', kind: 'Deployment', name: 'web: v2', hook: false })]),
      ),
    ).toBe(
      [
        '```mermaid',
        'gantt',
        '  dateFormat x',
        '  axisFormat %M:%S',
        '  section PreSync wave 0',
        '  Job migrate :done, 1795330800000, 1795330802500',
        '  section Sync wave 0',
        '  Deployment web v2 :done, 1795330800000, 1795330802500',
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
