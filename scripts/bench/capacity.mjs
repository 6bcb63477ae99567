// The embedded cluster's own capacity, measured over HTTP from this process with no added latency: object
// capacity (create, get, list at N objects) and watch throughput (events per second delivered to watchers,
// and their lag behind the writes). Traffic goes to 127.0.0.1 only and is bounded in count and time.
import http from 'node:http';
import { createNamespace, request as jsonRequest, startCluster } from './cluster-process.mjs';

const CONCURRENCY = 16;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (n) => `${n.toFixed(1)} ms`;

async function pool(count, worker) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await worker(next++);
    }),
  );
}

function watch(cluster, urlPath, onEvent) {
  return new Promise((resolve) => {
    const req = http.get(cluster.base + urlPath, { agent: cluster.agent }, (res) => {
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line) onEvent(JSON.parse(line));
        }
      });
      resolve(() => req.destroy());
    });
    req.on('error', () => {});
  });
}

/** `[name, line]` pairs: create, get, list, watch. */
export async function capacity(dir, { objects, eventRate, seconds, watchers }) {
  const cluster = await startCluster(dir, 'capacity');
  cluster.agent.maxSockets = CONCURRENCY + watchers + 4;
  const request = (method, path, body, type) => jsonRequest(cluster, method, path, body, type);
  const results = [];
  try {
    await createNamespace(cluster, 'bench');
    const ns = '/api/v1/namespaces/bench/configmaps';

    // 1. Capacity: N objects created, then read back.
    let t0 = performance.now();
    const createLatency = [];
    await pool(objects, async (i) => {
      const s = performance.now();
      await request('POST', ns, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `cm-${i}`, labels: { bench: 'yes', shard: String(i % 10) } },
        data: { index: String(i), payload: 'x'.repeat(200) },
      });
      createLatency.push(performance.now() - s);
    });
    const createSeconds = (performance.now() - t0) / 1000;
    results.push([
      'create',
      `${objects} ConfigMaps in ${createSeconds.toFixed(2)} s = ${(objects / createSeconds).toFixed(0)} objects/s (p50 ${ms(percentile(createLatency, 50))}, p99 ${ms(percentile(createLatency, 99))}, ${CONCURRENCY} in flight)`,
    ]);

    const getLatency = [];
    t0 = performance.now();
    await pool(2000, async (i) => {
      const s = performance.now();
      await request('GET', `${ns}/cm-${(i * 7919) % objects}`);
      getLatency.push(performance.now() - s);
    });
    results.push([
      'get',
      `2000 GETs at ${objects} objects: ${(2000 / ((performance.now() - t0) / 1000)).toFixed(0)}/s (p50 ${ms(percentile(getLatency, 50))}, p99 ${ms(percentile(getLatency, 99))})`,
    ]);

    t0 = performance.now();
    const list = await request('GET', ns);
    const listMs = performance.now() - t0;
    t0 = performance.now();
    const selected = await request('GET', `${ns}?labelSelector=shard%3D3`);
    results.push([
      'list',
      `LIST of ${list.items.length} objects: ${ms(listMs)}; with labelSelector (${selected.items.length} match): ${ms(performance.now() - t0)}`,
    ]);

    // 2. Watch throughput: writes at a fixed rate, several watchers, lag from write sent to event received.
    const sentAt = new Map();
    const received = Array.from({ length: watchers }, () => 0);
    const lags = [];
    const startRv = list.metadata.resourceVersion;
    const stops = [];
    for (let w = 0; w < watchers; w++) {
      stops.push(
        await watch(cluster, `${ns}?watch=true&resourceVersion=${startRv}&labelSelector=bench%3Dyes`, (e) => {
          if (e.type !== 'MODIFIED') return;
          received[w]++;
          const at = sentAt.get(e.object.data.tick);
          if (at !== undefined) lags.push(performance.now() - at);
        }),
      );
    }
    const total = eventRate * seconds;
    const interval = 1000 / eventRate;
    t0 = performance.now();
    let sent = 0;
    await pool(total, async (i) => {
      const due = t0 + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      sentAt.set(String(i), performance.now());
      await request(
        'PATCH',
        `${ns}/cm-${i % objects}`,
        { data: { tick: String(i) } },
        'application/merge-patch+json',
      );
      sent++;
    });
    const writeSeconds = (performance.now() - t0) / 1000;
    const deadline = performance.now() + 10_000;
    while (received.some((r) => r < sent) && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const drainSeconds = (performance.now() - t0) / 1000 - writeSeconds;
    for (const stop of stops) stop();
    results.push([
      'watch',
      `${sent} writes in ${writeSeconds.toFixed(2)} s = ${(sent / writeSeconds).toFixed(0)} events/s (target ${eventRate}/s); ` +
        `${watchers} watchers received ${received.join(', ')} (${received.every((r) => r === sent) ? 'none missed' : 'MISSED EVENTS'}); ` +
        `lag write sent → event received p50 ${ms(percentile(lags, 50))}, p99 ${ms(percentile(lags, 99))}, max ${ms(Math.max(...lags))}; drained ${drainSeconds.toFixed(2)} s after the last write`,
    ]);
  } finally {
    await cluster.stop();
  }
  return results;
}
