/**
 * Which failures are worth another try, and which requests may be tried again after them. A request is
 * repeated only when repeating it cannot do what one try would not have done: reads, server-side apply,
 * merge patches, deletes, updates (a resourceVersion makes a repeat after a lost success answer 409, which
 * callers already handle by reading again), dry runs. Anything else is repeated only when the server
 * certainly did not act: it throttled us (429), said when to come back (Retry-After), or the connection
 * was never made.
 */
import { KubeApiError, KubeConnectionError } from './api-error.js';

export interface TransientFailure {
  /** For the debug log: `429 TooManyRequests`, `connection reset (UND_ERR_SOCKET)`. */
  reason: string;
  /** The server did not act on the request, so even a create may be sent again. */
  notActedOn: boolean;
  /** The server's Retry-After, unparsed. */
  retryAfter?: string;
}

const RETRIED_STATUS = new Set([429, 500, 502, 503, 504]);
/** The connection was never made: nothing reached the server. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH']);
/** The connection broke: the request may or may not have been acted on. */
const BROKEN = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** The error codes along an error's `cause` chain (undici wraps the socket's error in a TypeError). */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (
    let e = err as { code?: unknown; cause?: unknown; name?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === 'string') codes.push(e.code);
    if (e.name === 'TimeoutError') codes.push('TimeoutError');
    if (e instanceof AggregateError)
      for (const inner of e.errors as { code?: unknown }[])
        if (typeof inner?.code === 'string') codes.push(inner.code);
    e = e.cause as typeof e;
  }
  return codes;
}

function messages(err: unknown): string {
  const parts: string[] = [];
  for (
    let e = err as { message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.message === 'string') parts.push(e.message);
    e = e.cause as typeof e;
  }
  return parts.join(': ');
}

/**
 * A 500 that says what is wrong with the request itself: server-side apply's schema check of a typed
 * patch ("failed to create typed patch object", a field the kind does not have or of the wrong type).
 * The same body gets the same answer: retrying only delays the refusal.
 */
function deterministic(err: KubeApiError): boolean {
  return err.code === 500 && /failed to create typed patch object/.test(err.message);
}

/** Undefined when trying again would not help (a 4xx, a bad certificate, an unknown host). */
export function transientFailure(err: unknown): TransientFailure | undefined {
  if (err instanceof KubeApiError) {
    if (!RETRIED_STATUS.has(err.code) || deterministic(err)) return undefined;
    return {
      reason: `${err.code} ${err.reason}`,
      notActedOn: err.code === 429 || err.retryAfter !== undefined,
      retryAfter: err.retryAfter,
    };
  }
  const source = err instanceof KubeConnectionError ? err.cause : err;
  const codes = errorCodes(source);
  const never = codes.find((c) => NEVER_CONNECTED.has(c));
  if (never) return { reason: `connection not made (${never})`, notActedOn: true };
  const broken = codes.find((c) => BROKEN.has(c) || c === 'TimeoutError');
  if (broken)
    return {
      reason: broken === 'TimeoutError' ? 'no answer in time' : `connection broken (${broken})`,
      notActedOn: false,
    };
  // Node's http module and some proxies say it in words only.
  if (/socket hang up|other side closed|terminated|premature close/i.test(messages(source)))
    return { reason: 'connection broken', notActedOn: false };
  return undefined;
}

/** May this request be sent again after a failure that may have been acted on? */
export function safeToRepeat(
  method: string,
  contentType: string | undefined,
  query: Record<string, unknown> | undefined,
): boolean {
  if (query?.dryRun === 'All') return true; // nothing is written
  switch (method) {
    case 'GET':
    case 'DELETE': // a repeat of a delete that went through answers 404, which deleting callers take as done
    case 'PUT': // an update: conditional (409 on a repeat) or the same whole object written again
      return true;
    case 'PATCH': // apply and merge patches set values; a JSON patch may add to a list twice
      return contentType !== 'application/json-patch+json';
    default:
      return false; // POST: a create that went through would be made twice (see ClusterClient.create)
  }
}
