/**
 * What the sync has seen of the cluster, kept by watches: every state of every object it cares about, by
 * uid, and the pods, ReplicaSets and events of its namespaces. The one rule it enforces: a task is judged
 * only on a state at least as new as its own write. An older state (the Deployment as it was before the
 * apply, healthy at its previous generation) or a lagging cache never makes a task look done.
 */
import type { ClusterClient, Json, ResourceInfo } from '../cluster/cluster-client.js';
import { ObjectWatcher, type Change } from '../cluster/object-watcher.js';
import type { GracePeriods } from '../health/fail-fast.js';
import type { Observations } from '../health/judge.js';
import { podsOf } from '../health/related-objects.js';
import type { AppliedVersion } from './task-run.js';

function metaOf(obj: Json | undefined): Json {
  return (obj?.metadata ?? {}) as Json;
}

const NUMERIC = /^\d+$/;

/**
 * Is `obj` the state written by `applied`, or a later one? resourceVersions are opaque to clients, but
 * every API server in use hands out integers (etcd's revision); for any other, `arrivedAfter` says
 * whether the state reached us after the write's response did.
 */
export function isAtLeast(obj: Json, applied: AppliedVersion, arrivedAfter = false): boolean {
  const meta = metaOf(obj);
  if (String(meta.uid ?? '') !== applied.uid) return false;
  if (Number(meta.generation ?? 0) < applied.generation) return false;
  const rv = String(meta.resourceVersion ?? '');
  if (NUMERIC.test(rv) && NUMERIC.test(applied.resourceVersion))
    return BigInt(rv) >= BigInt(applied.resourceVersion);
  return rv === applied.resourceVersion || arrivedAfter;
}

