import { describe, expect, it } from '@jest/globals';
import { DEFAULT_GRACE, diagnose, gracePeriodsFor } from '../../src/health/fail-fast.js';
import { judgeHook, judgeResource } from '../../src/health/judge.js';

const T0 = Date.parse('2026-11-22T07:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const job = (annotations: Record<string, string> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate', namespace: 'shop', uid: 'job-uid', annotations },
  spec: { backoffLimit: 0 },
  status: { active: 1 },
});

const pod = (containerState: object, extra: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'migrate-x7k2p', namespace: 'shop', uid: 'pod-uid', creationTimestamp: at(0) },
  spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'acme/migrate:does-not-exist' }] },
  status: {
    phase: 'Pending',
    containerStatuses: [
      {
        name: 'migrate',
        image: 'acme/migrate:does-not-exist',
        ready: false,
        restartCount: 0,
        state: containerState,
      },
    ],
    ...extra,
  },
});

const event = (uid: string, reason: string, message: string, firstSeconds: number, kind = 'Pod') => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: `e-${reason}-${firstSeconds}` },
  involvedObject: { kind, uid, name: 'x' },
  reason,
  message,
  type: 'Warning',
  firstTimestamp: at(firstSeconds),
  lastTimestamp: at(firstSeconds + 30),
});

const pullBackOff = pod({
  waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "acme/migrate:does-not-exist"' },
});
const pullEvents = [
  event(
    'pod-uid',
    'Failed',
    'Failed to pull image "acme/migrate:does-not-exist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/migrate:does-not-exist": not found',
    2,
  ),
  event('pod-uid', 'BackOff', 'Back-off pulling image "acme/migrate:does-not-exist"', 3),
];

describe('fail-fast diagnosis', () => {
  it("waits out the grace period for an image pull failure, then fails with the registry's reason", () => {
    const early = diagnose({ object: job(), pods: [pullBackOff], events: pullEvents, now: T0 + 30_000 });
    expect(early.failed).toBeUndefined();
    expect(early.pending).toEqual([
      expect.objectContaining({
        reason: 'ImagePullBackOff',
        since: T0 + 2000,
        failsAt: T0 + 2000 + DEFAULT_GRACE.imagePull,
      }),
    ]);
    const late = diagnose({ object: job(), pods: [pullBackOff], events: pullEvents, now: T0 + 62_000 });
    expect(late.failed).toEqual({
      reason: 'ImagePullBackOff',
      since: T0 + 2000,
      message:
        'container "migrate" cannot pull image "acme/migrate:does-not-exist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/migrate:does-not-exist": not found (for 1m; hook-sync fails this after 1m)',
    });
  });

  it("uses the caller's first sighting when there are no events", () => {
    const seen = new Map([['pod-uid/migrate/ImagePull', T0]]);
    const r = diagnose({
      object: job(),
      pods: [pullBackOff],
      events: [],
      now: T0 + 61_000,
      firstSeen: (k) => seen.get(k),
    });
    expect(r.failed?.reason).toBe('ImagePullBackOff');
    expect(
      diagnose({ object: job(), pods: [pullBackOff], events: [], now: T0 + 61_000 }).failed,
    ).toBeUndefined();
  });

  it('fails an invalid image name at once', () => {
    const r = diagnose({
      object: job(),
      pods: [
        pod({
          waiting: {
            reason: 'InvalidImageName',
            message: 'couldn\'t parse image name "Acme/Migrate": invalid reference format',
          },
        }),
      ],
      events: [],
      now: T0,
    });
    expect(r.failed).toMatchObject({
      reason: 'InvalidImageName',
      message: expect.stringContaining('invalid reference format'),
    });
  });

  it('fails a container whose ConfigMap is missing after 30s', () => {
    const p = pod({
      waiting: { reason: 'CreateContainerConfigError', message: 'configmap "migrate-config" not found' },
    });
    const events = [event('pod-uid', 'Failed', 'Error: configmap "migrate-config" not found', 1)];
    expect(diagnose({ object: job(), pods: [p], events, now: T0 + 20_000 }).failed).toBeUndefined();
    expect(diagnose({ object: job(), pods: [p], events, now: T0 + 31_000 }).failed).toMatchObject({
      reason: 'CreateContainerConfigError',
      message:
        'container "migrate" cannot start: configmap "migrate-config" not found (for 30s; hook-sync fails this after 30s)',
    });
  });

  it('fails an unschedulable pod from the time the condition was set', () => {
    const p = pod(
      { waiting: { reason: 'ContainerCreating' } },
      {
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/1 nodes are available: 1 Insufficient cpu.',
            lastTransitionTime: at(5),
          },
        ],
      },
    );
    expect(diagnose({ object: job(), pods: [p], events: [], now: T0 + 64_000 }).failed).toBeUndefined();
    expect(diagnose({ object: job(), pods: [p], events: [], now: T0 + 65_000 }).failed).toMatchObject({
      reason: 'Unschedulable',
      message: expect.stringContaining(
        'pod migrate-x7k2p cannot be scheduled: 0/1 nodes are available: 1 Insufficient cpu.',
      ),
    });
  });

  it('fails a Job whose pods are refused (FailedCreate events on the Job)', () => {
    const events = [
      event(
        'job-uid',
        'FailedCreate',
        'Error creating: pods "migrate-" is forbidden: error looking up service account shop/migrator: serviceaccount "migrator" not found',
        0,
        'Job',
      ),
    ];
    expect(diagnose({ object: job(), pods: [], events, now: T0 + 30_000 }).failed).toMatchObject({
      reason: 'FailedCreate',
      message: expect.stringContaining(
        'Job migrate cannot create pods: Error creating: pods "migrate-" is forbidden: error looking up service account shop/migrator',
      ),
    });
  });

  it('fails a pod whose ConfigMap volume cannot mount', () => {
    const p = pod({ waiting: { reason: 'ContainerCreating' } });
    const events = [
      event(
        'pod-uid',
        'FailedMount',
        'MountVolume.SetUp failed for volume "cfg" : configmap "absent" not found',
        0,
      ),
    ];
    expect(diagnose({ object: job(), pods: [p], events, now: T0 + 60_000 }).failed?.reason).toBe(
      'FailedMount',
    );
  });

  it("takes its grace periods from the object's annotation, or turns off", () => {
    expect(
      diagnose({
        object: job({ 'hook-sync.io/fail-fast-after': '5s' }),
        pods: [pullBackOff],
        events: pullEvents,
        now: T0 + 8_000,
      }).failed?.reason,
    ).toBe('ImagePullBackOff');
    expect(
      diagnose({
        object: job({ 'hook-sync.io/fail-fast-after': 'off' }),
        pods: [pullBackOff],
        events: pullEvents,
        now: T0 + 3_600_000,
      }),
    ).toEqual({ pending: [] });
    expect(gracePeriodsFor(job({ 'hook-sync.io/fail-fast-after': '2m' }))).toMatchObject({
      imagePull: 120_000,
      containerConfig: 120_000,
      invalidImage: 0,
    });
    expect(gracePeriodsFor(job(), { imagePull: 5_000 })).toMatchObject({
      imagePull: 5_000,
      unschedulable: 60_000,
    });
  });

  it('ignores pods being deleted', () => {
    const deleting = { ...pullBackOff, metadata: { ...pullBackOff.metadata, deletionTimestamp: at(1) } };
    expect(diagnose({ object: job(), pods: [deleting], events: pullEvents, now: T0 + 3_600_000 })).toEqual({
      pending: [],
    });
  });
});

