// The application lifecycle on the embedded cluster, as sequences: sync, drop objects from the manifests,
// sync again (with and without prune); delete with PreDelete/PostDelete hooks, with a failing PreDelete,
// and with no manifests at all.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../src/diagnostics.js';
import { runAppOperation } from '../../src/lifecycle/app-operation.js';
import { InventoryStore } from '../../src/lifecycle/inventory-store.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import type { Plan } from '../../src/plan/sync-task.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, jobYaml, makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

let started = 1_750_000_000;
function plan(yaml: string, namespace: string, operation: 'sync' | 'delete' = 'sync'): Plan {
  const diagnostics: Diagnostic[] = [];
  const manifests = yaml ? parseManifestText(yaml, 'app.yaml', diagnostics) : [];
  const built = buildPlan(manifests, { operation, namespace, revision: 'abcdef0123', startedAt: started++ });
  if (!built.plan) throw new Error(JSON.stringify(built.diagnostics));
  return built.plan;
}

async function operate(
  yaml: string,
  ns: string,
  opts: { prune?: boolean; operation?: 'sync' | 'delete'; app?: string } = {},
) {
  makeNamespace(t, ns);
  return runAppOperation(plan(yaml, ns, opts.operation), clientFor(t), {
    app: opts.app ?? 'shop',
    by: 'tester@host',
    prune: opts.prune ?? false,
    timeoutMs: 60_000,
    wait: true,
  });
}

