// npm run bench: the figures of docs/PERFORMANCE.md. Each part starts the embedded cluster from the bundle
// as a process of its own and drives it from this one (2 cores: everything shares them, so medians).
//
//   compare  N ConfigMaps in one wave, `hook-sync sync` against `kubectl apply --server-side -f` of the same
//            files, on a cluster answering every request 5 ms late: wall time, requests, peak RSS
//   waves    waves each gated by a hook Job sleeping 1 s: what hook-sync adds to the hooks' own time, and
//            how soon it records a Job's end after the cluster wrote it
//   start    `node dist/index.js` (the action) and `node dist/cli.js sync` to their first API request
//   capacity the embedded cluster's own capacity (objects, reads, lists, watch throughput)
//
// Options (after `--`): --runs=5 --warmup=1 --sizes=100,1000,5000 --waves=10 --latency-ms=5
//   --parts=compare,waves,start,capacity; capacity: --objects=5000 --events-per-second=1000 --seconds=10
//   --watchers=3; --hook-sync=PATH/dist/cli.js measures another build (compare, waves, start) against the
//   same cluster; --kubectl=false leaves kubectl out. Traffic stays on 127.0.0.1; clusters are stopped and scratch files removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { capacity } from './bench/capacity.mjs';
import { startCluster } from './bench/cluster-process.mjs';
import { coldStarts } from './bench/cold-start.mjs';
import { compareOnce, writeConfigMaps } from './bench/compare.mjs';
import { measureHookSync, writeRssProbe } from './bench/processes.mjs';
import { wavesOnce, writeGatedWaves } from './bench/waves.mjs';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const number = (name, fallback) => Number(args.get(name) ?? fallback);
const RUNS = number('runs', 5);
const SIZES = String(args.get('sizes') ?? '100,1000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const WAVES = number('waves', 10);
const WARMUP = number('warmup', 1);
const LATENCY_MS = number('latency-ms', 5);
const PARTS = new Set(String(args.get('parts') ?? 'compare,waves,start,capacity').split(','));
const WITH_KUBECTL = args.get('kubectl') !== 'false';
// Another build's CLI (an earlier commit's dist/cli.js) measured against the same cluster and kubectl.
if (args.get('hook-sync')) measureHookSync(path.resolve(String(args.get('hook-sync'))));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms) => `${ms.toFixed(0)} ms`;
const progress = (line) => process.stderr.write(`bench: ${line}\n`);

