/**
 * An operation on an application, around the engine: the inventory read, every object the plan may create
 * recorded before anything is written, the operation run (pruning or, for a delete, removal from the
 * inventory), then the outcome recorded — or, after a successful delete, the inventory removed.
 */
import { KubeApiError, KubeConnectionError, clusterErrorDetail } from '../cluster/api-error.js';
import type { ClusterClient } from '../cluster/cluster-client.js';
import { withCleanupLimits, withRetryLimits } from '../cluster/retry-policy.js';
import type { Plan, SyncTask } from '../plan/sync-task.js';
import { readAppUrls } from '../sync/app-urls.js';
import { tuneHeapForPlan } from '../heap-tuning.js';
import { groupVersionsOf } from '../sync/preflight.js';
import { runSync, type SyncOptions } from '../sync/sync-operation.js';
import type { SyncResult } from '../sync/sync-result.js';
import {
  pruneCandidates,
  recordCreatedNamespace,
  recordIntent,
  recordOutcome,
  type AppOrigin,
  type Inventory,
  type OperationRecord,
} from './inventory.js';
import { InventoryStore } from './inventory-store.js';
import {
  applyNamespaceMetadata,
  namespaceMadeForApp,
  prepareNamespace,
  removeUnusedNamespace,
  type NamespaceRequest,
} from './app-namespace.js';
import { markOwnership, recoverHooks, trackingId } from './recovery.js';
import { LockNamespaceMissingError, LockTimeoutError, acquireLock, type HeldLock } from './app-lock.js';
import {
  inventoryVersion,
  leaseExists,
  namespaceMissing,
  refusedBeforeWriting,
  stopped,
} from './before-writing.js';
import { deletion, namespacesSharedWithOtherApps } from './deletion-scope.js';

export interface AppOperationOptions extends Omit<SyncOptions, 'removals' | 'onWritten'> {
  app: string;
  /** Who runs it: the workflow run's address, or user@host. */
  by: string;
  /** Sync only: delete what left the manifests (otherwise it is reported as would-be-pruned). */
  prune: boolean;
  /** false: no lock (for people who know no other run touches this app). */
  lock?: boolean;
  /** How long the lock outlives its last renewal: a killed run's lock is free again after it (default 60). */
  lockTtlSeconds?: number;
  /** Sync only: create the app's namespace when missing (`create-namespace`), with this metadata. */
  namespace?: NamespaceRequest;
  /** Where the operation comes from (the pull request of a preview), kept with the inventory. */
  origin?: AppOrigin;
}

/** The final bookkeeping (the outcome in the inventory, the lock's release): retried this long, whatever happened. */
const BOOKKEEPING_RETRY_MS = 5000;

export function runAppOperation(
  plan: Plan,
  client: ClusterClient,
  options: AppOperationOptions,
): Promise<SyncResult> {
  // Every request made for the operation (recovery, namespace checks, addresses) stops retrying at its
  // cancel or its timeout, as the engine's do; the final bookkeeping has a short scope of its own.
  return withRetryLimits({ signal: options.signal, deadline: Date.now() + options.timeoutMs }, () =>
    appOperation(plan, client, options),
  );
}

