// A container's log read in full through cut streams, resets and 429s, or said to be incomplete, against
// the embedded cluster. Hooks print numbered lines: every one must arrive exactly once, in order.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import { readContainerLog, type ContainerRun } from '../../src/cluster/container-log.js';
import { NO_FAULTS } from '../../src/embedded-cluster/faults.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { beforeEachRequest } from '../helpers/fault-per-request.js';
import { makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ seed: 11 });
  makeNamespace(t, 'logs');
});
afterAll(() => t.stop());
afterEach(() => {
  t.cluster.faults.set(NO_FAULTS);
  t.cluster.access.clear();
});

/** `echo line-1; sleep 1; echo line-2; …` (a simulated second is 50 ms here). */
function numbered(n: number, pause = 1): { script: string; lines: string[] } {
  const lines = Array.from({ length: n }, (_, i) => `line-${i + 1}`);
  return { script: lines.map((l) => `echo ${l}`).join(`; sleep ${pause}; `), lines };
}

function startPod(name: string, script: string): void {
  t.cluster.api.create(t.cluster.api.registry.byKind('', 'Pod')!, 'logs', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      restartPolicy: 'Never',
      containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', script] }],
    },
  });
}

function containerState(name: string): 'waiting' | 'running' | 'terminated' | undefined {
  const pod = t.cluster.api.tryGet(t.cluster.api.registry.byKind('', 'Pod')!, 'logs', name);
  const state = (pod?.status as { containerStatuses?: { state?: Record<string, unknown> }[] } | undefined)
    ?.containerStatuses?.[0]?.state;
  return state ? (Object.keys(state)[0] as 'running') : undefined;
}

function client(options: { attempts?: number; sleep?: (ms: number) => Promise<void> } = {}) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(t.cluster.kubeconfig());
  const slept: number[] = [];
  const c = new ClusterClient(
    kc,
    { attempts: options.attempts ?? 6, baseDelayMs: 10, maxDelayMs: 100 },
    {
      timing: {
        sleep: async (ms) => {
          slept.push(ms);
          // Retry-After (a second) is recorded, not waited for; back-offs are short and real.
          await (options.sleep ?? ((x: number) => new Promise((r) => setTimeout(r, Math.min(x, 100)))))(ms);
        },
      },
    },
  );
  return { c, slept };
}

async function readAll(c: ClusterClient, pod: string, running = true, signal = new AbortController().signal) {
  const received: string[] = [];
  const run: ContainerRun = { namespace: 'logs', pod, container: 'main', restartCount: 0, running };
  const outcome = await readContainerLog(c, run, (line) => received.push(line), signal);
  return { outcome, received };
}

