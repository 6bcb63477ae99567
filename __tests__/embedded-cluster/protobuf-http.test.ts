// Protobuf over HTTP: responses for clients that accept only protobuf, every object the controllers write
// readable that way, writes in protobuf, and bad bodies refused with the status that says why.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../src/embedded-cluster/protobuf/decode.js';
import { encodeObject } from '../../src/embedded-cluster/protobuf/encode.js';
import { ProtoWriter } from '../../src/embedded-cluster/protobuf/wire.js';
import { apiVersionOf, BUILT_IN_TYPES } from '../../src/embedded-cluster/resource-types.js';
import { kubectl, startTestCluster, type TestCluster } from '../helpers/embedded.js';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

interface Reply {
  status: number;
  contentType: string;
  body: Buffer;
}

async function call(
  method: string,
  path: string,
  options: { accept?: string; contentType?: string; body?: Uint8Array | string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.accept) headers.Accept = options.accept;
  if (options.contentType) headers['Content-Type'] = options.contentType;
  const res = await fetch(`${t.cluster.url}${path}`, { method, headers, body: options.body });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

const json = (reply: Reply): any => JSON.parse(reply.body.toString('utf8'));

/**
 * Go writes an unset struct as {} and an unset time as null where the emulator's JSON sometimes leaves
 * them out (or the other way round), and a time with no milliseconds in whole seconds: the same object
 * either way, so these differences go before comparing.
 */
function withoutEmpties(value: any): any {
  if (Array.isArray(value)) return value.map(withoutEmpties);
  if (typeof value === 'string') return value.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.000Z$/, '$1Z');
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = withoutEmpties(v);
    if (
      kept === null ||
      kept === undefined ||
      (typeof kept === 'object' && !Array.isArray(kept) && !Object.keys(kept).length)
    )
      continue;
    out[k] = kept;
  }
  return out;
}
const proto = (reply: Reply): any => {
  expect(reply.contentType).toBe(PROTOBUF);
  return decodeObject(reply.body, 'the response');
};

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
          readinessProbe: {httpGet: {path: /, port: 80}}
          resources: {requests: {cpu: 100m, memory: 64Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 80}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: shop}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox:1.36, command: [sh, -c, "echo done"]}]
