// The health library judging objects as the embedded cluster produces them: the two must agree.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { judgeHook, judgeResource } from '../../src/health/judge.js';
import { assessHealth } from '../../src/health/resource-health.js';
import { podsOf } from '../../src/health/related-objects.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const api = () => t.cluster.api;
const live = (group: string, kind: string, name: string) => {
  const type = api().registry.byKind(group, kind)!;
  const obj = api().tryGet(type, 'default', name);
  return obj && api().present(type, obj);
};
const everything = () =>
  ['/Pod', 'apps/ReplicaSet', '/Event'].flatMap((gk) =>
    api()
      .store.list(gk, 'default')
      .map((o) => api().present(api().registry.byKind(gk.split('/')[0]!, gk.split('/')[1]!)!, o)),
  );

describe('health of live objects', () => {
  it('follows a Deployment from Progressing to Healthy', async () => {
    const body = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
      },
    };
    api().create(api().typeFor('apps/v1', 'Deployment')!, 'default', body);
    expect(assessHealth(live('apps', 'Deployment', 'web'))?.status).toBe('Progressing');
    const seen = new Set<string>();
    await t.cluster.waitFor(() => {
      const h = assessHealth(live('apps', 'Deployment', 'web'));
      if (h) seen.add(h.status);
      return h?.status === 'Healthy';
    });
    expect([...seen]).toEqual(['Progressing', 'Healthy']);
  });

  it('fails a hook Job that cannot pull its image once the grace period has passed', async () => {
    api().create(api().typeFor('batch/v1', 'Job')!, 'default', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: {
        backoffLimit: 0,
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'migrate', image: 'acme/migrate:does-not-exist' }],
          },
        },
      },
    });
    const job = live('batch', 'Job', 'migrate')!;
    await t.cluster.waitFor(
      () =>
        podsOf(job, everything()).some(
          (p: any) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff',
        ) || undefined,
    );
    const seen = { pods: podsOf(job, everything()), events: everything().filter((o) => o.kind === 'Event') };
    expect(judgeHook(job, { ...seen, now: Date.now() }).outcome.state).toBe('Running');
    const later = judgeHook(job, { ...seen, now: Date.now() + 61_000 });
    expect(later.outcome).toMatchObject({
      state: 'Failed',
      reason: 'ImagePullBackOff',
      message: expect.stringContaining('container "migrate" cannot pull image "acme/migrate:does-not-exist"'),
    });
  });

  it('judges a crash-looping Deployment Degraded from its pods and events', async () => {
    api().create(api().typeFor('apps/v1', 'Deployment')!, 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'crashes' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'crashes' } },
        template: {
          metadata: { labels: { app: 'crashes' } },
          spec: {
            containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo bad config; exit 1'] }],
          },
        },
      },
    });
    await t.cluster.waitFor(
      () =>
        everything().some(
          (p: any) =>
            p.metadata.name.startsWith('crashes-') &&
            p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff',
        ) || undefined,
    );
    const d = live('apps', 'Deployment', 'crashes')!;
    const judged = judgeResource(d, {
      pods: podsOf(d, everything()),
      events: everything().filter((o) => o.kind === 'Event'),
      now: Date.now() + 61_000,
    });
    expect(judged.health).toMatchObject({
      status: 'Degraded',
      reason: 'CrashLoopBackOff',
      message: expect.stringMatching(
        /^container "app" of pod crashes-\S+ is crash-looping \(\d+ restarts, last: exit code 1\)/,
      ),
    });
  });
});
