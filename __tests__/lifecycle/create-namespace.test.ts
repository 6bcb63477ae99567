// create-namespace as sequences on the embedded cluster: a sync into a missing namespace with and without it;
// the namespace hook-sync created recorded in the inventory, kept by later syncs, removed by a delete after
// its PostDelete hooks; one it did not create never deleted; a refused dry run leaving nothing behind; a
// namespace another app moved into kept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAppOperation } from '../../src/lifecycle/app-operation.js';
import { prepareNamespace, type NamespaceRequest } from '../../src/lifecycle/app-namespace.js';
import { InventoryStore } from '../../src/lifecycle/inventory-store.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, jobYaml, makeNamespace, planOf } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

function operate(
  yaml: string,
  ns: string,
  opts: {
    operation?: 'sync' | 'delete';
    app?: string;
    namespace?: NamespaceRequest;
    signal?: AbortSignal;
  } = {},
) {
  return runAppOperation(planOf(yaml, ns, undefined, opts.operation), clientFor(t), {
    app: opts.app ?? 'preview',
    by: 'tester@host',
    prune: false,
    timeoutMs: 60_000,
    wait: true,
    namespace: opts.namespace,
    signal: opts.signal,
  });
}

const cm = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata: {a: "1"}\n---\n`;
const namespaceOf = (name: string) => t.cluster.object('', 'Namespace', undefined, name);
const gone = (name: string) => t.cluster.waitFor(() => !namespaceOf(name));
const postDelete = jobYaml('drop-db', 'echo dropping the preview database', {
  'argocd.argoproj.io/hook': 'PostDelete',
});
const create: NamespaceRequest = {
  create: true,
  labels: { 'preview.example.com/pr': '42' },
  annotations: { 'example.com/owner': 'team-a' },
};

async function inventoryOf(ns: string, app = 'preview') {
  return new InventoryStore(clientFor(t), app, ns).read();
}

describe('create-namespace', () => {
  it('without it, a sync into a missing namespace fails before writing anything and says what to do', async () => {
    const r = await operate(cm('a'), 'missing-ns');
    expect(r.status).toBe('Failed');
    expect(r.message).toContain('namespace missing-ns does not exist');
    expect(r.message).toContain('create-namespace');
    expect(namespaceOf('missing-ns')).toBeUndefined();
  });

  it('creates it with its labels and annotations, locks even the first run, records it; a second sync keeps it', async () => {
    const leases: string[] = [];
    const stop = t.cluster.subscribe((e) => {
      if (
        e.type === 'ADDED' &&
        e.gk === 'coordination.k8s.io/Lease' &&
        e.object.metadata.namespace === 'pr-42'
      )
        leases.push(e.object.metadata.name);
    });
    const first = await operate(cm('a'), 'pr-42', { namespace: create });
    stop();
    expect(first.status).toBe('Succeeded');
    const ns = namespaceOf('pr-42')!;
    expect(ns.metadata.labels).toMatchObject({ 'preview.example.com/pr': '42' });
    expect(ns.metadata.annotations).toMatchObject({
      'example.com/owner': 'team-a',
      'hook-sync.io/tracking': 'pr-42/preview',
    });
    expect(leases).toEqual(['hook-sync-preview']);
    expect((await inventoryOf('pr-42')).objects).toContainEqual(
      expect.objectContaining({ kind: 'Namespace', name: 'pr-42', createdNamespace: true }),
    );

    const again = await operate(cm('a') + cm('b'), 'pr-42', { namespace: create });
    expect(again.status).toBe('Succeeded');
    expect(again.tasks.filter((x) => x.action === 'prune')).toEqual([]);
    expect((await inventoryOf('pr-42')).objects).toContainEqual(
      expect.objectContaining({ kind: 'Namespace', name: 'pr-42', createdNamespace: true }),
    );
  });

  it('a delete removes the namespace it created last, after the PostDelete hooks, and loses no lock', async () => {
    const ns = 'pr-43';
    expect((await operate(cm('a') + postDelete, ns, { namespace: create })).status).toBe('Succeeded');
    const events: string[] = [];
    const stop = t.cluster.subscribe((e) => {
      if (e.gk === 'batch/Job' && e.type === 'ADDED') events.push(`hook ${e.object.metadata.name}`);
      if (e.gk === '/Namespace' && e.object.metadata.name === ns && e.object.metadata.deletionTimestamp)
        events.push('namespace deleting');
    });
    const r = await operate(postDelete, ns, { operation: 'delete' });
    await gone(ns);
    stop();
    expect(r.status).toBe('Succeeded');
    expect(r.message).not.toContain('lock');
    const hook = r.tasks.find((x) => x.name === 'drop-db')!;
    expect(hook.status).toBe('Succeeded');
    expect(r.tasks.find((x) => x.kind === 'Namespace')).toMatchObject({
      action: 'delete',
      status: 'Succeeded',
    });
    expect(events[0]).toBe('hook drop-db');
    expect(events).toContain('namespace deleting');
    expect(events.indexOf('namespace deleting')).toBeGreaterThan(0);
  });

  it('one it did not create gets the labels asked for, and a delete keeps it', async () => {
    const ns = 'team-owned';
    makeNamespace(t, ns);
    expect((await operate(cm('a'), ns, { namespace: create })).status).toBe('Succeeded');
    expect(namespaceOf(ns)!.metadata.labels).toMatchObject({ 'preview.example.com/pr': '42' });
    expect(namespaceOf(ns)!.metadata.annotations?.['hook-sync.io/tracking']).toBeUndefined();
    expect((await inventoryOf(ns)).objects.some((o) => o.kind === 'Namespace')).toBe(false);

    const r = await operate('', ns, { operation: 'delete' });
    expect(r.status).toBe('Succeeded');
    expect(t.cluster.object('', 'ConfigMap', ns, 'a')).toBeUndefined();
    expect(namespaceOf(ns)).toBeDefined();
    expect(namespaceOf(ns)!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a dry run that refuses the manifests leaves no namespace behind; the fixed sync then creates it', async () => {
    const ns = 'pr-44';
    const bad = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndta: {a: "1"}\n---\n`;
    const r = await operate(bad, ns, { namespace: create });
    expect(r.status).toBe('Failed');
    expect(r.message).toContain('dry run');
    expect(r.message).toContain(`namespace ${ns}, created for this sync, was deleted again`);
    await gone(ns);

    const fixed = await operate(cm('a'), ns, { namespace: create });
    expect(fixed.status).toBe('Succeeded');
    expect(namespaceOf(ns)).toBeDefined();
  });

  it('a namespace another app moved into is kept by the delete of the app that created it', async () => {
    const ns = 'pr-45';
    expect((await operate(cm('a'), ns, { namespace: create })).status).toBe('Succeeded');
    expect((await operate(cm('other'), ns, { app: 'neighbour' })).status).toBe('Succeeded');
    const r = await operate('', ns, { operation: 'delete' });
    expect(r.status).toBe('Succeeded');
    expect(r.message).toContain(`namespace ${ns} was kept: app neighbour also has an inventory in it`);
    expect(t.cluster.object('', 'ConfigMap', ns, 'a')).toBeUndefined();
    expect(t.cluster.object('', 'ConfigMap', ns, 'other')).toBeDefined();
    expect(namespaceOf(ns)!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('two runs of the app at once: one creates the namespace, both sync in turn, either records it', async () => {
    const ns = 'pr-47';
    const [a, b] = await Promise.all([
      operate(cm('a'), ns, { namespace: create }),
      operate(cm('a'), ns, { namespace: create }),
    ]);
    expect([a.status, b.status]).toEqual(['Succeeded', 'Succeeded']);
    expect((await inventoryOf(ns)).objects).toContainEqual(
      expect.objectContaining({ kind: 'Namespace', name: ns, createdNamespace: true }),
    );
    expect((await operate('', ns, { operation: 'delete' })).status).toBe('Succeeded');
    await gone(ns);
  });

  it('a namespace made for the app by a run that stopped before recording it: a delete removes it; a sync records it', async () => {
    const killedRun = await prepareNamespace(clientFor(t), planOf(cm('a'), 'pr-48'), 'preview', create);
    expect(killedRun.kind).toBe('created');
    const teardown = await operate('', 'pr-48', { operation: 'delete' });
    expect(teardown.status).toBe('Succeeded');
    await gone('pr-48');

    expect((await prepareNamespace(clientFor(t), planOf(cm('a'), 'pr-49'), 'preview', create)).kind).toBe(
      'created',
    );
    expect((await operate(cm('a'), 'pr-49', { namespace: create })).status).toBe('Succeeded');
    expect((await inventoryOf('pr-49')).objects).toContainEqual(
      expect.objectContaining({ kind: 'Namespace', name: 'pr-49', createdNamespace: true }),
    );
  });

  it('a run refused its lock removes the namespace it created; the next run creates and records it', async () => {
    const ns = 'pr-50';
    t.cluster.access.deny({
      verbs: ['create', 'get', 'update'],
      group: 'coordination.k8s.io',
      resource: 'leases',
      namespace: ns,
    });
    const refused = await operate(cm('a'), ns, { namespace: create });
    t.cluster.access.clear();
    expect(refused.status).toBe('Failed');
    expect(refused.message).toContain(`namespace ${ns}, created for this sync, was deleted again`);
    await gone(ns);
    expect((await operate(cm('a'), ns, { namespace: create })).status).toBe('Succeeded');
    expect((await inventoryOf(ns)).objects).toContainEqual(
      expect.objectContaining({ kind: 'Namespace', createdNamespace: true }),
    );
  });

  it('a first run cancelled right after taking the lock removes the namespace it created', async () => {
    const ns = 'pr-51';
    const controller = new AbortController();
    const stop = t.cluster.subscribe((e) => {
      if (
        e.type === 'ADDED' &&
        e.gk === '/ConfigMap' &&
        e.object.metadata.namespace === ns &&
        e.object.metadata.name.startsWith('hook-sync-inventory')
      )
        controller.abort();
    });
    const r = await operate(cm('a'), ns, { namespace: create, signal: controller.signal });
    stop();
    expect(r.status).toBe('Cancelled');
    expect(r.message).toContain(`namespace ${ns}, created for this sync, was deleted again`);
    await gone(ns);
  });

  it('a run its dry run refuses leaves the labels of an existing namespace as they were', async () => {
    const ns = 'team-x';
    makeNamespace(t, ns);
    const bad = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndta: {a: "1"}\n---\n`;
    const r = await operate(bad, ns, { namespace: { create: true, labels: { owner: 'someone-else' } } });
    expect(r.status).toBe('Failed');
    expect(namespaceOf(ns)!.metadata.labels?.owner).toBeUndefined();
  });

  it('labels follow namespace-labels from sync to sync: one dropped from the input leaves the namespace', async () => {
    const ns = 'pr-52';
    const labelsAfter = async (labels: Record<string, string>) => {
      expect((await operate(cm('a'), ns, { namespace: { create: true, labels } })).status).toBe('Succeeded');
      const { 'kubernetes.io/metadata.name': _, ...rest } = namespaceOf(ns)!.metadata.labels ?? {};
      return rest;
    };
    expect(await labelsAfter({ a: '1' })).toEqual({ a: '1' });
    expect(await labelsAfter({ b: '2' })).toEqual({ b: '2' });
    expect(await labelsAfter({})).toEqual({});
    expect(namespaceOf(ns)!.metadata.annotations?.['hook-sync.io/tracking']).toBe(`${ns}/preview`);
  });

  it('a Namespace manifest for the app namespace is applied by the sync, not created beforehand', async () => {
    const ns = 'pr-46';
    const manifest = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels: {from: manifest}\n---\n`;
    const r = await operate(manifest + cm('a'), ns, { namespace: create });
    expect(r.status).toBe('Succeeded');
    expect(r.tasks.find((x) => x.kind === 'Namespace')).toMatchObject({ action: 'create' });
    expect(namespaceOf(ns)!.metadata.labels).toMatchObject({ from: 'manifest' });
    expect(namespaceOf(ns)!.metadata.labels?.['preview.example.com/pr']).toBeUndefined();
  });
});
