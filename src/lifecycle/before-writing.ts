/**
 * Before an operation writes anything (the lock's Lease, the inventory): read-only checks that refuse bad
 * input with the cluster left as it was — the app's namespace exists, every object passes a server-side
 * dry run — and what tells later whether that dry run may have gone stale (the Lease, the inventory).
 */
import { KubeApiError, KubeConnectionError, clusterErrorDetail } from '../cluster/api-error.js';
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import type { Plan } from '../plan/sync-task.js';
import { dryRunBeforeWriting } from '../sync/sync-operation.js';
import type { SyncResult } from '../sync/sync-result.js';
import { TaskRun } from '../sync/task-run.js';
import type { AppOperationOptions } from './app-operation.js';
import { lockLeaseName } from './app-lock-lease.js';
import { appLabelValue } from './app-names.js';
import { inventoryName } from './inventory-store.js';
import { HOOK_LABELS, markOwnership } from './recovery.js';

/**
 * Read-only checks before anything is written: the app's namespace exists (or the plan creates it), and
 * the server-side dry run of every object passes. The result to return when not, else undefined.
 * `readFirst`: reads that must be done before the dry run starts (what tells whether it went stale);
 * the namespace is checked meanwhile.
 */
export async function refusedBeforeWriting(
  plan: Plan,
  client: ClusterClient,
  options: AppOperationOptions,
  startedAt: string,
  readFirst: Promise<unknown>,
): Promise<{ refused: SyncResult | undefined; leftovers: boolean }> {
  try {
    const [missing] = await Promise.all([namespaceMissing(client, plan), readFirst]);
    if (missing)
      return {
        refused: stopped(plan, startedAt, missing.status, missing.message, missing.status === 'Succeeded'),
        leftovers: false,
      };
  } catch (err) {
    const refused = stopped(
      plan,
      startedAt,
      'Failed',
      err instanceof KubeConnectionError
        ? err.message
        : `cannot check that namespace ${plan.namespace} exists: ${clusterErrorDetail(err)}`,
    );
    return { refused, leftovers: false };
  }
  const refused = await dryRunBeforeWriting(markOwnership(plan, options.app), client, options);
  if (refused && (await onlyLeftoverHooks(refused, plan, client, options.app)))
    return { refused: undefined, leftovers: true };
  return { refused, leftovers: false };
}

/**
 * Every refusal is of a hook whose live object is one a killed run of this app left behind: recovery
 * (under the lock) adopts or terminates it, and the engine's own dry run judges the hook after that.
 */
async function onlyLeftoverHooks(
  refused: SyncResult,
  plan: Plan,
  client: ClusterClient,
  app: string,
): Promise<boolean> {
  const failed = refused.tasks.filter((t) => t.status === 'Failed');
  if (failed.length === 0 || failed.some((t) => !t.hook)) return false;
  for (const t of failed) {
    const task = plan.tasks.find(
      (x) => x.kind === t.kind && x.namespace === t.namespace && x.name === t.name,
    );
    const live = task
      ? await client
          .get({
            apiVersion: task.apiVersion,
            kind: task.kind,
            namespace: task.namespace || undefined,
            name: task.name,
          })
          .catch(() => undefined)
      : undefined;
    const labels = ((live?.metadata as Json | undefined)?.labels ?? {}) as Record<string, string>;
    if (
      labels[HOOK_LABELS.app] !== appLabelValue(app) ||
      labels[HOOK_LABELS.appNamespace] !== appLabelValue(plan.namespace)
    )
      return false;
  }
  return true;
}

/** A Lease of the app's lock is there: a run may be holding it (or a killed one left it). */
export async function leaseExists(client: ClusterClient, app: string, namespace: string): Promise<boolean> {
  const lease = await client
    .get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace, name: lockLeaseName(app) })
    .catch(() => undefined);
  return !!lease;
}

/** The inventory's resourceVersion (undefined: none yet): it changes with every run of the app. */
export async function inventoryVersion(
  client: ClusterClient,
  app: string,
  namespace: string,
): Promise<string | undefined> {
  const cm = await client
    .get({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name: inventoryName(app) })
    .catch(() => undefined);
  return cm ? String((cm.metadata as Json).resourceVersion) : undefined;
}

/**
 * The app's namespace does not exist and the plan does not create it: a delete has nothing left to do
 * (a rerun after the namespace went), a sync cannot start.
 */
export async function namespaceMissing(
  client: ClusterClient,
  plan: Plan,
): Promise<{ status: 'Succeeded' | 'Failed'; message: string } | undefined> {
  if (plan.tasks.some((t) => t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace))
    return undefined;
  try {
    if (await client.get({ apiVersion: 'v1', kind: 'Namespace', name: plan.namespace })) return undefined;
  } catch (err) {
    // A deployer bound to Roles in its namespaces only may not read Namespaces: the lock will tell.
    if (err instanceof KubeApiError && err.code === 403) return undefined;
    throw err;
  }
  return plan.operation === 'delete'
    ? {
        status: 'Succeeded',
        message: `nothing to delete: namespace ${plan.namespace} does not exist (deleted already?)`,
      }
    : {
        status: 'Failed',
        message: `namespace ${plan.namespace} does not exist: set create-namespace (--create-namespace), add a Namespace manifest, or create it first (kubectl create namespace ${plan.namespace})`,
      };
}

/** The operation did not start (the lock, the namespace, or the cluster said no): nothing ran. */
export function stopped(
  plan: Plan,
  startedAt: string,
  status: 'Succeeded' | 'Failed' | 'Cancelled',
  message: string,
  nothingToDo = false,
): SyncResult {
  return {
    status,
    message,
    revision: plan.revision,
    startedAt,
    finishedAt: new Date().toISOString(),
    tasks: plan.tasks.map((t) => {
      const run = new TaskRun(t);
      run.finish(
        status === 'Cancelled' ? 'Pending' : 'Skipped',
        nothingToDo ? 'not run: nothing to do' : 'not run: the operation could not start',
      );
      return run.toResult();
    }),
  };
}
