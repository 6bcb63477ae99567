/**
 * A cluster-side lock per application: a `coordination.k8s.io/v1` Lease named `hook-sync-<app>` in the
 * app's namespace, so two runs never sync (or delete) one application at once. The second one waits for
 * the first — on a watch of the Lease, and on the lease's expiry — for as long as it is allowed, then fails
 * with a message naming the holder.
 *
 * Every write is conditioned on the Lease's resourceVersion (create, take over, renew) or on its uid and
 * resourceVersion (release): of two parties racing for it, exactly one wins and the other goes back to
 * waiting. A run that dies leaves its Lease behind, held until `leaseDurationSeconds` after its last
 * renewal; after that anyone takes it over.
 */
import { randomBytes } from 'node:crypto';
import { KubeApiError } from '../cluster/api-error.js';
import { FIELD_MANAGER, type ClusterClient, type Json } from '../cluster/cluster-client.js';
import { ObjectWatcher } from '../cluster/object-watcher.js';
import { formatDuration } from '../duration.js';
import {
  DEFAULT_LEASE_DURATION_SECONDS,
  LEASE_INFO,
  holderInfo,
  isFree,
  leaseBody,
  lockLeaseName,
  microTime,
  readLease,
  shortTime,
  type LeaseState,
  type LockHolderInfo,
} from './app-lock-lease.js';

export { lockLeaseName, type LockHolderInfo } from './app-lock-lease.js';

export interface LockOptions {
  /** The application's name; the Lease is `hook-sync-<app>` (see lockLeaseName). */
  app: string;
  /** The app's namespace: the Lease lives there, and it must exist. */
  namespace: string;
  /** Who: a workflow run URL, or user@host (CLI). */
  holder: string;
  /** 'sync' | 'delete', recorded on the Lease for the waiting party's message. */
  operation: string;
  /** How long to wait for another holder (the operation's timeout); 0: not at all. */
  waitMs: number;
  /** Default 60; renewed every duration/3 while held. */
  leaseDurationSeconds?: number;
  /** Cancels the wait (acquireLock rejects with an AbortError); while held, releases the lock. */
  signal?: AbortSignal;
  /** Called once when it starts waiting, and again if the holder changes. */
  onWait?: (holder: LockHolderInfo) => void;
}

export interface HeldLock {
  /** Aborted if the lease is lost while held (renewal failed past the duration, or another holder took it): the sync must stop. Its reason is a LockLostError. */
  lost: AbortSignal;
  /** Releases (deletes the Lease if still ours, precondition on uid/resourceVersion); idempotent. */
  release(): Promise<void>;
  /**
   * Stops renewing without giving the lock up: its Lease is about to go with its namespace (a delete
   * removing the namespace it created). Nobody else can take it before the namespace is gone, and the
   * Lease's disappearance is not a loss.
   */
  relinquish(): void;
}

/** Waited `waitMs` and the app is still locked; the message names the holder and what to do. */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
  constructor(
    readonly app: string,
    /** `namespace/name` of the Lease. */
    readonly lease: string,
    readonly holder: LockHolderInfo,
    waitedMs: number,
  ) {
    const op = holder.operation ? `operation ${holder.operation}, ` : '';
    const verb =
      holder.operation === 'sync'
        ? 'syncing'
        : holder.operation === 'delete'
          ? 'deleting'
          : holder.operation
            ? `running ${holder.operation} on`
            : 'using';
    super(
      `app ${app} is locked by ${holder.holder} (${op}since ${holder.since}, lease expires ${holder.expiresAt}): ` +
        `another run is ${verb} it${waitedMs > 0 ? ` (waited ${formatDuration(waitedMs)})` : ''}. ` +
        `Wait for it, or pass --no-lock / lock: false if you know better (the lock is Lease ${lease}).`,
    );
  }
}

/** The reason of HeldLock.lost. */
export class LockLostError extends Error {
  override name = 'LockLostError';
}

/** The app's namespace does not exist, so its Lease cannot either. */
export class LockNamespaceMissingError extends Error {
  override name = 'LockNamespaceMissingError';
  constructor(
    readonly app: string,
    readonly namespace: string,
  ) {
    super(
      `cannot lock app ${app}: namespace ${namespace} does not exist (the lock is a Lease in it); ` +
        'create the namespace first, or pass --no-lock / lock: false',
    );
  }
}

