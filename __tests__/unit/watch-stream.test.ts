// A watch read off the connection pool: events split across chunks anywhere (in a line, in a character)
// come whole; a line that is not JSON ends the stream with an error (the watcher resumes and the event
// comes again) instead of being dropped; a refusal keeps its status; a stream stopped by its caller or
// silent for too long is stopped at the server too.
import { describe, expect, it } from '@jest/globals';
import { openWatchStream, WatchRefused, type WatchEvent } from '../../src/cluster/watch-stream.js';
import type { DispatchController, DispatchHandler } from '../../src/cluster/http-transport.js';

function opened(idleTimeoutMs = 60_000) {
  const events: WatchEvent[] = [];
  let handler: DispatchHandler | undefined;
  let asked: { path: string; headers: Record<string, string> } | undefined;
  const controller: DispatchController & { aborted?: Error } = {
    abort: (reason) => (controller.aborted = reason),
  };
  let ended: (err: Error | null) => void = () => {};
  const done = new Promise<Error | null>((resolve) => (ended = resolve));
  const doneCalls: (Error | null)[] = [];
  const stop = openWatchStream({
    dispatcher: {
      dispatch(options, h) {
        asked = options;
        handler = h;
        return true;
      },
    },
    target: { origin: 'http://127.0.0.1:1', path: '/api/v1/configmaps?watch=true' },
    headers: { Authorization: 'Bearer t' },
    onEvent: (e) => events.push(e),
    onDone: (err) => {
      doneCalls.push(err);
      ended(err);
    },
    idleTimeoutMs,
  });
  return { events, handler: () => handler!, asked: () => asked, controller, done, doneCalls, stop };
}

const line = (type: string, name: string) =>
  `${JSON.stringify({ type, object: { metadata: { name, resourceVersion: '7' } } })}\n`;

describe('a watch stream', () => {
  it('hands over each event whole, however the bytes were cut, and ends cleanly with the stream', async () => {
    const w = opened();
    expect(w.asked()).toMatchObject({
      path: '/api/v1/configmaps?watch=true',
      headers: { Authorization: 'Bearer t' },
    });
    const h = w.handler();
    h.onRequestStart(w.controller);
    h.onResponseStart(w.controller, 200, {});
    const bytes = Buffer.from(
      line('ADDED', 'café-☕') + line('MODIFIED', 'b') + line('DELETED', 'c').trimEnd(),
    );
    // Cut inside the first line's multi-byte characters, and between every few bytes after.
    const cuts = [0, 20, 21, bytes.indexOf(Buffer.from('☕')) + 1, 90, 130, bytes.length];
    for (let i = 1; i < cuts.length; i++)
      h.onResponseData(w.controller, bytes.subarray(cuts[i - 1], cuts[i]));
    h.onResponseEnd(w.controller);
    expect(await w.done).toBeNull();
    expect(w.events.map((e) => [e.type, e.object.metadata])).toEqual([
      ['ADDED', { name: 'café-☕', resourceVersion: '7' }],
      ['MODIFIED', { name: 'b', resourceVersion: '7' }],
      ['DELETED', { name: 'c', resourceVersion: '7' }],
    ]);
    expect(w.controller.aborted).toBeUndefined();
  });

  it('ends with an error at a line that is not JSON, and takes nothing after it', async () => {
    const w = opened();
    const h = w.handler();
    h.onRequestStart(w.controller);
    h.onResponseStart(w.controller, 200, {});
    h.onResponseData(
      w.controller,
      Buffer.from(`${line('ADDED', 'a')}{"type":"ADDED","obj\n${line('ADDED', 'b')}`),
    );
    const err = await w.done;
    expect(err?.message).toMatch(/not JSON/);
    expect(w.events.map((e) => e.object.metadata)).toEqual([{ name: 'a', resourceVersion: '7' }]);
    expect(w.controller.aborted).toBe(err);
    h.onResponseError(w.controller, new Error('aborted'));
    expect(w.doneCalls).toHaveLength(1);
  });

  it('keeps the status of a refusal (410 Gone: the watcher lists again)', async () => {
    const w = opened();
    const h = w.handler();
    h.onRequestStart(w.controller);
    h.onResponseStart(w.controller, 410, {});
    h.onResponseData(w.controller, Buffer.from('{"kind":"Status","code":410,"reason":"Expired"}'));
    h.onResponseEnd(w.controller);
    const err = await w.done;
    expect(err).toBeInstanceOf(WatchRefused);
    expect(err).toMatchObject({ statusCode: 410, message: expect.stringMatching(/HTTP 410.*Expired/) });
    expect(w.events).toEqual([]);
  });

  it('passes a broken connection on as the reason it ended', async () => {
    const w = opened();
    const h = w.handler();
    h.onRequestStart(w.controller);
    h.onResponseStart(w.controller, 200, {});
    h.onResponseData(w.controller, Buffer.from(line('ADDED', 'a')));
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    h.onResponseError(w.controller, reset);
    expect(await w.done).toBe(reset);
    expect(w.events).toHaveLength(1);
  });

  it('stopped by its caller, stops the request (even one not started yet) and reports nothing', () => {
    const w = opened();
    w.stop.abort();
    const h = w.handler();
    h.onRequestStart(w.controller);
    expect(w.controller.aborted?.name).toBe('AbortError');
    h.onResponseError(w.controller, w.controller.aborted!);
    expect(w.doneCalls).toEqual([]);
  });

  it('silent for too long, is given up: the request is stopped and the watcher told', async () => {
    const w = opened(5);
    const h = w.handler();
    h.onRequestStart(w.controller);
    h.onResponseStart(w.controller, 200, {});
    const err = await w.done;
    expect(err?.name).toBe('TimeoutError');
    expect(w.controller.aborted).toBe(err);
  });
});

describe('a watch stream that meets the unexpected', () => {
  it('ends at a JSON line that is not an event, and at a listener that throws, with the reason', async () => {
    const w = opened();
    const h = w.handler();
    h.onRequestStart(w.controller);
    h.onResponseStart(w.controller, 200, {});
    h.onResponseData(w.controller, Buffer.from('null\n'));
    expect((await w.done)?.message).toMatch(/not an event/);

    const failing = new Error('the listener broke');
    let ended: (e: Error | null) => void = () => {};
    const done = new Promise<Error | null>((r) => (ended = r));
    const controller: DispatchController & { aborted?: Error } = { abort: (e) => (controller.aborted = e) };
    let handler: DispatchHandler | undefined;
    openWatchStream({
      dispatcher: { dispatch: (_o, hh) => ((handler = hh), true) },
      target: { origin: 'http://127.0.0.1:1', path: '/w' },
      headers: {},
      onEvent: () => {
        throw failing;
      },
      onDone: (e) => ended(e),
      idleTimeoutMs: 60_000,
    });
    handler!.onRequestStart(controller);
    handler!.onResponseStart(controller, 200, {});
    handler!.onResponseData(controller, Buffer.from(line('ADDED', 'a')));
    expect(await done).toBe(failing);
    expect(controller.aborted).toBe(failing);
  });
});
