/**
 * Live hook logs: every container (init containers first) of every pod of every hook is followed as soon
 * as it starts, each line passed on prefixed with the hook's name, and the last lines kept for the report.
 */
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import type { Redactor } from './redactor.js';

const TAIL = 200;

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

export class HookLogFollower {
  private readonly byOwner = new Map<string, Tracked>();
  private readonly followed = new Set<string>();
  private readonly abort = new AbortController();

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
    if (!this.byOwner.has(uid))
      this.byOwner.set(uid, { hook, withheld, lines: [], active: new Set(), multiContainer: false });
  }

  /** Why the hook's logs were not read, if they were not. */
  withheld(uid: string): string | undefined {
    return this.byOwner.get(uid)?.withheld;
  }

  /** Called for every pod change the sync sees: its Secrets are masked first, then its logs followed. */
  onPod(pod: Json): void {
    const meta = (pod.metadata ?? {}) as Json;
    const owners = ((meta.ownerReferences ?? []) as Json[]).map((o) => String(o.uid));
    const tracked = [String(meta.uid), ...owners].map((u) => this.byOwner.get(u)).find(Boolean);
    if (!tracked || tracked.withheld || !containersOf(pod).some((c) => c.started)) return;
    const podUid = String(meta.uid);
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
  }

  private follow(pod: Json, tracked: Tracked): void {
    const meta = (pod.metadata ?? {}) as Json;
    const containers = containersOf(pod);
    tracked.multiContainer ||= containers.length > 1;
    for (const c of containers) {
      if (!c.started) continue;
      const key = `${String(meta.uid)}/${c.name}/${c.restartCount}`;
      if (this.followed.has(key)) continue;
      this.followed.add(key);
      const podName = String(meta.name);
      const done = this.client
        .followLog(
          String(meta.namespace),
          podName,
          c.name,
          (raw) => {
            const line = this.redactor.redact(raw);
            tracked.lines.push(tracked.multiContainer ? `[${c.name}] ${line}` : line);
            if (tracked.lines.length > TAIL) tracked.lines.splice(0, tracked.lines.length - TAIL);
            this.sink({ hook: tracked.hook, pod: podName, container: c.name, line });
          },
          { follow: c.running, signal: this.abort.signal },
        )
        .catch(() => {
          // A pod deleted at once (TTL 0) or a container that never logged: nothing to read.
        });
      tracked.active.add(done);
      void done.finally(() => tracked.active.delete(done));
    }
  }

  tail(uid: string, n = 20): string[] {
    return (this.byOwner.get(uid)?.lines ?? []).slice(-n);
  }

  /** Lets streams of a finished hook drain (bounded), so its logs are recorded before it is deleted. */
  async settle(uid: string, timeoutMs = 2000): Promise<void> {
    const tracked = this.byOwner.get(uid);
    if (!tracked) return;
    const deadline = Date.now() + timeoutMs;
    // Streams may start while earlier ones end (a pod's Secrets read first): until none is left.
    while (tracked.active.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...tracked.active]),
        new Promise((r) => (timer = setTimeout(r, deadline - Date.now()))),
      ]);
      if (timer) clearTimeout(timer);
    }
  }

  stop(): void {
    this.abort.abort();
  }
}
