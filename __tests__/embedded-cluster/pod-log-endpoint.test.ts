// The emulator's pod log endpoint: timestamps as the kubelet writes them, sinceTime and sinceSeconds, the
// API server's validation, the log-cut fault, and real kubectl reading it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { NO_FAULTS } from '../../src/embedded-cluster/faults.js';
import { kubectl, startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
  makeNamespace(t, 'pl');
});
afterAll(() => t.stop());
afterEach(() => t.cluster.faults.set(NO_FAULTS));

const RFC3339_NANO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;

function startPod(name: string, script: string): void {
  t.cluster.api.create(t.cluster.api.registry.byKind('', 'Pod')!, 'pl', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      restartPolicy: 'Never',
      containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', script] }],
    },
  });
}

function state(name: string): string | undefined {
  const pod = t.cluster.api.tryGet(t.cluster.api.registry.byKind('', 'Pod')!, 'pl', name);
  const s = (pod?.status as { containerStatuses?: { state?: object }[] } | undefined)?.containerStatuses?.[0]
    ?.state;
  return s ? Object.keys(s)[0] : undefined;
}

async function log(name: string, query: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${t.cluster.url}/api/v1/namespaces/pl/pods/${name}/log?${query}`);
  return { status: res.status, text: await res.text() };
}

describe('the pod log endpoint', () => {
  it('stamps lines with strictly increasing RFC 3339 nanosecond times, and reads from sinceTime on', async () => {
    startPod('five', 'echo one; echo two; echo three; echo four; echo five');
    await t.cluster.waitFor(() => state('five') === 'terminated');
    const all = (await log('five', 'timestamps=true')).text.trimEnd().split('\n');
    const times = all.map((l) => l.split(' ')[0]!);
    expect(all.map((l) => l.slice(l.indexOf(' ') + 1))).toEqual(['one', 'two', 'three', 'four', 'five']);
    for (const time of times) expect(time).toMatch(RFC3339_NANO);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(5);
    // Inclusive, as the kubelet: the line at sinceTime and those after.
    expect((await log('five', `sinceTime=${times[2]}`)).text).toBe('three\nfour\nfive\n');
    expect((await log('five', `timestamps=true&sinceTime=${encodeURIComponent(times[4]!)}`)).text).toBe(
      `${all[4]}\n`,
    );
    // Second precision, and an offset: from that second on.
    const second = `${times[0]!.slice(0, 19)}+00:00`;
    expect((await log('five', `sinceTime=${encodeURIComponent(second)}`)).text.split('\n')[0]).toBe('one');
    expect((await log('five', 'sinceTime=2999-01-01T00:00:00Z')).text).toBe('');
    expect((await log('five', 'sinceSeconds=3600&tailLines=2')).text).toBe('four\nfive\n');
  });

  it('refuses options the API server refuses, naming the field', async () => {
    startPod('opts', 'echo x');
    await t.cluster.waitFor(() => state('opts') === 'terminated');
    for (const [query, field] of [
      ['sinceSeconds=10&sinceTime=2025-01-01T00:00:00Z', 'sinceSeconds: Forbidden: at most one of'],
      ['sinceTime=yesterday', 'sinceTime: Invalid value: "yesterday"'],
      ['sinceSeconds=0', 'sinceSeconds: Invalid value: "0": must be greater than 0'],
      ['tailLines=-1', 'tailLines: Invalid value: "-1": must be greater than or equal to 0'],
    ]) {
      const { status, text } = await log('opts', query!);
      expect(status).toBe(422);
      expect(JSON.parse(text)).toMatchObject({
        reason: 'Invalid',
        message: expect.stringContaining(`PodLogOptions "opts" is invalid: ${field}`),
      });
    }
  });

  it('cuts follow streams mid-log with logCutMs, cleanly, and counts each cut', async () => {
    startPod('long', 'echo start; sleep 20; echo never-in-time');
    await t.cluster.waitFor(() => state('long') === 'running');
    const before = t.cluster.faults.injected['log-cut'];
    t.cluster.faults.set({ logCutMs: 50 });
    const { status, text } = await log('long', 'follow=true');
    expect(status).toBe(200);
    expect(text).toBe('start\n');
    expect(state('long')).toBe('running');
    expect(t.cluster.faults.injected['log-cut']).toBe(before + 1);
  });

  it('serves kubectl logs --timestamps --since-time', async () => {
    startPod('kc', 'echo alpha; echo beta; echo gamma');
    await t.cluster.waitFor(() => state('kc') === 'terminated');
    const stamped = await kubectl(t, ['logs', '-n', 'pl', 'kc', '--timestamps']);
    expect(stamped.code).toBe(0);
    const lines = stamped.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['alpha', 'beta', 'gamma']);
    // kubectl sends sinceTime to the second (what a resumed reader must cope with).
    const since = (at: string) => kubectl(t, ['logs', '-n', 'pl', 'kc', `--since-time=${at}`]);
    expect(await since('2000-01-01T00:00:00Z')).toMatchObject({ code: 0, stdout: 'alpha\nbeta\ngamma\n' });
    expect(await since('2999-01-01T00:00:00Z')).toMatchObject({ code: 0, stdout: '' });
    const sent = t.cluster.requests.filter((r) => r.path.includes('/pods/kc/log?'));
    expect(sent.at(-1)!.path).toContain('sinceTime=2999-01-01T00%3A00%3A00Z');
  });
});