describe('judging with observations', () => {
  it('a hook Job that cannot pull its image fails fast, with the reason', () => {
    const { outcome } = judgeHook(job(), { pods: [pullBackOff], events: pullEvents, now: T0 + 62_000 });
    expect(outcome).toMatchObject({
      state: 'Failed',
      reason: 'ImagePullBackOff',
      message: expect.stringContaining('cannot pull image "acme/migrate:does-not-exist"'),
    });
    expect(
      judgeHook(job(), { pods: [pullBackOff], events: pullEvents, now: T0 + 10_000 }).outcome.state,
    ).toBe('Running');
  });

  it('a Deployment whose pods crash-loop is Degraded after the grace period, before its progress deadline', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', uid: 'dep-uid', generation: 2 },
      spec: { replicas: 1, progressDeadlineSeconds: 600 },
      status: {
        observedGeneration: 2,
        replicas: 1,
        updatedReplicas: 1,
        availableReplicas: 0,
        conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }],
      },
    };
    const crashing = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-5d-abc', namespace: 'shop', uid: 'web-pod', creationTimestamp: at(0) },
      spec: { restartPolicy: 'Always', containers: [{ name: 'web', image: 'acme/web:2' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 4,
            state: {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: 'back-off 1m20s restarting failed container=web',
              },
            },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(70) } },
          },
        ],
      },
    };
    const events = [
      event(
        'web-pod',
        'BackOff',
        'Back-off restarting failed container web in pod web-5d-abc_shop(web-pod)',
        10,
      ),
    ];
    expect(judgeResource(deployment, { pods: [crashing], events, now: T0 + 40_000 }).health?.status).toBe(
      'Progressing',
    );
    expect(judgeResource(deployment, { pods: [crashing], events, now: T0 + 71_000 }).health).toEqual({
      status: 'Degraded',
      reason: 'CrashLoopBackOff',
      message:
        'container "web" of pod web-5d-abc is crash-looping (4 restarts, last: exit code 1) (for 1m1s; hook-sync fails this after 1m)',
    });
  });
});
