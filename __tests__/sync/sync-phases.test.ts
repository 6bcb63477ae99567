// Real syncs against the embedded cluster: the order of tasks, their statuses, and the cluster afterwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { deploymentYaml, jobYaml, sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const obj = (group: string, kind: string, ns: string, name: string) =>
  t.cluster.object(group, kind, ns, name) as any;
const jobs = (ns: string) => t.cluster.api.store.list('batch/Job', ns).map((j) => j.metadata.name);
const hook = (phase: string, extra: Record<string, string> = {}) => ({
  'argocd.argoproj.io/hook': phase,
  ...extra,
});
const cm = (name: string, annotations = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${annotations}data: {k: v}\n---\n`;

describe('a sync', () => {
  it('runs PreSync, then Sync waves, then PostSync, with live hook logs, and skips SyncFail on success', async () => {
    const yaml =
      jobYaml('migrate-', 'echo migrating; sleep 1; echo migrated', hook('PreSync')) +
      cm('early', '  annotations: {argocd.argoproj.io/sync-wave: "-1"}\n') +
      deploymentYaml('web') +
      jobYaml('sync-hook-', 'echo during sync', hook('Sync')) +
      jobYaml('smoke-', 'echo smoke ok', hook('PostSync')) +
      jobYaml('notify-', 'echo failed', hook('SyncFail'));
    const run = await sync(t, yaml, 'happy');
    expect(run.result.status).toBe('Succeeded');
    expect(run.summary).toEqual([
      'PreSync Job/migrate-abcdef0-presync-' + run.task('Job/migrate-').name.split('-').pop() + ': Succeeded',
      'Sync ConfigMap/early: Succeeded',
      'Sync Deployment/web: Succeeded',
      expect.stringMatching(/^Sync Job\/sync-hook-abcdef0-sync-\d+: Succeeded$/),
      expect.stringMatching(/^PostSync Job\/smoke-abcdef0-postsync-\d+: Succeeded$/),
      expect.stringMatching(/^SyncFail Job\/notify-abcdef0-syncfail-\d+: Skipped$/),
    ]);
    // Each phase started after the previous one finished.
    const t0 = (k: string) => Date.parse(run.task(k).startedAt!);
    const t1 = (k: string) => Date.parse(run.task(k).finishedAt!);
    expect(t0('ConfigMap/early')).toBeGreaterThanOrEqual(t1('Job/migrate-'));
    expect(t0('Job/smoke-')).toBeGreaterThanOrEqual(t1('Deployment/web'));
    expect(run.task('Deployment/web').message).toContain('successfully rolled out');
    expect(run.logs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[migrate-abcdef0-presync-\d+\] migrating$/),
        expect.stringMatching(/^\[smoke-abcdef0-postsync-\d+\] smoke ok$/),
      ]),
    );
    expect(obj('apps', 'Deployment', 'happy', 'web').status.availableReplicas).toBe(2);
    expect(jobs('happy').some((n) => n.startsWith('notify-'))).toBe(false);
  });

  it('on a PreSync failure applies nothing of the Sync phase, runs SyncFail, and says why', async () => {
    const yaml =
      jobYaml(
        'migrate-',
        'echo "applying 0042"; echo "ERROR: relation \\"orders\\" already exists"; exit 1',
        hook('PreSync'),
      ) +
      cm('app-config') +
      jobYaml('notify-', 'echo notifying', hook('SyncFail'));
    const run = await sync(t, yaml, 'presync-fails');
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toMatch(
      /^PreSync hook Job\/migrate-\S+ failed: BackoffLimitExceeded: Job has reached the specified backoff limit; last log line: ERROR: relation "orders" already exists$/,
    );
    expect(run.summary.map((s) => s.replace(/-abcdef0-\w+-\d+/, ''))).toEqual([
      'PreSync Job/migrate: Failed',
      'SyncFail Job/notify: Succeeded',
      'Sync ConfigMap/app-config: Skipped',
    ]);
    expect(run.task('Job/migrate-')).toMatchObject({
      reason: 'BackoffLimitExceeded',
      logs: ['applying 0042', 'ERROR: relation "orders" already exists'],
    });
    expect(run.task('Job/migrate-').events).toEqual(
      expect.arrayContaining(['Warning BackoffLimitExceeded: Job has reached the specified backoff limit']),
    );
    expect(obj('', 'ConfigMap', 'presync-fails', 'app-config')).toBeUndefined();
  });

  it('fails on a Sync hook failure and runs SyncFail', async () => {
    const yaml =
      cm('config') +
      jobYaml('sync-check-', 'echo checking; exit 2', hook('Sync')) +
      jobYaml('smoke-', 'echo ok', hook('PostSync')) +
      jobYaml('notify-', 'echo notifying', hook('SyncFail'));
    const run = await sync(t, yaml, 'sync-hook-fails');
    expect(run.result.status).toBe('Failed');
    expect(run.summary.map((s) => s.replace(/-abcdef0-\w+-\d+/, ''))).toEqual([
      'Sync ConfigMap/config: Succeeded',
      'Sync Job/sync-check: Failed',
      'SyncFail Job/notify: Succeeded',
      'PostSync Job/smoke: Skipped',
    ]);
    expect(jobs('sync-hook-fails').some((n) => n.startsWith('smoke-'))).toBe(false);
  });

  it('fails on a Degraded Deployment: PostSync is never created, SyncFail runs', async () => {
    const yaml =
      deploymentYaml('broken', 'registry.example.com/does-not-exist:1', '  progressDeadlineSeconds: 2\n') +
      jobYaml('smoke-', 'echo ok', hook('PostSync')) +
      jobYaml('notify-', 'echo notifying', hook('SyncFail'));
    const run = await sync(t, yaml, 'degraded');
    expect(run.result.status).toBe('Failed');
    expect(run.task('Deployment/broken')).toMatchObject({
      status: 'Failed',
      reason: 'ProgressDeadlineExceeded',
      message: 'Deployment "broken" exceeded its progress deadline',
    });
    expect(run.result.message).toBe(
      'Deployment degraded/broken failed: ProgressDeadlineExceeded: Deployment "broken" exceeded its progress deadline',
    );
    expect(run.task('Job/smoke-').status).toBe('Skipped');
    expect(run.task('Job/notify-').status).toBe('Succeeded');
    expect(jobs('degraded').some((n) => n.startsWith('smoke-'))).toBe(false);
  });

  it('fails on a PostSync failure after everything else is Healthy', async () => {
    const yaml =
      deploymentYaml('web') +
      jobYaml('smoke-', 'echo "GET /healthz -> 503"; exit 1', hook('PostSync')) +
      jobYaml('notify-', 'echo notifying', hook('SyncFail'));
    const run = await sync(t, yaml, 'postsync-fails');
    expect(run.result.status).toBe('Failed');
    expect(run.task('Deployment/web').status).toBe('Succeeded');
    expect(run.task('Job/smoke-')).toMatchObject({
      status: 'Failed',
      message: expect.stringContaining('last log line: GET /healthz -> 503'),
    });
    expect(run.task('Job/notify-').status).toBe('Succeeded');
  });

  it('does not apply Skip objects', async () => {
    const run = await sync(
      t,
      cm('kept') + cm('skipped', '  annotations: {argocd.argoproj.io/hook: Skip}\n'),
      'skips',
    );
    expect(run.result.status).toBe('Succeeded');
    expect(run.summary).toEqual(['Sync ConfigMap/kept: Succeeded']);
    expect(obj('', 'ConfigMap', 'skips', 'skipped')).toBeUndefined();
  });

  it('creates objects in a Namespace the sync itself creates', async () => {
    const yaml =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: brand-new\n---\n' +
      cm('inside').replace('name: inside', 'name: inside\n  namespace: brand-new') +
      jobYaml('setup-', 'echo set up', hook('PreSync')).replace(
        'generateName: setup-',
        'generateName: setup-\n  namespace: brand-new',
      );
    const run = await sync(t, yaml, 'default');
    expect(run.result.status).toBe('Succeeded');
    expect(run.summary.map((s) => s.replace(/-abcdef0-\w+-\d+/, ''))).toEqual([
      'PreSync Namespace/brand-new: Succeeded',
      'PreSync Job/setup: Succeeded',
      'Sync ConfigMap/inside: Succeeded',
    ]);
    expect(obj('', 'ConfigMap', 'brand-new', 'inside')).toBeDefined();
  });

  it('applies a CRD and its custom resource in one sync, waiting for the CRD to be established', async () => {
    const yaml = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions: [{name: v1, served: true, storage: true}]
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w1
spec:
  size: 3
`;
    const run = await sync(t, yaml, 'crds');
    expect(run.result.status).toBe('Succeeded');
    expect(run.summary).toEqual([
      'Sync CustomResourceDefinition/widgets.example.com: Succeeded',
      'Sync Widget/w1: Succeeded',
    ]);
    expect(obj('example.com', 'Widget', 'crds', 'w1').spec).toEqual({ size: 3 });
  });

  it('fails a dry run without touching the cluster, and does not run SyncFail', async () => {
    const before = t.cluster.api.store.resourceVersion;
    const yaml =
      cm('valid') +
      jobYaml('notify-', 'echo notifying', hook('SyncFail')) +
      deploymentYaml('mismatch').replace('labels: {app: mismatch}', 'labels: {app: other}');
    const run = await sync(t, yaml, 'dry-run-fails');
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toMatch(
      /^dry run failed for 1 object, nothing was applied: Deployment dry-run-fails\/mismatch \(test\.yaml:\d+\): Deployment\.apps "mismatch" is invalid: spec\.template\.metadata\.labels: .*`selector` does not match template `labels`$/,
    );
    expect(run.task('Deployment/mismatch').status).toBe('Failed');
    expect(run.task('ConfigMap/valid')).toMatchObject({ status: 'Skipped', startedAt: null });
    expect(run.task('Job/notify-').status).toBe('Skipped');
    // Only the test's own namespace creation happened: no object of the sync reached the cluster.
    const written = t.cluster.api.store
      .kinds()
      .flatMap((gk) => t.cluster.api.store.list(gk, 'dry-run-fails'));
    expect(
      written.filter(
        (o) => Number(o.metadata.resourceVersion) > before && (o as any).kind !== 'ServiceAccount',
      ),
    ).toEqual([]);
  });

  it('refuses a kind the cluster does not serve, naming the manifest', async () => {
    const run = await sync(
      t,
      'apiVersion: nothing.example.com/v1\nkind: Ghost\nmetadata:\n  name: boo\n---\n' + cm('valid'),
      'unknown-kind',
    );
    expect(run.result.status).toBe('Failed');
    expect(run.result.message).toContain(
      'Ghost unknown-kind/boo (test.yaml:1): the cluster does not serve kind "Ghost" in "nothing.example.com/v1"',
    );
    expect(obj('', 'ConfigMap', 'unknown-kind', 'valid')).toBeUndefined();
  });
});
