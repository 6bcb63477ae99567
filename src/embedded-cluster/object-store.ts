/**
 * Every object in the cluster, under one monotonic resourceVersion, with a bounded log of changes that
 * watches replay from. Stored objects are never mutated: every write stores a new object, so an event can
 * hold a reference to the object as it was.
 */
export type Obj = Record<string, unknown> & { metadata: Metadata };

export interface Metadata {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: EventType;
  /** `group/Kind`. */
  gk: string;
  object: Obj;
  /** The object before this change (absent for ADDED). */
  previous?: Obj;
}

export type StoreListener = (event: StoreEvent) => void;

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class ObjectStore {
  private rv: number;
  private readonly objects = new Map<string, Map<string, Obj>>();
  private readonly log: StoreEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  /** Events emitted while listeners run wait here, so every listener sees every event in rv order. */
  private readonly pending: StoreEvent[] = [];
  private dispatching = false;

  constructor(
    /** How many past events a watch can resume from; older ones answer 410 Gone. */
    private readonly logCapacity = 20_000,
    initialRv = 1000,
  ) {
    this.rv = initialRv;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch may start after without 410. */
  get oldestResumableRv(): number {
    return this.log.length > 0 ? this.log[0]!.rv - 1 : this.rv;
  }

  nextRv(): number {
    return ++this.rv;
  }

  get(gk: string, namespace: string | undefined, name: string): Obj | undefined {
    return this.objects.get(gk)?.get(keyOf(namespace, name));
  }

  list(gk: string, namespace?: string): Obj[] {
    const bucket = this.objects.get(gk);
    if (!bucket) return [];
    const out: Obj[] = [];
    for (const obj of bucket.values()) {
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    }
    return out;
  }

  kinds(): string[] {
    return [...this.objects.keys()];
  }

  count(): number {
    let n = 0;
    for (const bucket of this.objects.values()) n += bucket.size;
    return n;
  }

  /** Stores `obj` (its resourceVersion already set by the caller from nextRv()) and emits the event. */
  put(gk: string, obj: Obj): StoreEvent {
    let bucket = this.objects.get(gk);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(gk, bucket);
    }
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    const previous = bucket.get(key);
    bucket.set(key, obj);
    return this.emit({
      rv: Number(obj.metadata.resourceVersion),
      type: previous ? 'MODIFIED' : 'ADDED',
      gk,
      object: obj,
      previous,
    });
  }

  /** Removes the object; the DELETED event carries it with a fresh resourceVersion, as a real server does. */
  remove(gk: string, namespace: string | undefined, name: string): StoreEvent | undefined {
    const bucket = this.objects.get(gk);
    const key = keyOf(namespace, name);
    const existing = bucket?.get(key);
    if (!bucket || !existing) return undefined;
    bucket.delete(key);
    const rv = this.nextRv();
    const object = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(rv) } };
    return this.emit({ rv, type: 'DELETED', gk, object, previous: existing });
  }

  /** Events after `rv` for a kind (optionally a namespace); undefined when they are no longer kept. */
  eventsSince(rv: number, gk: string, namespace?: string): StoreEvent[] | undefined {
    if (rv < this.oldestResumableRv) return undefined;
    const out: StoreEvent[] = [];
    // The log is ordered by rv: binary search for the first event after rv.
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid]!.rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.log.length; i++) {
      const e = this.log[i]!;
      if (e.gk === gk && (namespace === undefined || e.object.metadata.namespace === namespace)) out.push(e);
    }
    return out;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): StoreEvent {
    this.log.push(event);
    if (this.log.length > this.logCapacity) this.log.splice(0, this.log.length - this.logCapacity);
    this.pending.push(event);
    if (this.dispatching) return event;
    this.dispatching = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        for (const listener of [...this.listeners]) listener(next);
      }
    } finally {
      this.dispatching = false;
    }
    return event;
  }

  /** Everything, for `--state FILE`. */
  snapshot(): { resourceVersion: number; objects: { gk: string; object: Obj }[] } {
    const objects: { gk: string; object: Obj }[] = [];
    for (const [gk, bucket] of this.objects)
      for (const object of bucket.values()) objects.push({ gk, object });
    return { resourceVersion: this.rv, objects };
  }

  /** Loads a snapshot into an empty store without emitting events (nothing is watching yet). */
  restore(snapshot: { resourceVersion: number; objects: { gk: string; object: Obj }[] }): void {
    this.rv = Math.max(this.rv, snapshot.resourceVersion);
    for (const { gk, object } of snapshot.objects) {
      let bucket = this.objects.get(gk);
      if (!bucket) this.objects.set(gk, (bucket = new Map()));
      bucket.set(keyOf(object.metadata.namespace, object.metadata.name), object);
    }
  }
}
