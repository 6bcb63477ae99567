// The second sync of an app, and the ones after it: a fix after a failure, another writer, hooks of several
// phases, sync options. Each case is a sequence, and each reproduces a failure seen before it was fixed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { deploymentYaml, jobYaml, sync } from '../helpers/sync.js';
import type { TaskRun } from '../../src/sync/task-run.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const hook = (phase: string, extra: Record<string, string> = {}) => ({
  'argocd.argoproj.io/hook': phase,
  ...extra,
});
const notify = jobYaml('notify-', 'echo paging on-call', hook('SyncFail'));
const type = (group: string, kind: string) => t.cluster.api.registry.byKind(group, kind)!;
const live = (group: string, kind: string, ns: string, name: string) =>
  t.cluster.object(group, kind, ns, name) as any;

/** A Deployment that fails fast (1s) when its image cannot be pulled. */
const web = (image: string) =>
  deploymentYaml('web', image).replace(
    'name: web\nspec:',
    'name: web\n  annotations: {hook-sync.io/fail-fast-after: 1s}\nspec:',
  );

describe('a fix after a failed rollout', () => {
  it('succeeds, judged by the new ReplicaSet only, and pages nobody; breaking it again fails again', async () => {
    const broken = await sync(t, web('registry.example.com/web:does-not-exist') + notify, 'fix');
    expect(broken.result.status).toBe('Failed');
    expect(broken.task('Deployment/web').reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    expect(broken.task('Job/notify-').status).toBe('Succeeded');
    // The old ReplicaSet's broken pods are still there when the fix is applied.
    expect(
      t.cluster.api.store
        .list('/Pod', 'fix')
        .some((p) => (p.spec as any).containers[0].image.includes('does-not-exist')),
    ).toBe(true);

    const fixed = await sync(t, web('nginx:1.27') + notify, 'fix');
    expect(fixed.result.status).toBe('Succeeded');
    expect(fixed.task('Deployment/web')).toMatchObject({ status: 'Succeeded', action: 'apply' });
    expect(fixed.task('Job/notify-').status).toBe('Skipped');

    const again = await sync(t, web('registry.example.com/web:also-does-not-exist') + notify, 'fix');
    expect(again.result.status).toBe('Failed');
    expect(again.task('Deployment/web').message).toContain('registry.example.com/web:also-does-not-exist');
  });
});

describe('another writer', () => {
  it('never makes a rollout look done before it began: PostSync starts on the new pods only', async () => {
    const post = jobYaml('smoke-', 'echo smoke', hook('PostSync'));
    expect((await sync(t, deploymentYaml('web', 'nginx:1.27') + post, 'writer')).result.status).toBe(
      'Succeeded',
    );
    // Someone else keeps writing the same Deployment (an HPA, a label controller) during the next sync.
    let n = 0;
    const writer = setInterval(() => {
      t.cluster.api.patch(
        type('apps', 'Deployment'),
        'writer',
        'web',
        'application/merge-patch+json',
        { metadata: { annotations: { 'other-writer/touch': String(n++) } } },
        { fieldManager: 'other-writer' },
      );
    }, 2);
    const atPostSync: { newPodsReady: number; observed: boolean }[] = [];
    const observer = {
      // And once more just before the apply: its watch event carries the old generation, Healthy then.
      wave(phase: string) {
        if (phase === 'Sync')
          t.cluster.api.patch(
            type('apps', 'Deployment'),
            'writer',
            'web',
            'application/merge-patch+json',
            { metadata: { labels: { 'other-writer': 'was-here' } } },
            { fieldManager: 'other-writer' },
          );
      },
      task(run: TaskRun) {
        if (run.task.phase !== 'PostSync' || run.state !== 'Running' || !run.applied || atPostSync.length)
          return;
        const d = live('apps', 'Deployment', 'writer', 'web');
        const ready = t.cluster.api.store
          .list('/Pod', 'writer')
          .filter(
            (p) =>
              (p.spec as any).containers[0].image === 'nginx:1.28' &&
              (p.status as any)?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'),
          );
        atPostSync.push({
          newPodsReady: ready.length,
          observed: d.status.observedGeneration >= d.metadata.generation,
        });
      },
    };
    // The watch lags the writes, as a real API server's watch cache can: the other writer's last event
    // before our apply arrives after our apply's response.
    t.cluster.faults.set({ watchDelayMs: 30 });
    try {
      const run = await sync(t, deploymentYaml('web', 'nginx:1.28') + post, 'writer', { observer });
      expect(run.result.status).toBe('Succeeded');
    } finally {
      clearInterval(writer);
      t.cluster.faults.set({ watchDelayMs: 0 });
    }
    expect(n).toBeGreaterThan(0);
    expect(atPostSync).toEqual([{ newPodsReady: 2, observed: true }]);
  });
});

describe('a named hook of two phases', () => {
  it('runs once in each phase, three syncs in a row, though HookSucceeded deletes it in between', async () => {
    // Deletion takes time on a real cluster (finalizers, pods terminating): here a controller holds a
    // finalizer on the hook for a moment after its deletion starts.
    const stop = t.cluster.subscribe((e) => {
      const job = e.object as any;
      if (e.gk !== 'batch/Job' || job.metadata.namespace !== 'twice' || !job.metadata.deletionTimestamp)
        return;
      if (!job.metadata.finalizers?.includes('example.com/cleanup')) return;
      setTimeout(() => {
        const now = live('batch', 'Job', 'twice', 'check');
        if (now?.metadata.uid !== job.metadata.uid) return;
        t.cluster.api.writeObject(type('batch', 'Job'), {
          ...now,
          metadata: {
            ...now.metadata,
            finalizers: now.metadata.finalizers.filter((f: string) => f !== 'example.com/cleanup'),
          },
        });
      }, 100);
    });
    const check = jobYaml(
      'check',
      'echo checked',
      hook('PreSync,PostSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }),
    ).replace('  name: check\n', '  name: check\n  finalizers: [example.com/cleanup]\n');
    try {
      for (let i = 0; i < 3; i++) {
        const run = await sync(
          t,
          check + 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n',
          'twice',
        );
        expect(run.result.status).toBe('Succeeded');
        expect(run.logs).toEqual(['[check] checked', '[check] checked']);
        expect(
          run.result.tasks.filter((x) => x.hook).map((x) => [x.phase, x.status, x.action, x.deleted]),
        ).toEqual([
          ['PreSync', 'Succeeded', 'create', true],
          ['PostSync', 'Succeeded', 'create', true],
        ]);
      }
    } finally {
      stop();
    }
  });
});

describe('wait: false with a SyncFail hook', () => {
  it("does not gate the final wave (Argo CD's rule), so SyncFail does not turn it into a wait", async () => {
    const stuck = deploymentYaml(
      'stuck',
      'registry.example.com/does-not-exist:1',
      '  progressDeadlineSeconds: 2\n',
    );
    const run = await sync(t, stuck + notify, 'no-wait-syncfail', { wait: false });
    expect(run.result.status).toBe('Succeeded');
    expect(run.task('Deployment/stuck')).toMatchObject({ status: 'Succeeded', message: 'created' });
    expect(run.task('Job/notify-').status).toBe('Skipped');
  });
});

describe('result labels', () => {
  it('say what happened: none for a task never reached, create for a create that failed', async () => {
    const yaml =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n---\n' +
      jobYaml('fails-', 'exit 1', hook('Sync', { 'argocd.argoproj.io/sync-wave': '1' })) +
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: never, annotations: {argocd.argoproj.io/sync-wave: "2"}}\n';
    const run = await sync(t, yaml, 'labels');
    expect(run.result.status).toBe('Failed');
    expect(run.task('ConfigMap/first').action).toBe('create');
    expect(run.task('ConfigMap/never')).toMatchObject({ action: 'none', status: 'Skipped' });
    const again = await sync(t, yaml, 'labels');
    expect(again.task('ConfigMap/first').action).toBe('apply');
  });
});
