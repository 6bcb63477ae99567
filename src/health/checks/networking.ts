/**
 * Services of type LoadBalancer and Ingresses are ready once their load balancer is published. As in
 * Argo CD, any entry in `status.loadBalancer.ingress` counts, even one with neither ip nor hostname
 * (`- {}`): some controllers publish exactly that once the balancer exists.
 */
import { healthy, progressing, type Health } from '../health.js';
import { list, str, type Json } from '../object-fields.js';

function published(obj: unknown): { entries: number; addresses: string[] } {
  const entries = list(obj, 'status.loadBalancer.ingress');
  const addresses = entries.map((i: Json) => String(i.ip ?? i.hostname ?? '')).filter(Boolean);
  return { entries: entries.length, addresses };
}

export function serviceHealth(obj: unknown): Health {
  if (str(obj, 'spec.type') !== 'LoadBalancer') return healthy();
  const { entries, addresses } = published(obj);
  if (entries === 0) return progressing('Waiting for the load balancer to assign an external address');
  if (addresses.length === 0) return healthy('load balancer published (without an ip or hostname)');
  return healthy(`load balancer at ${addresses.join(', ')}`);
}

export function ingressHealth(obj: unknown): Health {
  const { entries, addresses } = published(obj);
  if (entries === 0) return progressing('Waiting for the ingress controller to publish an address');
  if (addresses.length === 0) return healthy('load balancer published (without an ip or hostname)');
  return healthy(`address ${addresses.join(', ')}`);
}
