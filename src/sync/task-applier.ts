/**
 * How one object is written, as its sync options say (docs/sync-engine.md, "Sync options"): server-side
 * apply by default; client-side apply (`ServerSideApply=false`); replace (`Replace=true`); delete and
 * re-create (`Force=true`). Every write asks the API server for strict field validation unless
 * `Validate=false`, so a typo such as `dta:` is refused by the dry run, naming the field.
 */
import { randomBytes } from 'node:crypto';
import { KubeApiError } from '../cluster/api-error.js';
import {
  CREATE_TOKEN_LABEL,
  type ClusterClient,
  type FieldValidation,
  type Json,
  type ObjectRef,
} from '../cluster/cluster-client.js';
import type { SyncTask } from '../plan/sync-task.js';
import type { TaskAction } from './sync-result.js';
import { clientSideApplyPatch, withLastApplied } from './client-side-apply.js';
import type { ObservedState } from './observed-state.js';
import type { StepOutcome } from './outcome.js';

export interface Written {
  action: Exclude<TaskAction, 'none' | 'delete' | 'prune'>;
  object: Json;
  /** A hook's apply repeated after a try whose answer was lost: the object met may be that try's own. */
  uncertain?: boolean;
}

/** Deletes an object (Foreground) and waits until it is gone. */
export type DeleteAndAwait = (ref: ObjectRef, uid: string, deadline: number) => Promise<StepOutcome>;

export function refOf(t: SyncTask): ObjectRef {
  return { apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace || undefined, name: t.name };
}

/** Argo CD updates these in place even under Replace=true: deleting one would take its contents with it. */
function neverRecreated(t: SyncTask): boolean {
  return (
    (t.group === '' && t.kind === 'Namespace') ||
    (t.group === 'apiextensions.k8s.io' && t.kind === 'CustomResourceDefinition')
  );
}

/** How long a hook's lost write is looked for in what the watch brings before it is called unknown. */
const HOOK_LOOKUP_MS = 5000;

function refusedChange(err: unknown): boolean {
  return err instanceof KubeApiError && (err.code === 422 || err.code === 409);
}

export class TaskApplier {
  constructor(
    private readonly client: ClusterClient,
    private readonly observed: ObservedState,
    private readonly deleteAndAwait: DeleteAndAwait,
  ) {}

  private validation(t: SyncTask): FieldValidation {
    return validationOf(t);
  }

  /** What the cluster holds under the task's name now (a fresh read: the cache may lag a write). */
  private live(t: SyncTask): Promise<Json | undefined> {
    return this.client.get(refOf(t));
  }

  /** What the write will be, for the result: known before it is attempted, so a failed create says so. */
  intendedAction(t: SyncTask): Written['action'] {
    const exists = !!this.observed.current(t.group, t.kind, t.namespace || undefined, t.name);
    if (!exists) return 'create';
    if (t.syncOptions.replace) return t.syncOptions.force && !neverRecreated(t) ? 'recreate' : 'replace';
    return 'apply';
  }

  /**
   * The server's verdict on the write without making it. `replacesExisting`: the existing object will be
   * deleted first (BeforeHookCreation, Force), so the write is judged as a create under a generated name;
   * judging it against the old object would report immutable fields the deletion makes moot.
   */
  dryRun(t: SyncTask, replacesExisting: boolean): Promise<Json> {
    return dryRunWrite(this.client, t, replacesExisting);
  }

  /** `onAction`: told before a destructive step (delete then create), so a failure names what was done. */
  async write(
    t: SyncTask,
    deadline: number,
    onAction: (a: Written['action']) => void = () => {},
  ): Promise<Written> {
    const obj = t.object as Json;
    const options = { fieldValidation: this.validation(t) };
    const { replace, force, serverSideApply } = t.syncOptions;
    if (replace) {
      const live = await this.live(t);
      if (!live) return { action: 'create', object: await this.client.create(obj, options) };
      if (force && !neverRecreated(t)) return this.recreate(t, live, deadline, onAction);
      return { action: 'replace', object: await this.client.replace(obj, options) };
    }
    try {
      if (!serverSideApply) {
        const live = await this.live(t);
        if (!live)
          return { action: 'create', object: await this.client.create(withLastApplied(obj), options) };
        return {
          action: 'apply',
          object: await this.client.mergePatch(refOf(t), clientSideApplyPatch(live, obj), options),
        };
      }
      const { object, created, uncertain } = t.hook
        ? await this.applyHookOnce(t, deadline)
        : { ...(await this.client.apply(obj, options)), uncertain: false };
      return { action: created ? 'create' : 'apply', object, ...(uncertain ? { uncertain } : {}) };
    } catch (err) {
      if (!(force && refusedChange(err) && !neverRecreated(t))) throw err;
      const live = await this.live(t);
      if (!live) throw err;
      return this.recreate(t, live, deadline, onAction);
    }
  }

