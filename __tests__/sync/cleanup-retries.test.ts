// Clean-up after a cancel or the operation's timeout: deleting the running hooks is retried under a
// short scope of its own, not under the operation's limits (whose cancel has fired, whose deadline has
// passed). One 503 on the DELETE must not leave a migration running while its task says Terminated.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import { runSync } from '../../src/sync/sync-operation.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { faultPerRequest } from '../helpers/fault-per-request.js';
import { jobYaml, makeNamespace, planOf } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ seed: 31 });
});
afterAll(() => t.stop());

const hook = (phase: string) => ({ 'argocd.argoproj.io/hook': phase });

async function stopWithA503OnTheDelete(ns: string, how: 'cancel' | 'timeout') {
  makeNamespace(t, ns);
  let deletes = 0;
  const restore = faultPerRequest(t, (method, url) =>
    method === 'DELETE' && url.includes(`/namespaces/${ns}/jobs/`) && deletes++ === 0 ? '503' : undefined,
  );
  const debug: string[] = [];
  const kc = new k8s.KubeConfig();
  kc.loadFromString(t.cluster.kubeconfig());
  const client = new ClusterClient(kc, {}, { debug: (m) => debug.push(m) });
  const controller = new AbortController();
  const plan = planOf(
    jobYaml('migrate-', 'echo working; sleep 400', hook('PreSync')) +
      jobYaml('notify-', 'echo notify', hook('SyncFail')),
    ns,
  );
  try {
    const result = await runSync(plan, client, {
      timeoutMs: how === 'timeout' ? 2000 : 60_000,
      wait: true,
      signal: controller.signal,
      observer: { hookLog: (l) => how === 'cancel' && l.line === 'working' && controller.abort() },
    });
    const migrate = t.cluster.api.store
      .list('batch/Job', ns)
      .find((j) => j.metadata.name.startsWith('migrate-'));
    return { result, migrate, deletes, debug };
  } finally {
    restore();
  }
}

describe('hooks terminated by a cancel or the timeout', () => {
  it('cancel: the hook delete is retried after a 503, the hook is deleted', async () => {
    const { result, migrate, deletes, debug } = await stopWithA503OnTheDelete('cleanup-cancel', 'cancel');
    expect(result.status).toBe('Cancelled');
    expect(result.tasks.map((x) => [x.phase, x.status, x.deleted])).toEqual([
      ['PreSync', 'Terminated', true],
      ['SyncFail', 'Pending', false],
    ]);
    expect(deletes).toBe(2);
    expect(debug.some((d) => /^retrying DELETE .*jobs\/migrate-.*503/.test(d))).toBe(true);
    // Deleted (Foreground: gone, or going with its pods).
    expect(migrate === undefined || !!migrate.metadata.deletionTimestamp).toBe(true);
  });

  it('timeout: the hook delete is retried after a 503 before SyncFail starts', async () => {
    const { result, migrate, deletes } = await stopWithA503OnTheDelete('cleanup-timeout', 'timeout');
    expect(result.status).toBe('Failed');
    expect(result.tasks.map((x) => [x.phase, x.status, x.deleted])).toEqual([
      ['PreSync', 'Terminated', true],
      ['SyncFail', 'Succeeded', false],
    ]);
    expect(deletes).toBe(2);
    expect(migrate === undefined || !!migrate.metadata.deletionTimestamp).toBe(true);
  });
});
