/**
 * Before anything is written (contract §3.2): every kind must be served (or come from a CRD of the same
 * sync, or be marked SkipDryRunOnMissingResource), the objects of interest are watched, and every task,
 * SyncFail hooks included, passes a server-side dry run. Any failure: nothing is applied.
 */
import { KubeApiError } from '../cluster/api-error.js';
import type { ClusterClient, ResourceInfo } from '../cluster/cluster-client.js';
import { formatLocation } from '../diagnostics.js';
import { taskRef, type Plan, type SyncTask } from '../plan/sync-task.js';
import type { HookLifecycle } from './hook-lifecycle.js';
import type { ObservedState } from './observed-state.js';
import { kindHint } from './kind-hints.js';
import { refOf, type TaskApplier } from './task-applier.js';

export interface DryRunFailure {
  task: SyncTask;
  message: string;
}

/**
 * The group-versions a run of the plan looks up: its kinds'; Jobs' (the recovery of a killed run's hooks
 * lists them); ReplicaSets' (read beside the pods of any namespace the run writes in). Discovered all at
 * once, one round trip rather than one per group as each is met.
 */
export function groupVersionsOf(plan: Plan): string[] {
  const namespaced = plan.tasks.some((t) => t.namespace);
  return [
    ...new Set([...plan.tasks.map((t) => t.apiVersion), 'batch/v1', ...(namespaced ? ['apps/v1'] : [])]),
  ];
}

export async function inBatches<T>(
  items: readonly T[],
  size: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

function where(t: SyncTask): string {
  return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name} (${formatLocation(t.source)})`;
}

export class Preflight {
  /** Discovery results; a task missing here is resolved again when its wave comes. */
  readonly resources = new Map<SyncTask, ResourceInfo>();

  constructor(
    private readonly plan: Plan,
    private readonly client: ClusterClient,
    private readonly observed: ObservedState,
  ) {}

  /**
   * Discovery for every kind, then (unless `watch` is false: a dry run before anything is written) watches
   * on them and on the namespaces' pods, events and ReplicaSets.
   */
  async discover(watch = true): Promise<string[]> {
    const problems: string[] = [];
    const crdKinds = new Set(
      this.plan.tasks
        .filter((t) => t.kind === 'CustomResourceDefinition')
        .map((t) => {
          const spec = (t.object.spec ?? {}) as { group?: string; names?: { kind?: string } };
          return `${spec.group}/${spec.names?.kind}`;
        }),
    );
    await this.client.discover(groupVersionsOf(this.plan));
    for (const t of this.plan.tasks) {
      const info = await this.client.resourceFor(t.apiVersion, t.kind);
      if (info) this.resources.set(t, info);
      else if (!crdKinds.has(`${t.group}/${t.kind}`) && !t.syncOptions.skipDryRunOnMissingResource)
        problems.push(
          `${where(t)}: the cluster does not serve kind "${t.kind}" in "${t.apiVersion}"; ${kindHint(t.apiVersion, t.kind) ?? 'install its CRD first, check the apiVersion, or mark the object with argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true if the kind appears during the sync'}`,
        );
    }
    if (problems.length || !watch) return problems;
    // Every list at once (each kind and namespace once): one round trip instead of one per kind. The
    // pods, events and ReplicaSets of each namespace written in too, as a write's watchFor would (later,
    // one round trip more before the first write) — except a namespace the plan itself creates: the rights
    // to read in it may come with the sync (a RoleBinding in it, a tenant controller), so it is watched
    // once its objects are written.
    const created = new Set(
      this.plan.tasks.filter((t) => t.kind === 'Namespace' && t.group === '').map((t) => t.name),
    );
    await Promise.all(
      [...this.resources].flatMap(([t, info]) => [
        this.observed.watchKind(info, t.namespace || undefined),
        t.namespace && !created.has(t.namespace) ? this.observed.watchNamespace(t.namespace) : undefined,
      ]),
    );
    return [];
  }

  private readonly namespaces = new Map<string, Promise<boolean>>();

  private namespaceExists(name: string): Promise<boolean> {
    let known = this.namespaces.get(name);
    if (!known) {
      known = this.client.get({ apiVersion: 'v1', kind: 'Namespace', name }).then((ns) => !!ns);
      this.namespaces.set(name, known);
    }
    return known;
  }

  /**
   * Server-side dry run of every task, except objects whose namespace or CRD this sync creates and kinds
   * not served yet (SkipDryRunOnMissingResource): the server cannot judge those before they exist.
   */
  async dryRun(applier: TaskApplier, hooks: HookLifecycle, concurrency: number): Promise<DryRunFailure[]> {
    const created = new Set<string>();
    for (const t of this.plan.tasks)
      if (t.kind === 'Namespace' && t.group === '' && !(await this.namespaceExists(t.name)))
        created.add(t.name);
    const firstPhaseOf = new Map<string, SyncTask>();
    for (const t of this.plan.tasks) if (!firstPhaseOf.has(taskRef(t))) firstPhaseOf.set(taskRef(t), t);
    const failures: DryRunFailure[] = [];
    await inBatches(this.plan.tasks, concurrency, async (t) => {
      if (!this.resources.has(t) || (t.namespace && created.has(t.namespace))) return;
      const info = this.resources.get(t)!;
      // Not allowed to read Namespaces (a deployer with Roles only): the dry run's answer will say. A
      // hook's current object is read meanwhile (whether the dry run judges a create).
      const live = t.hook ? this.client.get(refOf(t)) : undefined;
      live?.catch(() => undefined); // awaited below, or dropped with the task when its namespace is missing
      const missing =
        info.namespaced && !!t.namespace && !(await this.namespaceExists(t.namespace).catch(() => true));
      if (missing) {
        failures.push({
          task: t,
          message: `namespace ${t.namespace} does not exist: add a Namespace manifest for it, or create it first (kubectl create namespace ${t.namespace})`,
        });
        return;
      }
      try {
        const replaced = !!live && hooks.willReplace(t, await live, firstPhaseOf.get(taskRef(t)) !== t);
        await applier.dryRun(t, replaced);
      } catch (err) {
        failures.push({ task: t, message: withRemedy(err, t) });
      }
    });
    return failures;
  }
}

/** The server's refusal, and what to do when hook-sync knows better than the server's words say. */
function withRemedy(err: unknown, t: SyncTask): string {
  const message = (err as Error).message;
  const immutable =
    err instanceof KubeApiError &&
    err.code === 422 &&
    err.causes.some((c) => /field is immutable/.test(c.message ?? ''));
  if (!immutable || (t.syncOptions.replace && t.syncOptions.force)) return message;
  if (t.hook)
    return `${message} (a hook of that name from an earlier sync is still there, e.g. one that failed: add BeforeHookCreation to its argocd.argoproj.io/hook-delete-policy so each sync replaces it, or delete it by hand)`;
  return `${message} (the object exists and this field cannot change: add the annotation argocd.argoproj.io/sync-options: Force=true,Replace=true to delete and re-create it${t.kind === 'Job' ? ', or give the Job a new name' : ''})`;
}

export function describeDryRunFailure(f: DryRunFailure): string {
  return `${where(f.task)}: ${f.message}`;
}
