// Where to look after a sync: addresses from Ingresses and LoadBalancer Services, judged from the objects.
import { describe, expect, it } from '@jest/globals';
import { appUrls, ingressUrls, loadBalancerUrls } from '../../src/sync/app-urls.js';

const ingress = (spec: object, status: object = {}) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'pr-42' },
  spec,
  status,
});
const service = (spec: object, status: object) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'pr-42' },
  spec,
  status,
});
const published = (...addresses: object[]) => ({ loadBalancer: { ingress: addresses } });

describe('ingress addresses', () => {
  it('https for hosts a TLS entry covers (exactly or by a one-label wildcard), http for the others', () => {
    const urls = ingressUrls(
      ingress({
        tls: [{ hosts: ['pr-42.preview.example.com'] }, { hosts: ['*.apps.example.com'] }],
        rules: [
          { host: 'pr-42.preview.example.com' },
          { host: 'api.apps.example.com' },
          { host: 'deep.api.apps.example.com' },
          { host: 'plain.example.com' },
        ],
      }),
    ).map((u) => u.url);
    expect(urls).toEqual([
      'https://pr-42.preview.example.com',
      'https://api.apps.example.com',
      'http://deep.api.apps.example.com',
      'http://plain.example.com',
    ]);
  });

  it('keeps a plain path prefix, drops "/" and regular expressions, skips wildcard hosts', () => {
    const urls = ingressUrls(
      ingress({
        rules: [
          { host: 'a.example.com', http: { paths: [{ path: '/shop/' }] } },
          { host: 'b.example.com', http: { paths: [{ path: '/' }] } },
          { host: 'c.example.com', http: { paths: [{ path: '/api(/|$)(.*)' }] } },
          { host: '*.example.com' },
        ],
      }),
    ).map((u) => u.url);
    expect(urls).toEqual(['http://a.example.com/shop', 'http://b.example.com', 'http://c.example.com']);
  });

  it('a rule without a host, or only a default backend, is reached at the published address', () => {
    expect(
      ingressUrls(ingress({ rules: [{ http: { paths: [{ path: '/' }] } }] }, published({ ip: '10.0.0.7' }))),
    ).toEqual([{ url: 'http://10.0.0.7', source: 'Ingress pr-42/web' }]);
    expect(
      ingressUrls(
        ingress(
          { defaultBackend: {}, tls: [{ secretName: 'x' }] },
          published({ hostname: 'lb.example.net' }),
        ),
      ).map((u) => u.url),
    ).toEqual(['https://lb.example.net']);
    expect(ingressUrls(ingress({ rules: [{}] }))).toEqual([]);
  });
});

describe('LoadBalancer addresses', () => {
  it('per published address and web port: standard ports bare, others with the port, TLS ports https; no database ports', () => {
    const urls = loadBalancerUrls(
      service(
        {
          type: 'LoadBalancer',
          ports: [
            { name: 'http', port: 80 },
            { name: 'https', port: 443 },
            { name: 'admin-http', port: 9000 },
            { name: 'postgres', port: 5432 },
            { name: 'dns', port: 53, protocol: 'UDP' },
          ],
        },
        published({ ip: '203.0.113.5' }, { hostname: 'lb.example.net' }, { ip: '2001:db8::1' }),
      ),
    ).map((u) => u.url);
    expect(urls).toEqual([
      'http://203.0.113.5',
      'https://203.0.113.5',
      'http://203.0.113.5:9000',
      'http://lb.example.net',
      'https://lb.example.net',
      'http://lb.example.net:9000',
      'http://[2001:db8::1]',
      'https://[2001:db8::1]',
      'http://[2001:db8::1]:9000',
    ]);
  });

  it('nothing before an address is published, and nothing for other Service types', () => {
    expect(loadBalancerUrls(service({ type: 'LoadBalancer', ports: [{ port: 80 }] }, {}))).toEqual([]);
    expect(
      loadBalancerUrls(service({ type: 'ClusterIP', ports: [{ port: 80 }] }, published({ ip: '1.2.3.4' }))),
    ).toEqual([]);
  });

  it('each address once, Ingresses first (the address people open), then Services', () => {
    const a = ingress({ rules: [{ host: 'x.example.com' }] });
    const lb = service({ type: 'LoadBalancer', ports: [{ port: 80 }] }, published({ ip: '1.2.3.4' }));
    expect(appUrls([lb, a, a, { kind: 'ConfigMap' }]).map((u) => u.url)).toEqual([
      'http://x.example.com',
      'http://1.2.3.4',
    ]);
  });
});
