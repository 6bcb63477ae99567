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
  /** Its logs may hold values hook-sync could not learn to mask: never read. */
  withheld: boolean;
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

  constructor(
    private readonly client: ClusterClient,
    private readonly redactor: Redactor,
    private readonly sink: (line: HookLogLine) => void,
  ) {}

  /** Follow the pods of this hook object (a Job's pods, or the Pod itself), unless they are withheld. */
  track(uid: string, hook: string, withheld = false): void {
    if (!this.byOwner.has(uid))
      this.byOwner.set(uid, { hook, withheld, lines: [], active: new Set(), multiContainer: false });
  }

  /** Called for every pod change the sync sees. */
  onPod(pod: Json): void {
    const meta = (pod.metadata ?? {}) as Json;
    const owners = ((meta.ownerReferences ?? []) as Json[]).map((o) => String(o.uid));
    const tracked = [String(meta.uid), ...owners].map((u) => this.byOwner.get(u)).find(Boolean);
    if (!tracked || tracked.withheld) return;
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
    if (!tracked || tracked.active.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...tracked.active]),
      new Promise((r) => (timer = setTimeout(r, timeoutMs))),
    ]);
    if (timer) clearTimeout(timer);
  }

  stop(): void {
    this.abort.abort();
  }
}