async function appOperation(
  plan: Plan,
  client: ClusterClient,
  options: AppOperationOptions,
): Promise<SyncResult> {
  const startedAt = new Date().toISOString();
  // One budget for the whole operation: waiting for the lock and recovering count against it.
  const deadline = Date.now() + options.timeoutMs;
  const left = () => Math.max(1000, deadline - Date.now());
  // Before the lock: its Lease lives in the namespace, so even an app's first run into it is locked.
  const prepared =
    plan.operation === 'sync' && options.namespace
      ? await prepareNamespace(client, plan, options.app, options.namespace, options.signal)
      : undefined;
  if (prepared?.kind === 'failed') return stopped(plan, startedAt, 'Failed', prepared.message);
  if (prepared?.kind === 'created')
    options.observer?.info?.(`created namespace ${plan.namespace} (create-namespace)`);
  const progress: Progress = {
    createdNamespace: prepared?.kind === 'created',
    ownsNamespace: prepared?.kind === 'created' || prepared?.kind === 'ours',
    labelNamespace: prepared !== undefined && prepared.kind !== 'in-manifests',
    written: 0,
  };
  // A sync that prunes nothing is as large as what it writes: the heap is set for it before the dry run.
  // A delete, or a prune, is sized by the inventory, read under the lock (below).
  if (plan.operation === 'sync' && !options.prune) tuneHeapForPlan(plan.tasks.length);
  // Before the lock's Lease and the inventory: input the cluster refuses must change nothing in it. What
  // tells later whether the dry run went stale is read before it starts: the inventory (beside the
  // discovery of every kind the run touches and the namespace check), then the Lease.
  const staleness = (async () => {
    const [inventory] = await Promise.all([
      inventoryVersion(client, options.app, plan.namespace),
      client.discover(['v1', 'coordination.k8s.io/v1', ...groupVersionsOf(plan)]).catch(() => undefined),
    ]);
    // The Lease after the inventory, not beside it: a run that took the lock after this read writes the
    // inventory after it too (its intent), so one that came between is seen by one read or the other.
    return [inventory, await leaseExists(client, options.app, plan.namespace)] as const;
  })();
  const { refused, leftovers } = await refusedBeforeWriting(plan, client, options, startedAt, staleness);
  const [inventoryBefore, lockHeldBefore] = await staleness;
  if (refused) {
    if (progress.createdNamespace)
      refused.message += `\n${await removeUnusedNamespace(client, plan.namespace, options.app)}`;
    return refused;
  }
  let lock: HeldLock | undefined;
  let waitedForLock = false;
  if (options.lock !== false) {
    const taken = await takeLock(plan, client, options, () => (waitedForLock = true));
    if ('result' in taken) {
      const result = stopped(plan, startedAt, taken.result.status, taken.result.message);
      // No lock, nothing written: the namespace made for this run goes again (unless another run is in).
      if (progress.createdNamespace)
        result.message += `\n${await removeUnusedNamespace(client, plan.namespace, options.app)}`;
      return result;
    }
    lock = taken.lock;
  }
  // The dry run above stands only if no run of the app held the lock during it or came between it and
  // the lock (every run writes the inventory first), and recovery has no hooks of a killed run to
  // replace: otherwise the engine dry-runs again, under the lock.
  const dryRunStands = (inventoryNow: string | undefined) =>
    !waitedForLock && !leftovers && !lockHeldBefore && inventoryNow === inventoryBefore;
  try {
    const signal = lock
      ? options.signal
        ? AbortSignal.any([options.signal, lock.lost])
        : lock.lost
      : options.signal;
    const result = await operate(
      plan,
      client,
      { ...options, signal },
      { startedAt, left, progress, lock, dryRunStands },
    );
    if (progress.createdNamespace && progress.written === 0 && result.status !== 'Succeeded') {
      // Refused before anything was applied: leave the cluster as it was, the namespace included.
      lock?.relinquish();
      result.message += `\n${await removeUnusedNamespace(client, plan.namespace, options.app, !!lock)}`;
      return result;
    }
    if (lock?.lost.aborted && !options.signal?.aborted) {
      // Not a person's cancel: another run may be syncing this app now. Say so, and fail.
      result.status = 'Failed';
      result.message = `stopped: ${(lock.lost.reason as Error | undefined)?.message ?? 'the lock of the application was lost'}`;
    }
    if (plan.operation === 'sync' && result.status === 'Succeeded') {
      const urls = await readAppUrls(client, plan);
      if (urls.length) result.urls = urls;
    }
    return result;
  } finally {
    const held = lock;
    if (held)
      await withCleanupLimits(BOOKKEEPING_RETRY_MS, () => held.release()).catch((err: unknown) =>
        options.observer?.info?.((err as Error).message),
      );
  }
}

/**
 * The application's Lease, waited for within the operation's timeout. A namespace the sync itself creates
 * cannot hold one yet: that first run goes without, and says so.
 */
async function takeLock(
  plan: Plan,
  client: ClusterClient,
  options: AppOperationOptions,
  onWaited: () => void,
): Promise<
  { lock: HeldLock } | { lock?: undefined } | { result: { status: 'Failed' | 'Cancelled'; message: string } }
