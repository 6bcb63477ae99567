// Running the programs compared, timed from spawn to exit: hook-sync (with its peak RSS), kubectl.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli } from './cluster-process.mjs';

/** The hook-sync measured: this checkout's dist/cli.js, or another build's (`--hook-sync=PATH`). */
let hookSyncCli = cli;
export function measureHookSync(path) {
  hookSyncCli = path;
}

/** A module loaded before hook-sync (`--import`) that reports the process's peak RSS on file descriptor 3. */
export function writeRssProbe(dir) {
  const file = path.join(dir, 'rss-probe.mjs');
  writeFileSync(
    file,
    `import { writeSync } from 'node:fs';
process.on('exit', () => {
  try {
    writeSync(3, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }) + '\\n');
  } catch {}
});
`,
  );
  return file;
}

/** Runs `command args`; resolves with its exit code, wall time (ms), output and what it wrote on fd 3. */
export function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    const fd3 = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.stdio[3].on('data', (c) => fd3.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const probe = Buffer.concat(fd3).toString().trim();
      resolve({
        code,
        ms,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        probe: probe ? JSON.parse(probe) : undefined,
      });
    });
  });
}

/** `hook-sync sync paths…` against the cluster, into `namespace`, with the result document in `json`. */
export async function hookSync(cluster, probe, paths, { namespace, app, json, extra = [] }) {
  const run = await timed(process.execPath, [
    '--import',
    probe,
    hookSyncCli,
    'sync',
    ...paths,
    '--kubeconfig',
    cluster.kubeconfig,
    '--namespace',
    namespace,
    '--app',
    app,
    '--revision',
    '0123456789abcdef0123456789abcdef01234567',
    '--json',
    json,
    ...extra,
  ]);
  if (run.code !== 0)
    throw new Error(
      `hook-sync sync exited ${run.code}:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`,
    );
  return run;
}

/** `kubectl apply --server-side -f dir` into `namespace`, with a discovery cache of its own (cold, as on CI). */
export async function kubectlApply(cluster, dir, namespace, cacheDir) {
  const run = await timed('kubectl', [
    'apply',
    '--server-side',
    '-f',
    dir,
    '--namespace',
    namespace,
    '--kubeconfig',
    cluster.kubeconfig,
    '--cache-dir',
    cacheDir,
  ]);
  if (run.code !== 0) throw new Error(`kubectl apply exited ${run.code}:\n${run.stderr.slice(-2000)}`);
  return run;
}
