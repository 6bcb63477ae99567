// The exchange over undici's dispatch(): a cancel or timeout ends the wait at once, even while the request
// is queued or connecting (undici hands the handler its controller only when a connection takes the
// request), and stops the request as soon as it starts.
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { exchange } from '../../src/cluster/http-transport.js';

interface Controller {
  abort(reason: Error): void;
  aborted?: Error;
}
type Handler = {
  onRequestStart(c: Controller): void;
  onResponseStart(c: Controller, status: number, headers: Record<string, string>): void;
  onResponseData(c: Controller, chunk: Buffer): void;
  onResponseEnd(c: Controller): void;
  onResponseError(c: Controller, err: Error): void;
};

/** A dispatcher that holds the request, as undici does while no connection is free. */
function heldDispatcher() {
  const held: { handler?: Handler; options?: { path: string; method: string } } = {};
  return {
    held,
    dispatcher: {
      dispatch(options: { path: string; method: string }, handler: Handler) {
        held.options = options;
        held.handler = handler;
        return true;
      },
    },
  };
}

function contextWith(dispatcher: unknown, signal?: AbortSignal): k8s.RequestContext {
  const ctx = new k8s.RequestContext('http://127.0.0.1:1', k8s.HttpMethod.GET);
  ctx.setDispatcher(dispatcher as never);
  if (signal) ctx.setSignal(signal);
  return ctx;
}

const noFetch = {} as k8s.IsomorphicFetchHttpLibrary;
const target = { origin: 'http://127.0.0.1:1', path: '/api/v1/namespaces?limit=1' };

describe('exchange over a dispatcher', () => {
  it('answers with the status, the headers and the whole body, however it came in chunks', async () => {
    const { held, dispatcher } = heldDispatcher();
    const answer = exchange(contextWith(dispatcher), target, noFetch);
    const c: Controller = { abort: () => {} };
    held.handler!.onRequestStart(c);
    held.handler!.onResponseStart(c, 103, { link: '</x>' });
    held.handler!.onResponseStart(c, 429, { 'Retry-After': '2' });
    held.handler!.onResponseData(c, Buffer.from('{"kind":'));
    held.handler!.onResponseData(c, Buffer.from('"Status"}'));
    held.handler!.onResponseEnd(c);
    await expect(answer).resolves.toEqual({
      status: 429,
      headers: { 'retry-after': '2' },
      text: '{"kind":"Status"}',
    });
    expect(held.options).toMatchObject({ path: '/api/v1/namespaces?limit=1', method: 'GET' });
  });

  it('stops waiting when cancelled before the request started, and stops the request when it starts', async () => {
    const { held, dispatcher } = heldDispatcher();
    const cancel = new AbortController();
    const answer = exchange(contextWith(dispatcher, cancel.signal), target, noFetch);
    const why = new Error('the sync was cancelled');
    cancel.abort(why);
    await expect(answer).rejects.toBe(why);
    const c: Controller = { abort: (reason) => (c.aborted = reason) };
    held.handler!.onRequestStart(c);
    expect(c.aborted).toBe(why);
  });

  it('stops a request under way when cancelled, and a failure after that changes nothing', async () => {
    const { held, dispatcher } = heldDispatcher();
    const cancel = new AbortController();
    const answer = exchange(contextWith(dispatcher, cancel.signal), target, noFetch);
    const c: Controller = { abort: (reason) => (c.aborted = reason) };
    held.handler!.onRequestStart(c);
    const why = new Error('timed out');
    cancel.abort(why);
    expect(c.aborted).toBe(why);
    held.handler!.onResponseError(c, new Error('aborted by the controller'));
    await expect(answer).rejects.toBe(why);
  });

  it('says "fetch failed", with the cause, when the connection fails', async () => {
    const { held, dispatcher } = heldDispatcher();
    const answer = exchange(contextWith(dispatcher), target, noFetch);
    const c: Controller = { abort: () => {} };
    held.handler!.onRequestStart(c);
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    held.handler!.onResponseError(c, reset);
    await expect(answer).rejects.toMatchObject({ message: 'fetch failed', cause: reset });
  });
});
