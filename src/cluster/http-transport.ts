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

/** The part of undici's Dispatcher this uses (the kubeconfig's Agent or ProxyAgent). */
interface RequestDispatcher {
  request(options: {
    origin: string;
    path: string;
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
  }): Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | undefined>;
    body: { text(): Promise<string> };
  }>;
}

function isRequestDispatcher(d: unknown): d is RequestDispatcher {
  return typeof (d as { request?: unknown } | undefined)?.request === 'function';
}

/** The exchange over the context's dispatcher, or through `fallback` (fetch) when it has none. */
export async function exchange(
  ctx: k8s.RequestContext,
  fallback: k8s.IsomorphicFetchHttpLibrary,
): Promise<Exchange> {
  const dispatcher = ctx.getDispatcher();
  if (!isRequestDispatcher(dispatcher)) {
    const response = await fallback.send(ctx).toPromise();
    return { status: response.httpStatusCode, headers: response.headers, text: await response.body.text() };
  }
  const url = new URL(ctx.getUrl());
  const signal = ctx.getSignal();
  const body = ctx.getBody();
  try {
    const response = await dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: ctx.getHttpMethod().toString(),
      headers: ctx.getHeaders(),
      ...(typeof body === 'string' ? { body } : {}),
      ...(signal ? { signal } : {}),
    });
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers))
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    return { status: response.statusCode, headers, text: await response.body.text() };
  } catch (err) {
    if (signal?.aborted) throw signal.reason ?? err;
    throw new TypeError('fetch failed', { cause: err });
  }
}