  /**
   * A hook's apply, never repeated blindly: on a missing object server-side apply is a create, and a
   * repeat after a lost answer would run the hook again if the first try's object has finished and gone
   * since (`ttlSecondsAfterFinished: 0`). The object carries a token of this write; before a repeat that
   * the server may have acted on, the object is looked for — live, or in what the watch saw, deleted ones
   * included — and what it found is the write's result. When it may have been made and gone unseen, the
   * hook fails, saying so, rather than run twice.
   */
  private async applyHookOnce(
    t: SyncTask,
    deadline: number,
  ): Promise<{ object: Json; created: boolean; uncertain: boolean }> {
    const obj = t.object as Json;
    const meta = (obj.metadata ?? {}) as Json;
    const token = randomBytes(8).toString('hex');
    const labels = { ...((meta.labels ?? {}) as Json), [CREATE_TOKEN_LABEL]: token };
    const existed = !!this.observed.current(t.group, t.kind, t.namespace || undefined, t.name);
    const found = (o: Json) => ({ status: existed ? 200 : 201, body: o });
    const seen = () => {
      const o = this.observed.withLabel(CREATE_TOKEN_LABEL, token);
      return o && o.kind === t.kind ? o : undefined;
    };
    let uncertain = false;
    const written = await this.client.apply(
      { ...obj, metadata: { ...meta, labels } },
      {
        fieldValidation: this.validation(t),
        beforeRetry: async (maybeActed) => {
          if (!maybeActed) return undefined; // the server did not act: nothing to find
          uncertain = true;
          const live = await this.live(t);
          const liveLabels = ((live?.metadata as Json | undefined)?.labels ?? {}) as Json;
          if (live && liveLabels[CREATE_TOKEN_LABEL] === token) return found(live);
          // Another object holds the name (this write never reached it): applying onto it is no create.
          if (live) return undefined;
          const gone = seen();
          if (gone) return found(gone);
          // Absent, never seen: only a hook that removes itself when done can have been made and gone.
          if ((obj.spec as Json | undefined)?.ttlSecondsAfterFinished === undefined) return undefined;
          // The watch may not have brought it yet: a moment for it, then no guess.
          const until = Math.min(deadline, Date.now() + HOOK_LOOKUP_MS);
          while (Date.now() < until) {
            await this.observed.nextChange(until);
            const late = seen();
            if (late) return found(late);
          }
          throw new Error(
            `its apply may have created it (the answer was lost) and, with ttlSecondsAfterFinished, it may have run and been removed unseen: it was not applied again, so as not to run it twice; its outcome is unknown (look at the cluster's events, or run again)`,
          );
        },
      },
    );
    return { ...written, uncertain };
  }

  /** Force: the object is deleted, its deletion awaited, and the manifest created afresh. */
  private async recreate(
    t: SyncTask,
    live: Json,
    deadline: number,
    onAction: (a: Written['action']) => void,
  ): Promise<Written> {
    onAction('recreate');
    const uid = String((live.metadata as Json).uid);
    const gone = await this.deleteAndAwait(refOf(t), uid, deadline);
    if (!gone.ok) throw new Error(`could not re-create it (Force=true): ${gone.message}`);
    const obj = t.syncOptions.serverSideApply ? (t.object as Json) : withLastApplied(t.object as Json);
    return {
      action: 'recreate',
      object: await this.client.create(obj, { fieldValidation: this.validation(t) }),
    };
  }
}

/** The object as the task's write would leave it, from a server-side dry run (per its sync options). */
export async function dryRunWrite(
  client: ClusterClient,
  t: SyncTask,
  replacesExisting: boolean,
): Promise<Json> {
  const obj = t.object as Json;
  const options = { dryRun: true, fieldValidation: validationOf(t) };
  const { replace, force, serverSideApply } = t.syncOptions;
  const live =
    replacesExisting || replace || !serverSideApply || force ? await client.get(refOf(t)) : undefined;
  if (live && (replacesExisting || (replace && force && !neverRecreated(t))))
    return client.dryRunCreate(obj, options);
  if (replace) return live ? client.replace(obj, options) : client.create(obj, options);
  if (!serverSideApply)
    return live
      ? client.mergePatch(refOf(t), clientSideApplyPatch(live, obj), options)
      : client.create(withLastApplied(obj), options);
  try {
    return (await client.apply(obj, options)).object;
  } catch (err) {
    // Force=true re-creates what the server refuses to change: judge that create instead.
    if (!(force && live && refusedChange(err) && !neverRecreated(t))) throw err;
    return client.dryRunCreate(obj, options);
  }
}

function validationOf(t: SyncTask): FieldValidation {
  return t.syncOptions.validate ? 'Strict' : 'Ignore';
}
