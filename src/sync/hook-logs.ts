/**
 * Live hook logs: every container (init containers first) of every pod of every hook is followed as soon
 * as it starts, each line passed on prefixed with the hook's name, and the last lines kept for the report.
 * Streams that break are resumed (`readContainerLog`); a log that could not be read in full is said to be
 * incomplete, with the reason, never left to look merely short.
 */
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import { readContainerLog } from '../cluster/container-log.js';
import type { Redactor } from './redactor.js';

const TAIL = 200;
/**
 * How long a finished hook's streams may take to drain: long enough for a broken stream to be resumed
 * a few times (the back-off reaches seconds), short enough not to hold up the operation.
 */
const SETTLE_MS = 10_000;

export interface HookLogLine {
  hook: string;
  pod: string;
  container: string;
  line: string;
}

interface Tracked {
  hook: string;
  /** Why its logs are never read: they may hold values hook-sync could not learn to mask. */
  withheld?: string;
  lines: string[];
  active: Set<Promise<void>>;
  multiContainer: boolean;
  /** Why some of its logs are missing, per container run that could not be read in full. */
  incomplete: string[];
  /** A container of its pods was seen started: its logs were (or are being) read. */
  seenStarted: boolean;
  /** settle() waiting for its pods to be seen. */
  wakers: Set<() => void>;
}

function containersOf(
  pod: Json,
): { name: string; started: boolean; running: boolean; restartCount: number }[] {
  const status = (pod.status ?? {}) as Json;
  const all = [
    ...((status.initContainerStatuses ?? []) as Json[]),
    ...((status.containerStatuses ?? []) as Json[]),
  ];
  return all.map((c) => {
    const state = (c.state ?? {}) as Json;
    return {
      name: String(c.name),
      started: !!(state.running || state.terminated),
      running: !!state.running,
      restartCount: Number(c.restartCount ?? 0),
    };
  });
}

/** The hook object says its pods ran to an end: a Job counts them, a Pod hook ended. */
export function podsRan(hook: Json | undefined): boolean {
  const status = (hook?.status ?? {}) as Json;
  return (
    Number(status.succeeded ?? 0) + Number(status.failed ?? 0) > 0 ||
    status.phase === 'Succeeded' ||
    status.phase === 'Failed'
  );
}

export class HookLogFollower {
  private readonly byOwner = new Map<string, Tracked>();
  private readonly followed = new Set<string>();
  private readonly abort = new AbortController();

  /** Readers waiting for a pod's next change, by pod uid. */
  private readonly podWaiters = new Map<string, Set<() => void>>();

  /** The latest state of pods seen before their hook was tracked, by owner (and own) uid. */
  private readonly untracked = new Map<string, Map<string, Json>>();

  /** Pods whose Secrets were read (or found unreadable) before their logs. */
  private readonly gated = new Map<string, Promise<void>>();

  constructor(
    private readonly client: ClusterClient,
    private readonly redactor: Redactor,
    private readonly sink: (line: HookLogLine) => void,
    /** Masks what a pod can read before its logs are; says why they must be withheld, if they must. */
    private readonly gate: (pod: Json) => Promise<string | undefined> = async () => undefined,
  ) {}

  /** Follow the pods of this hook object (a Job's pods, or the Pod itself), unless they are withheld. */
  track(uid: string, hook: string, withheld?: string): void {
    if (this.byOwner.has(uid)) return;
    this.byOwner.set(uid, {
      hook,
      withheld,
      lines: [],
      active: new Set(),
      multiContainer: false,
      incomplete: [],
      seenStarted: false,
      wakers: new Set(),
    });
    // Its pods may have started (even ended) before the write's answer arrived (a retried write).
    const early = this.untracked.get(uid);
    this.untracked.delete(uid);
    for (const pod of early?.values() ?? []) this.onPod(pod);
  }

  /** Why the hook's logs were not read, if they were not. */
  withheld(uid: string): string | undefined {
    return this.byOwner.get(uid)?.withheld;
  }

  /**
   * Why the hook's logs are not all it wrote, if they are not. `ran`: the hook's object says its pods
   * ran (a Job's succeeded or failed count); if none was ever seen started, their logs were never read.
   */
  incomplete(uid: string, ran: boolean): string | undefined {
    const tracked = this.byOwner.get(uid);
    if (!tracked || tracked.withheld) return undefined;
    const reasons = [...tracked.incomplete];
    if (ran && !tracked.seenStarted)
      reasons.push('its pods ran but hook-sync never saw them start, so their logs were not read');
    return reasons.length ? [...new Set(reasons)].join('; ') : undefined;
  }

