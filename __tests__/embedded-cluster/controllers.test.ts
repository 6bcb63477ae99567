// The simulated controllers and kubelet: what a workload goes through, as a real cluster would show it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Obj } from '../../src/embedded-cluster/object-store.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

type Rec = Record<string, any>;
const api = () => t.cluster.api;
const create = (apiVersion: string, kind: string, body: Rec, namespace = 'default') =>
  api().create(
    api().typeFor(apiVersion, kind)!,
    namespace,
    { apiVersion, kind, ...body },
    { fieldManager: 'test' },
  );
const get = (group: string, kind: string, name: string, namespace = 'default') =>
  t.cluster.object(group, kind, namespace, name) as (Obj & Rec) | undefined;
const cond = (obj: Rec | undefined, type: string) =>
  (obj?.status?.conditions ?? []).find((c: Rec) => c.type === type);
const podsOf = (label: string, value: string) =>
  api()
    .store.list('/Pod', 'default')
    .filter((p) => p.metadata.labels?.[label] === value) as (Obj & Rec)[];
const eventsFor = (name: string) =>
  api()
    .store.list('/Event', 'default')
    .filter((e) => (e as Rec).involvedObject.name === name)
    .map((e) => `${(e as Rec).reason}: ${(e as Rec).message}`);

function job(name: string, script: string | undefined, spec: Rec = {}, podSpec: Rec = {}) {
  return create('batch/v1', 'Job', {
    metadata: { name },
    spec: {
      backoffLimit: 0,
      ...spec,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'main',
              image: 'busybox:1.36',
              ...(script === undefined ? {} : { command: ['sh', '-c', script] }),
            },
          ],
          ...podSpec,
        },
      },
    },
  });
}

const finished = (name: string) => () => {
  const j = get('batch', 'Job', name);
  return (cond(j, 'Complete')?.status === 'True' || cond(j, 'Failed')?.status === 'True') && j;
};

