// API server semantics, driven through @kubernetes/client-node (and raw HTTP where the client's typed
// models would hide what the server did).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import * as k8s from '@kubernetes/client-node';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;
beforeAll(async () => {
  t = await startTestCluster({ bookmarkIntervalMs: 50 });
  core = t.kc.makeApiClient(k8s.CoreV1Api);
  apps = t.kc.makeApiClient(k8s.AppsV1Api);
});
afterAll(() => t.stop());

async function raw(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(t.cluster.url + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

function status(err: unknown): Record<string, any> {
  expect(err).toBeInstanceOf(k8s.ApiException);
  return JSON.parse((err as k8s.ApiException<string>).body) as Record<string, any>;
}

const cm = (
  name: string,
  data: Record<string, string> = { a: '1' },
  extra: Partial<k8s.V1ObjectMeta> = {},
): k8s.V1ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...extra },
  data,
});

const deploymentBody = (name: string): k8s.V1Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    },
  },
});

describe('objects', () => {
  it('get a uid, a resourceVersion from one global counter, a creation time, and a name from generateName', async () => {
    const a = await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { generateName: 'gen-' }, data: {} },
    });
    const b = await core.createNamespacedConfigMap({ namespace: 'default', body: cm('plain') });
    expect(a.metadata?.name).toMatch(/^gen-[a-z0-9]{5}$/);
    expect(a.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(b.metadata?.resourceVersion)).toBeGreaterThan(Number(a.metadata?.resourceVersion));
    expect(a.metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  it('bump generation on spec changes only', async () => {
    const d = await apps.createNamespacedDeployment({ namespace: 'default', body: deploymentBody('gen') });
    expect(d.metadata?.generation).toBe(1);
    const labelled = await apps.patchNamespacedDeployment(
      { name: 'gen', namespace: 'default', body: { metadata: { labels: { x: 'y' } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(labelled.metadata?.generation).toBe(1);
    const scaled = await apps.patchNamespacedDeployment(
      { name: 'gen', namespace: 'default', body: { spec: { replicas: 2 } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(scaled.metadata?.generation).toBe(2);
  });

  it('drop fields their kind does not have, with a warning when no fieldValidation is asked for', async () => {
    // A real API server decodes into Go types: unknown fields are lost; its default directive is Warn.
    const body = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'unknown-field' },
      data: { a: '1' },
      futureField: { nested: [1, 'two'] },
    };
    const res = await fetch(t.cluster.url + '/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('warning')).toBe('299 - "unknown field \\"futureField\\""');
    expect(((await res.json()) as Record<string, unknown>).futureField).toBeUndefined();
    expect(t.cluster.object('', 'ConfigMap', 'default', 'unknown-field')).toMatchObject({ data: { a: '1' } });
    expect(t.cluster.object('', 'ConfigMap', 'default', 'unknown-field')?.futureField).toBeUndefined();
  });

  it('are not stored on dryRun=All', async () => {
    const r = await core.createNamespacedConfigMap({ namespace: 'default', body: cm('dry'), dryRun: 'All' });
    expect(r.metadata?.name).toBe('dry');
    expect(t.cluster.object('', 'ConfigMap', 'default', 'dry')).toBeUndefined();
  });

  it('cannot be created in a namespace that does not exist', async () => {
    const err = await core
      .createNamespacedConfigMap({ namespace: 'nowhere', body: cm('x') })
      .catch((e: unknown) => e);
    expect(status(err)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'namespaces "nowhere" not found',
    });
  });
});

describe('errors are Status objects', () => {
  it('404 NotFound', async () => {
    const err = await core
      .readNamespacedConfigMap({ name: 'missing', namespace: 'default' })
      .catch((e: unknown) => e);
    expect(status(err)).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'configmaps "missing" not found',
      details: { name: 'missing', kind: 'configmaps' },
    });
  });

  it('409 AlreadyExists', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: cm('twice') });
    const err = await core
      .createNamespacedConfigMap({ namespace: 'default', body: cm('twice') })
      .catch((e: unknown) => e);
    expect(status(err)).toMatchObject({
      reason: 'AlreadyExists',
      code: 409,
      message: 'configmaps "twice" already exists',
    });
  });

  it('409 Conflict on a stale resourceVersion', async () => {
    const first = await core.createNamespacedConfigMap({ namespace: 'default', body: cm('occ') });
    await core.replaceNamespacedConfigMap({
      name: 'occ',
      namespace: 'default',
      body: { ...first, data: { a: '2' } },
    });
    const err = await core
      .replaceNamespacedConfigMap({ name: 'occ', namespace: 'default', body: { ...first, data: { a: '3' } } })
      .catch((e: unknown) => e);
    expect(status(err)).toMatchObject({
      reason: 'Conflict',
      code: 409,
      message:
        'Operation cannot be fulfilled on configmaps "occ": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('422 Invalid with causes', async () => {
    const body = deploymentBody('mismatch');
    body.spec!.template.metadata!.labels = { app: 'other' };
    const err = await apps
      .createNamespacedDeployment({ namespace: 'default', body })
      .catch((e: unknown) => e);
    const s = status(err);
    expect(s).toMatchObject({
      reason: 'Invalid',
      code: 422,
      details: { name: 'mismatch', group: 'apps', kind: 'Deployment' },
    });
    expect(s.details.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.template.metadata.labels',
        message: expect.stringContaining('`selector` does not match template `labels`'),
      },
    ]);
  });

  it('422 for a Job whose pods would restart forever', async () => {
    const r = await raw('POST', '/apis/batch/v1/namespaces/default/jobs', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'always' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    expect(r.status).toBe(422);
    expect(r.body?.message).toBe(
      'Job.batch "always" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
  });

  it('415 for a strategic merge patch on a custom resource, as custom resources have no patch strategy', async () => {
    await raw('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'things.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: 'Thing', plural: 'things' },
        versions: [{ name: 'v1', served: true, storage: true }],
      },
    });
    await t.cluster.waitFor(() => t.cluster.api.registry.byResource('example.com', 'v1', 'things'));
    await raw('POST', '/apis/example.com/v1/namespaces/default/things', {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a' },
      spec: { x: 1 },
    });
    const r = await raw(
      'PATCH',
      '/apis/example.com/v1/namespaces/default/things/a',
      { spec: { x: 2 } },
      'application/strategic-merge-patch+json',
    );
    expect(r.status).toBe(415);
    const merged = await raw(
      'PATCH',
      '/apis/example.com/v1/namespaces/default/things/a',
      { spec: { x: 2 } },
      'application/merge-patch+json',
    );
    expect(merged.body?.spec).toEqual({ x: 2 });
  });

  it('404 for an unknown group, version or resource', async () => {
    expect((await raw('GET', '/apis/nope.io/v1/widgets')).status).toBe(404);
    expect((await raw('GET', '/api/v1/widgets')).status).toBe(404);
    expect((await raw('GET', '/apis/apps/v9/deployments')).status).toBe(404);
  });
});

