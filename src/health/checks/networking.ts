/** Services of type LoadBalancer and Ingresses are ready once an address is published. */
import { healthy, progressing, type Health } from '../health.js';
import { list, str, type Json } from '../object-fields.js';

function addresses(obj: unknown): string[] {
  return list(obj, 'status.loadBalancer.ingress')
    .map((i: Json) => String(i.ip ?? i.hostname ?? ''))
    .filter(Boolean);
}

export function serviceHealth(obj: unknown): Health {
  if (str(obj, 'spec.type') !== 'LoadBalancer') return healthy();
  const ips = addresses(obj);
  if (ips.length === 0) return progressing('Waiting for the load balancer to assign an external address');
  return healthy(`load balancer at ${ips.join(', ')}`);
}

export function ingressHealth(obj: unknown): Health {
  const ips = addresses(obj);
  if (ips.length === 0) return progressing('Waiting for the ingress controller to publish an address');
  return healthy(`address ${ips.join(', ')}`);
}