describe('readContainerLog', () => {
  it('follows logs cut every 150 ms to their end: every line once, in order, for pod after pod', async () => {
    t.cluster.faults.set({ logCutMs: 150 });
    const { c } = client();
    for (const name of ['cut-a', 'cut-b']) {
      const { script, lines } = numbered(30);
      startPod(name, script);
      await t.cluster.waitFor(() => containerState(name) === 'running');
      const { outcome, received } = await readAll(c, name);
      expect(received).toEqual(lines);
      expect(outcome).toMatchObject({ complete: true });
      expect(outcome.resumed).toBeGreaterThan(0);
    }
    expect(t.cluster.faults.injected['log-cut']).toBeGreaterThan(1);
  });

  it('reads through connection resets and 429s, waiting what Retry-After asks', async () => {
    t.cluster.faults.set({ logCutMs: 200, throttleRate: 0.15, resetRate: 0.15, retryAfterSeconds: 1 });
    const before = { ...t.cluster.faults.injected };
    const { c, slept } = client({ attempts: 12 });
    const { script, lines } = numbered(30);
    startPod('flaky', script);
    await t.cluster.waitFor(() => containerState('flaky') === 'running');
    const { outcome, received } = await readAll(c, 'flaky');
    expect(received).toEqual(lines);
    expect(outcome.complete).toBe(true);
    expect(t.cluster.faults.injected['429']).toBeGreaterThan(before['429']);
    expect(t.cluster.faults.injected.reset).toBeGreaterThan(before.reset);
    expect(slept.filter((ms) => ms >= 1000).length).toBeGreaterThan(0); // a 429's Retry-After: 1
  });

  it('reads to the end a container that finished while its stream was cut', async () => {
    t.cluster.faults.set({ logCutMs: 100 });
    // A quiet spell longer than a cut, then the end: the back-off after a quiet cut lasts until it exited.
    const { c } = client({
      sleep: () => t.cluster.waitFor(() => containerState('ends') === 'terminated').then(() => {}),
    });
    startPod('ends', 'echo first; echo second; sleep 6; echo third; echo last');
    await t.cluster.waitFor(() => containerState('ends') === 'running');
    const { outcome, received } = await readAll(c, 'ends');
    expect(received).toEqual(['first', 'second', 'third', 'last']);
    expect(outcome.complete).toBe(true);
  });

  it('takes a log followed to its end as complete when the pod is gone before the last read (TTL 0)', async () => {
    // The follow ends with the container; the gap-filling plain read then meets a pod already removed
    // (a Job's ttlSecondsAfterFinished: 0). Every line was read: complete.
    const restore = beforeEachRequest(t, (method, url) => {
      if (method === 'GET' && url.includes('/pods/ttl-gone/log') && !url.includes('follow=true'))
        t.cluster.api.delete(t.cluster.api.registry.byKind('', 'Pod')!, 'logs', 'ttl-gone', {});
    });
    try {
      const { c } = client();
      startPod('ttl-gone', 'echo one; sleep 2; echo two');
      await t.cluster.waitFor(() => containerState('ttl-gone') === 'running');
      const { outcome, received } = await readAll(c, 'ttl-gone');
      expect(received).toEqual(['one', 'two']);
      expect(outcome).toMatchObject({ complete: true });
    } finally {
      restore();
    }
  });

  it('says the log is incomplete when the pod was deleted before it was read', async () => {
    startPod('deleted', 'echo only line');
    await t.cluster.waitFor(() => containerState('deleted') === 'terminated');
    t.cluster.api.delete(t.cluster.api.registry.byKind('', 'Pod')!, 'logs', 'deleted', {});
    const { c } = client();
    const { outcome, received } = await readAll(c, 'deleted', false);
    expect(received).toEqual([]);
    expect(outcome).toMatchObject({
      complete: false,
      reason: 'the pod was deleted before its log could be read',
    });
  });

  it('says the log is incomplete when the retries are exhausted, keeping what was read', async () => {
    t.cluster.faults.set({ logCutMs: 100 });
    const { c } = client({ sleep: async () => {} });
    const { script, lines } = numbered(20);
    startPod('unreachable', script);
    await t.cluster.waitFor(() => containerState('unreachable') === 'running');
    const received: string[] = [];
    const outcome = await readContainerLog(
      c,
      { namespace: 'logs', pod: 'unreachable', container: 'main', restartCount: 0, running: true },
      (line) => {
        received.push(line);
        if (line === 'line-3') t.cluster.faults.set({ resetRate: 1 }); // the API goes away mid-log
      },
      new AbortController().signal,
    );
    expect(outcome.complete).toBe(false);
    expect(outcome.reason).toMatch(/could not be read: cannot reach the Kubernetes API .*\(6 attempts\)$/);
    expect(received).toEqual(lines.slice(0, received.length));
    expect(received.length).toBeGreaterThanOrEqual(3);
  });

  it('says the log is incomplete when reading it is forbidden', async () => {
    startPod('forbidden', 'echo secret-ish');
    await t.cluster.waitFor(() => containerState('forbidden') === 'terminated');
    t.cluster.access.deny({ verbs: ['get'], group: '', resource: 'pods/log', namespace: 'logs' });
    const { c } = client();
    const { outcome } = await readAll(c, 'forbidden', false);
    expect(outcome.complete).toBe(false);
    expect(outcome.reason).toMatch(/^reading it was refused \(403: .*\); grant get on pods\/log/);
  });
});