describe('selectors and paging', () => {
  it('filter lists by labels and fields', async () => {
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: cm('sel-a', {}, { labels: { tier: 'web', env: 'prod' } }),
    });
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: cm('sel-b', {}, { labels: { tier: 'db', env: 'prod' } }),
    });
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: cm('sel-c', {}, { labels: { tier: 'web' } }),
    });
    const names = async (labelSelector?: string, fieldSelector?: string) =>
      (await core.listNamespacedConfigMap({ namespace: 'default', labelSelector, fieldSelector })).items.map(
        (i) => i.metadata?.name,
      );
    expect(await names('tier=web')).toEqual(['sel-a', 'sel-c']);
    expect(await names('tier in (web,db),env=prod')).toEqual(['sel-a', 'sel-b']);
    expect(await names('tier,!env')).toEqual(['sel-c']);
    expect(await names('tier!=web,env')).toEqual(['sel-b']);
    expect(await names(undefined, 'metadata.name=sel-b')).toEqual(['sel-b']);
  });

  it('pages with limit and continue', async () => {
    const first = await core.listNamespacedConfigMap({
      namespace: 'default',
      labelSelector: 'tier',
      limit: 2,
    });
    expect(first.items).toHaveLength(2);
    expect(first.metadata?._continue).toBeTruthy();
    const second = await core.listNamespacedConfigMap({
      namespace: 'default',
      labelSelector: 'tier',
      limit: 2,
      _continue: first.metadata?._continue,
    });
    expect(second.items.map((i) => i.metadata?.name)).toEqual(['sel-c']);
    expect(second.metadata?._continue).toBeFalsy();
  });
});

