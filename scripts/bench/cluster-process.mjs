// The embedded cluster as a process of its own (`node dist/cli.js cluster …`), and what the benchmarks ask
// of it over HTTP: objects, namespaces made and removed, and the request counter at /metrics.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const cli = path.join(root, 'dist', 'cli.js');

/** Starts `hook-sync cluster` with `flags`; resolves once it listens, with its address and kubeconfig. */
export async function startCluster(dir, name, flags = []) {
  const kubeconfig = path.join(dir, `${name}.kubeconfig`);
  const child = spawn(
    process.execPath,
    [cli, 'cluster', '--port', '0', '--kubeconfig', kubeconfig, ...flags],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => String(c).includes('listening on') && resolve());
    child.on('exit', (code) => reject(new Error(`the cluster exited (${code}) before it listened`)));
  });
  const base = /server: (\S+)/.exec(readFileSync(kubeconfig, 'utf8'))[1];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  return {
    base,
    kubeconfig,
    agent,
    stop() {
      agent.destroy();
      child.kill('SIGTERM');
      return new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** One JSON request; rejects on an answer of 400 or more. */
export function request(cluster, method, urlPath, body, contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      cluster.base + urlPath,
      {
        method,
        agent: cluster.agent,
        headers: data ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(data) } : {},
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode >= 400) {
            const err = new Error(`${method} ${urlPath}: ${res.statusCode} ${text}`);
            err.status = res.statusCode;
            reject(err);
          } else resolve(text && text.startsWith('{') ? JSON.parse(text) : text);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Requests the cluster has served so far (its /metrics: apiserver_request_total summed). */
export async function requestsServed(cluster) {
  const text = await request(cluster, 'GET', '/metrics');
  let total = 0;
  for (const line of text.split('\n')) {
    const m = /^apiserver_request_total\{.*\} (\d+)$/.exec(line);
    if (m) total += Number(m[1]);
  }
  return total;
}

export function createNamespace(cluster, name) {
  return request(cluster, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });
}

/** Deletes a namespace and waits until the namespace controller has removed it and its contents. */
export async function deleteNamespace(cluster, name) {
  await request(cluster, 'DELETE', `/api/v1/namespaces/${name}`).catch((err) => {
    if (err.status !== 404) throw err;
  });
  for (;;) {
    try {
      await request(cluster, 'GET', `/api/v1/namespaces/${name}`);
    } catch (err) {
      if (err.status === 404) return;
      throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
