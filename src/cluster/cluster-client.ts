/**
 * The one place hook-sync talks to a cluster. Requests go through @kubernetes/client-node's KubeConfig
 * (tokens, client certificates, exec plugins, TLS, proxies) but bodies are plain JSON written by us: the
 * client's typed models drop fields they do not know, and manifests must reach the server as written.
 * Transient failures (429 with Retry-After, 5xx, broken connections, no answer) are retried where a
 * repeat is safe (`transient-failure.ts`), with back-off bounded by the operation (`retry-policy.ts`).
 */
import { randomBytes } from 'node:crypto';
import * as k8s from '@kubernetes/client-node';
import { KubeApiError, KubeConnectionError, connectionProblem } from './api-error.js';
import { reuseConnections } from './connection-reuse.js';
import { exchange, isDispatcher, type Target } from './http-transport.js';
import { openWatchStream } from './watch-stream.js';
import { debugSinkFromEnv, type DebugSink } from './debug-log.js';
import { DEFAULT_RETRY_POLICY, REAL_TIMING, type RetryPolicy, type RetryTiming } from './retry-policy.js';
import { retrying } from './retrying.js';
import { safeToRepeat } from './transient-failure.js';

export const FIELD_MANAGER = 'hook-sync';

/**
 * A watch that brings nothing (no event, no bookmark) for this long is given up and resumed: as
 * client-node's Watch does, so a connection that died without a word is noticed.
 */
const WATCH_IDLE_TIMEOUT_MS = 30_000;

export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export type Json = Record<string, unknown>;

/** How the API server treats fields it does not know: kubectl's and Argo CD's default is Strict. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
  signal?: AbortSignal;
}

function writeQuery(options: WriteOptions): Record<string, string> {
  return {
    fieldManager: FIELD_MANAGER,
    fieldValidation: options.fieldValidation ?? 'Strict',
    ...(options.dryRun ? { dryRun: 'All' } : {}),
  };
}

function refOf(obj: Json): ObjectRef {
  const meta = (obj.metadata ?? {}) as Json;
  return {
    apiVersion: String(obj.apiVersion),
    kind: String(obj.kind),
    namespace: meta.namespace as string | undefined,
    name: String(meta.name),
  };
}

/**
 * The kubeconfig's credentials could not be obtained (an exec plugin failed or printed something else).
 * The plugin's output is never quoted: it may hold a token.
 */
export class KubeAuthError extends Error {
  override name = 'KubeAuthError';
}

function authFailure(err: unknown): KubeAuthError {
  const message = err instanceof Error ? err.message : String(err);
  const detail =
    err instanceof SyntaxError
      ? 'its exec credential plugin printed something that is not an ExecCredential JSON document (not shown: it may hold a credential)'
      : `its credential plugin failed: ${message.split('\n')[0]!.slice(0, 200) || 'no message'}`;
  return new KubeAuthError(
    `cannot get credentials from the kubeconfig: ${detail}; run the plugin by hand to see what it prints`,
  );
}

export interface RequestOptions<T = Json> {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /**
   * May it be sent again after a failure the server may have acted on? By default: reads, deletes,
   * updates, apply and merge patches, dry runs (`safeToRepeat`); a caller that handles the repeat's
   * answer itself (a create whose AlreadyExists it reads as its own) says true.
   */
  idempotent?: boolean;
  /** Before each repeat: the result a lost answer would have carried, if it can be found. */
  beforeRetry?: (maybeActed: boolean) => Promise<{ status: number; body: T } | undefined>;
  signal?: AbortSignal;
}

/** Tests decide the waits (and see the debug lines) instead of sleeping. */
export interface ClientHooks {
  timing?: Partial<RetryTiming>;
  debug?: DebugSink;
}

export type { RetryPolicy } from './retry-policy.js';

/** On objects created under a generateName: lets a retry find what a create whose answer was lost made. */
export const CREATE_TOKEN_LABEL = 'hook-sync.io/create-token';

