/**
 * Live copies of the objects a sync cares about, kept by watches — never by polling. Each (kind, namespace)
 * is listed once, then watched from that resourceVersion; a stream that closes (timeouts, API restarts, cut
 * connections) resumes from the last version seen (bookmarks included), and one answered 410 Gone is
 * listed again, with the differences emitted as events so that no change is silently skipped. No state
 * older than one already reported is ever reported again: a late event or a list that lags behind what a
 * stream brought changes nothing.
 */
import type { ClusterClient, Json, ResourceInfo } from './cluster-client.js';
import { backoffMs } from './retry-policy.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  group: string;
  kind: string;
  object: Json;
  /**
   * A DELETED this watcher inferred (a relist no longer has the object, or a new uid holds its name): the
   * object is the last state seen, not its final one, which nobody saw.
   */
  finalUnknown?: boolean;
}

interface Stream {
  info: ResourceInfo;
  namespace: string | undefined;
  resourceVersion: string;
  controller?: AbortController;
  relist: boolean;
  /** Resumptions in a row that brought nothing: the back-off grows with them. */
  failures: number;
}

function meta(obj: Json): { name: string; namespace: string; resourceVersion: string; uid: string } {
  const m = (obj.metadata ?? {}) as Json;
  return {
    name: String(m.name ?? ''),
    namespace: String(m.namespace ?? ''),
    resourceVersion: String(m.resourceVersion ?? ''),
    uid: String(m.uid ?? ''),
  };
}

const NUMERIC = /^\d+$/;

/**
 * a's resourceVersion compared with b's: negative when older. resourceVersions are opaque, but every API
 * server in use hands out integers; for any other, 0 (not known to be older, so taken).
 */
