// After a cancel, the app operation's own requests stop retrying with the engine's: only the final
// bookkeeping (the outcome in the inventory, the lock's release) is retried, under a short scope of its
// own. Before, a throttling server (429, Retry-After) kept a cancelled run retrying for 30 s.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import { NO_FAULTS } from '../../src/embedded-cluster/faults.js';
import { runAppOperation } from '../../src/lifecycle/app-operation.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { jobYaml, makeNamespace, planOf } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ seed: 29 });
});
afterAll(() => t.stop());

it('a cancelled run under throttling retries its clean-up a bounded number of times, then returns', async () => {
  const ns = 'cancel-throttled';
  makeNamespace(t, ns);
  const afterCancel: string[] = [];
  let cancelled = false;
  const kc = new k8s.KubeConfig();
  kc.loadFromString(t.cluster.kubeconfig());
  const client = new ClusterClient(kc, {}, { debug: (m) => cancelled && afterCancel.push(m) });
  const controller = new AbortController();
  const yaml = jobYaml('long-', 'echo working; sleep 400', { 'argocd.argoproj.io/hook': 'PreSync' });
  try {
    const result = await runAppOperation(planOf(yaml, ns), client, {
      app: 'shop',
      by: 'ci',
      prune: false,
      timeoutMs: 120_000,
      wait: true,
      signal: controller.signal,
      observer: {
        hookLog: (l) => {
          if (l.line !== 'working' || cancelled) return;
          // The API server starts throttling every request (a busy cluster), and the user cancels.
          t.cluster.faults.set({ throttleRate: 1, retryAfterSeconds: 3 });
          cancelled = true;
          controller.abort();
        },
      },
    });
    expect(result.status).toBe('Cancelled');
    // The clean-up is retried (its own scope: the cancel does not stop it)…
    for (const what of [
      /DELETE .*\/jobs\/long-/,
      /PUT .*\/configmaps\/hook-sync-inventory-shop/,
      /DELETE .*\/leases\//,
    ])
      expect(afterCancel.some((d) => d.startsWith('retrying') && what.test(d))).toBe(true);
    // …but within a few seconds: a Retry-After of 3 s leaves room for one repeat each, never a third try.
    expect(afterCancel.filter((d) => /attempt [3-9] of/.test(d))).toEqual([]);
  } finally {
    t.cluster.faults.set(NO_FAULTS);
  }
}, 60_000);
