// A sync through an unreliable API server: throttling, 5xx answers, reset connections and cut watches.
// Retries and watch resumption must carry it to the same result as on a healthy server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import { runSync } from '../../src/sync/sync-operation.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { deploymentYaml, jobYaml, makeNamespace, planOf } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ seed: 42 });
});
afterAll(() => t.stop());

describe('a sync under API faults', () => {
  it('succeeds with retries and resumed watches', async () => {
    makeNamespace(t, 'faulty');
    const yaml =
      jobYaml('migrate-', 'echo migrating; sleep 2; echo done', { 'argocd.argoproj.io/hook': 'PreSync' }) +
      deploymentYaml('web') +
      jobYaml('smoke-', 'echo smoke', { 'argocd.argoproj.io/hook': 'PostSync' });
    const plan = planOf(yaml, 'faulty');
    t.cluster.faults.set({ errorRate: 0.1, watchCutMs: 150 });
    const kc = new k8s.KubeConfig();
    kc.loadFromString(t.cluster.kubeconfig());
    const client = new ClusterClient(kc, { attempts: 10, baseDelayMs: 10, maxDelayMs: 200 });
    try {
      const result = await runSync(plan, client, { timeoutMs: 60_000, wait: true });
      expect(result.status).toBe('Succeeded');
      expect(result.tasks.map((x) => x.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    } finally {
      t.cluster.faults.set({ errorRate: 0, watchCutMs: 0 });
    }
    const injected = t.cluster.faults.injected;
    expect(injected['429'] + injected['500'] + injected['503'] + injected.reset).toBeGreaterThan(0);
    expect(client.stats.retries).toBeGreaterThan(0);
  });
});
