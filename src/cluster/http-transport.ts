/**
 * One request/response exchange on the connection pool the kubeconfig's dispatcher keeps
 * (`connection-reuse.ts`), through undici's Dispatcher API rather than its WHATWG `fetch`. fetch builds
 * Request and Response objects, web streams and abort signals for every call: a third of a millisecond of
 * CPU per request, on the same two cores as everything else, which made the client, not the API server,
 * the bottleneck of a sync of thousands of objects. Failures keep fetch's shape (a TypeError "fetch
 * failed" whose cause is the socket's error), so the retry policy and the messages read them as before.
 */
import type * as k8s from '@kubernetes/client-node';

export interface Exchange {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
}

/** Where a request goes: the server's origin, and the path with its query (a base path included). */
export interface Target {
  origin: string;
  path: string;
}

/** What undici hands a dispatch handler to steer its request. */
export interface DispatchController {
  abort(reason: Error): void;
}

/** A dispatch handler, in undici's current (v7+) handler API. */
export interface DispatchHandler {
  onRequestStart(controller: DispatchController): void;
  onResponseStart(
    controller: DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void;
  onResponseData(controller: DispatchController, chunk: Buffer): void;
  onResponseEnd(controller: DispatchController): void;
  onResponseError(controller: DispatchController, err: Error): void;
}

/** The part of undici's Dispatcher this uses (the kubeconfig's Agent or ProxyAgent). */
export interface Dispatcher {
  dispatch(
    options: { origin: string; path: string; method: string; headers: Record<string, string>; body?: string },
    handler: DispatchHandler,
  ): boolean;
}

export function isDispatcher(d: unknown): d is Dispatcher {
  return typeof (d as { dispatch?: unknown } | undefined)?.dispatch === 'function';
}

/**
 * The exchange with `target` over the context's dispatcher, or through `fallback` (fetch) when it has
 * none. The context carries the credentials (headers, the dispatcher); the target is given apart, already
 * a string, because building and parsing URLs three times a request was a twentieth of the client's CPU.
 * A handler of its own, not undici's `request()`: that one wraps every answer in a Readable stream and an
 * async resource, which a JSON answer read whole has no use for (a tenth of the client's CPU per request).
 */
export async function exchange(
  ctx: k8s.RequestContext,
  target: Target,
  fallback: k8s.IsomorphicFetchHttpLibrary,
): Promise<Exchange> {
  const dispatcher = ctx.getDispatcher();
  if (!isDispatcher(dispatcher)) {
    ctx.setUrl(target.origin + target.path);
    const response = await fallback.send(ctx).toPromise();
    return { status: response.httpStatusCode, headers: response.headers, text: await response.body.text() };
  }
  const signal = ctx.getSignal();
  const body = ctx.getBody();
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  return new Promise<Exchange>((resolve, reject) => {
    let status = 0;
    let headers: Record<string, string | undefined> = {};
    const chunks: Buffer[] = [];
    let started: DispatchController | undefined;
    let settled = false;
    const reason = () => (signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    // A cancel or a timeout ends the wait at once, even while the request is still queued or connecting
    // (undici starts a request, and gives its controller, only once a connection can take it); the
    // request itself is stopped as soon as it starts.
    function onAbort() {
      started?.abort(reason());
      settle(() => reject(signal?.reason ?? reason()));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const options = {
      origin: target.origin,
      path: target.path,
      method: ctx.getHttpMethod().toString(),
      headers: ctx.getHeaders(),
      ...(typeof body === 'string' ? { body } : {}),
    };
    const handler: DispatchHandler = {
      onRequestStart(controller) {
        started = controller;
        if (signal?.aborted) controller.abort(reason());
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        status = statusCode;
        headers = {}; // an informational answer (103) before the final one: its headers are not the answer's
        for (const [name, value] of Object.entries(responseHeaders))
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        const text =
          chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
        settle(() => resolve({ status, headers, text }));
      },
      onResponseError(_controller, err) {
        settle(() =>
          reject(signal?.aborted ? (signal.reason ?? err) : new TypeError('fetch failed', { cause: err })),
        );
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (err) {
      settle(() => reject(new TypeError('fetch failed', { cause: err })));
    }
  });
}
