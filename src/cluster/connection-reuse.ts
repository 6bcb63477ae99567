/**
 * One connection pool per cluster and credential, instead of one per request. @kubernetes/client-node
 * builds a new undici Agent for every request whose kubeconfig carries TLS settings (a CA, a client
 * certificate, insecure-skip-tls-verify: nearly every kubeconfig), so each request opened a new TCP
 * connection — and a new TLS handshake — and left it open. Here the dispatcher is built once per distinct
 * set of options and reused, so requests share kept-alive connections. A credential that changes (an exec
 * plugin handing out a new client certificate) has other options, so it gets a pool of its own.
 */
import type * as k8s from '@kubernetes/client-node';

type CreateDispatcher = (cluster: k8s.Cluster | null, agentOptions: object) => unknown;

/**
 * The options as a string, certificates and keys included (their bytes in base64): the pool's key. Made
 * for every request, so kept cheap (JSON.stringify would spell a Buffer out as an array of numbers).
 */
function keyOf(value: unknown): string {
  if (value instanceof Uint8Array) return `b:${Buffer.from(value).toString('base64')}`;
  if (Array.isArray(value)) return `[${value.map(keyOf).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${keyOf((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

const patched = new WeakSet<k8s.KubeConfig>();

/** From now on, requests made through `kc` reuse connections. Idempotent. */
export function reuseConnections(kc: k8s.KubeConfig): void {
  if (patched.has(kc)) return;
  const target = kc as unknown as { createDispatcher?: CreateDispatcher };
  const original = target.createDispatcher;
  // A client-node without this method builds its dispatchers some other way: leave it alone.
  if (typeof original !== 'function' || typeof kc.createDispatcherOptions !== 'function') return;
  patched.add(kc);
  const pools = new Map<string, unknown>();
  target.createDispatcher = (cluster, agentOptions) => {
    const key = keyOf(kc.createDispatcherOptions(cluster, agentOptions as never));
    if (!pools.has(key)) {
      // No TLS settings at all: client-node leaves the request to undici's global dispatcher. A pool of
      // our own instead, verifying certificates as Node does by default, so every request has one.
      const pool =
        original.call(kc, cluster, agentOptions) ??
        original.call(kc, cluster, {
          ...agentOptions,
          rejectUnauthorized: process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0',
        });
      pools.set(key, pool);
    }
    return pools.get(key);
  };
}
