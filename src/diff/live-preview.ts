/**
 * What a sync would change in the cluster, before it runs: each resource's server-side dry run compared
 * with its live object (created / changed, field by field / unchanged). Nothing is written. Hooks run on
 * every sync, so they are listed as runs, not diffed.
 */
import { KubeApiError } from '../cluster/api-error.js';
import type { ClusterClient } from '../cluster/cluster-client.js';
import type { Plan, SyncTask } from '../plan/sync-task.js';
import { inBatches } from '../sync/preflight.js';
import { dryRunWrite, refOf } from '../sync/task-applier.js';
import { diffObjects, type FieldChange } from './object-diff.js';

export type Change =
  | { change: 'create' }
  | { change: 'update'; fields: FieldChange[] }
  | { change: 'unchanged' }
  | { change: 'run' }
  /** Not judged: its kind or namespace is created by the same sync. */
  | { change: 'unknown'; message: string }
  | { change: 'refused'; message: string };

export interface TaskPreview {
  task: SyncTask;
  preview: Change;
}

async function previewTask(
  client: ClusterClient,
  t: SyncTask,
  createdNamespaces: Set<string>,
): Promise<Change> {
  if (t.hook) return { change: 'run' };
  if (!(await client.resourceFor(t.apiVersion, t.kind)))
    return { change: 'unknown', message: `kind ${t.kind} is not served yet (its CRD comes with this sync)` };
  if (t.namespace && createdNamespaces.has(t.namespace)) return { change: 'create' };
  try {
    const live = await client.get(refOf(t));
    const after = await dryRunWrite(client, t, false);
    if (!live) return { change: 'create' };
    const fields = diffObjects(live, after);
    return fields.length ? { change: 'update', fields } : { change: 'unchanged' };
  } catch (err) {
    if (err instanceof KubeApiError && (err.code === 401 || err.code === 403)) throw err;
    return { change: 'refused', message: (err as Error).message };
  }
}

/** Every task's preview, in plan order. */
export async function previewPlan(
  plan: Plan,
  client: ClusterClient,
  options: { concurrency?: number; createNamespace?: boolean } = {},
): Promise<TaskPreview[]> {
  const concurrency = options.concurrency ?? 8;
  const createdNamespaces = new Set<string>();
  // create-namespace: the sync would create the app's namespace first, so what goes in it is all new.
  if (
    options.createNamespace &&
    !(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: plan.namespace }))
  )
    createdNamespaces.add(plan.namespace);
  for (const t of plan.tasks)
    if (
      t.group === '' &&
      t.kind === 'Namespace' &&
      !(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: t.name }))
    )
      createdNamespaces.add(t.name);
  const previews = new Map<SyncTask, Change>();
  await inBatches(plan.tasks, concurrency, async (t) => {
    previews.set(t, await previewTask(client, t, createdNamespaces));
  });
  return plan.tasks.map((task) => ({ task, preview: previews.get(task)! }));
}

/** The previews as the result documents carry them (`changes`), one entry per task. */
export function changesJson(previews: readonly TaskPreview[]) {
  return previews.map((p) => ({
    kind: p.task.kind,
    namespace: p.task.namespace,
    name: p.task.name,
    phase: p.task.phase,
    ...p.preview,
  }));
}
