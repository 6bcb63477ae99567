import type http from 'node:http';
import type { TestCluster } from './embedded.js';
import type { Fault } from '../../src/embedded-cluster/faults.js';

/** Decide a fault per request (method + path + query), instead of at random. */
export function faultPerRequest(
  t: TestCluster,
  decide: (method: string, url: string) => Fault | undefined,
): () => void {
  const server = (
    t.cluster as unknown as {
      server: { handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> };
    }
  ).server;
  const original = server.handle;
  let current: { method: string; url: string } = { method: '', url: '' };
  const faults = t.cluster.faults;
  const originalRoll = faults.roll.bind(faults);
  server.handle = function (req, res) {
    current = { method: req.method ?? '', url: req.url ?? '' };
    return original.call(this, req, res);
  };
  faults.roll = (write?: boolean) => {
    const f = decide(current.method, current.url);
    if (f && f !== 'none') {
      faults.injected[f]++;
      return f;
    }
    return originalRoll(write);
  };
  return () => {
    server.handle = original;
    faults.roll = originalRoll;
  };
}

/** Runs `before` ahead of the server's handling of each request (method + path + query): a race, staged. */
export function beforeEachRequest(t: TestCluster, before: (method: string, url: string) => void): () => void {
  const server = (
    t.cluster as unknown as {
      server: { handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> };
    }
  ).server;
  const original = server.handle;
  server.handle = function (req, res) {
    before(req.method ?? '', req.url ?? '');
    return original.call(this, req, res);
  };
  return () => {
    server.handle = original;
  };
}
