/**
 * The HTTP face of the embedded cluster: Kubernetes' REST paths, JSON everywhere, watches as chunked
 * streams of JSON lines, errors as Status objects. Everything behind it is the ClusterApi.
 */
import type { AccessRules } from '../access-rules.js';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo, Socket } from 'node:net';
import { load as loadYaml } from 'js-yaml';
import type { ClusterApi, DeleteOptions, PropagationPolicy, WriteOptions } from '../cluster-api.js';
import type { Faults } from '../faults.js';
import type { Obj, StoreEvent } from '../object-store.js';
import { apiVersionOf, groupKind, type ResourceType } from '../resource-types.js';
import { parseFieldSelector, parseLabelSelector } from '../selectors.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery.js';
import { openApiDocument, openApiIndex } from './openapi.js';
import {
  ApiError,
  badRequest,
  gone,
  methodNotAllowed,
  notFound,
  pageNotFound,
  requestEntityTooLarge,
} from './status-errors.js';
import { toTable, wantsTable } from './tables.js';
import { ACCESS_REVIEW_GROUP, serveAccessReview } from './access-review.js';
import { hasScaleSubresource, serveScale } from './scale.js';
import { faultAnswer, isWrite, loseResponse } from './injected-faults.js';
import { servePodLog } from './pod-log.js';
import { RequestMetrics } from './request-metrics.js';
import {
  acceptsOnlyProtobuf,
  decodeProtobufBody,
  encodeProtobufBody,
  isProtobuf,
  PROTOBUF_MEDIA_TYPE,
  protobufWatchRefused,
} from '../protobuf/http.js';

export interface PodLogs {
  /** Throws ApiError (400/404) when there is nothing to read, as the kubelet answers. */
  read(
    namespace: string,
    pod: string,
    container: string | undefined,
    previous: boolean,
  ): { lines: LogLine[]; running: boolean; container: string };
  follow(
    namespace: string,
    pod: string,
    container: string,
    onLine: (line: LogLine) => void,
    onEnd: () => void,
  ): () => void;
}

export interface LogLine {
  time: string;
  text: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  userAgent: string;
}

interface Route {
  type?: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  watchPrefix?: boolean;
}

export interface ServerOptions {
  /** Requests answered 403, as RBAC would. */
  access?: AccessRules;
  api: ClusterApi;
  faults: Faults;
  logs: PodLogs;
  /** How often watches with allowWatchBookmarks get a BOOKMARK (real milliseconds). */
  bookmarkIntervalMs?: number;
  /** When set, requests must carry `Authorization: Bearer <token>` (or a client certificate, with clientCA). */
  requireToken?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string; key: string };
  /** With tls: client certificates signed by this CA (PEM) authenticate requests. */
  clientCA?: string;
}

/** Responses to clients that accept only protobuf (kubectl's typed clients accept JSON too). */
const protobufReplies = new WeakSet<http.ServerResponse>();

function sendJson(res: http.ServerResponse, status: number, body: unknown, warnings: string[] = []): void {
  const encoded = protobufReplies.has(res) ? encodeProtobufBody(body) : undefined;
  const text = encoded ?? JSON.stringify(body);
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': encoded ? PROTOBUF_MEDIA_TYPE : 'application/json',
    'Content-Length': Buffer.byteLength(text),
  };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(status, headers);
  res.end(text);
}

function sendError(res: http.ServerResponse, err: ApiError): void {
  const headers: http.OutgoingHttpHeaders = {};
  if (err.details?.retryAfterSeconds) headers['Retry-After'] = String(err.details.retryAfterSeconds);
  const encoded = protobufReplies.has(res) ? encodeProtobufBody(err.toStatus()) : undefined;
  const text = encoded ?? JSON.stringify(err.toStatus());
  res.writeHead(err.code, {
    'Content-Type': encoded ? PROTOBUF_MEDIA_TYPE : 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The API server's limit on a request body (its MaxRequestBodyBytes default, 3 MiB). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/**
 * The whole body. Read through the stream's events, not `for await`: an async iterator per request was a
 * twentieth of the server's CPU in a sync of thousands of objects.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    // Gone already (a client that gave up during the latency fault): no event would come.
    if (req.destroyed && !req.complete)
      return reject(new Error('the client closed the connection before the end of its request'));
    const chunks: Buffer[] = [];
    let size = 0;
    // The rest of an oversized body is read and dropped, so that the client gets the answer, not a reset.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_REQUEST_BODY_BYTES) reject(requestEntityTooLarge(MAX_REQUEST_BODY_BYTES));
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A client gone before the end of its body: no 'end' comes (settling twice changes nothing).
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection before the end of its request'));
    });
  });
}