describe('patches', () => {
  it('JSON merge, JSON patch and strategic merge', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: cm('patched', { a: '1', b: '2' }) });
    const merge = await core.patchNamespacedConfigMap(
      { name: 'patched', namespace: 'default', body: { data: { a: null, c: '3' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(merge.data).toEqual({ b: '2', c: '3' });
    const json = await core.patchNamespacedConfigMap(
      {
        name: 'patched',
        namespace: 'default',
        body: [
          { op: 'replace', path: '/data/b', value: 'two' },
          { op: 'add', path: '/data/d', value: '4' },
        ],
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    );
    expect(json.data).toEqual({ b: 'two', c: '3', d: '4' });
    await apps.createNamespacedDeployment({ namespace: 'default', body: deploymentBody('smp') });
    const smp = await apps.patchNamespacedDeployment(
      {
        name: 'smp',
        namespace: 'default',
        body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    );
    expect(smp.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['c', 'sidecar']);
  });

  it('server-side apply creates, records the manager, and conflicts with another manager unless forced', async () => {
    const applied = await core.patchNamespacedConfigMap(
      {
        name: 'applied',
        namespace: 'default',
        body: cm('applied', { k: 'v' }),
        fieldManager: 'hook-sync',
        force: true,
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
    );
    expect(applied.data).toEqual({ k: 'v' });
    expect(applied.metadata?.managedFields?.map((m) => [m.manager, m.operation])).toEqual([
      ['hook-sync', 'Apply'],
    ]);
    const err = await core
      .patchNamespacedConfigMap(
        {
          name: 'applied',
          namespace: 'default',
          body: cm('applied', { k: 'other' }),
          fieldManager: 'someone-else',
        },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
      )
      .catch((e: unknown) => e);
    expect(status(err)).toMatchObject({
      reason: 'Conflict',
      code: 409,
      message: 'Apply failed with 1 conflict: conflict with "hook-sync" using v1: .data.k',
      details: { causes: [{ reason: 'FieldManagerConflict', field: '.data.k' }] },
    });
  });

  it('server-side apply removes fields the manager stopped applying', async () => {
    const apply = (data: Record<string, string>) =>
      core.patchNamespacedConfigMap(
        {
          name: 'shrinks',
          namespace: 'default',
          body: cm('shrinks', data),
          fieldManager: 'hook-sync',
          force: true,
        },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
      );
    await apply({ a: '1', b: '2' });
    expect((await apply({ a: '1' })).data).toEqual({ a: '1' });
  });
});

describe('status subresource', () => {
  it('writes to the object keep status; writes to /status change only status', async () => {
    // A ClusterIP Service: nothing but this test writes it, so no controller races the read-modify-write.
    await core.createNamespacedService({
      namespace: 'default',
      body: { metadata: { name: 'statusful' }, spec: { ports: [{ port: 80 }] } },
    });
    const current = await core.readNamespacedService({ name: 'statusful', namespace: 'default' });
    const ingress = { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } };
    const replaced = await core.replaceNamespacedService({
      name: 'statusful',
      namespace: 'default',
      body: { ...current, status: ingress },
    });
    expect(replaced.status?.loadBalancer?.ingress).toBeUndefined();
    const withStatus = await raw(
      'PATCH',
      '/api/v1/namespaces/default/services/statusful/status',
      { status: ingress, spec: { ports: [{ port: 81 }] } },
      'application/merge-patch+json',
    );
    expect(withStatus.body?.status).toEqual(ingress);
    expect(withStatus.body?.spec.ports[0].port).toBe(80);
  });
});

describe('deletion', () => {
  it('keeps an object with finalizers, marked for deletion, until they are removed', async () => {
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: cm('finalized', {}, { finalizers: ['example.com/hold'] }),
    });
    const deleted = await raw('DELETE', '/api/v1/namespaces/default/configmaps/finalized');
    expect(deleted.status).toBe(202);
    const held = await core.readNamespacedConfigMap({ name: 'finalized', namespace: 'default' });
    expect(held.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    await core.patchNamespacedConfigMap(
      { name: 'finalized', namespace: 'default', body: { metadata: { finalizers: null } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(t.cluster.object('', 'ConfigMap', 'default', 'finalized')).toBeUndefined();
  });

  it('answers an immediate delete with a Success Status', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: cm('gone') });
    const r = await raw('DELETE', '/api/v1/namespaces/default/configmaps/gone');
    expect(r).toMatchObject({
      status: 200,
      body: { kind: 'Status', status: 'Success', details: { name: 'gone', kind: 'configmaps' } },
    });
  });

  const replicaSet = (name: string) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { rs: name } },
      template: { metadata: { labels: { rs: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });
  const podsOf = (name: string) =>
    t.cluster.api.store.list('/Pod', 'default').filter((p) => p.metadata.labels?.rs === name);

  it('Background: the owner goes at once, its dependents after it', async () => {
    await raw('POST', '/apis/apps/v1/namespaces/default/replicasets', replicaSet('bg'));
    await t.cluster.waitFor(() => podsOf('bg').length === 2);
    await raw('DELETE', '/apis/apps/v1/namespaces/default/replicasets/bg?propagationPolicy=Background');
    expect(t.cluster.object('apps', 'ReplicaSet', 'default', 'bg')).toBeUndefined();
    await t.cluster.waitFor(() => podsOf('bg').length === 0);
  });

  it('Orphan: the dependents stay, released from their owner', async () => {
    await raw('POST', '/apis/apps/v1/namespaces/default/replicasets', replicaSet('orphan'));
    await t.cluster.waitFor(() => podsOf('orphan').length === 2);
    await raw('DELETE', '/apis/apps/v1/namespaces/default/replicasets/orphan', {
      propagationPolicy: 'Orphan',
    });
    await t.cluster.waitFor(() => !t.cluster.object('apps', 'ReplicaSet', 'default', 'orphan'));
    expect(podsOf('orphan').map((p) => p.metadata.ownerReferences)).toEqual([undefined, undefined]);
  });

  it('Foreground: the owner waits, marked for deletion, until its dependents are gone', async () => {
    await raw('POST', '/apis/apps/v1/namespaces/default/replicasets', replicaSet('fg'));
    await t.cluster.waitFor(() => podsOf('fg').length === 2);
    const seen: string[] = [];
    const unsubscribe = t.cluster.subscribe((e) => {
      if (e.type === 'DELETED' && (e.object.metadata.name === 'fg' || e.object.metadata.labels?.rs === 'fg'))
        seen.push(e.gk);
    });
    const r = await raw(
      'DELETE',
      '/apis/apps/v1/namespaces/default/replicasets/fg?propagationPolicy=Foreground',
    );
    expect(r.status).toBe(202);
    expect(r.body?.metadata.finalizers).toEqual(['foregroundDeletion']);
    await t.cluster.waitFor(() => !t.cluster.object('apps', 'ReplicaSet', 'default', 'fg'));
    unsubscribe();
    expect(seen).toEqual(['/Pod', '/Pod', 'apps/ReplicaSet']);
  });

  it('deleting a Namespace deletes what is in it, then the Namespace', async () => {
    await core.createNamespace({ body: { metadata: { name: 'temporary' } } });
    await core.createNamespacedConfigMap({ namespace: 'temporary', body: cm('inside') });
    await core.deleteNamespace({ name: 'temporary' });
    await t.cluster.waitFor(() => !t.cluster.object('', 'Namespace', undefined, 'temporary'));
    expect(t.cluster.object('', 'ConfigMap', 'temporary', 'inside')).toBeUndefined();
  });
});

describe('watches', () => {
  function collect(
    path: string,
    query: Record<string, string | number | boolean>,
    until: (events: [string, any][]) => boolean,
  ) {
    const events: [string, any][] = [];
    let controller: AbortController | undefined;
    const done = new Promise<{ events: [string, any][]; err: unknown }>((resolve) => {
      void new k8s.Watch(t.kc)
        .watch(
          path,
          query,
          (phase, obj) => {
            events.push([phase, obj]);
            if (until(events)) {
              controller?.abort();
              resolve({ events, err: undefined });
            }
          },
          (err) => resolve({ events, err }),
        )
        .then((c) => (controller = c));
    });
    return done;
  }

  it('replays changes after a resourceVersion, in order', async () => {
    const start = await core.createNamespacedConfigMap({ namespace: 'default', body: cm('watched') });
    const before = String(Number(start.metadata?.resourceVersion) - 1);
    await core.patchNamespacedConfigMap(
      { name: 'watched', namespace: 'default', body: { data: { a: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await core.deleteNamespacedConfigMap({ name: 'watched', namespace: 'default' });
    const { events } = await collect(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: before, fieldSelector: 'metadata.name=watched' },
      (e) => e.some(([p]) => p === 'DELETED'),
    );
    expect(events.map(([phase, obj]) => [phase, obj.data?.a])).toEqual([
      ['ADDED', '1'],
      ['MODIFIED', '2'],
      ['DELETED', '2'],
    ]);
    const rvs = events.map(([, obj]) => Number(obj.metadata.resourceVersion));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
  });

  it('sends one ADDED event for a server-side apply that creates, with the apply as its owner', async () => {
    const start = await core.createNamespacedConfigMap({ namespace: 'default', body: cm('before-apply') });
    await core.patchNamespacedConfigMap(
      {
        name: 'applied-once',
        namespace: 'default',
        body: cm('applied-once', { k: 'v' }),
        fieldManager: 'hook-sync',
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
    );
    await core.createNamespacedConfigMap({ namespace: 'default', body: cm('after-apply') });
    const { events } = await collect(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: String(start.metadata?.resourceVersion) },
      (e) => e.some(([, obj]) => obj.metadata.name === 'after-apply'),
    );
    const mine = events.filter(([, obj]) => obj.metadata.name === 'applied-once');
    expect(mine.map(([phase]) => phase)).toEqual(['ADDED']);
    expect(mine[0]![1].metadata.managedFields.map((m: any) => [m.manager, m.operation])).toEqual([
      ['hook-sync', 'Apply'],
    ]);
  });

  it('sends bookmarks when asked', async () => {
    const { events } = await collect(
      '/api/v1/namespaces/default/secrets',
      { allowWatchBookmarks: true },
      (e) => e.some(([p]) => p === 'BOOKMARK'),
    );
    expect(events.find(([p]) => p === 'BOOKMARK')?.[1].metadata.resourceVersion).toMatch(/^\d+$/);
  });

  it('ends the stream after timeoutSeconds', async () => {
    const { err } = await collect('/api/v1/namespaces/default/secrets', { timeoutSeconds: 1 }, () => false);
    expect(err).toBeNull();
  });

  it('answers 410 Gone for a resourceVersion older than the watch cache', async () => {
    const small = await startTestCluster({ watchCacheSize: 10 });
    try {
      const smallCore = small.kc.makeApiClient(k8s.CoreV1Api);
      for (let i = 0; i < 20; i++)
        await smallCore.createNamespacedConfigMap({ namespace: 'default', body: cm(`c${i}`) });
      const events: [string, any][] = [];
      await new Promise<void>((resolve) => {
        void new k8s.Watch(small.kc).watch(
          '/api/v1/namespaces/default/configmaps',
          { resourceVersion: '1001' },
          (phase, obj) => events.push([phase, obj]),
          () => resolve(),
        );
      });
      expect(events).toEqual([
        ['ERROR', expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' })],
      ]);
    } finally {
      await small.stop();
    }
  });
});

describe('pod logs', () => {
  it("serve a container's output, with tailLines and previous", async () => {
    await core.createNamespacedPod({
      namespace: 'default',
      body: {
        metadata: { name: 'talker' },
        spec: {
          restartPolicy: 'OnFailure',
          containers: [
            { name: 'c', image: 'busybox', command: ['sh', '-c', 'echo first; echo second; exit 1'] },
          ],
        },
      },
    });
    await t.cluster.waitFor(() => {
      const statuses = (
        t.cluster.object('', 'Pod', 'default', 'talker')?.status as
          { containerStatuses?: { restartCount: number }[] } | undefined
      )?.containerStatuses;
      return (statuses?.[0]?.restartCount ?? 0) >= 1;
    });
    const tail = await core.readNamespacedPodLog({
      name: 'talker',
      namespace: 'default',
      tailLines: 1,
      previous: true,
    });
    expect(tail).toBe('second\n');
    let streamed = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        streamed += chunk.toString();
        cb();
      },
    });
    await new Promise<void>((resolve, reject) => {
      void new k8s.Log(t.kc).log('default', 'talker', 'c', sink, { previous: true }).catch(reject);
      sink.on('finish', () => resolve());
    });
    expect(streamed).toBe('first\nsecond\n');
  });
});
