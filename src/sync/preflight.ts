/**
 * Before anything is written (contract §3.2): every kind must be served (or come from a CRD of the same
 * sync, or be marked SkipDryRunOnMissingResource), the objects of interest are watched, and every task,
 * SyncFail hooks included, passes a server-side dry run. Any failure: nothing is applied.
 */
import type { ClusterClient, ResourceInfo } from '../cluster/cluster-client.js';
import { formatLocation } from '../diagnostics.js';
import { taskRef, type Plan, type SyncTask } from '../plan/sync-task.js';
import type { HookLifecycle } from './hook-lifecycle.js';
import type { ObservedState } from './observed-state.js';
import { refOf, type TaskApplier } from './task-applier.js';

export interface DryRunFailure {
  task: SyncTask;
  message: string;
}

/** Kinds whose pods, ReplicaSets and events matter for judging them. */
const POD_OWNERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod']);

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

  /** Discovery for every kind, then watches on them and on the namespaces' pods, events and ReplicaSets. */
  async discover(): Promise<string[]> {
    const problems: string[] = [];
    const crdKinds = new Set(
      this.plan.tasks
        .filter((t) => t.kind === 'CustomResourceDefinition')
        .map((t) => {
          const spec = (t.object.spec ?? {}) as { group?: string; names?: { kind?: string } };
          return `${spec.group}/${spec.names?.kind}`;
        }),
    );
    for (const t of this.plan.tasks) {
      const info = await this.client.resourceFor(t.apiVersion, t.kind);
      if (info) this.resources.set(t, info);
      else if (!crdKinds.has(`${t.group}/${t.kind}`) && !t.syncOptions.skipDryRunOnMissingResource)
        problems.push(
          `${where(t)}: the cluster does not serve kind "${t.kind}" in "${t.apiVersion}"; install its CRD first, check the apiVersion, or mark the object with argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true if the kind appears during the sync`,
        );
    }
    if (problems.length) return problems;
    for (const [t, info] of this.resources) {
      await this.observed.watchKind(info, t.namespace || undefined);
      if (t.namespace && (t.hook || POD_OWNERS.has(t.kind)) && (await this.namespaceExists(t.namespace)))
        await this.observed.watchNamespace(t.namespace);
    }
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
      try {
        const replaced =
          t.hook && hooks.willReplace(t, await this.client.get(refOf(t)), firstPhaseOf.get(taskRef(t)) !== t);
        await applier.dryRun(t, replaced);
      } catch (err) {
        failures.push({ task: t, message: (err as Error).message });
      }
    });
    return failures;
  }
}

export function describeDryRunFailure(f: DryRunFailure): string {
  return `${where(f.task)}: ${f.message}`;
}
