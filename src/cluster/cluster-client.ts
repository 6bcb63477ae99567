/**
 * The one place hook-sync talks to a cluster. Requests go through @kubernetes/client-node's KubeConfig
 * (tokens, client certificates, exec plugins, TLS, proxies) but bodies are plain JSON written by us: the
 * client's typed models drop fields they do not know, and manifests must reach the server as written.
 * Transient failures (429 with Retry-After, 5xx, connection resets) are retried, bounded.
 */
import * as k8s from '@kubernetes/client-node';
import { KubeApiError, KubeConnectionError, connectionProblem } from './api-error.js';

export const FIELD_MANAGER = 'hook-sync';

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

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** Safe to repeat (GET, apply, delete): retried on transient failures. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface RetryPolicy {
  attempts: number;
  /** First back-off; doubles, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 200, maxDelayMs: 5000 };

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}

export class ClusterClient {
  private readonly http = new k8s.IsomorphicFetchHttpLibrary();
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly groupVersionsLoaded = new Set<string>();
  readonly server: string;
  /** Every request made, for tests and for counting retries. */
  readonly stats = { requests: 0, retries: 0 };

  constructor(
    readonly kc: k8s.KubeConfig,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
  }

  async request<T = Json>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    options: RequestOptions = {},
  ): Promise<{ status: number; body: T }> {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(options.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const idempotent = options.idempotent ?? (method === 'GET' || method === 'DELETE');
    let delay = this.retry.baseDelayMs;
    for (let attempt = 1; ; attempt++) {
      const ctx = new k8s.RequestContext(url.toString(), method as k8s.HttpMethod);
      await this.authenticate(ctx);
      ctx.setHeaderParam('Accept', 'application/json');
      ctx.setHeaderParam('User-Agent', 'hook-sync');
      if (options.body !== undefined) {
        ctx.setHeaderParam('Content-Type', options.contentType ?? 'application/json');
        ctx.setBody(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
      }
      if (options.signal) ctx.setSignal(options.signal);
      this.stats.requests++;
      let failure: KubeApiError | KubeConnectionError;
      try {
        const response = await this.http.send(ctx).toPromise();
        const text = await response.body.text();
        if (response.httpStatusCode < 400)
          return { status: response.httpStatusCode, body: (text ? JSON.parse(text) : undefined) as T };
        const apiError = KubeApiError.fromResponse(
          response.httpStatusCode,
          text,
          response.headers['retry-after'],
        );
        if (!apiError.transient) throw apiError;
        failure = apiError;
      } catch (err) {
        if (err instanceof KubeApiError) throw err;
        if (options.signal?.aborted) throw err;
        const cause = (err as { cause?: { code?: string } }).cause;
        const problem = connectionProblem(err, {
          server: this.server,
          cluster: this.kc.getCurrentCluster()?.name,
          context: this.kc.getCurrentContext(),
          user: this.kc.getCurrentUser()?.name,
        });
        failure = new KubeConnectionError(
          `cannot reach the Kubernetes API at ${this.server}: ${problem ?? `${(err as Error).message}${cause?.code ? ` (${cause.code})` : ''}`}`,
          err,
        );
      }
      // Non-idempotent writes are retried only when the server said it did not act (429/503 before work).
      const retriable =
        idempotent || (failure instanceof KubeApiError && (failure.code === 429 || failure.code === 503));
      if (!retriable || attempt >= this.retry.attempts) throw failure;
      this.stats.retries++;
      const wait =
        failure instanceof KubeApiError && failure.retryAfterSeconds
          ? failure.retryAfterSeconds * 1000
          : delay;
      await sleep(Math.min(wait, this.retry.maxDelayMs), options.signal);
      delay = Math.min(delay * 2, this.retry.maxDelayMs);
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
    const { group, version } = splitApiVersion(apiVersion);
    if (refresh || !this.groupVersionsLoaded.has(apiVersion)) {
      const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
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
    return this.resources.get(key);
  }

  async requireResource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const info =
      (await this.resourceFor(apiVersion, kind)) ?? (await this.resourceFor(apiVersion, kind, true));
    if (!info)
      throw new KubeApiError(404, 'NotFound', `the server does not serve kind "${kind}" in "${apiVersion}"`);
    return info;
  }

  collectionPath(info: ResourceInfo, namespace?: string): string {
    const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
    return info.namespaced && namespace
      ? `${base}/namespaces/${encodeURIComponent(namespace)}/${info.plural}`
      : `${base}/${info.plural}`;
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

  /** Server-side apply as `hook-sync`, forcing conflicts (the manifests are the source of truth, as for Argo CD). */
  async apply(obj: Json, options: WriteOptions = {}): Promise<{ object: Json; created: boolean }> {
    const { status, body } = await this.request('PATCH', await this.objectPath(refOf(obj)), {
      query: { ...writeQuery(options), force: true },
      body: obj,
      contentType: 'application/apply-patch+yaml',
      idempotent: true,
      signal: options.signal,
    });
    return { object: body, created: status === 201 };
  }

  /** POST: the object must not exist. */
  async create(obj: Json, options: WriteOptions = {}): Promise<Json> {
    const meta = (obj.metadata ?? {}) as Json;
    const info = await this.requireResource(String(obj.apiVersion), String(obj.kind));
    const { body } = await this.request('POST', this.collectionPath(info, meta.namespace as string), {
      query: writeQuery(options),
      body: obj,
      idempotent: options.dryRun === true,
      signal: options.signal,
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

  /** A watch stream (client-node's, with this client's credentials); objects arrive as plain JSON. */
  watch(
    path: string,
    query: Record<string, string | number | boolean>,
    onEvent: (type: string, object: Json) => void,
    onDone: (err: unknown) => void,
  ): Promise<AbortController> {
    return new k8s.Watch(this.kc).watch(path, query, (type, obj) => onEvent(type, obj as Json), onDone);
  }

  /** Streams a container's log; resolves when the stream ends (the container exited, or `signal` stopped it). */
  async followLog(
    namespace: string,
    pod: string,
    container: string,
    onLine: (line: string) => void,
    options: { follow: boolean; signal?: AbortSignal },
  ): Promise<void> {
    const url = new URL(
      `${this.server}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
    );
    url.searchParams.set('container', container);
    if (options.follow) url.searchParams.set('follow', 'true');
    const ctx = new k8s.RequestContext(url.toString(), k8s.HttpMethod.GET);
    await this.authenticate(ctx);
    if (options.signal) ctx.setSignal(options.signal);
    const response = await this.http.send(ctx).toPromise();
    if (response.httpStatusCode >= 400)
      throw KubeApiError.fromResponse(response.httpStatusCode, await response.body.text());
    const reader = (response.body.stream() as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let partial = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        partial += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = partial.indexOf('\n')) >= 0) {
          onLine(partial.slice(0, nl));
          partial = partial.slice(nl + 1);
        }
      }
    } catch (err) {
      if (!options.signal?.aborted) throw err;
    }
    if (partial) onLine(partial);
  }
}