function abortError(what: string, signal: AbortSignal): Error {
  const err = new Error(`${what}: cancelled`, { cause: signal.reason });
  err.name = 'AbortError';
  return err;
}

function isApiError(err: unknown, code: number): err is KubeApiError {
  return err instanceof KubeApiError && err.code === code;
}

/** Woken by a watch event, a time, or cancellation — whichever comes first; never a fixed sleep. */
class Wakeup {
  private pending = false;
  private wake?: () => void;

  poke(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Forget earlier pokes: called before the state is read again, so no later change is missed. */
  reset(): void {
    this.pending = false;
  }

  wait(until: number, signal?: AbortSignal): Promise<void> {
    if (this.pending || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, until - Date.now()));
      signal?.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }
}

interface Target {
  client: ClusterClient;
  app: string;
  namespace: string;
  name: string;
  path: string;
  collection: string;
  identity: string;
  durationSeconds: number;
}

async function getLease(target: Target, signal?: AbortSignal): Promise<Json | undefined> {
  try {
    return (await target.client.request('GET', target.path, { signal })).body;
  } catch (err) {
    if (err instanceof KubeApiError && err.notFound) return undefined;
    throw err;
  }
}

/**
 * Takes the app's lock, waiting for another holder up to `waitMs`. Resolves once the Lease names this run;
 * rejects with LockTimeoutError (still held by another after `waitMs`), LockNamespaceMissingError, an
 * AbortError (cancelled while waiting) or the API's error.
 */
export async function acquireLock(client: ClusterClient, options: LockOptions): Promise<HeldLock> {
  const { app, namespace, holder, operation, signal } = options;
  const durationSeconds = options.leaseDurationSeconds ?? DEFAULT_LEASE_DURATION_SECONDS;
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1)
    throw new Error(`leaseDurationSeconds must be a whole number of seconds ≥ 1, not ${durationSeconds}`);
  if (!namespace) throw new Error(`cannot lock app ${app}: no namespace given`);
  if (!holder.trim()) throw new Error(`cannot lock app ${app}: no holder given`);
  const name = lockLeaseName(app);
  const collection = `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/leases`;
  const target: Target = {
    client,
    app,
    namespace,
    name,
    collection,
    path: `${collection}/${encodeURIComponent(name)}`,
    // Unique per acquisition: two runs of one holder (a re-run, two terminals of one user) exclude each other too.
    identity: `${holder}#${randomBytes(4).toString('hex')}`,
    durationSeconds,
  };
  const started = Date.now();
  const deadline = started + Math.max(0, options.waitMs);
  const fields = (now: number) => ({
    name,
    namespace,
    app,
    holder,
    operation,
    identity: target.identity,
    durationSeconds,
    now,
  });
  const what = `stopped waiting for the lock of app ${app}`;

  const wakeup = new Wakeup();
  let watcher: ObjectWatcher | undefined;
  let watching = false;
  let reported: string | undefined;
  let mightBeAbsent = true;
  let held: Holding | undefined;
  try {
    for (;;) {
      if (signal?.aborted) throw abortError(what, signal);
      wakeup.reset();
      if (mightBeAbsent) {
        const now = Date.now();
        try {
          const { body } = await client.request('POST', collection, {
            query: { fieldManager: FIELD_MANAGER },
            body: leaseBody(fields(now)),
            // Safe to repeat: a create that landed answers AlreadyExists, and the Lease then names us.
            idempotent: true,
            signal,
          });
          held = new Holding(target, body, now, signal);
          break;
        } catch (err) {
          if (err instanceof KubeApiError && err.notFound && /namespaces?\b/.test(err.message))
            throw new LockNamespaceMissingError(app, namespace);
          if (!isApiError(err, 409)) throw err;
        }
      }
      const current = await getLease(target, signal);
      mightBeAbsent = !current;
      if (!current) continue; // released between the two requests
      const state = readLease(current, durationSeconds);
      const now = Date.now();
      if (state.identity === target.identity) {
        // Our own create whose answer was lost on the way back.
        held = new Holding(target, current, state.renewedAt ?? now, signal);
        break;
      }
      if (isFree(state, now)) {
        try {
          const { body } = await client.request('PUT', target.path, {
            query: { fieldManager: FIELD_MANAGER },
            body: leaseBody(fields(now), current),
            idempotent: true,
            signal,
          });
          held = new Holding(target, body, now, signal);
          break;
        } catch (err) {
          if (isApiError(err, 409)) continue; // someone else was faster: look again
          if (err instanceof KubeApiError && err.notFound) {
            mightBeAbsent = true;
            continue;
          }
          throw err;
        }
      }
      if (now >= deadline)
        throw new LockTimeoutError(app, `${namespace}/${name}`, holderInfo(state), now - started);
      if (!watching) {
        // Watch from now on, then read it again: nothing that happens after that read is missed.
        watching = true;
        watcher = await startWatcher(target, wakeup);
        continue;
      }
      if (reported !== state.identity) {
        reported = state.identity;
        options.onWait?.(holderInfo(state));
      }
      await wakeup.wait(Math.min(state.expiresAt, deadline), signal);
    }
  } catch (err) {
    if (signal?.aborted) throw abortError(what, signal);
    throw err;
  } finally {
    watcher?.close();
  }
  if (signal?.aborted) {
    await held.release().catch(() => undefined);
    throw abortError(what, signal);
  }
  held.start();
  return held;
}

