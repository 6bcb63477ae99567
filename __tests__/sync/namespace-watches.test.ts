// The pods, events and ReplicaSets of a namespace are listed before the first write when the namespace is
// there already, and only once it is written when the plan itself creates it: the rights to read in it may
// come with the sync (a RoleBinding in it, a tenant controller), so listing it first could refuse a sync
// that would work.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { makeNamespace, sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const configMap = (ns: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: ${ns}
data:
  a: "1"
`;

describe("a namespace's pods, events and ReplicaSets", () => {
  it('are listed only after the write of a namespace the plan creates', async () => {
    const yaml = `apiVersion: v1
kind: Namespace
metadata:
  name: made-by-sync
---
${configMap('made-by-sync')}`;
    const from = t.cluster.requests.length;
    const run = await sync(t, yaml, 'ns-watch-app');
    expect(run.result.status).toBe('Succeeded');
    const requests = t.cluster.requests.slice(from);
    const made = requests.findIndex(
      (r) =>
        r.method === 'PATCH' &&
        /^\/api\/v1\/namespaces\/made-by-sync\?/.test(r.path) &&
        !r.path.includes('dryRun'),
    );
    const podsListed = requests.findIndex(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v1/namespaces/made-by-sync/pods'),
    );
    expect(made).toBeGreaterThanOrEqual(0);
    expect(podsListed).toBeGreaterThan(made);
  });

  it('are listed before the first write of a namespace that exists', async () => {
    makeNamespace(t, 'already-there');
    const from = t.cluster.requests.length;
    const run = await sync(t, configMap('already-there'), 'already-there');
    expect(run.result.status).toBe('Succeeded');
    const requests = t.cluster.requests.slice(from);
    const written = requests.findIndex(
      (r) => r.method === 'PATCH' && r.path.includes('/configmaps/settings') && !r.path.includes('dryRun'),
    );
    const listed = ['pods', 'events'].map((kind) =>
      requests.findIndex(
        (r) => r.method === 'GET' && r.path.startsWith(`/api/v1/namespaces/already-there/${kind}`),
      ),
    );
    for (const at of listed) {
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(written);
    }
  });
});
