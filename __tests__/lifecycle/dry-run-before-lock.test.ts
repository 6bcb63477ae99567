// The dry run comes before the lock (bad input writes nothing, not even a Lease or an inventory), so it can
// be stale by the time the lock is taken. Sequences where it is: another run held the lock during it, or
// released it just before; a killed run's hook the dry run collides with (recovery replaces it); a refused
// run that created the namespace while another run of the app moved in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAppOperation } from '../../src/lifecycle/app-operation.js';
import { acquireLock } from '../../src/lifecycle/app-lock.js';
import { markOwnership } from '../../src/lifecycle/recovery.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, jobYaml, makeNamespace, planOf } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const settings = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {v: a}\n---\n';
const worker = (word: string, wave = '1') =>
  jobYaml('worker', `echo ${word}`, { 'argocd.argoproj.io/sync-wave': wave });
const configMapOf = (ns: string, name: string) => t.cluster.object('', 'ConfigMap', ns, name);
const options = { app: 'shop', prune: false, timeoutMs: 30_000, wait: true };

/** Run B holds the lock; it writes a Job A's manifests would collide with, then releases, when `when` says. */
async function raceWithHolder(ns: string, when: (method: string, path: string) => boolean) {
  makeNamespace(t, ns);
  const bClient = clientFor(t);
  const b = await acquireLock(bClient, {
    app: 'shop',
    namespace: ns,
    holder: 'run-B',
    operation: 'sync',
    waitMs: 0,
  });
  let finished = false;
  const finishB = async () => {
    if (finished) return;
    finished = true;
    await bClient.apply(planOf(worker('B'), ns).tasks[0]!.object);
    await b.release();
  };
  const aClient = clientFor(t);
  const request = aClient.request.bind(aClient);
  aClient.request = (async (method: string, path: string, opts?: object) => {
    if (when(method, path)) await finishB();
    return request(method as never, path, opts as never);
  }) as typeof aClient.request;
  const result = await runAppOperation(planOf(settings + worker('A'), ns), aClient, {
    ...options,
    by: 'run-A',
  });
  return { result, finished };
}

describe('the dry run before the lock', () => {
  it('is done again when another run held the lock during it and released it just before ours', async () => {
    const { result, finished } = await raceWithHolder(
      'race-a',
      (m, p) => m === 'POST' && p.endsWith('/leases'),
    );
    expect(finished).toBe(true);
    expect(result.status).toBe('Failed');
    expect(result.message).toMatch(/dry run failed.*nothing was applied/s);
    expect(configMapOf('race-a', 'settings')).toBeUndefined();
  });

  it('is done again when the holder released while we set up the wait', async () => {
    const { result, finished } = await raceWithHolder(
      'race-b',
      (m, p) => m === 'GET' && p.endsWith('/leases'),
    );
    expect(finished).toBe(true);
    expect(result.status).toBe('Failed');
    expect(result.message).toMatch(/dry run failed.*nothing was applied/s);
    expect(configMapOf('race-b', 'settings')).toBeUndefined();
  });

  it('does not refuse a revision because of the hook a killed run left running: recovery replaces it', async () => {
    const ns = 'killed-run';
    makeNamespace(t, ns);
    const client = clientFor(t);
    const hook = (script: string) =>
      jobYaml('migrate', script, {
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded',
      });
    // What a killed run of another revision left: its hook, running, labelled as hook-sync labels it.
    const leftover = markOwnership(
      { ...planOf(hook('echo old; sleep 400'), ns), revision: '1111111aaaa' },
      'shop',
    );
    await client.apply(leftover.tasks[0]!.object);
    await t.cluster.waitFor(
      () => (t.cluster.object('batch', 'Job', ns, 'migrate') as any)?.status?.active === 1,
    );
    const said: string[] = [];
    const r = await runAppOperation(
      { ...planOf(hook('echo new migration'), ns), revision: '2222222bbbb' },
      client,
      {
        ...options,
        by: 'ci',
        observer: { info: (m) => said.push(m) },
      },
    );
    expect(r.status).toBe('Succeeded');
    expect(said.some((m) => m.startsWith('terminating Job/migrate'))).toBe(true);
  });

  it('a refused run keeps the namespace it created when another run of the app moved in meanwhile', async () => {
    const ns = 'pr-99';
    const bad = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndta: {a: "1"}\n---\n';
    const good =
      settings +
      jobYaml('smoke-', 'echo smoke; sleep 20; echo ok', { 'argocd.argoproj.io/hook': 'PostSync' });
    const create = { namespace: { create: true }, app: 'preview' };
    const movedIn = () => !!configMapOf(ns, 'hook-sync-inventory-preview');
    // Run A (an older push, with a typo) creates the namespace; its dry run reaches the server late.
    const aClient = clientFor(t);
    const request = aClient.request.bind(aClient);
    aClient.request = (async (method: string, path: string, opts?: { query?: Record<string, unknown> }) => {
      if (opts?.query?.dryRun === 'All') await t.cluster.waitFor(movedIn);
      return request(method as never, path, opts as never);
    }) as typeof aClient.request;
    const a = runAppOperation(planOf(bad, ns), aClient, { ...options, ...create, by: 'ci-1' });
    await t.cluster.waitFor(() => !!t.cluster.object('', 'Namespace', undefined, ns));
    // Run B (the fix, pushed right after) finds the namespace there, locks and syncs.
    const b = runAppOperation(planOf(good, ns), clientFor(t), { ...options, ...create, by: 'ci-2' });
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.status).toBe('Failed');
    expect(ra.message).toContain(
      `namespace ${ns}, created for this sync, was kept: another run of app preview is using it`,
    );
    expect(rb.status).toBe('Succeeded');
    expect(t.cluster.object('', 'Namespace', undefined, ns)!.metadata.deletionTimestamp).toBeUndefined();
  });
});
