// A sync through an unreliable API server: throttling, 5xx answers, reset connections, lost answers, cut
// and compacted watches, cut log streams. Retries and resumption must carry it to the same result as on a
// healthy server, with every hook's log complete; a log that cannot be read says so, everywhere.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import { NO_FAULTS } from '../../src/embedded-cluster/faults.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { renderPrComment } from '../../src/report/pr-comment.js';
import { renderResultText } from '../../src/report/sync-progress.js';
import { runSync } from '../../src/sync/sync-operation.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { deploymentYaml, jobYaml, makeNamespace, planOf } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ seed: 42 });
});
afterAll(() => t.stop());

/** A client that records the waits it asks for and keeps them short (a Retry-After of 1 s included). */
function faultTolerantClient(): { client: ClusterClient; slept: number[] } {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(t.cluster.kubeconfig());
  const slept: number[] = [];
  const client = new ClusterClient(
    kc,
    { attempts: 10, baseDelayMs: 10, maxDelayMs: 200 },
    {
      timing: {
        sleep: (ms, signal) => {
          slept.push(ms);
          return new Promise((resolve) => {
            const timer = setTimeout(resolve, Math.min(ms, 50));
            signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
          });
        },
      },
    },
  );
  return { client, slept };
}

/** A hook script printing `prefix-1` … `prefix-n`, a simulated second apart (50 ms here). */
function numbered(prefix: string, n: number): { script: string; lines: string[] } {
  const lines = Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  return { script: lines.map((l) => `echo ${l}`).join('; sleep 1; '), lines };
}

describe('a sync under API faults', () => {
  it('succeeds with retries and resumed watches', async () => {
    makeNamespace(t, 'faulty');
    const yaml =
      jobYaml('migrate-', 'echo migrating; sleep 2; echo done', { 'argocd.argoproj.io/hook': 'PreSync' }) +
      deploymentYaml('web') +
      jobYaml('smoke-', 'echo smoke', { 'argocd.argoproj.io/hook': 'PostSync' });
    const plan = planOf(yaml, 'faulty');
    t.cluster.faults.set({ errorRate: 0.2, watchCutMs: 150 });
    const kc = new k8s.KubeConfig();
    kc.loadFromString(t.cluster.kubeconfig());
    const client = new ClusterClient(kc, { attempts: 10, baseDelayMs: 10, maxDelayMs: 200 });
    try {
      const result = await runSync(plan, client, { timeoutMs: 60_000, wait: true });
      expect(result.status).toBe('Succeeded');
      expect(result.tasks.map((x) => x.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    } finally {
      t.cluster.faults.set(NO_FAULTS);
    }
    const injected = t.cluster.faults.injected;
    expect(injected['429'] + injected['500'] + injected['503'] + injected.reset).toBeGreaterThan(0);
    expect(client.stats.retries).toBeGreaterThan(0);
  });

  it('keeps every hook log line, exactly once and in order, through every kind of fault, sync after sync', async () => {
    makeNamespace(t, 'all-faults');
    const before = { ...t.cluster.faults.injected };
    const { client, slept } = faultTolerantClient();
    t.cluster.faults.set({
      errorRate: 0.05,
      throttleRate: 0.05,
      retryAfterSeconds: 1,
      resetRate: 0.05,
      lostResponseRate: 0.4, // of writes: a few per sync
      watchCutMs: 150,
      watchGoneRate: 0.3,
      logCutMs: 120,
    });
    try {
      for (const round of [1, 2, 3]) {
        const migrate = numbered(`migrate${round}`, 25);
        const smoke = numbered(`smoke${round}`, 8);
        const yaml =
          jobYaml('migrate-', migrate.script, { 'argocd.argoproj.io/hook': 'PreSync' }) +
          deploymentYaml('web') +
          jobYaml('smoke-', smoke.script, { 'argocd.argoproj.io/hook': 'PostSync' });
        const live: Record<string, string[]> = {};
        const result = await runSync(planOf(yaml, 'all-faults'), client, {
          timeoutMs: 60_000,
          wait: true,
          observer: { hookLog: (l) => (live[l.hook.split('-')[0]!] ??= []).push(l.line) },
        });
        expect({ status: result.status, message: result.message }).toEqual({
          status: 'Succeeded',
          message: expect.any(String),
        });
        expect(live).toEqual({ migrate: migrate.lines, smoke: smoke.lines });
        for (const task of result.tasks.filter((x) => x.hook)) {
          expect(task.logsIncomplete).toBeUndefined();
          expect(task.logs?.at(-1)).toBe((task.name.startsWith('migrate') ? migrate : smoke).lines.at(-1));
        }
      }
    } finally {
      t.cluster.faults.set(NO_FAULTS);
    }
    const injected = t.cluster.faults.injected;
    const kinds = ['429', 'reset', 'lost-response', 'watch-cut', 'gone', 'log-cut'] as const;
    const happened = Object.fromEntries(kinds.map((f) => [f, injected[f] - before[f] > 0]));
    expect(happened).toEqual(Object.fromEntries(kinds.map((f) => [f, true])));
    expect(slept.some((ms) => ms >= 1000)).toBe(true); // a 429's Retry-After was honoured
  });

  it('says when a hook log could not be read, in the result, the summary, the comment and the CLI', async () => {
    makeNamespace(t, 'no-logs');
    t.cluster.access.deny({ verbs: ['get'], group: '', resource: 'pods/log', namespace: 'no-logs' });
    const { client } = faultTolerantClient();
    try {
      const yaml = jobYaml('migrate-', 'echo you will not see this', {
        'argocd.argoproj.io/hook': 'PreSync',
      });
      const result = await runSync(planOf(yaml, 'no-logs'), client, { timeoutMs: 60_000, wait: true });
      expect(result.status).toBe('Succeeded');
      const hook = result.tasks[0]!;
      expect(hook.logs).toBeUndefined();
      expect(hook.logsIncomplete).toMatch(
        /^pod migrate-[a-z0-9-]+: reading it was refused \(403: .*\); grant get on pods\/log/,
      );
      const ctx = { app: 'shop', namespace: 'no-logs', context: 'test', warnings: [] };
      expect(renderJobSummary(result, ctx)).toContain('logs incomplete: pod migrate-');
      expect(renderPrComment(result, 'shop', '', undefined)).toContain('logs incomplete: pod migrate-');
      expect(renderResultText(result)).toContain(`  logs incomplete: ${hook.logsIncomplete}`);
    } finally {
      t.cluster.access.clear();
    }
  });
});
