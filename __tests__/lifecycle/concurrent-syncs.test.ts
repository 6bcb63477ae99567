// Two runs of one app started together (two merges a minute apart): the second waits for the first's
// lock, then runs; their migrations never overlap.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../src/diagnostics.js';
import { runAppOperation } from '../../src/lifecycle/app-operation.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, jobYaml, makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

function planAt(startedAt: number, revision: string) {
  const diagnostics: Diagnostic[] = [];
  const yaml =
    jobYaml('migrate-', 'echo migrating; sleep 2; echo done', { 'argocd.argoproj.io/hook': 'PreSync' }) +
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n';
  const { plan } = buildPlan(parseManifestText(yaml, 'app.yaml', diagnostics), {
    operation: 'sync',
    namespace: 'serial',
    revision,
    startedAt,
  });
  return plan!;
}

describe('two syncs of one app at once', () => {
  it('are serialised by the lock: the second waits, says for whom, then runs; no parallel migration', async () => {
    makeNamespace(t, 'serial');
    const timeline: string[] = [];
    const stop = t.cluster.subscribe((e) => {
      if (e.gk !== 'batch/Job' || e.object.metadata.namespace !== 'serial') return;
      const name = e.object.metadata.name;
      const done = (e.object.status as any)?.conditions?.some(
        (c: any) => c.type === 'Complete' && c.status === 'True',
      );
      const wasDone = (e.previous?.status as any)?.conditions?.some(
        (c: any) => c.type === 'Complete' && c.status === 'True',
      );
      if (e.type === 'ADDED') timeline.push(`start ${name}`);
      else if (done && !wasDone) timeline.push(`end ${name}`);
    });
    const said: string[] = [];
    const run = (startedAt: number, revision: string, by: string) =>
      runAppOperation(planAt(startedAt, revision), clientFor(t), {
        app: 'shop',
        by,
        prune: false,
        timeoutMs: 60_000,
        wait: true,
        observer: { info: (m) => said.push(`${by}: ${m}`) },
      });
    const [first, second] = await Promise.all([
      run(1_800_000_001, 'aaaaaaa111', 'run-1'),
      run(1_800_000_002, 'bbbbbbb222', 'run-2'),
    ]);
    stop();
    expect([first.status, second.status]).toEqual(['Succeeded', 'Succeeded']);
    // Two migrations, one after the other.
    expect(timeline).toHaveLength(4);
    expect(timeline[0]!.startsWith('start')).toBe(true);
    expect(timeline[1]).toBe(timeline[0]!.replace('start', 'end'));
    expect(timeline[2]!.startsWith('start')).toBe(true);
    expect(timeline[3]).toBe(timeline[2]!.replace('start', 'end'));
    expect(said.some((m) => /waiting for the lock of app shop: held by run-\d/.test(m))).toBe(true);
  });
});

describe('a lock lost during a sync', () => {
  it('stops the sync as Failed, saying why (not as a cancel): another run may be syncing the app', async () => {
    makeNamespace(t, 'lost-lock');
    const diagnostics: Diagnostic[] = [];
    const { plan } = buildPlan(
      parseManifestText(
        jobYaml('slow-', 'echo working; sleep 400', { 'argocd.argoproj.io/hook': 'PreSync' }),
        'a.yaml',
        diagnostics,
      ),
      { operation: 'sync', namespace: 'lost-lock', revision: 'abc1234', startedAt: 1_800_000_100 },
    );
    const leases = t.cluster.api.registry.byKind('coordination.k8s.io', 'Lease')!;
    const stop = t.cluster.subscribe((e) => {
      // Someone removes the Lease (an admin, a cleanup job) once the hook runs.
      if (e.type === 'ADDED' && e.gk === 'batch/Job' && e.object.metadata.namespace === 'lost-lock')
        setTimeout(() => t.cluster.api.delete(leases, 'lost-lock', 'hook-sync-lost', {}), 50);
    });
    const result = await runAppOperation(plan!, clientFor(t), {
      app: 'lost',
      by: 'tester',
      prune: false,
      timeoutMs: 60_000,
      wait: true,
      lockTtlSeconds: 3,
    });
    stop();
    expect(result.status).toBe('Failed');
    expect(result.message).toMatch(/^stopped: /);
    expect(result.message).toMatch(/lock|Lease/);
  });
});
