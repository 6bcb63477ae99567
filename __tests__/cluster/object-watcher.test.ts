// The watch cache the engine judges by, against the embedded cluster: two callers of one kind share one
// initial list, and neither sees an empty cache while it loads.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClusterClient, Json, ResourceInfo } from '../../src/cluster/cluster-client.js';
import { ObjectWatcher } from '../../src/cluster/object-watcher.js';
import { DEFAULT_RETRY_POLICY } from '../../src/cluster/retry-policy.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, makeNamespace } from '../helpers/sync.js';

const INFO: ResourceInfo = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
};

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

describe('ObjectWatcher under cut watches and 410 Gone', () => {
  it('ends with the server’s objects, every change reported in order, none twice or out of date', async () => {
    makeNamespace(t, 'churn');
    const type = t.cluster.api.registry.byKind('', 'ConfigMap')!;
    const client = clientFor(t);
    const watcher = new ObjectWatcher(client);
    const seen = new Map<string, { type: string; rv: number }[]>();
    watcher.onChange((c) => {
      const m = c.object.metadata as { uid: string; resourceVersion: string };
      seen.set(m.uid, [...(seen.get(m.uid) ?? []), { type: c.type, rv: Number(m.resourceVersion) }]);
    });
    const before = { ...t.cluster.faults.injected };
    t.cluster.faults.set({ watchCutMs: 60, watchGoneRate: 0.5 });
    try {
      await watcher.watch(await client.requireResource('v1', 'ConfigMap'), 'churn');
      const pause = () => new Promise((r) => setTimeout(r, 25));
      const cm = (name: string, v: string) => ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name },
        data: { v },
      });
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 4; i++) {
          const name = `cm-${i}`;
          if (t.cluster.api.tryGet(type, 'churn', name))
            t.cluster.api.update(type, 'churn', name, cm(name, String(round)), {});
          else t.cluster.api.create(type, 'churn', cm(name, String(round)), {});
        }
        await pause();
        // One deleted and made again under the same name (a new uid), one deleted for good.
        if (round === 2) t.cluster.api.delete(type, 'churn', 'cm-1', {});
        await pause();
      }
      t.cluster.api.delete(type, 'churn', 'cm-3', {});
      const server = () =>
        t.cluster.api
          .list(type, 'churn', {})
          .map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`)
          .sort();
      const cached = () =>
        watcher
          .list('', 'ConfigMap', 'churn')
          .map(
            (o) =>
              `${(o.metadata as { name: string }).name}@${(o.metadata as { resourceVersion: string }).resourceVersion}`,
          )
          .sort();
      await new Promise<void>((resolve) => {
        const check = () => {
          if (JSON.stringify(cached()) === JSON.stringify(server())) resolve();
        };
        watcher.onChange(check);
        check();
      });
      expect(cached()).toEqual(server());
      expect(cached().map((x) => x.split('@')[0])).toEqual(['cm-0', 'cm-1', 'cm-2']);
      for (const [, events] of seen) {
        // Within one uid: versions only go forward (a deletion reported by a list carries the last state
        // seen), and nothing follows its deletion.
        const rvs = events.map((e) => e.rv);
        const updates = events.filter((e) => e.type !== 'DELETED').map((e) => e.rv);
        expect(updates).toEqual([...new Set(updates)].sort((a, b) => a - b));
        expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
        expect(events.slice(0, -1).some((e) => e.type === 'DELETED')).toBe(false);
      }
      // The first cm-1 and cm-3 were reported gone.
      const gone = [...seen.values()].filter((e) => e.at(-1)!.type === 'DELETED');
      expect(gone).toHaveLength(2);
      expect(t.cluster.faults.injected.gone).toBeGreaterThan(before.gone);
      expect(t.cluster.faults.injected['watch-cut']).toBeGreaterThan(before['watch-cut']);
      expect(watcher.resumptions.relist).toBeGreaterThan(0);
      expect(watcher.resumptions.rewatch).toBeGreaterThan(0);
    } finally {
      t.cluster.faults.set({ watchCutMs: 0, watchGoneRate: 0 });
      watcher.close();
    }
  });
});

describe('ObjectWatcher reconciling a list with what streams brought', () => {
  type Listed = { items: Json[]; resourceVersion: string };
  const cm = (name: string, uid: string, rv: number): Json => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'ns', uid, resourceVersion: String(rv) },
  });

  /** A client whose lists and watch streams the test scripts, one at a time. */
  function scriptedClient(lists: Listed[]) {
    const streams: {
      query: Record<string, unknown>;
      send: (type: string, o: Json) => void;
      end: (err: unknown) => void;
    }[] = [];
    let opened: () => void = () => {};
    const client = {
      retry: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, maxDelayMs: 1 },
      timing: { now: Date.now, random: () => 0.5, sleep: async () => {} },
      debug: undefined,
      collectionPath: () => '/api/v1/namespaces/ns/configmaps',
      list: async () => lists.shift()!,
      watch: async (
        _p: string,
        query: Record<string, unknown>,
        send: (t: string, o: Json) => void,
        end: (e: unknown) => void,
      ) => {
        streams.push({ query, send, end });
        opened();
        return new AbortController();
      },
    };
    const nextStream = () => new Promise<void>((r) => (opened = r));
    return { client: client as unknown as ClusterClient, streams, nextStream };
  }

  it('reports no state older than one reported, and deletes only what the list can judge', async () => {
    const { client, streams, nextStream } = scriptedClient([
      { items: [cm('a', 'u-a', 5), cm('b', 'u-b', 6), cm('e', 'u-e1', 4)], resourceVersion: '6' },
      // After 410: a list from a cache lagging behind the stream (a at 7, d missing, e's old uid).
      { items: [cm('a', 'u-a', 7), cm('c', 'u-c', 8), cm('e', 'u-e1', 4)], resourceVersion: '8' },
    ]);
    const watcher = new ObjectWatcher(client);
    const events: string[] = [];
    watcher.onChange((c) => {
      const m = c.object.metadata as { name: string; uid: string; resourceVersion: string };
      events.push(`${c.type} ${m.name} ${m.uid}@${m.resourceVersion}`);
    });
    const opened = nextStream();
    await watcher.watch(INFO, 'ns');
    await opened;
    expect(streams[0]!.query.resourceVersion).toBe('6');
    const s1 = streams[0]!;
    s1.send('MODIFIED', cm('a', 'u-a', 9));
    s1.send('ADDED', cm('d', 'u-d', 10));
    s1.send('DELETED', cm('e', 'u-e1', 11));
    s1.send('ADDED', cm('e', 'u-e2', 12));
    s1.send('MODIFIED', cm('a', 'u-a', 9)); // a repeat changes nothing
    s1.send('BOOKMARK', { metadata: { resourceVersion: '12' } });
    const reopened = nextStream();
    s1.send('ERROR', { code: 410 });
    s1.end(null);
    await reopened;
    expect(watcher.resumptions.relist).toBe(1);
    // A list behind the stream does not move it back (it would replay what was reported): resumed at 12.
    expect(streams[1]!.query.resourceVersion).toBe('12');
    // A late event: a at 8 is older than the 9 already reported.
    streams[1]!.send('MODIFIED', cm('a', 'u-a', 8));
    // A late deletion of e's first object does not remove its second one.
    streams[1]!.send('DELETED', cm('e', 'u-e1', 11));
    streams[1]!.send('MODIFIED', cm('c', 'u-c', 13));

    expect(events).toEqual([
      'ADDED a u-a@5',
      'ADDED b u-b@6',
      'ADDED e u-e1@4',
      'MODIFIED a u-a@9',
      'ADDED d u-d@10',
      'DELETED e u-e1@11',
      'ADDED e u-e2@12',
      // the relist at 8: a@7 is stale, c is new, b is gone; d (10) and e (12) are newer than the list
      'ADDED c u-c@8',
      'DELETED b u-b@6',
      // the second stream
      'DELETED e u-e1@11',
      'MODIFIED c u-c@13',
    ]);
    const names = watcher
      .list('', 'ConfigMap', 'ns')
      .map(
        (o) =>
          `${(o.metadata as { name: string }).name}@${(o.metadata as { resourceVersion: string }).resourceVersion}`,
      );
    expect(names.sort()).toEqual(['a@9', 'c@13', 'd@10', 'e@12']);
    expect(watcher.staleDropped).toEqual({ events: 1, listed: 2 });
    watcher.close();
  });

  it('never brings back an object the stream reported deleted, from a list behind it', async () => {
    const { client, streams, nextStream } = scriptedClient([
      { items: [cm('old', 'u1', 10)], resourceVersion: '10' },
      // After 410: served from a cache at 15, before the deletion at 20.
      { items: [cm('old', 'u1', 10)], resourceVersion: '15' },
    ]);
    const watcher = new ObjectWatcher(client);
    const changes: string[] = [];
    watcher.onChange((c) => changes.push(`${c.type}@${(c.object.metadata as Json).resourceVersion}`));
    const opened = nextStream();
    await watcher.watch(INFO, 'ns');
    await opened;
    streams[0]!.send('DELETED', cm('old', 'u1', 20));
    const reopened = nextStream();
    streams[0]!.send('ERROR', { code: 410 });
    streams[0]!.end(null);
    await reopened;
    expect(changes).toEqual(['ADDED@10', 'DELETED@20']);
    expect(watcher.list('', 'ConfigMap', 'ns')).toEqual([]);
    expect(streams[1]!.query.resourceVersion).toBe('20');
    watcher.close();
  });

  it('marks the deletions it infers from a relist as of an unseen final state', async () => {
    const { client, streams, nextStream } = scriptedClient([
      { items: [cm('job', 'u1', 10)], resourceVersion: '10' },
      { items: [], resourceVersion: '30' },
    ]);
    const watcher = new ObjectWatcher(client);
    const changes: string[] = [];
    watcher.onChange((c) => changes.push(`${c.type}${c.finalUnknown ? ' (final state unknown)' : ''}`));
    const opened = nextStream();
    await watcher.watch(INFO, 'ns');
    await opened;
    const reopened = nextStream();
    streams[0]!.send('ERROR', { code: 410 });
    streams[0]!.end(null);
    await reopened;
    expect(changes).toEqual(['ADDED', 'DELETED (final state unknown)']);
    watcher.close();
  });
});