/** A server address split once: requests are sent to its origin, under its path. */
function splitServer(server: string): { origin: string; basePath: string } {
  try {
    const url = new URL(server);
    return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
  } catch {
    // Not an address at all (the kubeconfig's checks say so first): the request fails on its origin.
    return { origin: server, basePath: '' };
  }
}

/**
 * `/api/v1` or `/apis/<group>/<version>`, encoded: a stray character in a manifest's apiVersion is then a
 * group-version the server does not serve (404), not a path the HTTP client refuses to send.
 */
function groupVersionPath(group: string, version: string): string {
  const v = encodeURIComponent(version);
  return group ? `/apis/${encodeURIComponent(group)}/${v}` : `/api/${v}`;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export class ClusterClient {
  private readonly http = new k8s.IsomorphicFetchHttpLibrary();
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly groupVersionsLoaded = new Set<string>();
  private readonly groupVersionsLoading = new Map<string, Promise<void>>();
  readonly server: string;
  /** The server's origin, and the path it is served under (a proxy's prefix; usually empty). */
  private readonly origin: string;
  private readonly basePath: string;
  readonly retry: RetryPolicy;
  readonly timing: RetryTiming;
  readonly debug: DebugSink | undefined;
  /** Requests made and repeated, for tests and for counting the faults a run survived. */
  readonly stats = { requests: 0, retries: 0 };

  constructor(
    readonly kc: k8s.KubeConfig,
    retry: Partial<RetryPolicy> = {},
    hooks: ClientHooks = {},
  ) {
    this.server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
    ({ origin: this.origin, basePath: this.basePath } = splitServer(this.server));
    reuseConnections(kc);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...retry };
    this.timing = { ...REAL_TIMING, ...hooks.timing };
    this.debug = hooks.debug ?? debugSinkFromEnv();
  }

  /** The path and query of a request, as a string: no URL object is built per request. */
  private target(path: string, query: RequestOptions['query'] = {}): Target {
    let search = '';
    for (const k in query) {
      const v = query[k];
      if (v !== undefined) search += `${search ? '&' : '?'}${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
    }
    return { origin: this.origin, path: this.basePath + path + search };
  }

  async request<T = Json>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    options: RequestOptions<T> = {},
  ): Promise<{ status: number; body: T }> {
    const target = this.target(path, options.query);
    const safe = options.idempotent ?? safeToRepeat(method, options.contentType, options.query);
    return this.withRetries(
      `${method} ${path}`,
      safe,
      options.signal,
      () => this.once<T>(method, target, options),
      options.beforeRetry,
    );
  }

  /** See `retrying`: `attempt` tried until it succeeds or the policy says stop. */
  withRetries<T>(
    what: string,
    safe: boolean,
    signal: AbortSignal | undefined,
    attempt: () => Promise<T>,
    beforeRetry?: (maybeActed: boolean) => Promise<T | undefined>,
  ): Promise<T> {
    return retrying(this, what, safe, signal, attempt, beforeRetry);
  }

  /** The request's credentials (headers, the connection pool); its URL is the server's until it is sent. */
  private async context(method: string, signal: AbortSignal | undefined): Promise<k8s.RequestContext> {
    const ctx = new k8s.RequestContext(this.origin, method as k8s.HttpMethod);
    await this.authenticate(ctx);
    ctx.setHeaderParam('User-Agent', 'hook-sync');
    if (signal) ctx.setSignal(signal);
    this.stats.requests++;
    return ctx;
  }

  private connectionFailure(err: unknown, timedOut: boolean): KubeConnectionError {
    const code = (err as { cause?: { code?: unknown } }).cause?.code;
    const detail = timedOut
      ? `no answer in ${this.retry.requestTimeoutMs / 1000} s`
      : (connectionProblem(err, {
          server: this.server,
          cluster: this.kc.getCurrentCluster()?.name,
          context: this.kc.getCurrentContext(),
          user: this.kc.getCurrentUser()?.name,
        }) ?? `${(err as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`);
    return new KubeConnectionError(`cannot reach the Kubernetes API at ${this.server}: ${detail}`, err);
  }

  /** One try: the whole answer read within the request timeout. */
  private async once<T>(
    method: string,
    target: Target,
    options: RequestOptions<T>,
  ): Promise<{ status: number; body: T }> {
    // One controller per try, aborted by its timer or by the caller's signal. Not AbortSignal.timeout and
    // AbortSignal.any: those leave a weakly held signal per request on the operation's long-lived signal
    // for the garbage collector to sweep, thousands of them in a large sync.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('the request timed out', 'TimeoutError'));
    }, this.retry.requestTimeoutMs);
    const cancel = () => controller.abort(options.signal?.reason);
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await this.exchangeOnce<T>(method, target, options, controller.signal, () => timedOut);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  private async exchangeOnce<T>(
    method: string,
    target: Target,
    options: RequestOptions<T>,
    signal: AbortSignal,
    timedOut: () => boolean,
  ): Promise<{ status: number; body: T }> {
    const ctx = await this.context(method, signal);
    ctx.setHeaderParam('Accept', 'application/json');
    if (options.body !== undefined) {
      ctx.setHeaderParam('Content-Type', options.contentType ?? 'application/json');
      ctx.setBody(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
    }
    let status: number;
    let text: string;
    let retryAfter: string | undefined;
    try {
      ({
        status,
        text,
        headers: { 'retry-after': retryAfter },
      } = await exchange(ctx, target, this.http));
    } catch (err) {
      if (options.signal?.aborted) throw err;
      throw this.connectionFailure(err, timedOut());
    }
    if (status < 400) return { status, body: (text ? JSON.parse(text) : undefined) as T };
    throw KubeApiError.fromResponse(status, text, retryAfter);
  }

  /**
   * A long-running GET (a log stream) with this client's credentials: one try, no timeout. An answer of
   * 400 or more is thrown as a KubeApiError, a connection that fails as a KubeConnectionError.
   */
  async openStream(
    path: string,
    query: RequestOptions['query'],
    signal?: AbortSignal,
  ): Promise<ReadableStream<Uint8Array>> {
    const { origin, path: pathAndQuery } = this.target(path, query);
    const ctx = await this.context('GET', signal);
    ctx.setUrl(origin + pathAndQuery);
    try {
      const response = await this.http.send(ctx).toPromise();
      if (response.httpStatusCode >= 400)
        throw KubeApiError.fromResponse(
          response.httpStatusCode,
          await response.body.text(),
          response.headers['retry-after'],
        );
      return response.body.stream() as ReadableStream<Uint8Array>;
    } catch (err) {
      if (err instanceof KubeApiError || signal?.aborted) throw err;
      throw this.connectionFailure(err, false);
    }
  }

  private async authenticate(ctx: k8s.RequestContext): Promise<void> {
    try {
      await this.kc.applySecurityAuthentication(ctx);
    } catch (err) {
      throw authFailure(err);
    }
  }

  /** Kind → resource, from discovery, loaded once per group-version (again when a kind is not found). */
  async resourceFor(apiVersion: string, kind: string, refresh = false): Promise<ResourceInfo | undefined> {
    const key = `${apiVersion}/${kind}`;
    if (!refresh && this.resources.has(key)) return this.resources.get(key);
    if (refresh || !this.groupVersionsLoaded.has(apiVersion))
      await this.loadGroupVersion(apiVersion, refresh);
    return this.resources.get(key);
  }

  /**
   * Discovery of several group-versions at once (a run's kinds, the lock's and the inventory's): one round
   * trip before the first read instead of one per group as each is met.
   */
  async discover(apiVersions: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(apiVersions)]
        .filter((v) => !this.groupVersionsLoaded.has(v))
        .map((v) => this.loadGroupVersion(v, false)),
    );
  }

  /** One discovery request per group-version, shared by everyone who asks while it is in flight. */
  private loadGroupVersion(apiVersion: string, refresh: boolean): Promise<void> {
    const inFlight = this.groupVersionsLoading.get(apiVersion);
    if (inFlight && !refresh) return inFlight;
    const loading = this.fetchGroupVersion(apiVersion).finally(() => {
      if (this.groupVersionsLoading.get(apiVersion) === loading) this.groupVersionsLoading.delete(apiVersion);
    });
    this.groupVersionsLoading.set(apiVersion, loading);
    return loading;
  }

  private async fetchGroupVersion(apiVersion: string): Promise<void> {
    const { group, version } = splitApiVersion(apiVersion);
    const path = groupVersionPath(group, version);
    try {
      const { body } = await this.request<{
        resources?: { name: string; kind: string; namespaced: boolean }[];
      }>('GET', path);
      this.groupVersionsLoaded.add(apiVersion);
      for (const r of body.resources ?? []) {
        if (r.name.includes('/')) continue;
        this.resources.set(`${apiVersion}/${r.kind}`, {
          group,
          version,
          kind: r.kind,
          plural: r.name,
          namespaced: r.namespaced,
        });
      }
    } catch (err) {
      if (!(err instanceof KubeApiError && err.notFound)) throw err;
    }
  }

  async requireResource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const info =
      (await this.resourceFor(apiVersion, kind)) ?? (await this.resourceFor(apiVersion, kind, true));
    if (!info)
      throw new KubeApiError(404, 'NotFound', `the server does not serve kind "${kind}" in "${apiVersion}"`);
    return info;
  }

  collectionPath(info: ResourceInfo, namespace?: string): string {
    const base = groupVersionPath(info.group, info.version);
    return info.namespaced && namespace
      ? `${base}/namespaces/${encodeURIComponent(namespace)}/${encodeURIComponent(info.plural)}`
      : `${base}/${encodeURIComponent(info.plural)}`;
  }

  async objectPath(ref: ObjectRef): Promise<string> {
    const info = await this.requireResource(ref.apiVersion, ref.kind);
    return `${this.collectionPath(info, ref.namespace)}/${encodeURIComponent(ref.name)}`;
  }

  async get(ref: ObjectRef): Promise<Json | undefined> {
    try {
      return (await this.request('GET', await this.objectPath(ref))).body;
    } catch (err) {
      if (err instanceof KubeApiError && err.notFound) return undefined;
      throw err;
    }
  }

  /**
   * Server-side apply as `hook-sync`, forcing conflicts (the manifests are the source of truth, as for Argo
   * CD). `beforeRetry`: before a repeat, what a try whose answer was lost did, if it can be found (on a
   * missing object an apply is a create: a hook's must not be repeated blindly).
   */
  async apply(
    obj: Json,
    options: WriteOptions & {
      beforeRetry?: (maybeActed: boolean) => Promise<{ status: number; body: Json } | undefined>;
    } = {},
  ): Promise<{ object: Json; created: boolean }> {
    const { status, body } = await this.request('PATCH', await this.objectPath(refOf(obj)), {
      query: { ...writeQuery(options), force: true },
      body: obj,
      contentType: 'application/apply-patch+yaml',
      idempotent: true,
      beforeRetry: options.beforeRetry,
      signal: options.signal,
    });
    return { object: body, created: status === 201 };
  }

  /**
   * POST: the object must not exist. A named create is repeated only when the server did not act (a
   * repeat of one that went through would answer AlreadyExists). Under a generateName, the object gets a
   * token label, and before a repeat the collection is searched for it: the object of a create whose
   * answer was lost is found, not made twice.
   */
  async create(obj: Json, options: WriteOptions = {}): Promise<Json> {
    const meta = (obj.metadata ?? {}) as Json;
    const info = await this.requireResource(String(obj.apiVersion), String(obj.kind));
    const path = this.collectionPath(info, meta.namespace as string);
    const base = { query: writeQuery(options), signal: options.signal };
    if (options.dryRun || meta.name || !meta.generateName)
      return (await this.request('POST', path, { ...base, body: obj })).body;
    const token = randomBytes(8).toString('hex');
    const labels = { ...((meta.labels ?? {}) as Json), [CREATE_TOKEN_LABEL]: token };
    const { body } = await this.request('POST', path, {
      ...base,
      body: { ...obj, metadata: { ...meta, labels } },
      idempotent: true,
      beforeRetry: async () => {
        const { items } = await this.list(info, meta.namespace as string | undefined, {
          labelSelector: `${CREATE_TOKEN_LABEL}=${token}`,
        });
        return items[0] ? { status: 201, body: items[0] } : undefined;
      },
    });
    return body;
  }

  /** PUT: the object becomes exactly what is sent; fields other writers added are gone. */
  async replace(obj: Json, options: WriteOptions = {}): Promise<Json> {
    const { body } = await this.request('PUT', await this.objectPath(refOf(obj)), {
      query: writeQuery(options),
      body: obj,
      idempotent: true,
      signal: options.signal,
    });
    return body;
  }

  /** A JSON merge patch (RFC 7386), as client-side apply sends it. */
  async mergePatch(ref: ObjectRef, patch: Json, options: WriteOptions = {}): Promise<Json> {
    const { body } = await this.request('PATCH', await this.objectPath(ref), {
      query: writeQuery(options),
      body: patch,
      contentType: 'application/merge-patch+json',
      idempotent: true,
      signal: options.signal,
    });
    return body;
  }

  /** A server-side dry run of creating the object under a generated name (for objects that will be replaced). */
  async dryRunCreate(obj: Json, options: WriteOptions = {}): Promise<Json> {
    const meta = { ...((obj.metadata ?? {}) as Json) };
    meta.generateName = `${String(meta.name).slice(0, 40)}-`;
    delete meta.name;
    return this.create({ ...obj, metadata: meta }, { ...options, dryRun: true });
  }

  /** Deletes with Foreground propagation by default (a Job's pods go with it). NotFound is success. */
  async delete(
    ref: ObjectRef,
    options: {
      propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
      uid?: string;
      signal?: AbortSignal;
    } = {},
  ): Promise<Json | undefined> {
    try {
      const { body } = await this.request('DELETE', await this.objectPath(ref), {
        body: {
          kind: 'DeleteOptions',
          apiVersion: 'v1',
          propagationPolicy: options.propagationPolicy ?? 'Foreground',
          ...(options.uid ? { preconditions: { uid: options.uid } } : {}),
        },
        signal: options.signal,
      });
      return body;
    } catch (err) {
      if (err instanceof KubeApiError && (err.notFound || (err.code === 409 && options.uid)))
        return undefined;
      throw err;
    }
  }

  async list(
    info: ResourceInfo,
    namespace: string | undefined,
    query: Record<string, string> = {},
  ): Promise<{ items: Json[]; resourceVersion: string }> {
    const { body } = await this.request<{ items: Json[]; metadata: { resourceVersion: string } }>(
      'GET',
      this.collectionPath(info, namespace),
      { query },
    );
    const items = (body.items ?? []).map((i) => ({
      apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
      kind: info.kind,
      ...i,
    }));
    return { items, resourceVersion: body.metadata?.resourceVersion ?? '' };
  }

  /**
   * A watch stream with this client's credentials; objects arrive as plain JSON. `onDone` is called once,
   * when the stream ends (null: the server closed it) — not after the returned controller stopped it.
   */
  async watch(
    path: string,
    query: Record<string, string | number | boolean>,
    onEvent: (type: string, object: Json) => void,
    onDone: (err: unknown) => void,
  ): Promise<AbortController> {
    const ctx = await this.context('GET', undefined);
    const dispatcher = ctx.getDispatcher();
    // A client-node that builds no dispatcher of its own (see connection-reuse.ts): its own Watch.
    if (!isDispatcher(dispatcher))
      return new k8s.Watch(this.kc).watch(path, query, (type, obj) => onEvent(type, obj as Json), onDone);
    ctx.setHeaderParam('Accept', 'application/json');
    return openWatchStream({
      dispatcher,
      target: this.target(path, { watch: true, ...query }),
      headers: ctx.getHeaders(),
      onEvent: (event) => onEvent(event.type, event.object),
      onDone,
      idleTimeoutMs: WATCH_IDLE_TIMEOUT_MS,
    });
  }
}