---
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata: {name: lock, namespace: shop}
spec: {holderIdentity: me, leaseDurationSeconds: 15, renewTime: "2024-05-01T12:00:00.000000Z"}
`;

describe('responses in protobuf, for clients that accept nothing else', () => {
  it('every object the cluster and its controllers wrote survives protobuf', async () => {
    expect((await kubectl(t, ['create', 'namespace', 'shop'])).code).toBe(0);
    expect((await kubectl(t, ['apply', '-f', '-'], APP)).code).toBe(0);
    expect(
      (await kubectl(t, ['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=60s'])).code,
    ).toBe(0);
    expect((await kubectl(t, ['wait', '--for=condition=complete', 'job/migrate', '-n', 'shop'])).code).toBe(
      0,
    );

    // Read in one go, as the server lists them: controllers keep writing, so no HTTP round trips here.
    let objects = 0;
    for (const type of BUILT_IN_TYPES) {
      const items = t.cluster.api.list(type, 'shop').map(({ apiVersion: _a, kind: _k, ...item }) => item);
      const list = {
        apiVersion: apiVersionOf(type),
        kind: `${type.kind}List`,
        metadata: { resourceVersion: '9' },
        items,
      };
      const back = decodeObject(encodeObject(list)) as any;
      // No items is an absent field in protobuf: Go reads nil, as for `items: []`. Every field comes back;
      // what may be added are the zero values Go writes (a Node's daemonEndpoints.kubeletEndpoint.Port: 0).
      expect({ kind: type.kind, items: withoutEmpties(back.items ?? []) }).toMatchObject({
        kind: type.kind,
        items: withoutEmpties(items),
      });
      objects += items.length;
    }
    // Pods with statuses, ReplicaSets, Endpoints, Events, the default ServiceAccount…
    expect(objects).toBeGreaterThan(15);
  });

  it('a list and an object over HTTP read the same in protobuf as in JSON', async () => {
    const path = '/api/v1/namespaces/shop/pods';
    let asJson: any;
    let asProtobuf: any;
    // The items compare when no pod changed between the two reads (a codec error fails every time). The
    // list's resourceVersion is the cluster's, which any write anywhere moves.
    for (let attempt = 0; attempt < 5; attempt++) {
      asJson = json(await call('GET', path));
      asProtobuf = proto(await call('GET', path, { accept: PROTOBUF }));
      if (JSON.stringify(withoutEmpties(asJson.items)) === JSON.stringify(withoutEmpties(asProtobuf.items)))
        break;
    }
    expect(asJson.items.length).toBeGreaterThan(2);
    expect(withoutEmpties(asProtobuf.items)).toEqual(withoutEmpties(asJson.items));
    expect(asProtobuf).toMatchObject({
      apiVersion: 'v1',
      kind: 'PodList',
      metadata: { resourceVersion: expect.stringMatching(/^\d+$/) },
    });

    const pod = asJson.items[0];
    const one = await call('GET', `${path}/${pod.metadata.name}`, { accept: PROTOBUF });
    expect(withoutEmpties(proto(one))).toEqual(withoutEmpties({ apiVersion: 'v1', kind: 'Pod', ...pod }));
  });

  it('JSON stays the answer whenever the client takes JSON too', async () => {
    for (const accept of [undefined, `${PROTOBUF},application/json`, 'application/json', '*/*']) {
      const reply = await call('GET', '/api/v1/namespaces/shop/services/web', { accept });
      expect({ accept, contentType: reply.contentType }).toEqual({ accept, contentType: 'application/json' });
    }
  });

  it('errors come back as a protobuf Status', async () => {
    const missing = await call('GET', '/api/v1/namespaces/shop/configmaps/nope', { accept: PROTOBUF });
    expect(missing.status).toBe(404);
    expect(proto(missing)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      message: 'configmaps "nope" not found',
      code: 404,
    });
  });

  it('what protobuf cannot carry is refused with 406, naming it: tables, custom resources, discovery, watches', async () => {
    const table = await call('GET', '/api/v1/namespaces/shop/pods', {
      accept: `${PROTOBUF};as=Table;v=v1;g=meta.k8s.io`,
    });
    expect(table.status).toBe(406);
    expect(proto(table).message).toContain('no protobuf form for meta.k8s.io/v1, Kind=Table');

    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`;
    expect((await kubectl(t, ['apply', '-f', '-'], crd)).code).toBe(0);
    await kubectl(t, ['wait', '--for=condition=established', 'crd/widgets.example.com']);
    const widgets = await call('GET', '/apis/example.com/v1/namespaces/shop/widgets', { accept: PROTOBUF });
    expect(widgets.status).toBe(406);
    expect(proto(widgets)).toMatchObject({
      reason: 'NotAcceptable',
      message: `the server has no protobuf form for example.com/v1, Kind=WidgetList (the request accepts only ${PROTOBUF})`,
    });

    for (const path of ['/api', '/apis', '/apis/apps/v1']) {
      const discovery = await call('GET', path, { accept: PROTOBUF });
      expect({ path, status: discovery.status, reason: proto(discovery).reason }).toEqual({
        path,
        status: 406,
        reason: 'NotAcceptable',
      });
    }

    const watch = await call('GET', '/api/v1/namespaces/shop/configmaps?watch=true', { accept: PROTOBUF });
    expect(watch.status).toBe(406);
    expect(proto(watch).message).toContain('streams watches as JSON only; accept application/json');
  });
});

