/**
 * Live copies of the objects a sync cares about, kept by watches — never by polling. Each (kind, namespace)
 * is listed once, then watched from that resourceVersion; a stream that closes (timeouts, API restarts, cut
 * connections) resumes from the last version seen, and one answered 410 Gone is listed again, with the
 * differences emitted as events so that no change is silently skipped.
 */
import type { ClusterClient, Json, ResourceInfo } from './cluster-client.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  group: string;
  kind: string;
  object: Json;
}

interface Stream {
  info: ResourceInfo;
  namespace: string | undefined;
  resourceVersion: string;
  controller?: AbortController;
  relist: boolean;
  backoffMs: number;
}

function meta(obj: Json): { name: string; namespace: string; resourceVersion: string } {
  const m = (obj.metadata ?? {}) as Json;
  return {
    name: String(m.name ?? ''),
    namespace: String(m.namespace ?? ''),
    resourceVersion: String(m.resourceVersion ?? ''),
  };
}

export class ObjectWatcher {
  private readonly streams = new Map<string, Stream>();
  /** Initial lists under way: a second caller waits for the first's, so no state is missed. */
  private readonly loading = new Map<string, Promise<void>>();
  private readonly objects = new Map<string, Json>();
  private readonly listeners = new Set<(change: Change) => void>();
  private closed = false;
  /** How many times streams were resumed or re-listed: faults the sync survived. */
  readonly resumptions = { rewatch: 0, relist: 0 };

  constructor(private readonly client: ClusterClient) {}

  private objectKey(group: string, kind: string, namespace: string, name: string): string {
    return `${group}/${kind}|${namespace}|${name}`;
  }

  /** Starts watching a kind (in a namespace); resolves once the initial list is loaded. */
  async watch(info: ResourceInfo, namespace: string | undefined): Promise<void> {
    const key = `${info.group}/${info.version}/${info.plural}|${info.namespaced ? (namespace ?? '') : ''}`;
    if (this.streams.has(key)) return this.loading.get(key);
    const stream: Stream = {
      info,
      namespace: info.namespaced ? namespace : undefined,
      resourceVersion: '',
      relist: true,
      backoffMs: 100,
    };
    this.streams.set(key, stream);
    const loaded = this.relist(stream).then(() => this.startWatch(stream));
    this.loading.set(key, loaded);
    try {
      await loaded;
    } catch (err) {
      this.streams.delete(key); // a later call lists again
      throw err;
    } finally {
      this.loading.delete(key);
    }
  }

  get(group: string, kind: string, namespace: string | undefined, name: string): Json | undefined {
    return this.objects.get(this.objectKey(group, kind, namespace ?? '', name));
  }

  list(group: string, kind: string, namespace?: string): Json[] {
    const prefix = `${group}/${kind}|`;
    const out: Json[] = [];
    for (const [k, v] of this.objects)
      if (k.startsWith(prefix) && (namespace === undefined || meta(v).namespace === namespace)) out.push(v);
    return out;
  }

  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    for (const s of this.streams.values()) s.controller?.abort();
    this.listeners.clear();
  }

  private emit(change: Change): void {
    for (const l of [...this.listeners]) l(change);
  }

  private store(stream: Stream, type: ChangeType, obj: Json): void {
    const { group, kind } = stream.info;
    const m = meta(obj);
    const key = this.objectKey(group, kind, m.namespace, m.name);
    if (type === 'DELETED') this.objects.delete(key);
    else this.objects.set(key, obj);
    this.emit({ type, group, kind, object: obj });
  }

  private async relist(stream: Stream): Promise<void> {
    const { items, resourceVersion } = await this.client.list(stream.info, stream.namespace);
    const { group, kind } = stream.info;
    const seen = new Set<string>();
    for (const item of items) {
      const m = meta(item);
      const key = this.objectKey(group, kind, m.namespace, m.name);
      seen.add(key);
      const before = this.objects.get(key);
      const uid = (o: Json) => String(((o.metadata ?? {}) as Json).uid ?? '');
      if (before && uid(before) !== uid(item)) {
        // Deleted and created again while the stream was down: two events, so the old uid is known gone.
        this.store(stream, 'DELETED', before);
        this.store(stream, 'ADDED', item);
      } else if (!before) this.store(stream, 'ADDED', item);
      else if (meta(before).resourceVersion !== m.resourceVersion) this.store(stream, 'MODIFIED', item);
    }
    for (const [key, obj] of [...this.objects]) {
      if (!key.startsWith(`${group}/${kind}|`) || seen.has(key)) continue;
      if (stream.namespace !== undefined && meta(obj).namespace !== stream.namespace) continue;
      this.store(stream, 'DELETED', obj);
    }
    stream.resourceVersion = resourceVersion;
    stream.relist = false;
  }

  private startWatch(stream: Stream): void {
    if (this.closed) return;
    const path = this.client.collectionPath(stream.info, stream.namespace);
    void this.client
      .watch(
        path,
        { resourceVersion: stream.resourceVersion, allowWatchBookmarks: true },
        (type, obj) => {
          if (type === 'ERROR') {
            if ((obj as { code?: number }).code === 410) stream.relist = true;
            return;
          }
          const rv = meta(obj).resourceVersion;
          if (rv) stream.resourceVersion = rv;
          stream.backoffMs = 100;
          if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
            this.store(stream, type, {
              apiVersion: stream.info.group
                ? `${stream.info.group}/${stream.info.version}`
                : stream.info.version,
              kind: stream.info.kind,
              ...obj,
            });
          }
        },
        (err) => this.resume(stream, err),
      )
      .then((c) => {
        stream.controller = c;
        if (this.closed) c.abort();
      })
      .catch((err: unknown) => this.resume(stream, err));
  }

  private resume(stream: Stream, err: unknown): void {
    if (this.closed) return;
    const status = (err as { statusCode?: number } | null)?.statusCode;
    if (status === 410) stream.relist = true;
    const delay = stream.backoffMs;
    stream.backoffMs = Math.min(stream.backoffMs * 2, 5000);
    // A back-off before reconnecting, so a server that is down is not hammered; not a wait for state.
    setTimeout(() => {
      if (this.closed) return;
      const restart = async () => {
        if (stream.relist) {
          this.resumptions.relist++;
          await this.relist(stream);
        } else this.resumptions.rewatch++;
        this.startWatch(stream);
      };
      restart().catch((e: unknown) => this.resume(stream, e));
    }, delay).unref();
  }
}
