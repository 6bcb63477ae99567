// Every hook's lifecycle: names, delete policies, TTLs, fail-fast, timeouts, cancellation.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, jobYaml, makeNamespace, planOf, sync } from '../helpers/sync.js';
import { runSync } from '../../src/sync/sync-operation.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const job = (ns: string, name: string) => t.cluster.object('batch', 'Job', ns, name) as any;
const jobNames = (ns: string) =>
  t.cluster.api.store
    .list('batch/Job', ns)
    .map((j) => j.metadata.name)
    .sort();
const podsOfJob = (ns: string, name: string) =>
  t.cluster.api.store.list('/Pod', ns).filter((p) => p.metadata.labels?.['job-name'] === name);
const hook = (phase: string, extra: Record<string, string> = {}) => ({
  'argocd.argoproj.io/hook': phase,
  ...extra,
});
const notify = jobYaml('notify-', 'echo notifying', hook('SyncFail'));

describe('hook names and delete policies', () => {
  it('re-runs a named hook on every sync (BeforeHookCreation, the default)', async () => {
    const yaml = jobYaml('db-migrate', 'echo migrating', hook('PreSync'));
    const first = await sync(t, yaml, 'bhc');
    const firstUid = job('bhc', 'db-migrate').metadata.uid;
    const second = await sync(t, yaml, 'bhc');
    expect([first.result.status, second.result.status]).toEqual(['Succeeded', 'Succeeded']);
    expect(second.task('Job/db-migrate').action).toBe('create');
    expect(job('bhc', 'db-migrate').metadata.uid).not.toBe(firstUid);
    expect(podsOfJob('bhc', 'db-migrate')).toHaveLength(1);
  });

  it('keeps a named hook with only HookFailed, and does not re-run it while unchanged', async () => {
    const yaml = jobYaml(
      'seed-data',
      'echo seeding',
      hook('PreSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookFailed' }),
    );
    await sync(t, yaml, 'once');
    const uid = job('once', 'seed-data').metadata.uid;
    const second = await sync(t, yaml, 'once');
    expect(second.result.status).toBe('Succeeded');
    expect(second.task('Job/seed-data')).toMatchObject({
      action: 'apply',
      status: 'Succeeded',
      deleted: false,
    });
    expect(job('once', 'seed-data').metadata.uid).toBe(uid);
    expect(podsOfJob('once', 'seed-data')).toHaveLength(1);
  });

  it("deletes on the hook's own outcome: HookSucceeded after success, HookFailed after failure, and keeps the rest", async () => {
    const yaml =
      jobYaml(
        'ok-succeeded',
        'echo fine',
        hook('PreSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }),
      ) +
      jobYaml(
        'ok-failed',
        'echo fine',
        hook('PreSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookFailed' }),
      ) +
      jobYaml(
        'bad-failed',
        'echo bad; exit 1',
        hook('Sync', { 'argocd.argoproj.io/hook-delete-policy': 'HookFailed' }),
      ) +
      jobYaml(
        'bad-succeeded',
        'echo bad; exit 1',
        hook('Sync', { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }),
      );
    const run = await sync(t, yaml, 'policies');
    expect(run.result.status).toBe('Failed');
    expect(
      ['ok-succeeded', 'ok-failed', 'bad-failed', 'bad-succeeded'].map((n) => [
        n,
        run.task(`Job/${n}`).status,
        run.task(`Job/${n}`).deleted,
      ]),
    ).toEqual([
      ['ok-succeeded', 'Succeeded', true],
      ['ok-failed', 'Succeeded', false],
      ['bad-failed', 'Failed', true],
      ['bad-succeeded', 'Failed', false],
    ]);
    // Logs were recorded before the failed hook was deleted.
    expect(run.task('Job/bad-failed').logs).toEqual(['bad']);
    await t.cluster.waitFor(() => !job('policies', 'ok-succeeded') && !job('policies', 'bad-failed'));
    expect(jobNames('policies')).toEqual(['bad-succeeded', 'ok-failed']);
  });

  it('gives generateName hooks a name unique to each operation', async () => {
    const yaml = jobYaml('report-', 'echo report', hook('PostSync'));
    const a = await sync(t, yaml, 'generated', { startedAt: 1_800_000_001 });
    const b = await sync(t, yaml, 'generated', { startedAt: 1_800_000_002 });
    expect(a.task('Job/report-').name).toBe('report-abcdef0-postsync-1800000001');
    expect(b.task('Job/report-').name).toBe('report-abcdef0-postsync-1800000002');
    expect(jobNames('generated')).toEqual([
      'report-abcdef0-postsync-1800000001',
      'report-abcdef0-postsync-1800000002',
    ]);
  });

  it('counts a Job with ttlSecondsAfterFinished: 0 by the outcome it had before it vanished', async () => {
    const ok = await sync(
      t,
      jobYaml('ephemeral-', 'echo done', hook('PreSync'), '  ttlSecondsAfterFinished: 0\n'),
      'ttl',
    );
    expect(ok.result.status).toBe('Succeeded');
    expect(ok.task('Job/ephemeral-').message).toBe('Reached expected number of succeeded pods');
    const bad = await sync(
      t,
      jobYaml('ephemeral-bad-', 'exit 1', hook('PreSync'), '  ttlSecondsAfterFinished: 0\n'),
      'ttl',
    );
    expect(bad.task('Job/ephemeral-bad-')).toMatchObject({
      status: 'Failed',
      reason: 'BackoffLimitExceeded',
    });
    await t.cluster.waitFor(() => jobNames('ttl').length === 0);
  });
});

