// The watch cache the engine judges by, against the embedded cluster: two callers of one kind share one
// initial list, and neither sees an empty cache while it loads.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ObjectWatcher } from '../../src/cluster/object-watcher.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

describe('ObjectWatcher', () => {
  it("makes a second watch() of a kind wait for the first one's initial list", async () => {
    makeNamespace(t, 'watched');
    t.cluster.api.create(t.cluster.api.registry.byKind('', 'ConfigMap')!, 'watched', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'there-before' },
    });
    const client = clientFor(t);
    const info = await client.requireResource('v1', 'ConfigMap');
    const watcher = new ObjectWatcher(client);
    t.cluster.faults.set({ latencyMs: 50 }); // the list takes a while, as on a busy API server
    try {
      const first = watcher.watch(info, 'watched');
      await watcher.watch(info, 'watched');
      expect(watcher.get('', 'ConfigMap', 'watched', 'there-before')).toBeDefined();
      await first;
    } finally {
      t.cluster.faults.set({ latencyMs: 0 });
      watcher.close();
    }
  });
});
