// A hook Job that finishes and is removed (ttlSecondsAfterFinished: 0) while the Job watch is re-listed
// after 410 Gone: the relist can only infer its deletion, with the last state seen (running). The hook's
// outcome comes from what else was seen (the Job's Completed event, its pods), never "deleted before it
// finished".
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { NO_FAULTS } from '../../src/embedded-cluster/faults.js';
import { runSync } from '../../src/sync/sync-operation.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, jobYaml, makeNamespace, planOf } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ seed: 17 });
});
afterAll(() => t.stop());

it('judges a hook removed during a relist by its events, not as deleted before it finished', async () => {
  const ns = 'relist';
  makeNamespace(t, ns);
  const yaml = jobYaml(
    'migrate',
    'echo start; sleep 10; echo done',
    { 'argocd.argoproj.io/hook': 'PreSync' },
    '  ttlSecondsAfterFinished: 0\n',
  );
  const client = clientFor(t);
  const request = client.request.bind(client);
  let lists = 0;
  client.request = (async (method, path, options) => {
    if (method === 'GET' && path === `/apis/batch/v1/namespaces/${ns}/jobs` && !options?.query?.labelSelector)
      // The relist after 410 is answered late (an API server restarting): meanwhile the Job ends and goes.
      if (++lists === 2) await t.cluster.waitFor(() => !t.cluster.object('batch', 'Job', ns, 'migrate'));
    return request(method, path, options);
  }) as typeof client.request;
  try {
    t.cluster.faults.set({ watchCutMs: 150 });
    const run = runSync(planOf(yaml, ns), client, { timeoutMs: 30_000, wait: true });
    await t.cluster.waitFor(() => t.cluster.object('batch', 'Job', ns, 'migrate'));
    t.cluster.faults.set({ watchGoneRate: 1 });
    const result = await run;
    expect(lists).toBeGreaterThanOrEqual(2);
    expect(result.status).toBe('Succeeded');
    expect(result.tasks[0]).toMatchObject({
      name: 'migrate',
      status: 'Succeeded',
      message: expect.stringContaining('seen in its'),
    });
  } finally {
    t.cluster.faults.set(NO_FAULTS);
  }
});
