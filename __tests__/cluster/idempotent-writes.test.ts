// Writes whose answer is lost on the way back (the server did them, the client saw a reset): repeated only
// when a repeat cannot do twice what was done once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { KubeApiError, KubeConnectionError } from '../../src/cluster/api-error.js';
import { ClusterClient, CREATE_TOKEN_LABEL, type Json } from '../../src/cluster/cluster-client.js';
import { NO_FAULTS } from '../../src/embedded-cluster/faults.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
let client: ClusterClient;
const debug: string[] = [];
beforeAll(async () => {
  t = await startTestCluster({ seed: 3 });
  makeNamespace(t, 'writes');
  const kc = new k8s.KubeConfig();
  kc.loadFromString(t.cluster.kubeconfig());
  client = new ClusterClient(
    kc,
    { attempts: 8, baseDelayMs: 5, maxDelayMs: 20 },
    { debug: (m) => debug.push(m) },
  );
});
afterAll(() => t.stop());
afterEach(() => t.cluster.faults.set(NO_FAULTS));

const configMaps = () =>
  t.cluster.api
    .list(t.cluster.api.registry.byKind('', 'ConfigMap')!, 'writes', {})
    .map((o) => o.metadata.name);

const cm = (meta: Json, data: Record<string, string> = { k: 'v' }): Json => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { namespace: 'writes', ...meta },
  data,
});

describe('writes whose answers are lost', () => {
  it('creates a generateName object once, finding it when the answer was lost, create after create', async () => {
    t.cluster.faults.set({ lostResponseRate: 1 });
    const created = await client.create(cm({ generateName: 'gen-' }));
    const name = String((created.metadata as Json).name);
    expect(configMaps().filter((n) => n.startsWith('gen-'))).toEqual([name]);
    expect((created.metadata as Json).labels).toEqual({
      [CREATE_TOKEN_LABEL]: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(debug.at(-1)).toContain('found what the try whose answer was lost had done');

    t.cluster.faults.set({ lostResponseRate: 0.5 });
    const names = [name];
    for (let i = 0; i < 4; i++)
      names.push(String(((await client.create(cm({ generateName: 'gen-' }))).metadata as Json).name));
    expect(new Set(names).size).toBe(5);
    expect(
      configMaps()
        .filter((n) => n.startsWith('gen-'))
        .sort(),
    ).toEqual([...names].sort());
    expect(t.cluster.faults.injected['lost-response']).toBeGreaterThan(1);
  });

  it('does not repeat a named create the server may have done: the reset is reported, once', async () => {
    t.cluster.faults.set({ lostResponseRate: 1 });
    const requests = client.stats.requests;
    const err = await client.create(cm({ name: 'named' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeConnectionError);
    expect((err as Error).message).toMatch(
      /; POST \/api\/v1\/namespaces\/writes\/configmaps was not repeated, as it may have been carried out: look at the cluster, or run again$/,
    );
    expect(client.stats.requests).toBe(requests + 1);
    expect(configMaps()).toContain('named'); // it was done: the caller is told the connection broke
  });

  it('repeats server-side apply and delete, apply after apply', async () => {
    t.cluster.faults.set({ lostResponseRate: 0.3 });
    const before = t.cluster.faults.injected['lost-response'];
    for (let i = 0; i < 6; i++) {
      const applied = await client.apply(cm({ name: `applied-${i}` }, { k: String(i) }));
      expect(applied.object.data).toEqual({ k: String(i) });
    }
    for (let i = 0; i < 6; i++)
      await expect(
        client.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'writes', name: `applied-${i}` }),
      ).resolves.not.toThrow(); // a repeat that answers 404 means deleted
    expect(configMaps().filter((n) => n.startsWith('applied-'))).toEqual([]);
    expect(t.cluster.faults.injected['lost-response']).toBeGreaterThan(before + 1);
  });

  it('repeats an update carrying a resourceVersion: after a lost answer the repeat says Conflict', async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'writes', name: 'updated' };
    await client.apply(cm({ name: 'updated' }, { n: '0' }));
    const path = await client.objectPath(ref);
    t.cluster.faults.set({ lostResponseRate: 0.5 });
    let conflict: KubeApiError | undefined;
    for (let n = 1; n <= 20 && !conflict; n++) {
      const live = (await client.get(ref))!;
      try {
        await client.request('PUT', path, { body: { ...live, data: { n: String(n) } } });
      } catch (err) {
        if (!(err instanceof KubeApiError)) throw err;
        conflict = err;
        // The first try went through: reading again shows it.
        expect((await client.get(ref))!.data).toEqual({ n: String(n) });
      }
    }
    expect(conflict?.code).toBe(409);
  });
});