> {
  // Cancelling the wait must not release a lock later: the signal given to the lock covers the wait only.
  const waiting = new AbortController();
  const cancel = () => waiting.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const lock = await acquireLock(client, {
      app: options.app,
      namespace: plan.namespace,
      holder: options.by,
      operation: plan.operation,
      waitMs: options.timeoutMs,
      leaseDurationSeconds: options.lockTtlSeconds,
      signal: waiting.signal,
      onWait: (h) => {
        onWaited();
        options.observer?.info?.(
          `waiting for the lock of app ${options.app}: held by ${h.holder}${h.operation ? ` (${h.operation})` : ''} since ${h.since}, expires ${h.expiresAt} unless renewed`,
        );
      },
    });
    return { lock };
  } catch (err) {
    if (err instanceof LockNamespaceMissingError) {
      options.observer?.info?.(
        `no lock for app ${options.app}: namespace ${plan.namespace} does not exist yet`,
      );
      return {};
    }
    if (waiting.signal.aborted)
      return {
        result: { status: 'Cancelled', message: 'the operation was cancelled while waiting for the lock' },
      };
    if (err instanceof LockTimeoutError) return { result: { status: 'Failed', message: err.message } };
    return {
      result: {
        status: 'Failed',
        message: `cannot take the lock of app ${options.app}: ${clusterErrorDetail(err)}`,
      },
    };
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** What the operation did that the caller acts on afterwards. */
interface Progress {
  /** This run created the app's namespace (create-namespace). */
  createdNamespace: boolean;
  /** The namespace is hook-sync's, made for this app (by this run or a concurrent one): recorded. */
  ownsNamespace: boolean;
  /** The namespace was there already: the labels and annotations asked for are applied under the lock. */
  labelNamespace: boolean;
  /** Objects written so far. */
  written: number;
}

/** What `operate` is given besides the plan: the operation's clock, its progress, its lock. */
interface Operating {
  startedAt: string;
  /** Time left in the operation's budget. */
  left: () => number;
  progress: Progress;
  lock: HeldLock | undefined;
  /** Given the inventory's resourceVersion under the lock: the dry run before the lock still stands. */
  dryRunStands: (inventoryVersion: string | undefined) => boolean;
}

/** Settled together (nothing left running behind a failure), then the first failure thrown. */
async function allSettled<T extends readonly unknown[]>(
  work: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

async function operate(
  plan: Plan,
  client: ClusterClient,
  options: AppOperationOptions,
  { startedAt, left, progress, lock, dryRunStands }: Operating,
): Promise<SyncResult> {
  const store = new InventoryStore(client, options.app, plan.namespace);
  const record: OperationRecord = {
    revision: plan.revision,
    operation: plan.operation,
    status: 'Running',
    message: '',
    startedAt,
    by: options.by,
  };
  let previous: Inventory;
  let intended: Inventory;
  let deferred: boolean;
  let adopted: ReadonlySet<string>;
  let writingInventory = false;
  try {
    const say = (m: string) => options.observer?.info?.(m);
    // Under the lock, at once: hooks a killed run left, the inventory, the namespace.
    let recovery: Awaited<ReturnType<typeof recoverHooks>>;
    let missing: Awaited<ReturnType<typeof namespaceMissing>>;
    [recovery, previous, missing] = await allSettled<[typeof recovery, Inventory, typeof missing]>([
      recoverHooks(client, markOwnership(plan, options.app), options.app, say, left()),
      store.read(),
      namespaceMissing(client, plan),
    ]);
    ({ plan, adopted } = recovery);
    // How large the run is: what it writes, or what it prunes or deletes (a delete's plan is its hooks).
    tuneHeapForPlan(Math.max(plan.tasks.length, previous.objects.length));
    options = { ...options, dryRunPassed: dryRunStands(store.version) };
    // A delete after a run that made the namespace but stopped before recording it: it is the app's still.
    if (
      plan.operation === 'delete' &&
      !previous.objects.some((o) => o.createdNamespace) &&
      (await namespaceMadeForApp(client, plan, options.app))
    )
      previous = recordCreatedNamespace(previous, plan.namespace);
    if (missing)
      return stopped(plan, startedAt, missing.status, missing.message, missing.status === 'Succeeded');
    if (options.namespace && progress.labelNamespace)
      await applyNamespaceMetadata(client, plan, options.app, options.namespace, options.signal);
    intended = recordIntent(previous, plan, record);
    if (progress.ownsNamespace) intended = recordCreatedNamespace(intended, plan.namespace);
    const origin = options.origin ?? previous.origin;
    if (origin) intended = { ...intended, origin };
    writingInventory = true;
    deferred = !(await writeOrDefer(store, intended, plan));
  } catch (err) {
    const cluster = err instanceof KubeApiError || err instanceof KubeConnectionError;
    return stopped(
      plan,
      startedAt,
      'Failed',
      !cluster
        ? (err as Error).message
        : writingInventory && err instanceof KubeApiError
          ? `cannot record the application's inventory (ConfigMap ${plan.namespace}/${store.name}): ${clusterErrorDetail(err)}`
          : `cannot talk to the cluster at ${client.server}: ${clusterErrorDetail(err)}`,
    );
  }
  let recorded: Promise<unknown> | undefined;

  const written: SyncTask[] = [];
  const owner = trackingId(options.app, plan.namespace);
  const kept =
    plan.operation === 'delete' ? await namespacesSharedWithOtherApps(client, previous, options.app) : [];
  const removals =
    plan.operation === 'delete'
      ? { enabled: true, owner, ...deletion(previous, plan, kept) }
      : { enabled: options.prune, owner, objects: pruneCandidates(previous, plan) };
  const result = await runSync(plan, client, {
    ...options,
    timeoutMs: left(),
    removals: {
      ...removals,
      // The lock's Lease goes with the app's namespace: that is the end of the lock, not its loss.
      removing: (o) => {
        if (o.group === '' && o.kind === 'Namespace' && o.name === plan.namespace) lock?.relinquish();
      },
    },
    adopted,
    onWritten: async (t) => {
      written.push(t);
      progress.written = written.length;
      // The namespace the inventory lives in was just created by this sync: record now, before anything
      // else is created (a run killed from here on must not forget what it made).
      if (deferred && !recorded && t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace) {
        recorded = store.write(intended);
        await recorded.catch((err: unknown) => {
          throw new Error(`could not record the application's inventory: ${(err as Error).message}`);
        });
      }
    },
  });
  await recorded?.catch(() => undefined);
  const before = previous.history.find((h) => h.status !== 'Running') ?? previous.history[0];
  if (before)
    result.previous = {
      operation: before.operation,
      status: before.status,
      revision: before.revision,
      startedAt: before.startedAt,
      by: before.by,
      message: before.message,
    };

  const gone = result.tasks.filter((t) => t.deleted);
  const finished = {
    ...record,
    status: result.status,
    message: result.message,
    finishedAt: result.finishedAt,
  };
  try {
    if (plan.operation === 'delete' && result.status === 'Succeeded') {
      await withCleanupLimits(BOOKKEEPING_RETRY_MS, () => store.remove());
      for (const ns of kept) result.message += `\nnamespace ${ns.name} was kept: ${ns.why}`;
      return result;
    }
    // Recorded even after a cancel or the timeout: its own short retry scope.
    await withCleanupLimits(BOOKKEEPING_RETRY_MS, () =>
      store.write(recordOutcome(intended, { applied: written, gone, record: finished })),
    );
  } catch (err) {
    // The result stands; the next run reads what was recorded before (nothing it created is forgotten).
    result.message += `\n(the application's inventory could not be updated: ${(err as Error).message})`;
  }
  return result;
}

/** Writes the intent now; when the namespace does not exist yet (the sync creates it), once it does. */
async function writeOrDefer(
  store: InventoryStore,
  inventory: Inventory,
  plan: Plan,
): Promise<Promise<boolean> | false> {
  try {
    await store.write(inventory);
    return Promise.resolve(true);
  } catch (err) {
    const createdHere = plan.tasks.some(
      (t) => t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace,
    );
    if (err instanceof KubeApiError && err.code === 404 && createdHere) return false;
    throw err;
  }
}