function compareVersions(a: string, b: string): number {
  if (!NUMERIC.test(a) || !NUMERIC.test(b)) return 0;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export class ObjectWatcher {
  private readonly streams = new Map<string, Stream>();
  /** Initial lists under way: a second caller waits for the first's, so no state is missed. */
  private readonly loading = new Map<string, Promise<void>>();
  private readonly objects = new Map<string, Json>();
  /** Uids reported deleted: no later list (a lagging cache) brings one back. uids are never reused. */
  private readonly tombstones = new Set<string>();
  private readonly listeners = new Set<(change: Change) => void>();
  private closed = false;
  private readonly closing = new AbortController();
  /** How many times streams were resumed or re-listed: faults the sync survived. */
  readonly resumptions = { rewatch: 0, relist: 0 };
  /** States not reported because a newer one of the object already was. */
  readonly staleDropped = { events: 0, listed: 0 };

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
      failures: 0,
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
    this.closing.abort();
    for (const s of this.streams.values()) s.controller?.abort();
    this.listeners.clear();
  }

  private emit(change: Change): void {
    for (const l of [...this.listeners]) l(change);
  }

  private keyOf(stream: Stream, obj: Json): string {
    const m = meta(obj);
    return this.objectKey(stream.info.group, stream.info.kind, m.namespace, m.name);
  }

  private emitStored(stream: Stream, type: ChangeType, obj: Json, finalUnknown = false): void {
    const key = this.keyOf(stream, obj);
    if (type === 'DELETED') {
      this.objects.delete(key);
      this.tombstones.add(meta(obj).uid);
    } else this.objects.set(key, obj);
    this.emit({
      type,
      group: stream.info.group,
      kind: stream.info.kind,
      object: obj,
      ...(finalUnknown ? { finalUnknown } : {}),
    });
  }

  /**
   * A state from a stream or a list, against what was reported of that name: a newer state is reported
   * (when an object of another uid replaced the one known, that one's deletion first); an older or the
   * same one is not ('stale', 'same').
   */
  private take(stream: Stream, type: ChangeType, obj: Json): 'reported' | 'stale' | 'same' {
    const known = this.objects.get(this.keyOf(stream, obj));
    const m = meta(obj);
    if (type !== 'DELETED' && this.tombstones.has(m.uid)) return 'stale';
    if (type === 'DELETED') {
      this.tombstones.add(m.uid);
      if (known && meta(known).uid !== m.uid) {
        // A late deletion of the name's previous object: that uid is gone, the current object stays.
        this.emit({ type, group: stream.info.group, kind: stream.info.kind, object: obj });
        return 'reported';
      }
      this.emitStored(stream, 'DELETED', obj);
      return 'reported';
    }
    if (known) {
      const k = meta(known);
      if (k.resourceVersion === m.resourceVersion && k.uid === m.uid) return 'same';
      if (compareVersions(m.resourceVersion, k.resourceVersion) < 0) return 'stale';
      if (k.uid !== m.uid) {
        // Deleted and created again unseen: two events, so the old uid is known gone.
        this.emitStored(stream, 'DELETED', known, true);
        this.emitStored(stream, 'ADDED', obj);
        return 'reported';
      }
    }
    this.emitStored(stream, known ? 'MODIFIED' : 'ADDED', obj);
    return 'reported';
  }

  private async relist(stream: Stream): Promise<void> {
    const { items, resourceVersion } = await this.client.list(stream.info, stream.namespace);
    const { group, kind } = stream.info;
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(this.keyOf(stream, item));
      if (this.take(stream, 'ADDED', item) === 'stale') this.staleDropped.listed++;
    }
    for (const [key, obj] of [...this.objects]) {
      if (!key.startsWith(`${group}/${kind}|`) || seen.has(key)) continue;
      if (stream.namespace !== undefined && meta(obj).namespace !== stream.namespace) continue;
      // Newer than the list (another stream brought it after the list was taken): the list cannot judge it.
      if (compareVersions(meta(obj).resourceVersion, resourceVersion) > 0) continue;
      this.emitStored(stream, 'DELETED', obj, true);
    }
    // A list served from a cache behind the stream must not move the stream back: it would replay.
    if (!stream.resourceVersion || compareVersions(resourceVersion, stream.resourceVersion) >= 0)
      stream.resourceVersion = resourceVersion;
    stream.relist = false;
  }

  private startWatch(stream: Stream): void {
    if (this.closed) return;
    const path = this.client.collectionPath(stream.info, stream.namespace);
    const apiVersion = stream.info.group
      ? `${stream.info.group}/${stream.info.version}`
      : stream.info.version;
    void this.client
      .watch(
        path,
        { resourceVersion: stream.resourceVersion, allowWatchBookmarks: true },
        (type, obj) => {
          if (type === 'ERROR') {
            // 410 Gone: the version resumed from was compacted away; the stream ends and is listed again.
            if ((obj as { code?: number }).code === 410) stream.relist = true;
            return;
          }
          // Bookmarks carry only a resourceVersion: where to resume from, nothing to report.
          const rv = meta(obj).resourceVersion;
          if (rv) stream.resourceVersion = rv;
          stream.failures = 0;
          if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')
            if (this.take(stream, type, { apiVersion, kind: stream.info.kind, ...obj }) === 'stale')
              this.staleDropped.events++;
        },
        (err) => this.resume(stream, err),
      )
      .then((c) => {
        stream.controller = c;
        if (this.closed) c.abort();
      })
      .catch((err: unknown) => this.resume(stream, err));
  }

  /**
   * The stream ended: watched again from the last version seen, or listed again after 410 Gone. A stream
   * the server closed is resumed at once; failures and streams that end with nothing in them back off
   * (capped lower for clean ends), so a server that is down is not hammered.
   */
  private resume(stream: Stream, err: unknown): void {
    if (this.closed) return;
    const status = (err as { statusCode?: number } | null)?.statusCode;
    if (status === 410) stream.relist = true;
    const failures = stream.failures++;
    const policy = err
      ? this.client.retry
      : { ...this.client.retry, maxDelayMs: Math.min(1000, this.client.retry.maxDelayMs) };
    const delay = failures === 0 && !err ? 0 : backoffMs(failures + 1, policy, this.client.timing.random);
    const what = `${stream.info.plural}${stream.namespace ? ` in ${stream.namespace}` : ''}`;
    this.client.debug?.(
      `watch of ${what} ended${err ? ` (${status ? `HTTP ${status}` : (err as Error).message})` : ''}; ${stream.relist ? 'listing again' : `resuming from resourceVersion ${stream.resourceVersion}`}${delay ? ` in ${delay} ms` : ''}`,
    );
    const restart = async () => {
      if (delay) await this.client.timing.sleep(delay, this.closing.signal);
      if (this.closed) return;
      if (stream.relist) {
        this.resumptions.relist++;
        await this.relist(stream);
      } else this.resumptions.rewatch++;
      this.startWatch(stream);
    };
    restart().catch((e: unknown) => this.resume(stream, e));
  }
}