/** A watch of the namespace's Leases that wakes the waiting party when this one changes or goes. */
async function startWatcher(target: Target, wakeup: Wakeup): Promise<ObjectWatcher | undefined> {
  const watcher = new ObjectWatcher(target.client);
  watcher.onChange((change) => {
    if (change.group !== LEASE_INFO.group || change.kind !== LEASE_INFO.kind) return;
    const meta = (change.object.metadata ?? {}) as Json;
    if (meta.name === target.name && meta.namespace === target.namespace) wakeup.poke();
  });
  try {
    await watcher.watch(LEASE_INFO, target.namespace);
    return watcher;
  } catch (err) {
    watcher.close();
    // May not list/watch Leases (RBAC): still correct, woken only by the lease's expiry and the deadline.
    if (isApiError(err, 403)) return undefined;
    throw err;
  }
}

/** A held lock: renews the Lease every third of its duration until released or lost. */
class Holding implements HeldLock {
  private readonly lostController = new AbortController();
  readonly lost = this.lostController.signal;
  private readonly durationMs: number;
  private renewTimer?: NodeJS.Timeout;
  private expiryTimer?: NodeJS.Timeout;
  private requestController?: AbortController;
  private renewing?: Promise<void>;
  private lastError?: unknown;
  private stopped = false;
  private releasing?: Promise<void>;
  private readonly onAbort = () => void this.release().catch(() => undefined);

  constructor(
    private readonly target: Target,
    /** The Lease as last written by us: the base of the next renewal and the release's preconditions. */
    private current: Json,
    /** The renewTime last written (local clock). */
    private renewedAt: number,
    private readonly signal?: AbortSignal,
  ) {
    this.durationMs = target.durationSeconds * 1000;
  }

  start(): void {
    this.scheduleRenewal(this.durationMs / 3);
    this.armExpiry();
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  release(): Promise<void> {
    this.releasing ??= this.doRelease();
    return this.releasing;
  }

  relinquish(): void {
    this.stopped = true;
    this.stopTimers();
  }

  private get expiresAt(): number {
    return this.renewedAt + this.durationMs;
  }

  private scheduleRenewal(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => {
      this.renewing = this.renew().finally(() => (this.renewing = undefined));
    }, delayMs);
    this.renewTimer.unref();
  }