describe('writes in protobuf', () => {
  const configMaps = '/api/v1/namespaces/shop/configmaps';

  it('create, update with a stale resourceVersion refused, update, delete with DeleteOptions in protobuf', async () => {
    const body = encodeObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', labels: { app: 'web' } },
      data: { mode: 'fast' },
      binaryData: { blob: Buffer.from([0, 1, 254, 255]).toString('base64') },
    });
    const created = await call('POST', configMaps, { accept: PROTOBUF, contentType: PROTOBUF, body });
    expect(created.status).toBe(201);
    const stored = proto(created);
    expect(stored).toMatchObject({ data: { mode: 'fast' }, binaryData: { blob: 'AAH+/w==' } });
    expect(json(await call('GET', `${configMaps}/settings`))).toEqual(stored);

    const stale = encodeObject({
      ...stored,
      metadata: { ...stored.metadata, resourceVersion: '1' },
      data: { mode: 'slow' },
    });
    const conflict = await call('PUT', `${configMaps}/settings`, {
      accept: PROTOBUF,
      contentType: PROTOBUF,
      body: stale,
    });
    expect(conflict.status).toBe(409);
    expect(proto(conflict).reason).toBe('Conflict');

    const next = encodeObject({ ...stored, data: { mode: 'slow' } });
    const updated = await call('PUT', `${configMaps}/settings`, { contentType: PROTOBUF, body: next });
    expect(updated.status).toBe(200);
    expect(json(updated).data).toEqual({ mode: 'slow' });

    const options = encodeObject({
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      preconditions: { uid: 'not-its-uid' },
    });
    const refused = await call('DELETE', `${configMaps}/settings`, { contentType: PROTOBUF, body: options });
    expect(refused.status).toBe(409);
    expect(t.cluster.object('', 'ConfigMap', 'shop', 'settings')).toBeDefined();
    const matching = encodeObject({
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      preconditions: { uid: stored.metadata.uid },
    });
    expect(
      (await call('DELETE', `${configMaps}/settings`, { contentType: PROTOBUF, body: matching })).status,
    ).toBe(200);
    expect(t.cluster.object('', 'ConfigMap', 'shop', 'settings')).toBeUndefined();
  });

  it('an orphaning delete in protobuf leaves the ReplicaSets behind', async () => {
    const options = encodeObject({
      apiVersion: 'apps/v1',
      kind: 'DeleteOptions',
      propagationPolicy: 'Orphan',
    });
    const reply = await call('DELETE', '/apis/apps/v1/namespaces/shop/deployments/web', {
      contentType: PROTOBUF,
      body: options,
    });
    expect([200, 202]).toContain(reply.status);
    await t.cluster.waitFor(() => !t.cluster.object('apps', 'Deployment', 'shop', 'web'), 'deployment gone');
    const replicaSets = t.cluster.api.store.list('apps/ReplicaSet', 'shop');
    expect(replicaSets.length).toBeGreaterThan(0);
    expect(replicaSets.every((rs) => !rs.metadata.ownerReferences?.length)).toBe(true);
  });

  it('bad bodies are refused with what is wrong, and change nothing', async () => {
    const before = t.cluster.api.store.resourceVersion;
    const envelope = (apiVersion: string, kind: string, raw: Uint8Array) => {
      const typeMeta = new ProtoWriter();
      typeMeta.stringField(1, apiVersion);
      typeMeta.stringField(2, kind);
      const unknown = new ProtoWriter();
      unknown.bytesField(1, typeMeta.finish());
      unknown.bytesField(2, raw);
      return Buffer.concat([Buffer.from('k8s\0', 'latin1'), unknown.finish()]);
    };
    const meta = new ProtoWriter();
    meta.stringField(1, 'odd');
    const withExtra = new ProtoWriter();
    withExtra.bytesField(1, meta.finish());
    withExtra.stringField(42, 'from a newer client');

    const cases: { body: Uint8Array; code: number; reason: string; message: string | RegExp }[] = [
      {
        body: envelope('example.com/v1', 'Widget', new Uint8Array(0)),
        code: 415,
        reason: 'UnsupportedMediaType',
        message:
          'the server does not understand protobuf for example.com/v1, Kind=Widget; send JSON (application/json)',
      },
      {
        body: envelope('v1', 'ConfigMap', withExtra.finish()),
        code: 400,
        reason: 'BadRequest',
        message:
          /^the protobuf request body could not be decoded: ConfigMap: field number 42 is not a field of core\/v1\.ConfigMap/,
      },
      {
        body: Buffer.from('{"apiVersion":"v1","kind":"ConfigMap"}'),
        code: 400,
        reason: 'BadRequest',
        message:
          'the protobuf request body could not be decoded: the request body does not start with the protobuf magic "k8s\\0"',
      },
      {
        body: envelope('v1', 'ConfigMap', withExtra.finish()).subarray(0, 20),
        code: 400,
        reason: 'BadRequest',
        message: /malformed/,
      },
    ];
    for (const c of cases) {
      const reply = await call('POST', configMaps, { contentType: PROTOBUF, body: c.body });
      expect({ ...json(reply), status: reply.status }).toMatchObject({
        status: c.code,
        code: c.code,
        reason: c.reason,
        message: c.message,
      });
    }
    expect(t.cluster.api.store.resourceVersion).toBe(before);
    expect(t.cluster.object('', 'ConfigMap', 'shop', 'odd')).toBeUndefined();
  });

  it('a body of the wrong kind for the path is refused as JSON would be', async () => {
    const body = encodeObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'misplaced' } });
    const reply = await call('POST', configMaps, { contentType: PROTOBUF, body });
    expect(reply.status).toBe(400);
    expect(t.cluster.object('', 'Secret', 'shop', 'misplaced')).toBeUndefined();
  });
});