function parseBody(body: Buffer, contentType: string): unknown {
  if (isProtobuf(contentType)) return decodeProtobufBody(body);
  const media = contentType.split(';')[0]!.trim();
  if (media.includes('protobuf') || media.includes('cbor')) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, ${PROTOBUF_MEDIA_TYPE} (the embedded cluster does not speak ${media}; send JSON)`,
    );
  }
  const text = body.toString('utf8');
  if (!text.trim()) return undefined;
  try {
    // Clients send server-side apply's YAML as JSON (which YAML includes): parsed as such, it costs a
    // tenth of the YAML parser's time, the larger part of the server's work on an apply.
    if (media.includes('yaml')) return looksLikeJson(text) ? parseJsonOrYaml(text) : loadYaml(text);
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the request body could not be decoded: ${(err as Error).message}`);
  }
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

function parseJsonOrYaml(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return loadYaml(text); // YAML flow style is not always JSON: its parser decides, and words the error
  }
}

function stripForList(obj: Obj): Obj {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest as Obj;
}

export class ClusterHttpServer {
  readonly server: http.Server;
  readonly requests: RequestRecord[] = [];
  /** Counts of every request served, by verb and answer (`/metrics`). */
  readonly metrics = new RequestMetrics();
  private readonly openStreams = new Set<http.ServerResponse>();
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: ServerOptions) {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void this.handle(req, res);
    this.server = options.tls
      ? https.createServer(
          {
            cert: options.tls.cert,
            key: options.tls.key,
            ...(options.clientCA
              ? { ca: options.clientCA, requestCert: true, rejectUnauthorized: false }
              : {}),
          },
          handler,
        )
      : http.createServer(handler);
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    return `${this.options.tls ? 'https' : 'http'}://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    for (const res of this.openStreams) res.end();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private get api(): ClusterApi {
    return this.options.api;
  }

  private record(req: http.IncomingMessage, status: number): void {
    this.metrics.count(req.method ?? 'GET', req.url ?? '', status);
    this.requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '',
      status,
      userAgent: String(req.headers['user-agent'] ?? ''),
    });
    if (this.requests.length > 5000) this.requests.splice(0, 1000);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (acceptsOnlyProtobuf(req.headers.accept)) protobufReplies.add(res);
    const isProbe =
      url.pathname === '/version' ||
      url.pathname === '/healthz' ||
      url.pathname === '/readyz' ||
      url.pathname === '/livez';
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      res.end(this.metrics.render());
      return;
    }
    try {
      if (!isProbe) {
        const { latencyMs } = this.options.faults.settings;
        if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
        const fault = this.options.faults.roll(isWrite(req.method));
        const answer = faultAnswer(fault, this.options.faults);
        if (answer === 'reset') {
          this.record(req, 0);
          req.socket.destroy();
          return;
        }
        if (answer) {
          this.record(req, answer.code);
          sendError(res, answer);
          return;
        }
        if (fault === 'lost-response') loseResponse(req, res);
        const certified =
          this.options.clientCA !== undefined && (req.socket as TLSSocket).authorized === true;
        const tokenOk =
          this.options.requireToken !== undefined &&
          req.headers.authorization === `Bearer ${this.options.requireToken}`;
        if (
          (this.options.requireToken !== undefined || this.options.clientCA !== undefined) &&
          !certified &&
          !tokenOk
        ) {
          this.record(req, 401);
          sendError(res, new ApiError(401, 'Unauthorized', 'Unauthorized'));
          return;
        }
      }
      const status = await this.route(req, res, url);
      this.record(req, status);
    } catch (err) {
      const apiErr =
        err instanceof ApiError
          ? err
          : new ApiError(
              500,
              'InternalError',
              `an error on the server ("${(err as Error).message}") has prevented the request from succeeding`,
            );
      if (!(err instanceof ApiError)) console.error(err);
      this.record(req, apiErr.code);
      if (!res.headersSent) sendError(res, apiErr);
      else res.end();
    }
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<number> {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const registry = this.api.registry;
    const host = req.headers.host ?? '127.0.0.1';

    if (path === '/version') return this.reply(res, 200, SERVER_VERSION);
    if (path === '/healthz' || path === '/livez' || path === '/readyz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return 200;
    }
    if (path === '/api') return this.reply(res, 200, apiVersions(host));
    if (path === '/apis') return this.reply(res, 200, apiGroupList(registry));
    if (path === '/openapi/v3') return this.reply(res, 200, openApiIndex(registry));
    if (path.startsWith('/openapi/v3/')) {
      const parts = path.slice('/openapi/v3/'.length).split('/');
      const doc =
        parts[0] === 'api'
          ? openApiDocument(registry, '', parts[1] ?? '')
          : openApiDocument(registry, parts[1] ?? '', parts[2] ?? '');
      if (!doc) throw pageNotFound();
      return this.reply(res, 200, doc);
    }

    const segments = path.split('/').filter(Boolean);
    let group: string;
    let version: string;
    let rest: string[];
    if (segments[0] === 'api' && segments.length >= 2) {
      group = '';
      version = segments[1]!;
      rest = segments.slice(2);
    } else if (segments[0] === 'apis' && segments.length >= 2) {
      group = segments[1]!;
      if (segments.length === 2) {
        const doc = apiGroup(registry, group);
        if (!doc) throw pageNotFound();
        return this.reply(res, 200, doc);
      }
      version = segments[2]!;
      rest = segments.slice(3);
    } else throw pageNotFound();

    if (rest.length === 0) {
      const doc = apiResourceList(registry, group, version);
      if (!doc) throw pageNotFound();
      return this.reply(res, 200, doc);
    }
    if (group === ACCESS_REVIEW_GROUP) {
      const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json'));
      const review = serveAccessReview(
        method,
        rest[0],
        body,
        this.options.access,
        url.searchParams.get('fieldValidation') ?? undefined,
      );
      return this.reply(res, 201, review);
    }
    const route = this.resolve(group, version, rest);
    return this.dispatch(req, res, url, method, route);
  }

  private resolve(group: string, version: string, rest: string[]): Route {
    const registry = this.api.registry;
    let watchPrefix = false;
    if (rest[0] === 'watch') {
      watchPrefix = true;
      rest = rest.slice(1);
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const candidate = registry.byResource(group, version, rest[2]!);
      if (candidate?.namespaced) {
        namespace = rest[1];
        rest = rest.slice(2);
      }
    }
    const type = registry.byResource(group, version, rest[0]!);
    if (!type) throw pageNotFound();
    if (rest.length > 3) throw pageNotFound();
    return { type, namespace, name: rest[1], subresource: rest[2], watchPrefix };
  }

  private reply(res: http.ServerResponse, status: number, body: unknown, warnings: string[] = []): number {
    sendJson(res, status, body, warnings);
    return status;
  }

  private writeOptions(url: URL, req: http.IncomingMessage, subresource?: string): WriteOptions {
    const q = url.searchParams;
    const dryRun = q.getAll('dryRun');
    const ua = String(req.headers['user-agent'] ?? '');
    return {
      dryRun: dryRun.includes('All'),
      fieldManager: q.get('fieldManager') ?? (ua.split('/')[0] || undefined),
      fieldValidation: q.get('fieldValidation') ?? undefined,
      force: q.get('force') === 'true',
      subresource: subresource === 'status' ? 'status' : undefined,
      warnings: [],
    };
  }

  private async dispatch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    method: string,
    route: Route,
  ): Promise<number> {
    const type = route.type!;
    const q = url.searchParams;
    const { namespace, name, subresource } = route;
    if (subresource && !['status', 'log', 'finalize', 'scale'].includes(subresource)) throw pageNotFound();
    this.options.access?.check(
      verbOf(method, name, url),
      type.group,
      subresource ? `${type.plural}/${subresource}` : type.plural,
      namespace,
      name,
    );
    if (subresource === 'status' && !type.statusSubresource) throw pageNotFound();
    if (subresource === 'log' && !(type.group === '' && type.kind === 'Pod')) throw pageNotFound();
    if (subresource === 'scale') {
      if (!name || !hasScaleSubresource(type)) throw pageNotFound();
      const contentType = String(req.headers['content-type'] ?? 'application/json');
      const body = method === 'GET' ? undefined : parseBody(await readBody(req), contentType);
      const options = this.writeOptions(url, req);
      const scale = serveScale(this.api, { method, type, namespace, name, contentType, body, options });
      return this.reply(res, 200, scale, options.warnings);
    }

    if (!name) {
      if (method === 'GET') {
        if (route.watchPrefix || q.get('watch') === 'true' || q.get('watch') === '1')
          return this.watch(req, res, url, type, namespace);
        return this.list(req, res, url, type, namespace);
      }
      if (method === 'POST') {
        const options = this.writeOptions(url, req);
        const body = parseBody(
          await readBody(req),
          String(req.headers['content-type'] ?? 'application/json'),
        );
        const created = this.api.create(type, namespace, body, options);
        return this.reply(res, options.dryRun ? 200 : 201, created, options.warnings);
      }
      if (method === 'DELETE') {
        const deleted: Obj[] = [];
        const options = await this.deleteOptions(req, url);
        for (const obj of this.api.list(type, namespace, {
          labelSelector: q.get('labelSelector'),
          fieldSelector: q.get('fieldSelector'),
        })) {
          deleted.push(this.api.delete(type, obj.metadata.namespace, obj.metadata.name, options).object);
        }
        return this.reply(res, 200, {
          kind: `${type.kind}List`,
          apiVersion: apiVersionOf(type),
          metadata: { resourceVersion: String(this.api.store.resourceVersion) },
          items: deleted.map(stripForList),
        });
      }
      throw methodNotAllowed();
    }

    if (subresource === 'log') {
      if (method !== 'GET') throw methodNotAllowed();
      this.api.get(type, namespace, name);
      return this.podLog(req, res, url, namespace!, name);
    }
    switch (method) {
      case 'GET': {
        const obj = this.api.get(type, namespace, name);
        if (wantsTable(String(req.headers.accept ?? '')))
          return this.reply(
            res,
            200,
            toTable(type, [obj], String(obj.metadata.resourceVersion), true, q.get('includeObject')),
          );
        return this.reply(res, 200, obj);
      }
      case 'PUT': {
        const options = this.writeOptions(url, req, subresource);
        const body = parseBody(
          await readBody(req),
          String(req.headers['content-type'] ?? 'application/json'),
        );
        if (subresource === 'finalize') {
          // Namespaces: spec.finalizers is what the namespace controller waits on.
          const current = this.api.get(type, undefined, name);
          const next = {
            ...current,
            spec: {
              ...(current.spec as object),
              finalizers:
                ((body as Obj | undefined)?.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [],
            },
          };
          return this.reply(
            res,
            200,
            this.api.update(type, undefined, name, next, options),
            options.warnings,
          );
        }
        return this.reply(res, 200, this.api.update(type, namespace, name, body, options), options.warnings);
      }
      case 'PATCH': {
        const options = this.writeOptions(url, req, subresource);
        const contentType = String(req.headers['content-type'] ?? '');
        const body = parseBody(await readBody(req), contentType);
        const exists = !!this.api.tryGet(type, namespace, name);
        const result = this.api.patch(type, namespace, name, contentType, body, options);
        return this.reply(res, !exists && !options.dryRun ? 201 : 200, result, options.warnings);
      }
      case 'DELETE': {
        const options = await this.deleteOptions(req, url);
        const { object, code } = this.api.delete(type, namespace, name, options);
        const warnings = options.warnings ?? [];
        if (code === 200 && !(type.group === '' && type.kind === 'Pod')) {
          return this.reply(
            res,
            200,
            {
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Success',
              details: { name, group: type.group, kind: type.plural, uid: object.metadata.uid },
            },
            warnings,
          );
        }
        return this.reply(res, code, object, warnings);
      }
      default:
        throw methodNotAllowed();
    }
  }

  private async deleteOptions(req: http.IncomingMessage, url: URL): Promise<DeleteOptions> {
    const q = url.searchParams;
    const body = parseBody(await readBody(req), String(req.headers['content-type'] ?? 'application/json')) as
      | {
          propagationPolicy?: string;
          orphanDependents?: boolean;
          dryRun?: string[];
          preconditions?: { uid?: string; resourceVersion?: string };
        }
      | undefined;
    let policy = (q.get('propagationPolicy') ?? body?.propagationPolicy) as PropagationPolicy | undefined;
    if (!policy && (q.get('orphanDependents') === 'true' || body?.orphanDependents === true))
      policy = 'Orphan';
    if (policy && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
      throw badRequest(
        `propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
      );
    }
    return {
      propagationPolicy: policy,
      dryRun: q.getAll('dryRun').includes('All') || (body?.dryRun ?? []).includes('All'),
      preconditions: body?.preconditions,
      warnings: [],
    };
  }

  private list(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    type: ResourceType,
    namespace: string | undefined,
  ): number {
    const q = url.searchParams;
    const rv = String(this.api.store.resourceVersion);
    let items = this.api.list(type, namespace, {
      labelSelector: q.get('labelSelector'),
      fieldSelector: q.get('fieldSelector'),
    });
    const limit = Number(q.get('limit') ?? 0);
    let start = 0;
    const token = q.get('continue');
    if (token) {
      try {
        start = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { start: number }).start;
      } catch {
        throw badRequest('the provided continue parameter is not valid');
      }
    }
    let next: string | undefined;
    if (limit > 0 && start + limit < items.length)
      next = Buffer.from(JSON.stringify({ start: start + limit })).toString('base64');
    items = limit > 0 ? items.slice(start, start + limit) : items.slice(start);
    if (wantsTable(String(req.headers.accept ?? ''))) {
      const table = toTable(type, items, rv, true, q.get('includeObject'));
      return this.reply(
        res,
        200,
        next ? { ...table, metadata: { ...table.metadata, continue: next } } : table,
      );
    }
    return this.reply(res, 200, {
      kind: `${type.kind}List`,
      apiVersion: apiVersionOf(type),
      metadata: { resourceVersion: rv, ...(next ? { continue: next } : {}) },
      items: items.map(stripForList),
    });
  }

  private watch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    type: ResourceType,
    namespace: string | undefined,
  ): number {
    const q = url.searchParams;
    const store = this.api.store;
    const gk = groupKind(type.group, type.kind);
    const labels = parseLabelSelector(q.get('labelSelector'));
    const fields = parseFieldSelector(q.get('fieldSelector'));
    const ns = type.namespaced ? namespace : undefined;
    const matches = (o: Obj | undefined) =>
      !!o &&
      (ns === undefined || o.metadata.namespace === ns) &&
      (!labels || labels(o.metadata.labels ?? {})) &&
      (!fields || fields(o));
    const table = wantsTable(String(req.headers.accept ?? ''));
    if (protobufReplies.has(res)) throw protobufWatchRefused();
    let first = true;

    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
      'Cache-Control': 'no-cache',
    });
    res.flushHeaders();
    this.openStreams.add(res);

    const write = (eventType: string, obj: Obj) => {
      const presented = this.api.present(type, obj);
      const object = table
        ? toTable(type, [presented], String(obj.metadata.resourceVersion), first, q.get('includeObject'))
        : presented;
      first = false;
      const line = JSON.stringify({ type: eventType, object }) + '\n';
      // A lagging watch cache: events reach watchers after the writes' own responses (same order).
      const lag = this.options.faults.settings.watchDelayMs;
      if (lag > 0)
        setTimeout(() => {
          if (!res.writableEnded) res.write(line);
        }, lag);
      else send(line);
    };
    // The events of one turn of the event loop go out in one write (a thousand writes in a burst were a
    // thousand chunks and system calls on both sides), in order, before anything written after them.
    let pending: string[] = [];
    const flush = () => {
      const lines = pending;
      pending = [];
      if (lines.length && !res.writableEnded && !res.destroyed) res.write(lines.join(''));
    };
    const send = (line: string) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push(line);
    };
    const translate = (e: StoreEvent) => {
      const now = matches(e.object);
      const before = e.type === 'MODIFIED' && matches(e.previous);
      if (e.type === 'DELETED') {
        if (matches(e.previous ?? e.object)) write('DELETED', e.object);
      } else if (e.type === 'ADDED') {
        if (now) write('ADDED', e.object);
      } else if (now && before) write('MODIFIED', e.object);
      else if (now && !before) write('ADDED', e.object);
      else if (!now && before) write('DELETED', e.object);
    };

    const rvParam = q.get('resourceVersion');
    let unsubscribe: () => void = () => {};
    const timers: NodeJS.Timeout[] = [];
    const stop = () => {
      unsubscribe();
      for (const t of timers) clearInterval(t);
      this.openStreams.delete(res);
      flush();
      if (!res.writableEnded) res.end();
    };
    req.on('close', stop);
    res.on('error', stop);

    if (rvParam && rvParam !== '0') {
      const since = Number(rvParam);
      // A resume from a version compacted away (or made to look so by the watchGoneRate fault): 410.
      const replay =
        Number.isFinite(since) && !this.options.faults.rollGone() ? store.eventsSince(since, gk) : undefined;
      if (!replay) {
        const err = gone(`too old resource version: ${rvParam} (${store.oldestResumableRv})`);
        send(JSON.stringify({ type: 'ERROR', object: err.toStatus() }) + '\n');
        stop();
        return 200;
      }
      for (const e of replay) translate(e);
    } else {
      for (const obj of this.api.list(type, namespace, {
        labelSelector: q.get('labelSelector'),
        fieldSelector: q.get('fieldSelector'),
      })) {
        write('ADDED', this.api.tryGet(type, obj.metadata.namespace, obj.metadata.name) ?? obj);
      }
    }
    unsubscribe = store.subscribe((e) => {
      if (e.gk === gk) translate(e);
    });

    if (q.get('allowWatchBookmarks') === 'true') {
      const every = this.options.bookmarkIntervalMs ?? 5000;
      const timer = setInterval(() => {
        const bookmark = {
          kind: type.kind,
          apiVersion: apiVersionOf(type),
          metadata: { resourceVersion: String(store.resourceVersion) },
        };
        send(JSON.stringify({ type: 'BOOKMARK', object: bookmark }) + '\n');
      }, every);
      timers.push(timer);
    }
    const timeoutSeconds = Number(q.get('timeoutSeconds') ?? 0);
    if (timeoutSeconds > 0) timers.push(setTimeout(stop, timeoutSeconds * 1000));
    const cut = this.options.faults.settings.watchCutMs;
    if (cut > 0)
      timers.push(
        setTimeout(() => {
          if (!res.writableEnded) this.options.faults.count('watch-cut');
          stop();
        }, cut),
      );
    return 200;
  }

  private podLog(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    namespace: string,
    pod: string,
  ): number {
    const ctx = { logs: this.options.logs, faults: this.options.faults, streams: this.openStreams };
    return servePodLog(req, res, url, ctx, namespace, pod);
  }
}

export { notFound };

/** The Kubernetes verb of a request, as RBAC names it. */
function verbOf(method: string, name: string | undefined, url: URL): string {
  const watching = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
  switch (method) {
    case 'GET':
      return name ? 'get' : watching ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
