/**
 * Where to look once a sync succeeded: the addresses of the app's Ingresses (each rule's host; https when
 * a TLS entry covers it) and of its LoadBalancer Services (the address the cloud published, per port).
 * Read fresh from the cluster after the sync (a LoadBalancer's address is only in its status), judged by
 * pure functions of the objects.
 */
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import type { Plan } from '../plan/sync-task.js';

export interface AppUrl {
  url: string;
  /** The object it comes from, e.g. `Ingress shop/web`. */
  source: string;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);

function sourceOf(obj: Json): string {
  const meta = rec(obj.metadata);
  return `${String(obj.kind)} ${meta.namespace ? `${String(meta.namespace)}/` : ''}${String(meta.name)}`;
}

function tlsCovers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  // A wildcard certificate covers exactly one more label.
  return (
    pattern.startsWith('*.') &&
    host.endsWith(pattern.slice(1)) &&
    !host.slice(0, -pattern.length + 1).includes('.')
  );
}

/** A path worth putting in a link: a plain prefix, not "/" and not a regular expression. */
function linkPath(rule: Rec): string {
  const first = list(rec(rule.http).paths)[0];
  const p = typeof first?.path === 'string' ? first.path : '';
  return p && p !== '/' && /^\/[\w\-./~%]*$/.test(p) ? p.replace(/\/+$/, '') : '';
}

function publishedAddresses(obj: Json): string[] {
  return list(rec(rec(obj.status).loadBalancer).ingress)
    .map((i) => (typeof i.hostname === 'string' && i.hostname) || (typeof i.ip === 'string' && i.ip) || '')
    .filter(Boolean)
    .map((a) => (a.includes(':') && !a.startsWith('[') ? `[${a}]` : a));
}

export function ingressUrls(obj: Json): AppUrl[] {
  const spec = rec(obj.spec);
  const tls = list(spec.tls);
  const tlsHosts = tls.flatMap((t) => (Array.isArray(t.hosts) ? t.hosts.map(String) : []));
  const tlsForAll = tls.some((t) => !Array.isArray(t.hosts) || t.hosts.length === 0);
  const source = sourceOf(obj);
  const urls: AppUrl[] = [];
  for (const rule of list(spec.rules)) {
    const host = typeof rule.host === 'string' ? rule.host : '';
    if (host.includes('*')) continue; // no one address to link to
    const secure = tlsForAll || (host !== '' && tlsHosts.some((p) => tlsCovers(p, host)));
    const scheme = secure ? 'https' : 'http';
    const hosts = host ? [host] : publishedAddresses(obj);
    for (const h of hosts) urls.push({ url: `${scheme}://${h}${linkPath(rule)}`, source });
  }
  if (list(spec.rules).length === 0 && spec.defaultBackend)
    for (const h of publishedAddresses(obj))
      urls.push({ url: `${tlsForAll ? 'https' : 'http'}://${h}`, source });
  return urls;
}

export function loadBalancerUrls(obj: Json): AppUrl[] {
  const spec = rec(obj.spec);
  if (spec.type !== 'LoadBalancer') return [];
  const source = sourceOf(obj);
  const urls: AppUrl[] = [];
  for (const address of publishedAddresses(obj))
    for (const port of list(spec.ports)) {
      if (port.protocol !== undefined && port.protocol !== 'TCP') continue;
      const n = Number(port.port);
      const named = `${String(port.name ?? '')} ${String(port.appProtocol ?? '')}`.toLowerCase();
      // Only ports a browser opens: a database or a queue behind a load balancer is no preview address.
      if (![80, 443, 8080, 8443].includes(n) && !/http|https|tls|web/.test(named)) continue;
      const secure = n === 443 || n === 8443 || /https|tls/.test(named);
      const standard = (secure && n === 443) || (!secure && n === 80);
      urls.push({ url: `${secure ? 'https' : 'http'}://${address}${standard ? '' : `:${n}`}`, source });
    }
  return urls;
}

/** Every address of these objects, each once: Ingresses' first (the address people open), then Services'. */
export function appUrls(objects: readonly Json[]): AppUrl[] {
  const seen = new Set<string>();
  return [
    ...objects.filter((o) => o.kind === 'Ingress').flatMap(ingressUrls),
    ...objects.filter((o) => o.kind === 'Service').flatMap(loadBalancerUrls),
  ].filter((u) => !seen.has(u.url) && !!seen.add(u.url));
}

/** The plan's Ingresses and Services as they are now; an object that cannot be read gives no address. */
export async function readAppUrls(client: ClusterClient, plan: Plan): Promise<AppUrl[]> {
  const candidates = plan.tasks.filter(
    (t) =>
      !t.hook &&
      ((t.kind === 'Ingress' && (t.group === 'networking.k8s.io' || t.group === 'extensions')) ||
        (t.kind === 'Service' && t.group === '')),
  );
  const live = await Promise.all(
    candidates.map((t) =>
      client
        .get({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace || undefined, name: t.name })
        .catch(() => undefined),
    ),
  );
  return appUrls(live.filter((o): o is Json => !!o));
}
