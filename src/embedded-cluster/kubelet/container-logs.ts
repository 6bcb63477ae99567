/** Container logs as the kubelet keeps them: per container, the current run and the previous one. */
import { ApiError, badRequest, notFound } from '../api/status-errors.js';
import type { LogLine, PodLogs } from '../api/http-server.js';

interface ContainerLog {
  current: LogLine[];
  previous?: LogLine[];
  running: boolean;
  /** Why it cannot be read yet (waiting to start). */
  waitingReason?: string;
  listeners: Set<{ onLine: (l: LogLine) => void; onEnd: () => void }>;
}

interface PodLogRecord {
  containers: Map<string, ContainerLog>;
  /** Containers in spec order, init containers first. */
  order: string[];
  main: string[];
}

const MAX_LINES = 10_000;

/**
 * RFC 3339 with nanoseconds, as the kubelet stamps lines (`timestamps=true`): the clock's milliseconds,
 * and below them a count that keeps every stamp later than the one before, as a real clock's would be.
 */
export class LogClock {
  private last = 0n;

  now(): string {
    let nanos = BigInt(Date.now()) * 1_000_000n;
    if (nanos <= this.last) nanos = this.last + 1n;
    this.last = nanos;
    const ms = Number(nanos / 1_000_000n);
    const fraction = String(nanos % 1_000_000_000n).padStart(9, '0');
    return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}Z`;
  }
}

export class ContainerLogs implements PodLogs {
  private readonly pods = new Map<string, PodLogRecord>();
  private readonly clock = new LogClock();

  private key(namespace: string, pod: string): string {
    return `${namespace}/${pod}`;
  }

  register(namespace: string, pod: string, init: string[], main: string[]): void {
    const containers = new Map<string, ContainerLog>();
    for (const name of [...init, ...main])
      containers.set(name, {
        current: [],
        running: false,
        waitingReason: 'ContainerCreating',
        listeners: new Set(),
      });
    this.pods.set(this.key(namespace, pod), { containers, order: [...init, ...main], main });
  }

  forget(namespace: string, pod: string): void {
    const record = this.pods.get(this.key(namespace, pod));
    if (!record) return;
    for (const c of record.containers.values()) for (const l of c.listeners) l.onEnd();
    this.pods.delete(this.key(namespace, pod));
  }

  private container(namespace: string, pod: string, name: string): ContainerLog | undefined {
    return this.pods.get(this.key(namespace, pod))?.containers.get(name);
  }

  /** A new run of a container starts with an empty log. */
  start(namespace: string, pod: string, name: string): void {
    const c = this.container(namespace, pod, name);
    if (!c) return;
    c.current = [];
    c.running = true;
    c.waitingReason = undefined;
  }

  /** The container died and will restart: its log is `--previous` from now on (it stays current until the restart). */
  keepAsPrevious(namespace: string, pod: string, name: string): void {
    const c = this.container(namespace, pod, name);
    if (c) c.previous = c.current;
  }

  waiting(namespace: string, pod: string, name: string, reason: string): void {
    const c = this.container(namespace, pod, name);
    if (c && !c.running) c.waitingReason = reason;
  }

  append(namespace: string, pod: string, name: string, text: string): LogLine | undefined {
    const c = this.container(namespace, pod, name);
    if (!c) return undefined;
    const line = { time: this.clock.now(), text };
    c.current.push(line);
    if (c.current.length > MAX_LINES) c.current.splice(0, c.current.length - MAX_LINES);
    for (const l of c.listeners) l.onLine(line);
    return line;
  }

  stop(namespace: string, pod: string, name: string): void {
    const c = this.container(namespace, pod, name);
    if (!c) return;
    c.running = false;
    for (const l of [...c.listeners]) l.onEnd();
    c.listeners.clear();
  }

  tail(namespace: string, pod: string, name: string, lines: number): string[] {
    return (this.container(namespace, pod, name)?.current ?? []).slice(-lines).map((l) => l.text);
  }

  read(namespace: string, pod: string, container: string | undefined, previous: boolean) {
    const record = this.pods.get(this.key(namespace, pod));
    if (!record) throw notFound('pods', '', pod);
    let name = container;
    if (!name) {
      if (record.main.length !== 1) {
        throw badRequest(
          `a container name must be specified for pod ${pod}, choose one of: [${record.main.join(' ')}]`,
        );
      }
      name = record.main[0]!;
    }
    const c = record.containers.get(name);
    if (!c) throw badRequest(`container ${name} is not valid for pod ${pod}`);
    if (previous) {
      if (!c.previous) throw badRequest(`previous terminated container "${name}" in pod "${pod}" not found`);
      return { lines: c.previous, running: false, container: name };
    }
    if (!c.running && c.current.length === 0 && c.waitingReason) {
      throw new ApiError(
        400,
        'BadRequest',
        `container "${name}" in pod "${pod}" is waiting to start: ${c.waitingReason}`,
      );
    }
    return { lines: c.current, running: c.running, container: name };
  }

  follow(
    namespace: string,
    pod: string,
    container: string,
    onLine: (l: LogLine) => void,
    onEnd: () => void,
  ): () => void {
    const c = this.container(namespace, pod, container);
    if (!c || !c.running) {
      onEnd();
      return () => {};
    }
    const listener = { onLine, onEnd };
    c.listeners.add(listener);
    return () => c.listeners.delete(listener);
  }
}
