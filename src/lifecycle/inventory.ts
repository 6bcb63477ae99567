/**
 * What an application owns in the cluster, and what happened to it: the objects hook-sync applied (so a
 * later sync can prune what left the manifests, and `delete` can remove everything) and the last
 * operations. Pure: reading and writing it in the cluster lives in `inventory-store.ts`.
 *
 * An object is recorded before it is created (`pending`) and confirmed after (`applied`), so a run killed
 * at any moment never forgets one; a pending object may or may not exist, and pruning and deletion treat
 * it as possibly there.
 */
import type { Plan, SyncTask } from '../plan/sync-task.js';

export interface InventoryObject {
  apiVersion: string;
  group: string;
  kind: string;
  /** Empty for cluster-scoped kinds. */
  namespace: string;
  name: string;
  wave: number;
  hook: boolean;
  state: 'pending' | 'applied';
  /** From its sync options when it was applied: the manifest may be gone when they matter. */
  prune?: 'false' | 'confirm';
  pruneLast?: boolean;
  delete?: 'false' | 'confirm';
  /**
   * The app's namespace, created by hook-sync (`create-namespace`) rather than applied from a manifest:
   * never pruned, and removed last by a delete.
   */
  createdNamespace?: true;
}

export interface OperationRecord {
  revision: string;
  operation: 'sync' | 'delete';
  status: string;
  message: string;
  startedAt: string;
  finishedAt?: string;
  /** The workflow run's address in GitHub, or user@host from the CLI. */
  by: string;
}

/** Where the app's last operation came from, so `status --all` can say which pull request a preview is for. */
export interface AppOrigin {
  /** owner/name */
  repository?: string;
  pullRequest?: number;
  pullRequestUrl?: string;
}

export interface Inventory {
  app: string;
  objects: InventoryObject[];
  /** Newest first, at most HISTORY_LIMIT. */
  history: OperationRecord[];
  origin?: AppOrigin;
}

export const HISTORY_LIMIT = 10;

export function objectKey(o: Pick<InventoryObject, 'group' | 'kind' | 'namespace' | 'name'>): string {
  return `${o.group}/${o.kind}/${o.namespace}/${o.name}`;
}

export function emptyInventory(app: string): Inventory {
  return { app, objects: [], history: [] };
}

/** The inventory entry a task will have once it is applied. */
export function entryOf(t: SyncTask, state: InventoryObject['state']): InventoryObject {
  const o = t.syncOptions;
  return {
    apiVersion: t.apiVersion,
    group: t.group,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    wave: t.wave,
    hook: t.hook,
    state,
    ...(o.prune !== 'true' ? { prune: o.prune } : {}),
    ...(o.pruneLast ? { pruneLast: true } : {}),
    ...(o.delete !== 'true' ? { delete: o.delete } : {}),
  };
}

/**
 * Before anything is written: every object the plan may create is recorded as pending (what was applied
 * before keeps its state), and the operation is added to the history as Running.
 */
export function recordIntent(previous: Inventory, plan: Plan, run: OperationRecord): Inventory {
  const byKey = new Map(previous.objects.map((o) => [objectKey(o), o]));
  for (const t of plan.tasks) {
    const known = byKey.get(objectKey(t));
    byKey.set(
      objectKey(t),
      known ? { ...entryOf(t, known.state), state: known.state } : entryOf(t, 'pending'),
    );
  }
  return {
    ...previous,
    objects: [...byKey.values()],
    // An operation still Running in the record was killed before it could say how it ended.
    history: [
      run,
      ...previous.history.map((h) => (h.status === 'Running' ? { ...h, status: 'Interrupted' } : h)),
    ].slice(0, HISTORY_LIMIT),
  };
}

export interface Outcome {
  /** Tasks whose object now exists as the plan wrote it. */
  applied: readonly SyncTask[];
  /** Objects known to be gone now (pruned, deleted, a hook removed by its delete policy). */
  gone: readonly Pick<InventoryObject, 'group' | 'kind' | 'namespace' | 'name'>[];
  record: OperationRecord;
}

/** After the operation: applied objects confirmed, gone ones removed, the history entry finished. */
export function recordOutcome(current: Inventory, outcome: Outcome): Inventory {
  const byKey = new Map(current.objects.map((o) => [objectKey(o), o]));
  for (const t of outcome.applied) byKey.set(objectKey(t), entryOf(t, 'applied'));
  for (const g of outcome.gone) byKey.delete(objectKey(g));
  const [latest, ...older] = current.history;
  const history =
    latest && latest.startedAt === outcome.record.startedAt && latest.revision === outcome.record.revision
      ? [outcome.record, ...older]
      : [outcome.record, ...current.history].slice(0, HISTORY_LIMIT);
  return { ...current, objects: [...byKey.values()], history };
}

/** Objects the inventory has and the plan no longer does; hooks are never pruned. */
export function pruneCandidates(inventory: Inventory, plan: Plan): InventoryObject[] {
  const planned = new Set(plan.tasks.map((t) => objectKey(t)));
  return inventory.objects.filter((o) => !o.hook && !o.createdNamespace && !planned.has(objectKey(o)));
}

/** The inventory entry of a namespace hook-sync created for the app (`create-namespace`). */
export function createdNamespaceEntry(name: string): InventoryObject {
  return {
    apiVersion: 'v1',
    group: '',
    kind: 'Namespace',
    namespace: '',
    name,
    wave: 0,
    hook: false,
    state: 'applied',
    createdNamespace: true,
  };
}

/** Records that hook-sync created the app's namespace (a delete removes it, last). */
export function recordCreatedNamespace(inventory: Inventory, name: string): Inventory {
  const entry = createdNamespaceEntry(name);
  const others = inventory.objects.filter((o) => objectKey(o) !== objectKey(entry));
  return { ...inventory, objects: [...others, entry] };
}

/**
 * The order objects leave the cluster in: reverse waves (what was created last goes first), `PruneLast`
 * ones after all others (as Argo CD: after the last wave). Each inner list is deleted together and
 * awaited before the next.
 */
export function removalWaves(
  objects: readonly InventoryObject[],
  lastKey: 'pruneLast' | 'never' = 'pruneLast',
): InventoryObject[][] {
  const last = (o: InventoryObject) => lastKey === 'pruneLast' && o.pruneLast === true;
  const groups = new Map<string, InventoryObject[]>();
  for (const o of objects) {
    const key = `${last(o) ? 1 : 0}:${o.wave}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const [la, wa] = a.split(':').map(Number) as [number, number];
      const [lb, wb] = b.split(':').map(Number) as [number, number];
      return la - lb || wb - wa;
    })
    .map(([, list]) => list.sort((x, y) => objectKey(x).localeCompare(objectKey(y))));
}