  /** At the expiry of the last renewal: if nothing renewed it since, the lock may be someone else's now. */
  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => {
        if (Date.now() >= this.expiresAt) this.lose(this.notRenewed());
      },
      Math.max(1, this.expiresAt - Date.now()),
    );
    this.expiryTimer.unref();
  }

  private notRenewed(): string {
    const why =
      this.lastError instanceof Error ? this.lastError.message : String(this.lastError ?? 'no answer');
    return (
      `the lock of app ${this.target.app} could not be renewed since ${shortTime(this.renewedAt)} ` +
      `and its lease expired: ${why}`
    );
  }

  private async renew(): Promise<void> {
    if (this.stopped) return;
    const controller = new AbortController();
    this.requestController = controller;
    const signal = AbortSignal.any([
      controller.signal,
      AbortSignal.timeout(Math.max(1, this.expiresAt - Date.now())),
    ]);
    try {
      const lostTo = await this.writeRenewal(signal);
      if (lostTo) this.lose(lostTo);
      else this.scheduleRenewal(this.durationMs / 3);
    } catch (err) {
      if (this.stopped) return;
      this.lastError = err;
      const left = this.expiresAt - Date.now();
      if (left <= 0) this.lose(this.notRenewed());
      // Transient (the client has already retried): again soon, before the lease runs out.
      else this.scheduleRenewal(Math.min(1000, this.durationMs / 6, left));
    }
  }

  /** Renews; returns why the lock is lost when it is no longer ours. */
  private async writeRenewal(signal: AbortSignal): Promise<string | undefined> {
    const { client, path, identity } = this.target;
    for (let attempt = 1; ; attempt++) {
      const now = Date.now();
      const body = structuredClone(this.current);
      (body.spec as Json).renewTime = microTime(now);
      try {
        const written = await client.request('PUT', path, {
          query: { fieldManager: FIELD_MANAGER },
          body,
          idempotent: true,
          signal,
        });
        this.current = written.body;
        this.renewedAt = now;
        this.lastError = undefined;
        if (!this.stopped) this.armExpiry();
        return undefined;
      } catch (err) {
        if (err instanceof KubeApiError && err.notFound) return this.deleted();
        if (!isApiError(err, 409) || attempt >= 5) throw err;
      }
      // Changed by someone else: still ours (a label, an annotation, our own write whose answer was lost)?
      const latest = await getLease(this.target, signal);
      if (!latest) return this.deleted();
      const state = readLease(latest, this.target.durationSeconds);
      if (state.identity !== identity) return this.takenBy(state);
      this.current = latest;
    }
  }

  private deleted(): string {
    return `the lock of app ${this.target.app} was removed while held (its Lease ${this.target.namespace}/${this.target.name} was deleted)`;
  }

  private takenBy(state: LeaseState): string {
    const op = state.operation ? ` (operation ${state.operation})` : '';
    return `the lock of app ${this.target.app} was taken over by ${state.holder || 'nobody'}${op} while held`;
  }

  private lose(message: string): void {
    if (this.stopped || this.lost.aborted) return;
    this.stopped = true;
    this.stopTimers();
    this.lostController.abort(new LockLostError(message));
  }

  private stopTimers(): void {
    clearTimeout(this.renewTimer);
    clearTimeout(this.expiryTimer);
  }

  private async doRelease(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort);
    const wasLost = this.lost.aborted;
    this.stopped = true;
    this.stopTimers();
    this.requestController?.abort();
    await this.renewing;
    const { client, path, identity, app, namespace, name } = this.target;
    try {
      for (let attempt = 1; ; attempt++) {
        const meta = (this.current.metadata ?? {}) as Json;
        try {
          await client.request('DELETE', path, {
            body: {
              kind: 'DeleteOptions',
              apiVersion: 'v1',
              preconditions: { uid: meta.uid, resourceVersion: meta.resourceVersion },
            },
          });
          return;
        } catch (err) {
          if (err instanceof KubeApiError && err.notFound) return;
          if (!isApiError(err, 409) || attempt >= 5) throw err;
        }
        // Changed since our last write (a renewal whose answer we dropped, a label): delete it only if ours.
        // (A lost lock is deleted too while it still names us, e.g. it expired and nobody took it yet.)
        const latest = await getLease(this.target);
        if (!latest || readLease(latest, this.target.durationSeconds).identity !== identity) return;
        this.current = latest;
      }
    } catch (err) {
      if (wasLost) return; // expired or someone else's: nothing of ours to free
      throw new Error(
        `could not release the lock of app ${app} (Lease ${namespace}/${name}): ${(err as Error).message}; ` +
          `it expires by itself at ${shortTime(this.expiresAt)}`,
        { cause: err },
      );
    }
  }
}
