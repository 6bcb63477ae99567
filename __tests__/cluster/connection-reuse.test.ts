// Requests share kept-alive connections: client-node would open (and leave open) a connection per request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import { sameOptions } from '../../src/cluster/connection-reuse.js';
import { KubeApiError } from '../../src/cluster/api-error.js';
import { loadKubeconfig } from '../../src/cluster/kubeconfig.js';

/**
 * A stand-in API server: answers every GET with a ConfigMap (404 for `missing`), counts connections,
 * keeps the URLs asked for. It also answers under the prefix `/k8s/clusters/c-1` (as a proxy in front of
 * an API server does).
 */
function fakeApiServer() {
  const seen = { connections: 0, requests: 0, urls: [] as string[] };
  const server = http.createServer((req, res) => {
    seen.requests++;
    seen.urls.push(req.url ?? '');
    if (req.url?.startsWith(PREFIX)) req.url = req.url.slice(PREFIX.length);
    const name = decodeURIComponent((req.url ?? '').split('?')[0]!.split('/').pop() ?? '');
    if (req.url?.startsWith('/api/v1') && !req.url.includes('/namespaces/')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'APIResourceList',
          groupVersion: 'v1',
          resources: [{ name: 'configmaps', kind: 'ConfigMap', namespaced: true }],
        }),
      );
      return;
    }
    if (name === 'throttled') {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
      res.end(JSON.stringify({ kind: 'Status', code: 429, reason: 'TooManyRequests', message: 'slow down' }));
      return;
    }
    if (name === 'missing') {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', code: 404, reason: 'NotFound', message: 'not found' }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } }),
    );
  });
  server.on('connection', () => seen.connections++);
  return { server, seen };
}

const PREFIX = '/k8s/clusters/c-1';

function clientFor(port: number, user = '    token: a-token-for-the-test', path = ''): ClusterClient {
  const text = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: 'http://127.0.0.1:${port}${path}', insecure-skip-tls-verify: true}
users:
- name: u
  user:
${user}
contexts:
- name: ctx
  context: {cluster: c, user: u}
current-context: ctx
`;
  return new ClusterClient(loadKubeconfig({ text }).kc);
}

describe('connections', () => {
  const { server, seen } = fakeApiServer();
  let port: number;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('one after another, requests share one connection', async () => {
    const client = clientFor(port);
    const before = { ...seen };
    for (let i = 0; i < 30; i++)
      expect((await client.get(ref(`cm-${i}`)))?.metadata).toMatchObject({ name: `cm-${i}` });
    expect(seen.requests - before.requests).toBe(31); // discovery, then 30 reads
    // A request sent the moment the previous answer is read may find its connection not yet handed
    // back, and open a second one; from then on the two take turns.
    expect(seen.connections - before.connections).toBeLessThanOrEqual(2);
  });

  it('in parallel, connections are kept for the next requests', async () => {
    const client = clientFor(port);
    await client.get(ref('warm-up'));
    const before = { ...seen };
    for (let round = 0; round < 10; round++)
      await Promise.all(Array.from({ length: 8 }, (_, i) => client.get(ref(`p-${round}-${i}`))));
    expect(seen.requests - before.requests).toBe(80);
    // At most twice the requests in flight (see above), however many rounds: not one per request.
    expect(seen.connections - before.connections).toBeLessThanOrEqual(16);
  });

  it('answers keep their status, body, errors and Retry-After', async () => {
    const client = new ClusterClient(clientFor(port).kc, { attempts: 1 });
    expect(await client.get(ref('missing'))).toBeUndefined();
    const { status, body } = await client.request('GET', '/api/v1/namespaces/default/configmaps/x');
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'x' } });
    const refused = await client.get(ref('throttled')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KubeApiError);
    expect(refused).toMatchObject({ code: 429, retryAfter: '7' });
  });

  it('another credential gets connections of its own; the same one reuses them', async () => {
    const a = clientFor(port, '    token: first-token-value');
    const b = clientFor(port, '    token: second-token-value');
    await a.get(ref('a'));
    const before = { ...seen };
    await b.get(ref('b'));
    const afterB = seen.connections;
    for (let i = 0; i < 5; i++) await a.get(ref(`a-${i}`));
    // b is another client (its own kubeconfig and token): connections of its own; a's next requests
    // reuse a's (at most one more, as above).
    expect(afterB - before.connections).toBeGreaterThanOrEqual(1);
    expect(seen.connections - afterB).toBeLessThanOrEqual(1);
  });

  it("sends every request under the server's path, its query encoded", async () => {
    const client = clientFor(port, undefined, `${PREFIX}/`);
    expect((await client.get(ref('under a prefix')))?.metadata).toMatchObject({ name: 'under a prefix' });
    await client.request('GET', '/api/v1/namespaces/default/configmaps', {
      query: { labelSelector: 'app in (a,b),tier!=db', limit: 5, continue: undefined, 'a&b': 'c=d?' },
    });
    const asked = seen.urls.slice(-3);
    expect(asked[0]).toBe(`${PREFIX}/api/v1`);
    expect(asked[1]).toBe(`${PREFIX}/api/v1/namespaces/default/configmaps/under%20a%20prefix`);
    const url = new URL(`http://x${asked[2]}`);
    expect(url.pathname).toBe(`${PREFIX}/api/v1/namespaces/default/configmaps`);
    expect([...url.searchParams]).toEqual([
      ['labelSelector', 'app in (a,b),tier!=db'],
      ['limit', '5'],
      ['a&b', 'c=d?'],
    ]);
  });
});

describe('dispatcher options', () => {
  it('are the same when their certificates have the same bytes, and a key left undefined is no key', () => {
    const a = { type: 'agent', connect: { ca: Buffer.from('CA one'), rejectUnauthorized: undefined } };
    expect(sameOptions(a, { type: 'agent', connect: { ca: Buffer.from('CA one') } })).toBe(true);
    expect(sameOptions(a, { type: 'agent', connect: { ca: Buffer.from('CA two') } })).toBe(false);
    expect(
      sameOptions(a, { type: 'agent', connect: { ca: Buffer.from('CA one'), cert: Buffer.from('x') } }),
    ).toBe(false);
    expect(sameOptions(a, { type: 'agent', connect: { ca: 'CA one' } })).toBe(false);
    expect(sameOptions({ ca: [Buffer.from('a'), Buffer.from('b')] }, { ca: [Buffer.from('a')] })).toBe(false);
    expect(sameOptions({ type: 'none' }, { type: 'none' })).toBe(true);
    expect(sameOptions({ rejectUnauthorized: false }, { rejectUnauthorized: true })).toBe(false);
  });
});

describe('a server that is not there', () => {
  it('is still a connection error naming ECONNREFUSED', async () => {
    const { server } = fakeApiServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = new ClusterClient(clientFor(port).kc, { attempts: 1 });
    await expect(client.get(ref('x'))).rejects.toThrow(/ECONNREFUSED/);
  });
});

function ref(name: string) {
  return { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
}