describe('Job controller', () => {
  it('runs pods until completions succeed, parallelism at a time, and reports Complete', async () => {
    job('batch', 'echo working; sleep 1', { completions: 3, parallelism: 2 });
    let maxActive = 0;
    const unsubscribe = t.cluster.subscribe(
      () => (maxActive = Math.max(maxActive, get('batch', 'Job', 'batch')?.status?.active ?? 0)),
    );
    const j = await t.cluster.waitFor(finished('batch'));
    unsubscribe();
    expect(j.status).toMatchObject({ succeeded: 3, ready: 0 });
    expect(cond(j, 'Complete')).toMatchObject({ status: 'True', reason: 'CompletionsReached' });
    expect(cond(j, 'SuccessCriteriaMet')).toMatchObject({ status: 'True' });
    expect(j.status.completionTime).toBeDefined();
    expect(maxActive).toBe(2);
    expect(podsOf('job-name', 'batch').map((p) => p.status.phase)).toEqual([
      'Succeeded',
      'Succeeded',
      'Succeeded',
    ]);
    expect(eventsFor('batch')).toContain('Completed: Job completed');
  });

  it('retries failed pods up to backoffLimit, then fails with BackoffLimitExceeded', async () => {
    job('retries', 'echo attempt; exit 2', { backoffLimit: 2 });
    const j = await t.cluster.waitFor(finished('retries'));
    expect(cond(j, 'Failed')).toMatchObject({
      status: 'True',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(j.status.failed).toBe(3);
    const pod = podsOf('job-name', 'retries')[0]!;
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
  });

  it('fails a Job active longer than activeDeadlineSeconds, deleting its pods', async () => {
    job('slow', 'sleep 600', { activeDeadlineSeconds: 2 });
    const j = await t.cluster.waitFor(finished('slow'));
    expect(cond(j, 'Failed')).toMatchObject({
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
    await t.cluster.waitFor(() => podsOf('job-name', 'slow').length === 0);
  });

  it('deletes a finished Job after ttlSecondsAfterFinished: 0, with its pods', async () => {
    const seen: string[] = [];
    const unsubscribe = t.cluster.subscribe((e) => {
      if (e.gk === 'batch/Job' && e.object.metadata.name === 'ephemeral') {
        const complete = (e.object as Rec).status?.conditions?.some(
          (c: Rec) => c.type === 'Complete' && c.status === 'True',
        );
        seen.push(`${e.type}${complete ? ':Complete' : ''}`);
      }
    });
    job('ephemeral', 'echo bye', { ttlSecondsAfterFinished: 0 });
    await t.cluster.waitFor(() => seen.includes('DELETED:Complete'));
    unsubscribe();
    expect(seen).toContain('MODIFIED:Complete');
    await t.cluster.waitFor(() => podsOf('job-name', 'ephemeral').length === 0);
  });
});

describe('kubelet', () => {
  it('cannot pull an image named does-not-exist: ErrImagePull, then ImagePullBackOff, with Events', async () => {
    job(
      'unpullable',
      'echo never',
      {},
      { containers: [{ name: 'main', image: 'registry.example.com/does-not-exist:1.0' }] },
    );
    const pod = await t.cluster.waitFor(() =>
      podsOf('job-name', 'unpullable').find(
        (p) => p.status.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff',
      ),
    );
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.containerStatuses[0].state.waiting.message).toContain(
      'Back-off pulling image "registry.example.com/does-not-exist:1.0"',
    );
    const events = eventsFor(pod.metadata.name);
    expect(events).toEqual(
      expect.arrayContaining([
        'Pulling: Pulling image "registry.example.com/does-not-exist:1.0"',
        expect.stringMatching(
          /^Failed: Failed to pull image "registry\.example\.com\/does-not-exist:1\.0": .*repository does not exist/,
        ),
        'Failed: Error: ErrImagePull',
        'BackOff: Back-off pulling image "registry.example.com/does-not-exist:1.0"',
        'Failed: Error: ImagePullBackOff',
      ]),
    );
  });

  it('reports InvalidImageName for an image reference that cannot parse', async () => {
    job('badref', 'echo', {}, { containers: [{ name: 'main', image: 'Not A Valid:Image' }] });
    const pod = await t.cluster.waitFor(() =>
      podsOf('job-name', 'badref').find(
        (p) => p.status.containerStatuses?.[0]?.state?.waiting?.reason === 'InvalidImageName',
      ),
    );
    expect(pod.status.containerStatuses[0].state.waiting.message).toContain('invalid reference format');
  });

  it('holds a container needing a missing ConfigMap in CreateContainerConfigError, and runs it once it exists', async () => {
    job(
      'configured',
      'echo "greeting is $GREETING and $PASSWORD"',
      {},
      {
        containers: [
          {
            name: 'main',
            image: 'busybox',
            command: ['sh', '-c', 'echo "greeting is $GREETING and $PASSWORD"'],
            env: [{ name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'greetings', key: 'text' } } }],
            envFrom: [{ secretRef: { name: 'creds' } }],
          },
        ],
      },
    );
    // The kubelet resolves envFrom before env, so the Secret is reported first.
    const waiting = await t.cluster.waitFor(() =>
      podsOf('job-name', 'configured').find(
        (p) => p.status.containerStatuses?.[0]?.state?.waiting?.reason === 'CreateContainerConfigError',
      ),
    );
    expect(waiting.status.containerStatuses[0].state.waiting.message).toBe('secret "creds" not found');
    create('v1', 'Secret', { metadata: { name: 'creds' }, stringData: { PASSWORD: 's3cret' } });
    await t.cluster.waitFor(
      () =>
        podsOf('job-name', 'configured')[0]?.status.containerStatuses?.[0]?.state?.waiting?.message ===
          'configmap "greetings" not found' || undefined,
    );
    create('v1', 'ConfigMap', { metadata: { name: 'greetings' }, data: { text: 'hello' } });
    await t.cluster.waitFor(finished('configured'));
    const pod = podsOf('job-name', 'configured')[0]!;
    expect(
      t.cluster.logs.read('default', pod.metadata.name, undefined, false).lines.map((l) => l.text),
    ).toEqual(['greeting is hello and s3cret']);
  });

  it('keeps a pod whose ConfigMap volume is missing in ContainerCreating with FailedMount events', async () => {
    create('v1', 'Pod', {
      metadata: { name: 'mounts' },
      spec: {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox', command: ['true'] }],
        volumes: [{ name: 'cfg', configMap: { name: 'absent' } }],
      },
    });
    await t.cluster.waitFor(() => eventsFor('mounts').some((e) => e.startsWith('FailedMount')) || undefined);
    expect(eventsFor('mounts')).toContain(
      'FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "absent" not found',
    );
    expect(get('', 'Pod', 'mounts')!.status.phase).toBe('Pending');
  });

  it('runs init containers first, in order', async () => {
    create('v1', 'Pod', {
      metadata: { name: 'inits' },
      spec: {
        restartPolicy: 'Never',
        initContainers: [
          { name: 'one', image: 'busybox', command: ['sh', '-c', 'echo init one'] },
          { name: 'two', image: 'busybox', command: ['sh', '-c', 'echo init two'] },
        ],
        containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo main'] }],
      },
    });
    const pod = await t.cluster.waitFor(
      () => get('', 'Pod', 'inits')?.status.phase === 'Succeeded' && get('', 'Pod', 'inits'),
    );
    const started = (s: Rec) => Date.parse(s.state.terminated.startedAt) + (s.name === 'one' ? 0 : 0);
    expect(pod.status.initContainerStatuses.map((s: Rec) => [s.name, s.state.terminated.exitCode])).toEqual([
      ['one', 0],
      ['two', 0],
    ]);
    expect(started(pod.status.initContainerStatuses[1])).toBeLessThanOrEqual(
      Date.parse(pod.status.containerStatuses[0].state.terminated.startedAt),
    );
    expect(cond(pod, 'Initialized')?.status).toBe('True');
    const creationOrder = eventsFor('inits').filter((e) => e.startsWith('Started'));
    expect(creationOrder).toEqual([
      'Started: Started container one',
      'Started: Started container two',
      'Started: Started container main',
    ]);
  });

  it('fails a pod whose init container fails under restartPolicy Never', async () => {
    create('v1', 'Pod', {
      metadata: { name: 'init-fails' },
      spec: {
        restartPolicy: 'Never',
        initContainers: [{ name: 'setup', image: 'busybox', command: ['sh', '-c', 'exit 7'] }],
        containers: [{ name: 'main', image: 'busybox' }],
      },
    });
    const pod = await t.cluster.waitFor(
      () => get('', 'Pod', 'init-fails')?.status.phase === 'Failed' && get('', 'Pod', 'init-fails'),
    );
    expect(pod.status.initContainerStatuses[0].state.terminated).toMatchObject({
      exitCode: 7,
      reason: 'Error',
    });
  });

  it('restarts a container that exits under restartPolicy Always, into CrashLoopBackOff', async () => {
    create('v1', 'Pod', {
      metadata: { name: 'crashy' },
      spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo crash; exit 1'] }] },
    });
    const pod = await t.cluster.waitFor(() => {
      const s = get('', 'Pod', 'crashy')?.status.containerStatuses?.[0];
      return (
        s?.restartCount >= 2 && s.state.waiting?.reason === 'CrashLoopBackOff' && get('', 'Pod', 'crashy')
      );
    });
    const s = pod.status.containerStatuses[0];
    expect(s.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(pod.status.phase).toBe('Running');
    expect(
      eventsFor('crashy').some((e) =>
        e.startsWith('BackOff: Back-off restarting failed container c in pod crashy'),
      ),
    ).toBe(true);
  });

  it('reports OOMKilled, exit codes and the termination message', async () => {
    job('oom', 'echo allocating; oom');
    job('says-why', 'echo "migration 42 failed: relation exists" > /dev/termination-log; exit 4');
    const oom = await t.cluster.waitFor(() =>
      podsOf('job-name', 'oom').find((p) => p.status.phase === 'Failed'),
    );
    expect(oom.status.containerStatuses[0].state.terminated).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled',
    });
    const says = await t.cluster.waitFor(() =>
      podsOf('job-name', 'says-why').find((p) => p.status.phase === 'Failed'),
    );
    expect(says.status.containerStatuses[0].state.terminated).toMatchObject({
      exitCode: 4,
      reason: 'Error',
      message: 'migration 42 failed: relation exists',
    });
  });

  it("leaves a pod it cannot schedule Pending with the scheduler's reason", async () => {
    create('v1', 'Pod', {
      metadata: { name: 'nowhere' },
      spec: { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'c', image: 'busybox' }] },
    });
    create('v1', 'Pod', {
      metadata: { name: 'huge' },
      spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '64' } } }] },
    });
    const nowhere = await t.cluster.waitFor(
      () =>
        cond(get('', 'Pod', 'nowhere'), 'PodScheduled')?.reason === 'Unschedulable' &&
        get('', 'Pod', 'nowhere'),
    );
    expect(cond(nowhere, 'PodScheduled').message).toContain("didn't match Pod's node affinity/selector");
    const huge = await t.cluster.waitFor(
      () =>
        cond(get('', 'Pod', 'huge'), 'PodScheduled')?.reason === 'Unschedulable' && get('', 'Pod', 'huge'),
    );
    expect(cond(huge, 'PodScheduled').message).toContain('Insufficient cpu');
    expect(eventsFor('huge').some((e) => e.startsWith('FailedScheduling:'))).toBe(true);
  });
});

