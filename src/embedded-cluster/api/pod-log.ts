/**
 * `GET …/pods/NAME/log`: a container's log, as the kubelet serves it through the API server. Options:
 * `container`, `previous`, `follow`, `timestamps` (each line prefixed with its RFC 3339 time, nanosecond
 * precision), `sinceTime` (lines at or after it), `sinceSeconds`, `tailLines`, `limitBytes`. A follow
 * stream ends when the container does, or when the `logCutMs` fault cuts it short.
 */
import type http from 'node:http';
import type { Faults } from '../faults.js';
import type { LogLine, PodLogs } from './http-server.js';
import { invalid, type StatusCause } from './status-errors.js';

/** RFC 3339 (any fraction, `Z` or an offset) as nanoseconds since the epoch; undefined if it is not one. */
export function timeNanos(text: string): bigint | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]!.toUpperCase()}`);
  return Number.isNaN(ms) ? undefined : BigInt(ms) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

interface Query {
  previous: boolean;
  follow: boolean;
  timestamps: boolean;
  since?: bigint;
  tailLines?: number;
  limitBytes?: number;
}

/** PodLogOptions validated as the API server does (422 naming each bad field). */
function parseQuery(q: URLSearchParams, pod: string): Query {
  const causes: StatusCause[] = [];
  const bad = (field: string, message: string) =>
    causes.push({ reason: 'FieldValueInvalid', field, message });
  const sinceSeconds = q.get('sinceSeconds');
  const sinceTime = q.get('sinceTime');
  let since: bigint | undefined;
  if (sinceSeconds !== null && sinceTime !== null)
    causes.push({
      reason: 'FieldValueForbidden',
      field: 'sinceSeconds',
      message: 'Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified',
    });
  else if (sinceSeconds !== null) {
    const n = Number(sinceSeconds);
    if (!Number.isInteger(n) || n < 1)
      bad('sinceSeconds', `Invalid value: "${sinceSeconds}": must be greater than 0`);
    else since = BigInt(Date.now() - n * 1000) * 1_000_000n;
  } else if (sinceTime !== null) {
    since = timeNanos(sinceTime);
    if (since === undefined)
      bad('sinceTime', `Invalid value: "${sinceTime}": must be an RFC 3339 time, e.g. 2024-05-01T10:00:00Z`);
  }
  const number = (name: string, min: number): number | undefined => {
    const v = q.get(name);
    if (v === null) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      bad(name, `Invalid value: "${v}": must be greater than${min === 0 ? ' or equal to' : ''} 0`);
    return n;
  };
  const tailLines = number('tailLines', 0);
  const limitBytes = number('limitBytes', 1);
  if (causes.length) throw invalid('PodLogOptions', '', pod, causes);
  return {
    previous: q.get('previous') === 'true',
    follow: q.get('follow') === 'true',
    timestamps: q.get('timestamps') === 'true',
    since,
    tailLines,
    limitBytes,
  };
}

export interface PodLogContext {
  logs: PodLogs;
  faults: Faults;
  /** Open streams, ended when the server closes. */
  streams: Set<http.ServerResponse>;
}

export function servePodLog(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  ctx: PodLogContext,
  namespace: string,
  pod: string,
): number {
  const q = url.searchParams;
  const query = parseQuery(q, pod);
  const { lines, running, container } = ctx.logs.read(
    namespace,
    pod,
    q.get('container') ?? undefined,
    query.previous,
  );
  const format = (l: LogLine) => (query.timestamps ? `${l.time} ${l.text}\n` : `${l.text}\n`);
  const since = query.since;
  let selected = since === undefined ? lines : lines.filter((l) => (timeNanos(l.time) ?? 0n) >= since);
  if (query.tailLines !== undefined) selected = query.tailLines === 0 ? [] : selected.slice(-query.tailLines);
  let text = selected.map(format).join('');
  if (query.limitBytes) text = Buffer.from(text).subarray(0, query.limitBytes).toString('utf8');
  const follow = query.follow && running && !query.previous;
  if (!follow) {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
    return 200;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  if (text) res.write(text);
  ctx.streams.add(res);
  let cut: NodeJS.Timeout | undefined;
  let stopFollow = () => {};
  const end = () => {
    clearTimeout(cut);
    stopFollow();
    ctx.streams.delete(res);
    if (!res.writableEnded) res.end();
  };
  stopFollow = ctx.logs.follow(namespace, pod, container, (line) => res.write(format(line)), end);
  const { logCutMs } = ctx.faults.settings;
  // Ended as an API server ends a log stream whose connection to the kubelet broke: cleanly, mid-log.
  if (logCutMs > 0)
    cut = setTimeout(() => {
      if (res.writableEnded) return;
      ctx.faults.count('log-cut');
      end();
    }, logCutMs);
  req.on('close', end);
  return 200;
}
