// Fault injection, and the `hook-sync cluster` command as a user runs it (from the bundle).
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import * as k8s from '@kubernetes/client-node';
import { clusterCommand } from '../../src/cli/commands/cluster.js';
import { ROOT } from '../helpers/cli.js';
import { startTestCluster } from '../helpers/embedded.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fault injection', () => {
  it('answers the configured fraction of requests with 429 (Retry-After), 500, 503 or a reset', async () => {
    const t = await startTestCluster({ faults: { errorRate: 1 }, seed: 7 });
    try {
      const outcomes = new Map<string, number>();
      for (let i = 0; i < 40; i++) {
        try {
          const res = await fetch(`${t.cluster.url}/api/v1/namespaces/default/configmaps`);
          const key =
            res.status === 429 ? `429 Retry-After=${res.headers.get('retry-after')}` : String(res.status);
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        } catch {
          outcomes.set('reset', (outcomes.get('reset') ?? 0) + 1);
        }
      }
      expect([...outcomes.keys()].sort()).toEqual(['429 Retry-After=1', '500', '503', 'reset']);
      expect(
        t.cluster.faults.injected['429'] +
          t.cluster.faults.injected['500'] +
          t.cluster.faults.injected['503'] +
          t.cluster.faults.injected.reset,
      ).toBe(40);
      // Probes are never faulted, so a client can still tell the server is there.
      expect((await fetch(`${t.cluster.url}/version`)).status).toBe(200);
      t.cluster.faults.set({ errorRate: 0 });
      expect((await fetch(`${t.cluster.url}/api/v1/namespaces/default/configmaps`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('cuts watch streams after watchCutMs, counting each cut', async () => {
    const t = await startTestCluster({ faults: { watchCutMs: 100 } });
    try {
      const err = await new Promise((resolve) => {
        void new k8s.Watch(t.kc).watch('/api/v1/namespaces/default/configmaps', {}, () => {}, resolve);
      });
      expect(err).toBeNull();
      expect(t.cluster.faults.injected['watch-cut']).toBe(1);
    } finally {
      await t.stop();
    }
  });

  it('throttles with the Retry-After set, resets connections, and loses the answers of writes it did', async () => {
    const t = await startTestCluster({ faults: { throttleRate: 1, retryAfterSeconds: 7 } });
    const url = `${t.cluster.url}/api/v1/namespaces/default/configmaps`;
    try {
      const throttled = await fetch(url);
      expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '7']);
      t.cluster.faults.set({ throttleRate: 0, resetRate: 1 });
      await expect(fetch(url)).rejects.toThrow('fetch failed');
      t.cluster.faults.set({ resetRate: 0, lostResponseRate: 1 });
      expect((await fetch(url)).status).toBe(200); // a read: nothing to lose
      const write = fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'done-anyway' } }),
      });
      await expect(write).rejects.toThrow('fetch failed');
      const type = t.cluster.api.registry.byKind('', 'ConfigMap')!;
      expect(t.cluster.api.tryGet(type, 'default', 'done-anyway')).toBeDefined();
      expect(t.cluster.faults.injected).toMatchObject({ '429': 1, reset: 1, 'lost-response': 1 });
    } finally {
      await t.stop();
    }
  });

  it('answers watches resumed from a resourceVersion with 410 Gone at watchGoneRate', async () => {
    const t = await startTestCluster({ faults: { watchGoneRate: 1 } });
    const path = '/api/v1/namespaces/default/configmaps';
    try {
      const rv = (await (await fetch(`${t.cluster.url}${path}`)).json()) as {
        metadata: { resourceVersion: string };
      };
      const events: unknown[] = [];
      await new Promise((resolve) => {
        void new k8s.Watch(t.kc).watch(
          path,
          { resourceVersion: rv.metadata.resourceVersion },
          (type, obj) => events.push({ type, code: (obj as { code?: number }).code }),
          resolve,
        );
      });
      expect(events).toEqual([{ type: 'ERROR', code: 410 }]);
      expect(t.cluster.faults.injected.gone).toBe(1);
      // A watch that lists first (no resourceVersion) is not a resume.
      const listed = await fetch(`${t.cluster.url}${path}?watch=true&timeoutSeconds=1`);
      expect(listed.status).toBe(200);
      await listed.text();
      expect(t.cluster.faults.injected.gone).toBe(1);
    } finally {
      await t.stop();
    }
  });
});

describe('hook-sync cluster', () => {
  function startCommand(args: string[]) {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'cluster', ...args]);
    let out = '';
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('listening on')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, ready, exited };
  }

  it('writes a kubeconfig, keeps state across restarts, and exits 0 on SIGTERM', async () => {
    const kubeconfig = path.join(dir, 'kubeconfig');
    const state = path.join(dir, 'state.json');
    const first = startCommand([
      '--port',
      '0',
      '--kubeconfig',
      kubeconfig,
      '--state',
      state,
      '--time-scale',
      '0.05',
    ]);
    await first.ready;
    expect(existsSync(kubeconfig)).toBe(true);
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(kubeconfig);
    await kc.makeApiClient(k8s.CoreV1Api).createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'survives' }, data: { k: 'v' } },
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(readFileSync(state, 'utf8')).toContain('survives');

    const second = startCommand(['--kubeconfig', kubeconfig, '--state', state]);
    await second.ready;
    const kc2 = new k8s.KubeConfig();
    kc2.loadFromFile(kubeconfig);
    const cm = await kc2
      .makeApiClient(k8s.CoreV1Api)
      .readNamespacedConfigMap({ name: 'survives', namespace: 'default' });
    expect(cm.data).toEqual({ k: 'v' });
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('serves the faults its flags name', async () => {
    const out: string[] = [];
    const signals = new EventEmitter();
    const io = { stdout: (x: string) => out.push(x), stderr: () => {}, env: {}, cwd: ROOT };
    const running = clusterCommand(
      ['--throttle-rate', '1', '--retry-after-s', '4', '--log-cut-ms', '50', '--watch-gone-rate', '0.5'],
      io,
      signals,
    );
    const ready = async (): Promise<string> => {
      for (;;) {
        const line = out.join('').match(/listening on (\S+?)(;|\n)/);
        if (line) return line[1]!;
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const url = await ready();
    const res = await fetch(`${url}/api/v1/namespaces`);
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '4']);
    signals.emit('SIGTERM');
    expect(await running).toBe(0);
    for (const [argv, flag] of [
      [['--watch-gone-rate', '2'], '--watch-gone-rate'],
      [['--log-cut-ms=-5'], '--log-cut-ms'],
      [['--lost-response-rate', 'often'], '--lost-response-rate'],
    ] as const)
      await expect(clusterCommand([...argv], io, signals)).rejects.toThrow(`${flag} must be a number from 0`);
  });

  it('refuses a bad option with exit code 2', async () => {
    const bad = startCommand(['--error-rate', '2']);
    await expect(bad.ready).rejects.toThrow('exited 2');
  });
});
