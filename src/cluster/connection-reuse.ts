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
 * Are two sets of dispatcher options the same (certificates and keys compared byte for byte)? Asked for
 * every request, so it compares in place rather than spelling both out as strings.
 */
export function sameOptions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array)
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameOptions(item, b[i]))
    );
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // A key whose value is undefined is the same as no key (client-node sets some only when configured).
  for (const k in x) if (!sameOptions(x[k], y[k])) return false;
  for (const k in y) if (!(k in x) && y[k] !== undefined) return false;
  return true;
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
  const pools: { options: unknown; pool: unknown }[] = [];
  target.createDispatcher = (cluster, agentOptions) => {
    const options = kc.createDispatcherOptions(cluster, agentOptions as never);
    let found = pools.find((p) => sameOptions(p.options, options));
    if (!found) {
      // No TLS settings at all: client-node leaves the request to undici's global dispatcher. A pool of
      // our own instead, verifying certificates as Node does by default, so every request has one.
      const pool =
        original.call(kc, cluster, agentOptions) ??
        original.call(kc, cluster, {
          ...agentOptions,
          rejectUnauthorized: process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0',
        });
      found = { options, pool };
      pools.push(found);
    }
    return found.pool;
  };
}