const cm = (name: string, wave: number, options?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  annotations:\n    argocd.argoproj.io/sync-wave: "${wave}"${options ? `\n    argocd.argoproj.io/sync-options: ${options}` : ''}\n---\n`;
const exists = (ns: string, name: string) => !!t.cluster.object('', 'ConfigMap', ns, name);

/** The order objects of a namespace disappear in. */
function deletions(ns: string): { order: string[]; stop: () => void } {
  const order: string[] = [];
  const stop = t.cluster.subscribe((e) => {
    if (e.type === 'DELETED' && e.object.metadata.namespace === ns && e.gk === '/ConfigMap')
      order.push(`${e.gk.split('/')[1]}/${e.object.metadata.name}`);
  });
  return { order, stop };
}

describe('prune', () => {
  const v1 =
    cm('a', 0) + cm('b', 1) + cm('c', 2) + cm('last', 2, 'PruneLast=true') + cm('keep', 1, 'Prune=false');

  it('only with prune: otherwise what left the manifests is listed as would-be-pruned and stays', async () => {
    expect((await operate(v1, 'prune-off')).status).toBe('Succeeded');
    const r = await operate(cm('a', 0), 'prune-off');
    expect(r.status).toBe('Succeeded');
    expect(r.message).toContain('4 objects would be pruned (prune is off)');
    expect(
      r.tasks
        .filter((x) => x.action === 'prune')
        .map((x) => [x.name, x.status])
        .sort(),
    ).toEqual(
      [
        ['b', 'Skipped'],
        ['c', 'Skipped'],
        ['last', 'Skipped'],
        ['keep', 'Skipped'],
      ].sort(),
    );
    expect(['b', 'c', 'last', 'keep'].every((n) => exists('prune-off', n))).toBe(true);
  });

  it('in reverse wave order, PruneLast last, Prune=false kept (and said so)', async () => {
    expect((await operate(v1, 'prune-on')).status).toBe('Succeeded');
    const seen = deletions('prune-on');
    const r = await operate(cm('a', 0), 'prune-on', { prune: true });
    seen.stop();
    expect(r.status).toBe('Succeeded');
    expect(seen.order).toEqual(['ConfigMap/c', 'ConfigMap/b', 'ConfigMap/last']);
    expect(r.tasks.find((x) => x.name === 'keep')).toMatchObject({
      action: 'prune',
      status: 'Skipped',
      message: 'kept: Prune=false',
    });
    expect(r.message).toBe(
      'successfully synced 1 resource and 0 hooks in 1 wave; pruned 3 objects; kept 1 (Prune=false)',
    );
    expect(exists('prune-on', 'keep')).toBe(true);
    // The inventory forgot what was pruned, and kept what was kept.
    const inventory = await new InventoryStore(clientFor(t), 'shop', 'prune-on').read();
    expect(inventory.objects.map((o) => o.name).sort()).toEqual(['a', 'keep']);
    expect(inventory.history.map((h) => h.status)).toEqual(['Succeeded', 'Succeeded']);
  });

  it('never prunes hooks', async () => {
    const hook = jobYaml('seed', 'echo seeding', {
      'argocd.argoproj.io/hook': 'PreSync',
      'argocd.argoproj.io/hook-delete-policy': 'HookFailed',
    });
    expect((await operate(hook + cm('a', 0), 'hooks-stay')).status).toBe('Succeeded');
    const r = await operate(cm('a', 0), 'hooks-stay', { prune: true });
    expect(r.tasks.filter((x) => x.action === 'prune')).toEqual([]);
    expect(t.cluster.object('batch', 'Job', 'hooks-stay', 'seed')).toBeDefined();
  });
});

describe('delete', () => {
  const app = (preDelete: string) =>
    cm('config', -1) +
    cm('settings', 0) +
    jobYaml('backup', preDelete, { 'argocd.argoproj.io/hook': 'PreDelete' }) +
    jobYaml('drop-db', 'echo dropping the preview database', { 'argocd.argoproj.io/hook': 'PostDelete' });

  it('runs PreDelete, removes everything in reverse waves, runs PostDelete, then removes the inventory', async () => {
    const manifests = app('echo backing up');
    expect((await operate(manifests, 'teardown')).status).toBe('Succeeded');
    const seen = deletions('teardown');
    const events: string[] = [];
    const stop = t.cluster.subscribe((e) => {
      if (e.type === 'ADDED' && e.gk === 'batch/Job' && e.object.metadata.namespace === 'teardown')
        events.push(`created ${e.object.metadata.name}`);
      if (e.type === 'DELETED' && e.gk === '/ConfigMap' && e.object.metadata.namespace === 'teardown')
        events.push(`deleted ${e.object.metadata.name}`);
    });
    const r = await operate(manifests, 'teardown', { operation: 'delete' });
    stop();
    seen.stop();
    expect(r.status).toBe('Succeeded');
    expect(events.filter((e) => !e.includes('hook-sync-inventory'))).toEqual([
      'created backup',
      'deleted settings',
      'deleted config',
      'created drop-db',
    ]);
    expect(r.message).toBe('deleted the application: 2 objects removed and 2 hooks run');
    expect(t.cluster.object('', 'ConfigMap', 'teardown', 'hook-sync-inventory-shop')).toBeUndefined();
  });

  it('stops at a failing PreDelete hook: nothing removed, the result says why', async () => {
    const manifests = app('echo cannot back up; exit 1');
    expect((await operate(manifests, 'kept')).status).toBe('Succeeded');
    const r = await operate(manifests, 'kept', { operation: 'delete' });
    expect(r.status).toBe('Failed');
    expect(r.message).toContain('PreDelete hook Job/backup failed');
    expect(exists('kept', 'config') && exists('kept', 'settings')).toBe(true);
    expect(t.cluster.object('batch', 'Job', 'kept', 'drop-db')).toBeUndefined();
    expect(r.tasks.filter((x) => x.action === 'delete').every((x) => x.status === 'Skipped')).toBe(true);
    expect((await new InventoryStore(clientFor(t), 'shop', 'kept').read()).objects.length).toBeGreaterThan(0);
  });

  it('works with no manifests at all (the branch is gone): the inventory alone suffices', async () => {
    expect((await operate(cm('x', 0) + cm('y', 3), 'no-branch')).status).toBe('Succeeded');
    const r = await operate('', 'no-branch', { operation: 'delete' });
    expect(r.status).toBe('Succeeded');
    expect(exists('no-branch', 'x') || exists('no-branch', 'y')).toBe(false);
    expect(r.tasks.map((x) => [x.name, x.action, x.status])).toEqual([
      ['y', 'delete', 'Succeeded'],
      ['x', 'delete', 'Succeeded'],
    ]);
  });
});

describe("what is not the app's to remove", () => {
  it('keeps an object another app applied since (its tracking annotation names that app)', async () => {
    expect((await operate(cm('shared', 0) + cm('mine', 0), 'shared-ns', { app: 'one' })).status).toBe(
      'Succeeded',
    );
    expect((await operate(cm('shared', 0), 'shared-ns', { app: 'two' })).status).toBe('Succeeded');
    const r = await operate('', 'shared-ns', { app: 'one', operation: 'delete' });
    expect(r.status).toBe('Succeeded');
    expect(r.tasks.find((x) => x.name === 'shared')).toMatchObject({
      status: 'Skipped',
      message: 'kept: it belongs to app shared-ns/two now (annotation hook-sync.io/tracking)',
    });
    expect(exists('shared-ns', 'shared')).toBe(true);
    expect(exists('shared-ns', 'mine')).toBe(false);
  });

  it('forgets an object that is already gone, so it is not reported again and again', async () => {
    expect((await operate(cm('a', 0) + cm('gone', 0), 'forget')).status).toBe('Succeeded');
    t.cluster.api.delete(t.cluster.api.registry.byKind('', 'ConfigMap')!, 'forget', 'gone', {});
    const first = await operate(cm('a', 0), 'forget', { prune: true });
    expect(first.tasks.find((x) => x.name === 'gone')).toMatchObject({
      action: 'prune',
      message: 'already gone',
    });
    const again = await operate(cm('a', 0), 'forget');
    expect(again.tasks.filter((x) => x.action === 'prune')).toEqual([]);
  });

  it('a delete rerun after the namespace went has nothing to do, and says so', async () => {
    const ns = `gone-ns`;
    expect((await operate(cm('a', 0), ns)).status).toBe('Succeeded');
    const nsType = t.cluster.api.registry.byKind('', 'Namespace')!;
    t.cluster.api.delete(nsType, undefined, ns, {});
    await t.cluster.waitFor(() => !t.cluster.object('', 'Namespace', undefined, ns));
    const r = await runAppOperation(plan('', ns, 'delete'), clientFor(t), {
      app: 'shop',
      by: 'tester@host',
      prune: false,
      timeoutMs: 60_000,
      wait: true,
    });
    expect(r.status).toBe('Succeeded');
    expect(r.message).toBe(`nothing to delete: namespace ${ns} does not exist (deleted already?)`);
  });

  it('marks an operation a killed run left Running as Interrupted', async () => {
    const store = new InventoryStore(clientFor(t), 'shop', 'interrupted');
    makeNamespace(t, 'interrupted');
    await store.read();
    await store.write({
      app: 'shop',
      objects: [],
      history: [
        {
          revision: 'old',
          operation: 'sync',
          status: 'Running',
          message: '',
          startedAt: '2026-01-01T00:00:00Z',
          by: 'x',
        },
      ],
    });
    expect((await operate(cm('a', 0), 'interrupted')).status).toBe('Succeeded');
    const history = (await new InventoryStore(clientFor(t), 'shop', 'interrupted').read()).history;
    expect(history.map((h) => h.status)).toEqual(['Succeeded', 'Interrupted']);
  });
});
