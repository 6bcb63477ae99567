// npm run bench: figures for docs/PERFORMANCE.md. Starts the embedded cluster from the bundle as its own
// process and measures it over HTTP from this one: object capacity (create, get, list at N objects) and
// watch throughput (events per second delivered to watchers, and their lag behind the writes).
// Traffic goes to 127.0.0.1 only, is bounded in count and time, and the cluster is stopped at the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import http from 'node:http';

const root = path.resolve(import.meta.dirname, '..');
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const OBJECTS = Number(args.get('objects') ?? 5000);
const EVENT_RATE = Number(args.get('events-per-second') ?? 1000);
const EVENT_SECONDS = Number(args.get('seconds') ?? 10);
const WATCHERS = Number(args.get('watchers') ?? 3);
const CONCURRENCY = 16;

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + WATCHERS + 4 });
let base;

function request(method, urlPath, body, contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      base + urlPath,
      {
        method,
        agent,
        headers: data ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(data) } : {},
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode >= 400) reject(new Error(`${method} ${urlPath}: ${res.statusCode} ${text}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

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

async function startCluster(dir) {
  const kubeconfig = path.join(dir, 'kubeconfig');
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist', 'cli.js'), 'cluster', '--port', '0', '--kubeconfig', kubeconfig],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => String(c).includes('listening on') && resolve());
    child.on('exit', (code) => reject(new Error(`cluster exited ${code}`)));
  });
  base = /server: (\S+)/.exec(readFileSync(kubeconfig, 'utf8'))[1];
  return child;
}

function watch(urlPath, onEvent) {
  return new Promise((resolve) => {
    const req = http.get(base + urlPath, { agent }, (res) => {
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

const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-bench-'));
const cluster = await startCluster(dir);
const results = [];
try {
  await request('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'bench' },
  });
  const ns = '/api/v1/namespaces/bench/configmaps';

  // 1. Capacity: N objects created, then read back.
  let t0 = performance.now();
  const createLatency = [];
  await pool(OBJECTS, async (i) => {
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
    `${OBJECTS} ConfigMaps in ${createSeconds.toFixed(2)} s = ${(OBJECTS / createSeconds).toFixed(0)} objects/s (p50 ${ms(percentile(createLatency, 50))}, p99 ${ms(percentile(createLatency, 99))}, ${CONCURRENCY} in flight)`,
  ]);

  const getLatency = [];
  t0 = performance.now();
  await pool(2000, async (i) => {
    const s = performance.now();
    await request('GET', `${ns}/cm-${(i * 7919) % OBJECTS}`);
    getLatency.push(performance.now() - s);
  });
  results.push([
    'get',
    `2000 GETs at ${OBJECTS} objects: ${(2000 / ((performance.now() - t0) / 1000)).toFixed(0)}/s (p50 ${ms(percentile(getLatency, 50))}, p99 ${ms(percentile(getLatency, 99))})`,
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

  // 2. Watch throughput: writes at a fixed rate, several watchers, lag from write acknowledged to event received.
  const sentAt = new Map();
  const received = Array.from({ length: WATCHERS }, () => 0);
  const lags = [];
  const startRv = list.metadata.resourceVersion;
  const stops = [];
  for (let w = 0; w < WATCHERS; w++) {
    stops.push(
      await watch(`${ns}?watch=true&resourceVersion=${startRv}&labelSelector=bench%3Dyes`, (e) => {
        if (e.type !== 'MODIFIED') return;
        received[w]++;
        const at = sentAt.get(e.object.data.tick);
        if (at !== undefined) lags.push(performance.now() - at);
      }),
    );
  }
  const total = EVENT_RATE * EVENT_SECONDS;
  const interval = 1000 / EVENT_RATE;
  t0 = performance.now();
  let sent = 0;
  await pool(total, async (i) => {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    sentAt.set(String(i), performance.now());
    await request(
      'PATCH',
      `${ns}/cm-${i % OBJECTS}`,
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
    `${sent} writes in ${writeSeconds.toFixed(2)} s = ${(sent / writeSeconds).toFixed(0)} events/s (target ${EVENT_RATE}/s); ` +
      `${WATCHERS} watchers received ${received.join(', ')} (${received.every((r) => r === sent) ? 'none missed' : 'MISSED EVENTS'}); ` +
      `lag write sent → event received p50 ${ms(percentile(lags, 50))}, p99 ${ms(percentile(lags, 99))}, max ${ms(Math.max(...lags))}; drained ${drainSeconds.toFixed(2)} s after the last write`,
  ]);
} finally {
  cluster.kill('SIGTERM');
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `embedded cluster bench — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'})`,
);
for (const [name, line] of results) console.log(`${name.padEnd(6)} ${line}`);
