// kubectl's typed commands (create namespace/configmap/secret/deployment/job/…) send protobuf bodies.
// What they create must be what kubectl meant: its own `--dry-run=client -o json` rendering, and the very
// object `kubectl create -f` makes from that JSON.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { kubectl, startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
let blobPath: string;
const BLOB = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

beforeAll(async () => {
  t = await startTestCluster();
  blobPath = path.join(t.dir, 'blob.bin');
  writeFileSync(blobPath, BLOB);
});
afterAll(() => t.stop());

/** JSON without the nulls Go writes for unset values (creationTimestamp: null): the server drops them too. */
function withoutNulls(value: any): any {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  return value;
}

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(t, args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Flags go before `--`: what follows it is the container's command. */
function withFlags(args: string[], ...flags: string[]): string[] {
  const end = args.indexOf('--');
  return end < 0 ? [...args, ...flags] : [...args.slice(0, end), ...flags, ...args.slice(end)];
}

/** What kubectl means by a command: the object it renders client-side. */
async function intended(args: string[]): Promise<any> {
  return withoutNulls(JSON.parse(await ok(withFlags(args, '--dry-run=client', '-o', 'json'))));
}

async function read(resource: string, namespace?: string): Promise<any> {
  return JSON.parse(await ok(['get', resource, ...(namespace ? ['-n', namespace] : []), '-o', 'json']));
}

/** Two objects made from the same request compare equal once identity and timing are set aside. */
function comparable(obj: any): any {
  const text = JSON.stringify(obj)
    .replaceAll(obj.metadata.uid, '<uid>')
    .replaceAll(`"${obj.metadata.namespace}"`, '"<namespace>"');
  const copy = JSON.parse(text);
  for (const key of ['uid', 'resourceVersion', 'creationTimestamp', 'namespace']) delete copy.metadata[key];
  for (const entry of copy.metadata.managedFields ?? []) delete entry.time;
  delete copy.status;
  // Allocated by the server, one per Service.
  if (copy.kind === 'Service') for (const key of ['clusterIP', 'clusterIPs']) delete copy.spec[key];
  return copy;
}

const NAMESPACED: { resource: string; args: string[] }[] = [
  { resource: 'configmap/settings', args: ['create', 'configmap', 'settings', '--from-literal=mode=fast'] },
  // A file that is not UTF-8 goes to binaryData.
  { resource: 'configmap/binary', args: ['create', 'configmap', 'binary', '--from-file=blob=BLOB'] },
  {
    resource: 'secret/creds',
    args: ['create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-file=blob=BLOB'],
  },
  {
    resource: 'deployment/web',
    args: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'],
  },
  {
    resource: 'job/migrate',
    args: ['create', 'job', 'migrate', '--image=busybox:1.36', '--', 'sh', '-c', 'echo migrated'],
  },
  { resource: 'serviceaccount/robot', args: ['create', 'serviceaccount', 'robot'] },
  { resource: 'service/web', args: ['create', 'service', 'clusterip', 'web', '--tcp=80:8080'] },
  {
    resource: 'role/reader',
    args: ['create', 'role', 'reader', '--verb=get,list', '--resource=pods,configmaps'],
  },
  {
    resource: 'rolebinding/read',
    args: ['create', 'rolebinding', 'read', '--role=reader', '--serviceaccount=NS:robot'],
  },
  {
    resource: 'cronjob/nightly',
    args: [
      'create',
      'cronjob',
      'nightly',
      '--image=busybox:1.36',
      '--schedule=0 3 * * *',
      '--',
      'sh',
      '-c',
      'echo nightly',
    ],
  },
  {
    resource: 'poddisruptionbudget/web',
    args: ['create', 'pdb', 'web', '--selector=app=web', '--min-available=50%'],
  },
  { resource: 'ingress/web', args: ['create', 'ingress', 'web', '--rule=shop.example/=web:80'] },
];

function argsFor(args: string[], namespace: string): string[] {
  const filled = args.map((a) => a.replace('BLOB', blobPath).replace('NS:', `${namespace}:`));
  return withFlags(filled, '-n', namespace);
}

describe("kubectl's typed commands (protobuf bodies)", () => {
  it('create namespace: the namespace kubectl meant, with its name label', async () => {
    const meant = await intended(['create', 'namespace', 'shop']);
    expect(await ok(['create', 'namespace', 'shop'])).toBe('namespace/shop created\n');
    const ns = await read('namespace/shop');
    expect(ns).toMatchObject({ ...meant, status: { phase: 'Active' } });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
  });

  it('creates each kind as kubectl meant it, the same object create -f makes from the same JSON', async () => {
    await ok(['create', 'namespace', 'by-protobuf']);
    await ok(['create', 'namespace', 'by-json']);
    for (const { resource, args } of NAMESPACED) {
      const created = await kubectl(t, argsFor(args, 'by-protobuf'));
      expect({ resource, ...created }).toMatchObject({ resource, code: 0, stderr: '' });
      const meant = await intended(argsFor(args, 'by-protobuf'));
      const viaProtobuf = await read(resource, 'by-protobuf');
      // The server adds defaults and ignores the status a create carries.
      const { status: _ignored, ...meantWithoutStatus } = meant;
      expect(viaProtobuf).toMatchObject(meantWithoutStatus);

      const twin = await intended(argsFor(args, 'by-json'));
      expect(await ok(['create', '-f', '-'], JSON.stringify(twin))).toContain('created');
      expect({ resource, object: comparable(viaProtobuf) }).toEqual({
        resource,
        object: comparable(await read(resource, 'by-json')),
      });
    }
  });

  it('keeps binary Secret and ConfigMap data byte for byte', async () => {
    const secret = await read('secret/creds', 'by-protobuf');
    expect(Buffer.from(secret.data.blob, 'base64').equals(BLOB)).toBe(true);
    expect(Buffer.from(secret.data.user, 'base64').toString()).toBe('admin');
    const configMap = await read('configmap/binary', 'by-protobuf');
    expect(Buffer.from(configMap.binaryData.blob, 'base64').equals(BLOB)).toBe(true);
  });

  it('create job --from=cronjob: owner reference and annotation, then the Job runs', async () => {
    const args = ['create', 'job', 'by-hand', '--from=cronjob/nightly', '-n', 'by-protobuf'];
    expect(await ok(args)).toBe('job.batch/by-hand created\n');
    const cronJob = await read('cronjob/nightly', 'by-protobuf');
    const job = await read('job/by-hand', 'by-protobuf');
    expect(job.metadata.annotations).toMatchObject({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'nightly',
        uid: cronJob.metadata.uid,
        controller: true,
      },
    ]);
    await ok(['wait', '--for=condition=complete', 'job/by-hand', '-n', 'by-protobuf', '--timeout=60s']);
    expect(await ok(['logs', 'job/by-hand', '-n', 'by-protobuf'])).toBe('nightly\n');
  });

  it('a created Deployment rolls out its replicas and a created Job runs', async () => {
    expect(await ok(['rollout', 'status', 'deployment/web', '-n', 'by-protobuf', '--timeout=60s'])).toContain(
      'successfully rolled out',
    );
    const pods = await read('pods', 'by-protobuf');
    const webPods = pods.items.filter((p: any) => p.metadata.labels?.app === 'web');
    expect(webPods).toHaveLength(2);
    expect(webPods.map((p: any) => p.spec.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.27']);

    await ok(['wait', '--for=condition=complete', 'job/migrate', '-n', 'by-protobuf', '--timeout=60s']);
    expect(await ok(['logs', 'job/migrate', '-n', 'by-protobuf'])).toBe('migrated\n');
  });

  it('cluster-scoped kinds: clusterrole and clusterrolebinding', async () => {
    const role = ['create', 'clusterrole', 'pod-reader', '--verb=get', '--resource=pods'];
    const binding = [
      'create',
      'clusterrolebinding',
      'pod-readers',
      '--clusterrole=pod-reader',
      '--group=devs',
    ];
    for (const args of [role, binding]) {
      const meant = await intended(args);
      await ok(args);
      expect(await read(`${args[1]}/${args[2]}`)).toMatchObject(meant);
    }
  });

  it("a second create of the same name is refused with the server's AlreadyExists, and changes nothing", async () => {
    const before = await read('configmap/settings', 'by-protobuf');
    const again = await kubectl(
      t,
      argsFor(['create', 'configmap', 'settings', '--from-literal=mode=slow'], 'by-protobuf'),
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('configmaps "settings" already exists');
    expect(await read('configmap/settings', 'by-protobuf')).toEqual(before);
  });

  it('a create into a namespace that does not exist is refused and creates nothing', async () => {
    const r = await kubectl(t, ['create', 'configmap', 'lost', '--from-literal=a=b', '-n', 'nowhere']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('namespaces "nowhere" not found');
    expect(t.cluster.object('', 'ConfigMap', 'nowhere', 'lost')).toBeUndefined();
  });
});