describe('hooks that cannot finish', () => {
  it('fails a hook whose image cannot be pulled, fast, with the reason', async () => {
    const yaml =
      jobYaml(
        'migrate-',
        'echo never',
        hook('PreSync', { 'hook-sync.io/fail-fast-after': '1s' }),
        '',
        '',
      ).replace('image: busybox:1.36', 'image: registry.example.com/acme/migrate:does-not-exist') + notify;
    const run = await sync(t, yaml, 'unpullable');
    expect(run.result.status).toBe('Failed');
    expect(run.task('Job/migrate-')).toMatchObject({
      status: 'Failed',
      reason: expect.stringMatching(/^(ErrImagePull|ImagePullBackOff)$/),
    });
    expect(run.task('Job/migrate-').message).toContain(
      'cannot pull image "registry.example.com/acme/migrate:does-not-exist"',
    );
    expect(run.task('Job/notify-').status).toBe('Succeeded');
  });

  it('terminates running hooks when the operation times out, then runs SyncFail', async () => {
    const run = await sync(
      t,
      jobYaml('slow-', 'echo starting; sleep 3600', hook('PreSync')) + notify,
      'op-timeout',
      { timeoutMs: 4000 },
    );
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toMatch(
      /^the sync timed out after 4s while waiting for PreSync hook Job\/slow-\S+ \(Job running: 0\/1 completed, 1 running\)$/,
    );
    expect(run.task('Job/slow-')).toMatchObject({
      status: 'Terminated',
      deleted: true,
      reason: 'OperationTimeout',
    });
    expect(run.task('Job/notify-').status).toBe('Succeeded');
    await t.cluster.waitFor(() => !jobNames('op-timeout').some((n) => n.startsWith('slow-')));
  });

  it('terminates a hook that outlives its own hook-sync.io/timeout, then runs SyncFail', async () => {
    const run = await sync(
      t,
      jobYaml('capped-', 'sleep 3600', hook('PreSync', { 'hook-sync.io/timeout': '1s' })) + notify,
      'hook-timeout',
    );
    expect(run.result.status).toBe('Failed');
    expect(run.task('Job/capped-')).toMatchObject({
      status: 'Terminated',
      reason: 'HookTimeout',
      deleted: true,
      message: 'terminated: the hook ran longer than its hook-sync.io/timeout of 1s',
    });
    expect(run.task('Job/notify-').status).toBe('Succeeded');
    await t.cluster.waitFor(() => !jobNames('hook-timeout').some((n) => n.startsWith('capped-')));
  });

  it('stops on cancellation mid-hook: the hook is deleted, SyncFail does not run, the result is Cancelled', async () => {
    makeNamespace(t, 'cancelled');
    const plan = planOf(
      jobYaml('long-', 'echo working; sleep 3600', hook('PreSync')) +
        notify +
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: later}\n',
      'cancelled',
    );
    const controller = new AbortController();
    const result = await runSync(plan, clientFor(t), {
      timeoutMs: 60_000,
      wait: true,
      signal: controller.signal,
      observer: { hookLog: (l) => l.line === 'working' && controller.abort() },
    });
    expect(result.status).toBe('Cancelled');
    expect(result.tasks.map((x) => [x.kind, x.phase, x.status])).toEqual([
      ['Job', 'PreSync', 'Terminated'],
      ['ConfigMap', 'Sync', 'Pending'],
      ['Job', 'SyncFail', 'Pending'],
    ]);
    await t.cluster.waitFor(() => jobNames('cancelled').length === 0);
    expect(t.cluster.object('', 'ConfigMap', 'cancelled', 'later')).toBeUndefined();
  });
});

describe('manifests reach the server as written', () => {
  it("keeps fields the client library's models do not know (a custom resource's spec)", async () => {
    // A real API server keeps a built-in kind's fields only if its Go types have them, so the fields no
    // model knows are those of custom resources (here with x-kubernetes-preserve-unknown-fields).
    const crds = t.cluster.api.registry.byKind('apiextensions.k8s.io', 'CustomResourceDefinition')!;
    t.cluster.api.create(crds, undefined, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'futures.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: 'Future', plural: 'futures' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    });
    await t.cluster.waitFor(() => t.cluster.api.registry.byKind('example.com', 'Future'));
    const yaml =
      'apiVersion: example.com/v1\nkind: Future\nmetadata:\n  name: future\nspec:\n  fieldFromTheFuture:\n    enabled: true\n';
    const run = await sync(t, yaml, 'fidelity');
    expect(run.result.status).toBe('Succeeded');
    expect((t.cluster.object('example.com', 'Future', 'fidelity', 'future') as any).spec).toEqual({
      fieldFromTheFuture: { enabled: true },
    });
    const managed = (t.cluster.object('example.com', 'Future', 'fidelity', 'future') as any).metadata
      .managedFields;
    expect(managed).toEqual([expect.objectContaining({ manager: 'hook-sync', operation: 'Apply' })]);
  });
});
