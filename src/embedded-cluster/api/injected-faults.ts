/** How the HTTP server carries out a fault the Faults rolled for a request, as a real server would show it. */
import type http from 'node:http';
import type { Fault, Faults } from '../faults.js';
import { ApiError } from './status-errors.js';

export function isWrite(method: string | undefined): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

function faultError(fault: '429' | '500' | '503', retryAfterSeconds: number): ApiError {
  if (fault === '429')
    return new ApiError(
      429,
      'TooManyRequests',
      'the server has received too many requests and has asked us to try again later',
      { retryAfterSeconds: Math.floor(retryAfterSeconds) },
    );
  if (fault === '503')
    return new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
  return new ApiError(
    500,
    'InternalError',
    'an error on the server ("injected fault") has prevented the request from succeeding',
  );
}

/**
 * What the request gets instead of being served: an error to send, or its connection destroyed
 * (`'reset'`, status 0). Undefined: it is served (a lost response is served, then made to vanish by
 * `loseResponse`).
 */
export function faultAnswer(fault: Fault, faults: Faults): ApiError | 'reset' | undefined {
  if (fault === 'reset') return 'reset';
  if (fault === '429' || fault === '500' || fault === '503')
    return faultError(fault, faults.settings.retryAfterSeconds);
  return undefined;
}

/**
 * The request is done as usual, but its answer never arrives: the connection is destroyed instead of the
 * response being sent, as when a proxy or the network drops it on the way back.
 */
export function loseResponse(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead = (() => res) as unknown as typeof res.writeHead;
  res.write = (() => true) as unknown as typeof res.write;
  res.end = (() => {
    req.socket.destroy();
    return res;
  }) as unknown as typeof res.end;
}