export class ObservedState {
  private readonly watcher: ObjectWatcher;
  private readonly latestByUid = new Map<string, Json>();
  /** When each uid's latest state arrived (a counter), for servers whose resourceVersions are not integers. */
  private readonly arrivals = new Map<string, number>();
  private arrivalCount = 0;
  private readonly goneUids = new Set<string>();
  /** Of those, the ones whose deletion was inferred (a relist): their last state seen is not their final one. */
  private readonly unseenEnds = new Set<string>();
  /** First sighting of a pod problem (`<pod uid>/<container>/<reason>`), for fail-fast grace periods. */
  private readonly firstSeen = new Map<string, number>();
  private readonly watchedNamespaces = new Set<string>();
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly client: ClusterClient,
    private readonly onPod: (pod: Json) => void,
  ) {
    this.watcher = new ObjectWatcher(client);
    this.watcher.onChange((c) => this.onChange(c));
  }

  async watchKind(info: ResourceInfo, namespace: string | undefined): Promise<void> {
    await this.watcher.watch(info, namespace);
  }

  /** Pods, events and ReplicaSets of a namespace: what health and fail-fast read beside the object. */
  async watchNamespace(namespace: string): Promise<void> {
    if (this.watchedNamespaces.has(namespace)) return;
    this.watchedNamespaces.add(namespace);
    try {
      await Promise.all([
        this.client.requireResource('v1', 'Pod').then((pods) => this.watcher.watch(pods, namespace)),
        this.client.requireResource('v1', 'Event').then((events) => this.watcher.watch(events, namespace)),
        this.client
          .resourceFor('apps/v1', 'ReplicaSet')
          .then((rs) => rs && this.watcher.watch(rs, namespace)),
      ]);
    } catch (err) {
      this.watchedNamespaces.delete(namespace); // the next write into it tries again
      throw err;
    }
  }

  isWatching(namespace: string): boolean {
    return this.watchedNamespaces.has(namespace);
  }

  /** The cached object of that name, whichever write it came from. */
  current(group: string, kind: string, namespace: string | undefined, name: string): Json | undefined {
    return this.watcher.get(group, kind, namespace, name);
  }

  /** Every cached object of a kind (in a namespace). */
  list(group: string, kind: string, namespace?: string): Json[] {
    return this.watcher.list(group, kind, namespace);
  }

  /**
   * A write's own response is an observation too: the newest one until the watch brings a later state.
   * Returns the version the write made, which judges everything seen after.
   */
  record(obj: Json): AppliedVersion {
    const version = { ...versionOf(obj), arrival: ++this.arrivalCount };
    const known = this.latestByUid.get(version.uid);
    if (version.uid && (!known || !isAtLeast(known, version))) this.store(version.uid, obj);
    return version;
  }

  /** The newest state of what `applied` wrote; undefined while only older states have been seen. */
  latest(applied: AppliedVersion): Json | undefined {
    const obj = this.latestByUid.get(applied.uid);
    const arrivedAfter = (this.arrivals.get(applied.uid) ?? 0) >= (applied.arrival ?? Infinity);
    return obj && isAtLeast(obj, applied, arrivedAfter) ? obj : undefined;
  }

  private store(uid: string, obj: Json): void {
    this.latestByUid.set(uid, obj);
    this.arrivals.set(uid, ++this.arrivalCount);
  }

  /** The object with this uid was deleted (its last state stays readable through `latest`). */
  gone(uid: string): boolean {
    return this.goneUids.has(uid);
  }

  /**
   * The newest state seen of an object carrying this label value, deleted ones included (a hook's write
   * token: what a write whose answer was lost made, even if it is gone since).
   */
  withLabel(key: string, value: string): Json | undefined {
    for (const obj of this.latestByUid.values())
      if ((metaOf(obj).labels as Record<string, string> | undefined)?.[key] === value) return obj;
    return undefined;
  }

  /** Deleted while the watch was interrupted: its final state was never seen. */
  endUnseen(uid: string): boolean {
    return this.unseenEnds.has(uid);
  }

  /**
   * What else tells how an object ended: the events about it, and the last state seen of each pod it
   * owned, deleted ones included.
   */
  traces(obj: Json): { events: Json[]; pods: Json[] } {
    const uid = String(metaOf(obj).uid);
    const events: Json[] = [];
    const pods: Json[] = [];
    for (const o of this.latestByUid.values()) {
      if (o.kind === 'Event' && String((o.involvedObject as Json | undefined)?.uid) === uid) events.push(o);
      else if (
        o.kind === 'Pod' &&
        ((metaOf(o).ownerReferences ?? []) as Json[]).some((r) => String(r.uid) === uid)
      )
        pods.push(o);
    }
    return { events, pods };
  }

  /** What health and fail-fast need beside the object: its current revision's pods and their events. */
  observations(obj: Json, grace?: Partial<GracePeriods>): Observations {
    // Read only when the judgement needs them (a workload not yet healthy, a running hook): gathering the
    // pods and events of a namespace for each of thousands of ConfigMaps made the wait quadratic.
    let pods: Json[] | undefined;
    const podsNow = () => {
      if (!pods) {
        pods = this.podsOf(obj);
        for (const p of pods) this.noteSightings(p);
      }
      return pods;
    };
    const watcher = this.watcher;
    return {
      get pods() {
        return podsNow();
      },
      get events() {
        return watcher.list('', 'Event', String(metaOf(obj).namespace ?? ''));
      },
      now: Date.now(),
      grace,
      firstSeen: (key: string) => this.firstSeen.get(key),
    };
  }

  podsOf(obj: Json): Json[] {
    const ns = String(metaOf(obj).namespace ?? '');
    return podsOf(obj, [
      ...this.watcher.list('', 'Pod', ns),
      ...this.watcher.list('apps', 'ReplicaSet', ns),
    ]) as Json[];
  }

  /** The last ten events about the object and its current pods, oldest first: `Warning BackOff: …`. */
  eventsFor(obj: Json): string[] {
    const ns = String(metaOf(obj).namespace ?? '');
    const uids = new Set([String(metaOf(obj).uid), ...this.podsOf(obj).map((p) => String(metaOf(p).uid))]);
    return this.watcher
      .list('', 'Event', ns)
      .filter((e) => uids.has(String((e.involvedObject as Json | undefined)?.uid)))
      .sort((a, b) => String(a.lastTimestamp ?? '').localeCompare(String(b.lastTimestamp ?? '')))
      .slice(-10)
      .map((e) => `${String(e.type)} ${String(e.reason)}: ${String(e.message)}`);
  }

  /** Resolves on the next change seen, at `until`, or on `signal`, whichever comes first. */
  nextChange(until: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, until - Date.now()) + 5);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  /** Wakes every waiter, as a change would: something outside the watches happened (a hook finished). */
  poke(): void {
    for (const w of [...this.waiters]) w();
  }

  close(): void {
    this.watcher.close();
    this.poke();
  }

  private onChange(change: Change): void {
    const uid = String(metaOf(change.object).uid ?? '');
    if (uid) {
      if (change.type === 'DELETED') this.goneUids.add(uid);
      if (change.type === 'DELETED' && change.finalUnknown) this.unseenEnds.add(uid);
      // The deleted object's last state still says how a hook ended (ttlSecondsAfterFinished: 0).
      const known = this.latestByUid.get(uid);
      if (!known || change.type === 'DELETED' || isAtLeast(change.object, versionOf(known), true))
        this.store(uid, change.object);
    }
    if (change.kind === 'Pod' && change.group === '') this.onPod(change.object);
    this.poke();
  }

  private noteSightings(pod: Json): void {
    const uid = String(metaOf(pod).uid);
    const status = (pod.status ?? {}) as Json;
    const now = Date.now();
    const note = (key: string) => {
      if (!this.firstSeen.has(key)) this.firstSeen.set(key, now);
    };
    for (const c of [
      ...((status.initContainerStatuses ?? []) as Json[]),
      ...((status.containerStatuses ?? []) as Json[]),
    ]) {
      const reason = String((((c.state ?? {}) as Json).waiting as Json | undefined)?.reason ?? '');
      if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff')
        note(`${uid}/${String(c.name)}/ImagePull`);
      else if (reason) note(`${uid}/${String(c.name)}/${reason}`);
    }
    if (
      ((status.conditions ?? []) as Json[]).some(
        (c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable',
      )
    )
      note(`${uid}/Unschedulable`);
  }
}

/** The version an object's own metadata states. */
export function versionOf(obj: Json): AppliedVersion {
  const meta = metaOf(obj);
  return {
    uid: String(meta.uid ?? ''),
    resourceVersion: String(meta.resourceVersion ?? ''),
    generation: Number(meta.generation ?? 0),
  };
}
