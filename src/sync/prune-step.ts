/**
 * Pruning (contract §6): objects the application's inventory holds and the manifests no longer do are
 * deleted after the Sync phase, in reverse wave order, `PruneLast` ones last, each wave's deletions
 * (Foreground) awaited before the next. `Prune=false` — on the manifest when it was applied, or on the
 * live object — keeps the object, and says so. Hooks are never pruned. Also the removal step of
 * `operation: delete`, where `Delete=false` keeps an object.
 */
import type { ClusterClient, Json, ObjectRef } from '../cluster/cluster-client.js';
import { ARGO_SYNC_OPTIONS } from '../hooks/annotations.js';
import { DEFAULT_SYNC_OPTIONS, parseSyncOptions } from '../hooks/sync-options.js';
import { removalWaves, type InventoryObject } from '../lifecycle/inventory.js';
import { TRACKING_ANNOTATION } from '../lifecycle/recovery.js';
import type { SyncTask } from '../plan/sync-task.js';
import type { ObservedState } from './observed-state.js';
import { OK, type StepOutcome } from './outcome.js';
import type { TaskRun } from './task-run.js';

export type Removal = 'prune' | 'delete';

/** A task for an object known only from the inventory (its manifest is gone). */
export function removalTask(o: InventoryObject): SyncTask {
  return {
    phase: 'Sync',
    wave: o.wave,
    apiVersion: o.apiVersion,
    group: o.group,
    kind: o.kind,
    namespace: o.namespace,
    name: o.name,
    hook: o.hook,
    deletePolicies: [],
    syncOptions: DEFAULT_SYNC_OPTIONS,
    source: { file: '(inventory)', line: 0 },
    object: {
      apiVersion: o.apiVersion,
      kind: o.kind,
      metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    },
  };
}

export interface RemovalEvents {
  start(run: TaskRun, action: 'prune' | 'delete'): void;
  complete(run: TaskRun, state: 'Succeeded' | 'Failed' | 'Skipped', message: string, reason?: string): void;
  deleteAndAwait(ref: ObjectRef, uid: string, deadline: number): Promise<StepOutcome>;
  /** Just before the object's deletion is asked for (the lock lets go of a namespace it lives in). */
  removing?(o: InventoryObject): void | Promise<void>;
}

function refOf(o: InventoryObject): ObjectRef {
  return { apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace || undefined, name: o.name };
}

/**
 * Why the object stays: another app applied it since (its tracking annotation names that app), or the
 * option recorded when it was applied, or the one on the live object.
 */
function keptBecause(kind: Removal, o: InventoryObject, live: Json, owner: string): string | undefined {
  const annotations = ((live.metadata as Json | undefined)?.annotations ?? {}) as Record<string, string>;
  const tracked = annotations[TRACKING_ANNOTATION];
  if (tracked && tracked !== owner)
    return `kept: it belongs to app ${tracked} now (annotation ${TRACKING_ANNOTATION})`;
  const options = annotations[ARGO_SYNC_OPTIONS] ? parseSyncOptions(annotations).options : undefined;
  const value = kind === 'prune' ? (options?.prune ?? o.prune) : (options?.delete ?? o.delete);
  const name = kind === 'prune' ? 'Prune' : 'Delete';
  if (value === 'false') return `kept: ${name}=false`;
  if (value === 'confirm')
    return `kept: ${name}=confirm asks a person to approve it; delete it by hand if it should go`;
  return undefined;
}

export class RemovalStep {
  constructor(
    private readonly client: ClusterClient,
    private readonly observed: ObservedState,
    private readonly events: RemovalEvents,
    /** `<namespace>/<app>`, as the tracking annotation says it. */
    private readonly owner: string,
  ) {}

  /** Removes the objects wave by wave; an object that cannot be deleted fails the step. */
  async run(kind: Removal, entries: Map<TaskRun, InventoryObject>, deadline: number): Promise<StepOutcome> {
    const runOf = new Map([...entries].map(([run, o]) => [o, run]));
    for (const wave of removalWaves([...entries.values()], kind === 'prune' ? 'pruneLast' : 'never')) {
      const results = await Promise.all(wave.map((o) => this.remove(kind, o, runOf.get(o)!, deadline)));
      const failed = results.find((r) => !r.ok);
      if (failed) return failed;
    }
    return OK;
  }

  private async remove(
    kind: Removal,
    o: InventoryObject,
    run: TaskRun,
    deadline: number,
  ): Promise<StepOutcome> {
    this.events.start(run, kind);
    try {
      const info = await this.client.resourceFor(o.apiVersion, o.kind);
      const live = info ? await this.client.get(refOf(o)) : undefined;
      if (!live) {
        run.deleted = true; // the inventory can forget it
        this.events.complete(run, 'Succeeded', 'already gone');
        return OK;
      }
      const kept = keptBecause(kind, o, live, this.owner);
      if (kept) {
        this.events.complete(run, 'Skipped', kept);
        return OK;
      }
      await this.observed.watchKind(info!, o.namespace || undefined);
      const uid = String((live.metadata as Json).uid);
      await this.events.removing?.(o);
      const gone = await this.events.deleteAndAwait(refOf(o), uid, deadline);
      if (!gone.ok) {
        this.events.complete(
          run,
          'Failed',
          `not ${kind === 'prune' ? 'pruned' : 'deleted'}: ${gone.message}`,
          'DeleteTimeout',
        );
        return gone;
      }
      run.deleted = true;
      this.events.complete(run, 'Succeeded', kind === 'prune' ? 'pruned' : 'deleted');
      return OK;
    } catch (err) {
      const message = `${kind === 'prune' ? 'prune' : 'delete'} failed: ${(err as Error).message}`;
      this.events.complete(run, 'Failed', message, 'DeleteFailed');
      return { ok: false, why: 'failed', message: `${run.describe()} ${message}` };
    }
  }
}