  /** Called for every pod change the sync sees: its Secrets are masked first, then its logs followed. */
  onPod(pod: Json): void {
    const meta = (pod.metadata ?? {}) as Json;
    const waiting = this.podWaiters.get(String(meta.uid));
    this.podWaiters.delete(String(meta.uid));
    for (const wake of waiting ?? []) wake();
    const owners = ((meta.ownerReferences ?? []) as Json[]).map((o) => String(o.uid));
    const podUid = String(meta.uid);
    const tracked = [podUid, ...owners].map((u) => this.byOwner.get(u)).find(Boolean);
    if (!tracked) {
      for (const owner of [podUid, ...owners]) {
        const pods = this.untracked.get(owner) ?? new Map<string, Json>();
        this.untracked.set(owner, pods.set(podUid, pod));
      }
      return;
    }
    if (tracked.withheld || !containersOf(pod).some((c) => c.started)) return;
    let gated = this.gated.get(podUid);
    if (!gated) {
      gated = this.gate(pod).then(
        (reason) => {
          if (reason) tracked.withheld ??= reason;
        },
        (err: unknown) => {
          tracked.withheld ??= `its logs are not shown: the Secrets its pods use could not be read to mask them (${(err as Error).message})`;
        },
      );
      this.gated.set(podUid, gated);
    }
    // Counted as active until its streams are: a hook that ends meanwhile still gets its logs.
    const work = gated.then(() => {
      if (!tracked.withheld) this.follow(pod, tracked);
    });
    tracked.active.add(work);
    void work.finally(() => tracked.active.delete(work));
    for (const wake of [...tracked.wakers]) wake();
  }

  private follow(pod: Json, tracked: Tracked): void {
    const meta = (pod.metadata ?? {}) as Json;
    const containers = containersOf(pod);
    tracked.multiContainer ||= containers.length > 1;
    for (const c of containers) {
      if (!c.started) continue;
      tracked.seenStarted = true;
      const key = `${String(meta.uid)}/${c.name}/${c.restartCount}`;
      if (this.followed.has(key)) continue;
      this.followed.add(key);
      const podName = String(meta.name);
      const done = readContainerLog(
        this.client,
        {
          namespace: String(meta.namespace),
          pod: podName,
          container: c.name,
          restartCount: c.restartCount,
          running: c.running,
        },
        (raw) => {
          const line = this.redactor.redact(raw);
          tracked.lines.push(tracked.multiContainer ? `[${c.name}] ${line}` : line);
          if (tracked.lines.length > TAIL) tracked.lines.splice(0, tracked.lines.length - TAIL);
          this.sink({ hook: tracked.hook, pod: podName, container: c.name, line });
        },
        this.abort.signal,
        () => this.nextChange(String(meta.uid)),
      ).then((outcome) => {
        if (!outcome.complete && !this.abort.signal.aborted)
          tracked.incomplete.push(
            `${containers.length > 1 ? `container ${c.name} of ` : ''}pod ${podName}: ${outcome.reason}`,
          );
      });
      tracked.active.add(done);
      void done.finally(() => tracked.active.delete(done));
    }
  }

  private nextChange(podUid: string): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.podWaiters.get(podUid) ?? new Set();
      this.podWaiters.set(podUid, waiters.add(resolve));
    });
  }

  tail(uid: string, n = 20): string[] {
    return (this.byOwner.get(uid)?.lines ?? []).slice(-n);
  }

  /**
   * Lets streams of a finished hook drain (bounded), so its logs are recorded before it is deleted. A
   * stream still open at the bound leaves the log incomplete, and says so.
   */
  async settle(uid: string, ran = false, timeoutMs = SETTLE_MS): Promise<void> {
    const tracked = this.byOwner.get(uid);
    if (!tracked) return;
    const deadline = Date.now() + timeoutMs;
    // The hook's object can be seen finished before its pods are seen at all (the pod watch resuming):
    // pods that ran are waited for, so their logs are read.
    while (ran && !tracked.seenStarted && tracked.active.size === 0 && !tracked.withheld) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, left);
        function wake() {
          clearTimeout(timer);
          tracked!.wakers.delete(wake);
          resolve();
        }
        tracked!.wakers.add(wake);
      });
    }
    // Streams may start while earlier ones end (a pod's Secrets read first): until none is left.
    while (tracked.active.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...tracked.active]),
        new Promise((r) => (timer = setTimeout(r, deadline - Date.now()))),
      ]);
      if (timer) clearTimeout(timer);
    }
    if (tracked.active.size > 0)
      tracked.incomplete.push(
        `its log was still being read ${Math.round(timeoutMs / 1000)} s after the hook ended`,
      );
  }

  stop(): void {
    this.abort.abort();
  }
}