describe('Deployment controller', () => {
  const deployment = (name: string, image: string, spec: Rec = {}) => ({
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
      ...spec,
    },
  });
  const rolledOut = (name: string) => () => {
    const d = get('apps', 'Deployment', name);
    const s = d?.status;
    return (
      s &&
      s.observedGeneration === d.metadata.generation &&
      s.updatedReplicas === d.spec.replicas &&
      s.availableReplicas === d.spec.replicas &&
      s.replicas === d.spec.replicas &&
      cond(d, 'Progressing')?.reason === 'NewReplicaSetAvailable' &&
      d
    );
  };

  it('rolls out, then rolls an update to a new ReplicaSet, never exceeding the surge', async () => {
    create('apps/v1', 'Deployment', deployment('web', 'nginx:1.27', { replicas: 4 }));
    const first = await t.cluster.waitFor(rolledOut('web'));
    expect(cond(first, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    // Kubernetes bounds the ReplicaSets' replicas by the surge (pods can lag behind them briefly).
    let maxReplicas = 0;
    const replicas = () =>
      api()
        .store.list('apps/ReplicaSet', 'default')
        .filter((r) => r.metadata.name.startsWith('web-'))
        .reduce((n, r) => n + (r.spec as Rec).replicas, 0);
    const unsubscribe = t.cluster.subscribe(() => (maxReplicas = Math.max(maxReplicas, replicas())));
    const d = get('apps', 'Deployment', 'web')!;
    api().update(
      api().typeFor('apps/v1', 'Deployment')!,
      'default',
      'web',
      {
        ...structuredClone(d),
        spec: {
          ...d.spec,
          template: { ...d.spec.template, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } },
        },
      },
      { fieldManager: 'test' },
    );
    const second = await t.cluster.waitFor(
      () => get('apps', 'Deployment', 'web')?.status.observedGeneration === 2 && rolledOut('web')(),
    );
    unsubscribe();
    expect(second.metadata.generation).toBe(2);
    expect(maxReplicas).toBe(5); // 4 replicas + 25% surge, reached and never exceeded
    const rs = api()
      .store.list('apps/ReplicaSet', 'default')
      .filter((r) => r.metadata.name.startsWith('web-'));
    expect(
      rs.map((r) => [(r.spec as Rec).template.spec.containers[0].image, (r.spec as Rec).replicas]).sort(),
    ).toEqual([
      ['nginx:1.27', 0],
      ['nginx:1.28', 4],
    ]);
    expect(podsOf('app', 'web').every((p) => p.spec.containers[0].image === 'nginx:1.28')).toBe(true);
  });

  it('reports ProgressDeadlineExceeded when pods never become available', async () => {
    create(
      'apps/v1',
      'Deployment',
      deployment('stuck', 'example.com/does-not-exist:1', { progressDeadlineSeconds: 3 }),
    );
    const d = await t.cluster.waitFor(
      () =>
        cond(get('apps', 'Deployment', 'stuck'), 'Progressing')?.reason === 'ProgressDeadlineExceeded' &&
        get('apps', 'Deployment', 'stuck'),
    );
    expect(cond(d, 'Progressing')).toMatchObject({
      status: 'False',
      message: expect.stringMatching(/^ReplicaSet "stuck-\w+" has timed out progressing\.$/),
    });
    expect(cond(d, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
  });

  it('is Suspended-looking while paused: no new ReplicaSet for a changed template', async () => {
    create('apps/v1', 'Deployment', deployment('paused', 'nginx:1.27', { paused: true, replicas: 1 }));
    const d = await t.cluster.waitFor(
      () =>
        cond(get('apps', 'Deployment', 'paused'), 'Progressing')?.reason === 'DeploymentPaused' &&
        get('apps', 'Deployment', 'paused'),
    );
    expect(d.status.observedGeneration).toBe(1);
    expect(
      api()
        .store.list('apps/ReplicaSet', 'default')
        .filter((r) => r.metadata.name.startsWith('paused-')),
    ).toEqual([]);
  });
});

describe('other workloads and add-ons', () => {
  it('StatefulSet: ordered pods, PVCs from templates, revisions', async () => {
    create('apps/v1', 'StatefulSet', {
      metadata: { name: 'db' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'pg', image: 'postgres:16' }] },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    });
    const created: string[] = [];
    const unsubscribe = t.cluster.subscribe(
      (e) =>
        e.type === 'ADDED' &&
        e.gk === '/Pod' &&
        e.object.metadata.name.startsWith('db-') &&
        created.push(e.object.metadata.name),
    );
    const sts = await t.cluster.waitFor(
      () => get('apps', 'StatefulSet', 'db')?.status.readyReplicas === 3 && get('apps', 'StatefulSet', 'db'),
    );
    unsubscribe();
    expect(created).toEqual(['db-0', 'db-1', 'db-2']);
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
    expect(
      ['data-db-0', 'data-db-1', 'data-db-2'].map((n) => get('', 'PersistentVolumeClaim', n)?.status.phase),
    ).toEqual(['Bound', 'Bound', 'Bound']);
  });

  it('DaemonSet: one pod on the node', async () => {
    create('apps/v1', 'DaemonSet', {
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: { containers: [{ name: 'a', image: 'fluentbit' }] },
        },
      },
    });
    const ds = await t.cluster.waitFor(
      () => get('apps', 'DaemonSet', 'agent')?.status.numberReady === 1 && get('apps', 'DaemonSet', 'agent'),
    );
    expect(ds.status).toMatchObject({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      updatedNumberScheduled: 1,
      numberAvailable: 1,
    });
  });

  it('a LoadBalancer Service gets an ingress address; Endpoints list ready pods', async () => {
    create('v1', 'Service', {
      metadata: { name: 'web' },
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    const svc = await t.cluster.waitFor(
      () => get('', 'Service', 'web')?.status.loadBalancer.ingress && get('', 'Service', 'web'),
    );
    expect(svc.status.loadBalancer.ingress[0].ip).toMatch(/^172\.18\.255\.\d+$/);
    expect(svc.spec.clusterIP).toMatch(/^10\.96\./);
    const ep = await t.cluster.waitFor(() => get('', 'Endpoints', 'web'));
    expect(ep.subsets[0].addresses.length).toBeGreaterThan(0);
  });

  it('a PVC becomes Bound; one for a missing storage class stays Pending', async () => {
    create('v1', 'PersistentVolumeClaim', {
      metadata: { name: 'claim' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
    });
    create('v1', 'PersistentVolumeClaim', {
      metadata: { name: 'orphan-claim' },
      spec: {
        storageClassName: 'does-not-exist',
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '5Gi' } },
      },
    });
    const pvc = await t.cluster.waitFor(
      () =>
        get('', 'PersistentVolumeClaim', 'claim')?.status.phase === 'Bound' &&
        get('', 'PersistentVolumeClaim', 'claim'),
    );
    expect(pvc.status.capacity).toEqual({ storage: '5Gi' });
    await t.cluster.waitFor(() => eventsFor('orphan-claim').length > 0 || undefined);
    expect(get('', 'PersistentVolumeClaim', 'orphan-claim')!.status.phase).toBe('Pending');
  });

  it('every namespace gets a default ServiceAccount', async () => {
    create('v1', 'Namespace', { metadata: { name: 'fresh' } }, undefined as unknown as string);
    await t.cluster.waitFor(() => t.cluster.object('', 'ServiceAccount', 'fresh', 'default'));
  });
});
