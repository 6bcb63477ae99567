// Real kubectl against the embedded cluster: the evidence that it speaks Kubernetes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { kubectl, kubectlUntil, startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const job = (name: string, script: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  backoffLimit: 0
${extra}  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", ${JSON.stringify(script)}]
`;

const deployment = (name: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 3
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: web
          image: ${image}
          ports: [{containerPort: 80}]
`;

describe('kubectl against the embedded cluster', () => {
  it('discovers the server and its kinds', async () => {
    const version = await kubectl(t, ['version', '-o', 'json']);
    expect(version.code).toBe(0);
    expect(JSON.parse(version.stdout).serverVersion.gitVersion).toBe('v1.32.0-hook-sync');
    const resources = await kubectl(t, ['api-resources', '-o', 'name']);
    expect(resources.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'jobs.batch',
        'deployments.apps',
        'pods',
        'leases.coordination.k8s.io',
        'customresourcedefinitions.apiextensions.k8s.io',
      ]),
    );
  });

  it('applies client-side: create, then update', async () => {
    const cm = (value: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: csa\ndata:\n  key: ${value}\n`;
    expect(await kubectl(t, ['apply', '-f', '-'], cm('one'))).toMatchObject({
      code: 0,
      stdout: 'configmap/csa created\n',
    });
    expect(await kubectl(t, ['apply', '-f', '-'], cm('two'))).toMatchObject({
      code: 0,
      stdout: 'configmap/csa configured\n',
    });
    expect(await kubectl(t, ['apply', '-f', '-'], cm('two'))).toMatchObject({
      code: 0,
      stdout: 'configmap/csa unchanged\n',
    });
    expect(t.cluster.object('', 'ConfigMap', 'default', 'csa')?.data).toEqual({ key: 'two' });
  });

  it('applies a Deployment client-side and updates it with a strategic merge patch that keeps list items', async () => {
    expect((await kubectl(t, ['apply', '-f', '-'], deployment('smp', 'nginx:1.27'))).code).toBe(0);
    expect((await kubectl(t, ['apply', '-f', '-'], deployment('smp', 'nginx:1.28'))).code).toBe(0);
    const spec = t.cluster.object('apps', 'Deployment', 'default', 'smp')!.spec as {
      template: { spec: { containers: { image: string; ports: unknown[] }[] } };
    };
    expect(spec.template.spec.containers).toHaveLength(1);
    expect(spec.template.spec.containers[0]).toMatchObject({
      image: 'nginx:1.28',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
    });
  });

  it('applies server-side: create, then update, with managed fields', async () => {
    const cm = (value: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  key: ${value}\n  other: x\n`;
    expect(await kubectl(t, ['apply', '--server-side', '-f', '-'], cm('one'))).toMatchObject({
      code: 0,
      stdout: 'configmap/ssa serverside-applied\n',
    });
    expect((await kubectl(t, ['apply', '--server-side', '-f', '-'], cm('two'))).code).toBe(0);
    const obj = t.cluster.object('', 'ConfigMap', 'default', 'ssa')!;
    expect(obj.data).toEqual({ key: 'two', other: 'x' });
    expect(obj.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'kubectl',
        operation: 'Apply',
        fieldsV1: { 'f:data': { 'f:key': {}, 'f:other': {} } },
      }),
    ]);
  });

  it('reports a server-side apply conflict between managers, and resolves it with --force-conflicts', async () => {
    await kubectl(
      t,
      ['apply', '--server-side', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owned\ndata:\n  key: mine\n',
    );
    const theirs = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owned\ndata:\n  key: theirs\n';
    const conflict = await kubectl(
      t,
      ['apply', '--server-side', '--field-manager', 'intruder', '-f', '-'],
      theirs,
    );
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl" using v1: .data.key',
    );
    expect(t.cluster.object('', 'ConfigMap', 'default', 'owned')?.data).toEqual({ key: 'mine' });
    const forced = await kubectl(
      t,
      ['apply', '--server-side', '--field-manager', 'intruder', '--force-conflicts', '-f', '-'],
      theirs,
    );
    expect(forced.code).toBe(0);
    expect(t.cluster.object('', 'ConfigMap', 'default', 'owned')?.data).toEqual({ key: 'theirs' });
  });

  it("refuses a change to an immutable field with the API server's message", async () => {
    expect((await kubectl(t, ['apply', '-f', '-'], job('immutable', 'echo one'))).code).toBe(0);
    const changed = await kubectl(t, ['apply', '-f', '-'], job('immutable', 'echo two'));
    expect(changed.code).not.toBe(0);
    expect(changed.stderr).toMatch(
      /The Job "immutable" is invalid: spec\.template: Invalid value: .*: field is immutable/,
    );
  });

  it('refuses an unknown field under strict validation', async () => {
    const r = await kubectl(
      t,
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: strict\nbogus: 1\n',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('strict decoding error: unknown field "bogus"');
  });

  it('waits for a Job to complete and reads its logs', async () => {
    await kubectl(t, ['apply', '-f', '-'], job('completes', 'echo starting; sleep 2; echo finished'));
    const wait = await kubectl(t, ['wait', '--for=condition=complete', 'job/completes', '--timeout=60s']);
    expect(wait).toMatchObject({ code: 0, stdout: 'job.batch/completes condition met\n' });
    const logs = await kubectl(t, ['logs', 'job/completes']);
    expect(logs).toMatchObject({ code: 0, stdout: 'starting\nfinished\n' });
    const table = await kubectl(t, ['get', 'job', 'completes', '--no-headers']);
    expect(table.stdout).toMatch(/^completes\s+Complete\s+1\/1\s/);
  });

  it('waits for a Job to fail', async () => {
    await kubectl(t, ['apply', '-f', '-'], job('fails', 'echo boom; exit 3'));
    const wait = await kubectl(t, ['wait', '--for=condition=failed', 'job/fails', '--timeout=60s']);
    expect(wait).toMatchObject({ code: 0, stdout: 'job.batch/fails condition met\n' });
    const reason = await kubectl(t, [
      'get',
      'job',
      'fails',
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Failed")].reason}',
    ]);
    expect(reason.stdout).toBe('BackoffLimitExceeded');
  });

  it('follows logs until the container exits', async () => {
    await kubectl(
      t,
      ['apply', '-f', '-'],
      job('follows', 'echo one; sleep 20; echo two; sleep 20; echo three'),
    );
    await kubectl(t, ['wait', '--for=jsonpath={.status.active}=1', 'job/follows', '--timeout=60s']);
    const pod = t.cluster.api.store
      .list('/Pod', 'default')
      .find((p) => p.metadata.labels?.['job-name'] === 'follows')!;
    await t.cluster.waitFor(
      () => (pod && t.cluster.logs.read('default', pod.metadata.name, undefined, false).running) || undefined,
    );
    const follow = await kubectl(t, ['logs', '-f', `pod/${pod.metadata.name}`]);
    expect(follow).toMatchObject({ code: 0, stdout: 'one\ntwo\nthree\n' });
  });

  it('watches with get -w', async () => {
    // kubectl is stopped once everything asserted has been printed, not earlier: its output arrives in
    // chunks that can end mid-row (after "Complete", before "1/1").
    const expected = [/watched\s+Running\s+0\/1/, /watched\s+Complete\s+1\/1/];
    // `started` is kubectl's first row of its initial list: a Job to list, when this test runs alone too.
    expect((await kubectl(t, ['apply', '-f', '-'], job('listed', 'true'))).code).toBe(0);
    const watch = kubectlUntil(t, ['get', 'jobs', '-w', '--no-headers'], (out) =>
      expected.every((row) => row.test(out)),
    );
    await watch.started;
    await kubectl(t, ['apply', '-f', '-'], job('watched', 'echo hi; sleep 1'));
    const out = await watch.done;
    for (const row of expected) expect(out).toMatch(row);
  });

  it('waits for a rollout, first and after an update', async () => {
    await kubectl(t, ['apply', '-f', '-'], deployment('rolled', 'nginx:1.27'));
    expect(await kubectl(t, ['rollout', 'status', 'deployment/rolled', '--timeout=60s'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('deployment "rolled" successfully rolled out'),
    });
    await kubectl(t, ['apply', '-f', '-'], deployment('rolled', 'nginx:1.28'));
    const status = await kubectl(t, ['rollout', 'status', 'deployment/rolled', '--timeout=60s']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('deployment "rolled" successfully rolled out');
    const rs = t.cluster.api.store
      .list('apps/ReplicaSet', 'default')
      .filter((r) => r.metadata.name.startsWith('rolled-'));
    expect(rs.map((r) => (r.spec as { replicas: number }).replicas).sort()).toEqual([0, 3]);
  });

  it('deletes with --cascade=foreground: the owner goes only after its ReplicaSets and pods', async () => {
    await kubectl(t, ['apply', '-f', '-'], deployment('cascade', 'nginx:1.27'));
    await kubectl(t, ['rollout', 'status', 'deployment/cascade', '--timeout=60s']);
    const order: string[] = [];
    const unsubscribe = t.cluster.subscribe((e) => {
      if (e.type === 'DELETED' && e.object.metadata.name.startsWith('cascade')) order.push(e.gk);
    });
    const r = await kubectl(t, ['delete', 'deployment', 'cascade', '--cascade=foreground']);
    unsubscribe();
    expect(r).toMatchObject({ code: 0, stdout: 'deployment.apps "cascade" deleted\n' });
    expect(t.cluster.object('apps', 'Deployment', 'default', 'cascade')).toBeUndefined();
    expect(
      t.cluster.api.store.list('/Pod', 'default').filter((p) => p.metadata.name.startsWith('cascade-')),
    ).toEqual([]);
    expect(order[order.length - 1]).toBe('apps/Deployment');
    expect(order.filter((gk) => gk === '/Pod')).toHaveLength(3);
  });

  it('serves a custom resource once its CRD is established', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gizmos.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Gizmo, plural: gizmos, singular: gizmo, shortNames: [gz]}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]
`;
    expect((await kubectl(t, ['apply', '-f', '-'], crd)).code).toBe(0);
    expect(
      (await kubectl(t, ['wait', '--for=condition=established', 'crd/gizmos.example.com', '--timeout=30s']))
        .code,
    ).toBe(0);
    expect(
      await kubectl(
        t,
        ['apply', '-f', '-'],
        'apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: g1}\nspec: {size: 3}\n',
      ),
    ).toMatchObject({ code: 0, stdout: 'gizmo.example.com/g1 created\n' });
    expect((await kubectl(t, ['get', 'gz', 'g1', '-o', 'jsonpath={.spec.size}'])).stdout).toBe('3');
  });

  it('answers NotFound like a real server', async () => {
    const r = await kubectl(t, ['get', 'configmap', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error from server (NotFound): configmaps "nope" not found');
  });
});
