// A hook is created without reading its name first when the watch of its kind shows no object of that
// name (one round trip less per wave). When an object was there after all — made by someone else between
// the watch's last event and the create — the write's own answer says so (200 instead of 201, or a refusal),
// and the engine does what the read would have: under BeforeHookCreation the object goes and the hook is
// created anew; without it, the apply onto the existing object stands.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadAll } from 'js-yaml';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { beforeEachRequest, faultPerRequest } from '../helpers/fault-per-request.js';
import { jobYaml, makeNamespace, sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

type Obj = { metadata: { uid: string; name: string; labels?: Record<string, string> } };
const jobs = () => t.cluster.api.registry.byKind('batch', 'Job')!;
const job = (ns: string, name: string) => t.cluster.object('batch', 'Job', ns, name) as Obj | undefined;
const podsOfJob = (ns: string, name: string) =>
  t.cluster.api.store.list('/Pod', ns).filter((p) => p.metadata.labels?.['job-name'] === name);
const isCreate = (ns: string, name: string) => (method: string, url: string) =>
  method === 'PATCH' &&
  url.startsWith(`/apis/batch/v1/namespaces/${ns}/jobs/${name}?`) &&
  !url.includes('dryRun');
const requestsFor = (ns: string, name: string) =>
  t.cluster.requests
    .filter((r) => r.path.split('?')[0] === `/apis/batch/v1/namespaces/${ns}/jobs/${name}`)
    .map((r) => `${r.method} ${r.status}${r.path.includes('dryRun') ? ' dry-run' : ''}`);

/**
 * Someone else creates a Job of the hook's name just before the server handles the hook's create: no watch
 * can have shown it. Returns the interloper's uid once made.
 */
function interloperBeforeCreate(ns: string, name: string, yaml: string, nth = 1): () => string | undefined {
  const creating = isCreate(ns, name);
  let uid: string | undefined;
  let seen = 0;
  const restore = beforeEachRequest(t, (method, url) => {
    if (uid || !creating(method, url) || ++seen < nth) return;
    const made = t.cluster.api.create(jobs(), ns, loadAll(yaml)[0]) as unknown as Obj;
    uid = made.metadata.uid;
    restore();
  });
  return () => uid;
}

describe('a hook whose name an unseen object took', () => {
  it('is created without a read of its name when the watch shows none', async () => {
    const ns = 'unseen-none';
    const run = await sync(
      t,
      jobYaml('migrate', 'echo migrating', { 'argocd.argoproj.io/hook': 'PreSync' }),
      ns,
    );
    expect(run.result.status).toBe('Succeeded');
    expect(run.task('Job/migrate').action).toBe('create');
    // The dry run's read, the dry run, the create: no read between the dry run and the create.
    expect(requestsFor(ns, 'migrate')).toEqual(['GET 404', 'PATCH 200 dry-run', 'PATCH 201']);
  });

  it('replaces it under BeforeHookCreation when the apply landed on it (same spec)', async () => {
    const ns = 'unseen-same';
    makeNamespace(t, ns);
    const yaml = jobYaml('migrate', 'echo migrating', { 'argocd.argoproj.io/hook': 'PreSync' });
    const interloper = interloperBeforeCreate(ns, 'migrate', yaml);
    const run = await sync(t, yaml, ns);
    expect(interloper()).toBeDefined();
    expect(run.result.status).toBe('Succeeded');
    expect(run.task('Job/migrate')).toMatchObject({ status: 'Succeeded', action: 'create' });
    const now = job(ns, 'migrate')!;
    expect(now.metadata.uid).not.toBe(interloper());
    // The apply met the interloper (200), which was deleted; the hook was then created (201).
    expect(requestsFor(ns, 'migrate')).toEqual(
      expect.arrayContaining(['PATCH 200', 'DELETE 202', 'PATCH 201']),
    );
    expect(run.logs).toContain('[migrate] migrating');
    // Its pod is the one that ran the hook.
    expect(
      podsOfJob(ns, 'migrate').filter(
        (p) => (p.metadata.ownerReferences as { uid: string }[] | undefined)?.[0]?.uid === now.metadata.uid,
      ),
    ).toHaveLength(1);
  });

  it('replaces it under BeforeHookCreation when the server refused the apply (another spec)', async () => {
    const ns = 'unseen-other';
    makeNamespace(t, ns);
    const interloper = interloperBeforeCreate(
      ns,
      'migrate',
      jobYaml('migrate', 'echo somebody else', { team: 'other' }),
    );
    const run = await sync(
      t,
      jobYaml('migrate', 'echo migrating', { 'argocd.argoproj.io/hook': 'PreSync' }),
      ns,
    );
    expect(interloper()).toBeDefined();
    expect(run.result.status).toBe('Succeeded');
    expect(run.task('Job/migrate')).toMatchObject({ status: 'Succeeded', action: 'create' });
    expect(job(ns, 'migrate')!.metadata.uid).not.toBe(interloper());
    expect(requestsFor(ns, 'migrate')).toEqual(
      expect.arrayContaining(['PATCH 422', 'DELETE 202', 'PATCH 201']),
    );
    expect(run.logs).toContain('[migrate] migrating');
  });

  it('applies onto it, as when seen, without BeforeHookCreation', async () => {
    const ns = 'unseen-kept';
    makeNamespace(t, ns);
    const yaml = jobYaml('seed', 'echo seeding', {
      'argocd.argoproj.io/hook': 'PreSync',
      'argocd.argoproj.io/hook-delete-policy': 'HookFailed',
    });
    const interloper = interloperBeforeCreate(ns, 'seed', yaml);
    const run = await sync(t, yaml, ns);
    expect(interloper()).toBeDefined();
    expect(run.result.status).toBe('Succeeded');
    expect(run.task('Job/seed')).toMatchObject({ status: 'Succeeded', action: 'apply' });
    expect(job(ns, 'seed')!.metadata.uid).toBe(interloper());
    expect(requestsFor(ns, 'seed')).not.toContain('DELETE 202');
  });

  it('fails the hook, naming the refusal, when the object is refused and kept (no BeforeHookCreation)', async () => {
    const ns = 'unseen-refused';
    makeNamespace(t, ns);
    const interloper = interloperBeforeCreate(ns, 'seed', jobYaml('seed', 'echo somebody else'));
    const run = await sync(
      t,
      jobYaml('seed', 'echo seeding', {
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/hook-delete-policy': 'HookFailed',
      }),
      ns,
    );
    expect(interloper()).toBeDefined();
    expect(run.result.status).toBe('Failed');
    expect(run.task('Job/seed').status).toBe('Failed');
    expect(run.task('Job/seed').message).toMatch(/field is immutable/);
    expect(job(ns, 'seed')!.metadata.uid).toBe(interloper());
  });

  it('is created once under Force=true: the re-create that clears the name is not followed by another', async () => {
    const ns = 'unseen-force';
    makeNamespace(t, ns);
    const interloper = interloperBeforeCreate(ns, 'migrate', jobYaml('migrate', 'echo somebody else'));
    const run = await sync(
      t,
      jobYaml('migrate', 'echo migrating', {
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/sync-options': 'Force=true',
      }),
      ns,
    );
    expect(interloper()).toBeDefined();
    expect(run.result.status).toBe('Succeeded');
    const now = job(ns, 'migrate')!;
    expect(now.metadata.uid).not.toBe(interloper());
    // The interloper deleted once; our Job made once (Force creates with POST), never deleted.
    const writes = requestsFor(ns, 'migrate').filter((r) => !r.startsWith('GET') && !r.includes('dry-run'));
    expect(writes.filter((r) => r.startsWith('DELETE'))).toHaveLength(1);
    expect(
      t.cluster.requests.filter(
        (r) =>
          r.method === 'POST' &&
          r.path.startsWith(`/apis/batch/v1/namespaces/${ns}/jobs`) &&
          r.status === 201,
      ),
    ).toHaveLength(1);
    expect(run.logs).toContain('[migrate] migrating');
    expect(
      podsOfJob(ns, 'migrate').filter(
        (p) => (p.metadata.ownerReferences as { uid: string }[] | undefined)?.[0]?.uid === now.metadata.uid,
      ),
    ).toHaveLength(1);
  });

  it('keeps what its repeated apply met when the first try may have acted (its answer was lost)', async () => {
    const ns = 'unseen-lost';
    makeNamespace(t, ns);
    const yaml = jobYaml('migrate', 'echo migrating', { 'argocd.argoproj.io/hook': 'PreSync' });
    // The first try's connection is reset (did the server act? the client cannot know); before the
    // repeat, an object of the name appears, as the first try's own would: it must not be replaced.
    let resets = 0;
    const restoreFault = faultPerRequest(t, (method, url) =>
      isCreate(ns, 'migrate')(method, url) && resets++ === 0 ? 'reset' : undefined,
    );
    const interloper = interloperBeforeCreate(ns, 'migrate', yaml, 2);
    try {
      const run = await sync(t, yaml, ns);
      expect(resets).toBeGreaterThan(1);
      expect(interloper()).toBeDefined();
      expect(run.result.status).toBe('Succeeded');
      expect(job(ns, 'migrate')!.metadata.uid).toBe(interloper());
      expect(requestsFor(ns, 'migrate').some((r) => r.startsWith('DELETE'))).toBe(false);
    } finally {
      restoreFault();
    }
  });
});