const work = mkdtempSync(path.join(tmpdir(), 'hook-sync-bench-'));
const rows = [];
const capacityLines = [];
try {
  const probe = writeRssProbe(work);
  if (PARTS.has('compare') || PARTS.has('waves')) {
    const cluster = await startCluster(work, 'latency', ['--latency-ms', String(LATENCY_MS)]);
    try {
      if (PARTS.has('compare')) {
        for (const size of SIZES) writeConfigMaps(path.join(work, `configmaps-${size}`), size);
        // An API server that has been up a while has its hot paths compiled: the fresh cluster's first
        // thousands of requests run about a third slower, whoever sends them. Unrecorded.
        for (let run = 0; run < WARMUP; run++) {
          const size = Math.min(1000, Math.max(...SIZES));
          if (!SIZES.includes(size)) writeConfigMaps(path.join(work, `configmaps-${size}`), size);
          await compareOnce(cluster, probe, work, size, `warmup-${run}`, false);
          progress(`warm-up run ${run + 1}/${WARMUP} (${size} ConfigMaps, not recorded)`);
        }
        const runs = new Map(SIZES.map((s) => [s, []]));
        for (let run = 0; run < RUNS; run++)
          for (const size of SIZES) {
            const one = await compareOnce(cluster, probe, work, size, run, WITH_KUBECTL);
            runs.get(size).push(one);
            progress(
              `${size} ConfigMaps, run ${run + 1}/${RUNS}: hook-sync ${seconds(one.hookSync.ms)} (${one.hookSync.requests} requests, ${one.hookSync.rssMb.toFixed(0)} MB)${one.kubectl ? `, kubectl ${seconds(one.kubectl.ms)} (${one.kubectl.requests} requests)` : ''}`,
            );
          }
        for (const size of SIZES) {
          const r = runs.get(size);
          const hs = median(r.map((x) => x.hookSync.ms));
          const kc = WITH_KUBECTL ? median(r.map((x) => x.kubectl.ms)) : NaN;
          rows.push([
            `${size.toLocaleString('en')} ConfigMaps, one wave: wall (requests)`,
            `${seconds(hs)} (${median(r.map((x) => x.hookSync.requests))})`,
            WITH_KUBECTL ? `${seconds(kc)} (${median(r.map((x) => x.kubectl.requests))})` : 'not run',
            WITH_KUBECTL ? `${(hs / kc).toFixed(2)}×${size === 1000 ? ' (target ≤ 0.1×)' : ''}` : '',
          ]);
        }
        const largest = Math.max(...SIZES);
        rows.push([
          `peak RSS of hook-sync, ${largest.toLocaleString('en')} objects`,
          `${median(runs.get(largest).map((x) => x.hookSync.rssMb)).toFixed(0)} MB`,
          '',
          largest === 5000 ? 'target ≤ 250 MB' : '',
        ]);
      }
      if (PARTS.has('waves')) {
        const dir = path.join(work, 'waves');
        writeGatedWaves(dir, WAVES);
        const runs = [];
        for (let run = 0; run < RUNS; run++) {
          const one = await wavesOnce(cluster, probe, work, dir, run);
          runs.push(one);
          progress(
            `${WAVES} gated waves, run ${run + 1}/${RUNS}: ${seconds(one.totalMs)} in all, hooks ${seconds(one.hooksMs)}, first hook start → last hook end ${seconds(one.spanMs)}`,
          );
        }
        rows.push([
          `${WAVES} waves gated by 1 s hooks: whole run − hooks' own time`,
          seconds(median(runs.map((r) => r.totalMs - r.hooksMs))),
          '',
          'target ≤ 0.2 s',
        ]);
        rows.push([
          `… of which between the first hook's start and the last one's end`,
          seconds(median(runs.map((r) => r.spanMs - r.hooksMs))),
          '',
          '',
        ]);
        const recorded = runs.flatMap((r) => r.recordedMs);
        rows.push([
          `Job Complete → hook-sync records it (${recorded.length} hooks)`,
          `${millis(median(recorded))} (max ${millis(Math.max(...recorded))})`,
          '',
          'target ≤ 50 ms',
        ]);
      }
    } finally {
      await cluster.stop();
    }
  }
  if (PARTS.has('start')) {
    const other = args.get('hook-sync');
    const starts = await coldStarts(
      work,
      Math.max(RUNS, 5),
      other ? path.dirname(path.resolve(other)) : undefined,
    );
    rows.push([
      'cold start: node dist/index.js (the action) → first API request',
      millis(median(starts.action)),
      '',
      'target ≤ 300 ms',
    ]);
    rows.push(['cold start: node dist/cli.js sync → first API request', millis(median(starts.cli)), '', '']);
  }
  if (PARTS.has('capacity'))
    capacityLines.push(
      ...(await capacity(work, {
        objects: number('objects', 5000),
        eventRate: number('events-per-second', 1000),
        seconds: number('seconds', 10),
        watchers: number('watchers', 3),
      })),
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}

function kubectlVersion() {
  try {
    return /Client Version: (\S+)/.exec(execFileSync('kubectl', ['version', '--client']).toString())?.[1];
  } catch {
    return 'not found';
  }
}
console.log(
  `hook-sync bench — node ${process.version}, kubectl ${kubectlVersion()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; medians of ${RUNS} runs; cluster latency ${LATENCY_MS} ms per request\n`,
);
if (rows.length) {
  console.log('| measure | hook-sync | kubectl | ratio / target |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
if (capacityLines.length) {
  console.log('\nembedded cluster capacity (no added latency):');
  for (const [name, line] of capacityLines) console.log(`${name.padEnd(6)} ${line}`);
}
