/**
 * `create-namespace` (Argo CD's `CreateNamespace=true` with managed namespace metadata): the app's namespace
 * is created before anything else — before the lock, whose Lease lives in it, and before the dry run,
 * which a missing namespace would fail — with the labels and annotations asked for. A namespace that
 * already exists gets those labels and annotations (and only those fields) server-side applied once the
 * run holds the lock, and is otherwise left alone: hook-sync deletes only a namespace it created
 * (docs/lifecycle.md).
 */
import { KubeApiError, clusterErrorDetail } from '../cluster/api-error.js';
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import type { Plan } from '../plan/sync-task.js';
import { inventoriesIn, inventoryName } from './inventory-store.js';
import { lockLeaseName } from './app-lock-lease.js';
import { TRACKING_ANNOTATION, trackingId } from './recovery.js';

export interface NamespaceRequest {
  create: boolean;
  labels?: Readonly<Record<string, string>>;
  annotations?: Readonly<Record<string, string>>;
}

/** The field manager of the namespace metadata: separate from the manifests', so neither removes the other's. */
const NAMESPACE_MANAGER = 'hook-sync-namespace';

export type NamespacePreparation =
  /** Created by this run. */
  | { kind: 'created' }
  /**
   * Created by hook-sync for this app, but maybe not by this run: a create whose answer was lost and was
   * sent again, or another run of the app at the same moment. Recorded as the app's, never rolled back.
   */
  | { kind: 'ours' }
  /** There already; its metadata applied when any was asked for. */
  | { kind: 'existing' }
  /** The manifests have a Namespace for it: the sync applies that one (in its phase and wave). */
  | { kind: 'in-manifests' }
  | { kind: 'failed'; message: string };

function managesOwnNamespace(plan: Plan): boolean {
  return plan.tasks.some((t) => t.group === '' && t.kind === 'Namespace' && t.name === plan.namespace);
}

function metadataOf(plan: Plan, request: NamespaceRequest): Json {
  return {
    name: plan.namespace,
    ...(Object.keys(request.labels ?? {}).length ? { labels: { ...request.labels } } : {}),
    ...(Object.keys(request.annotations ?? {}).length ? { annotations: { ...request.annotations } } : {}),
  };
}

function trackedAsOurs(live: Json | undefined, app: string, plan: Plan): boolean {
  const annotations = ((live?.metadata as Json | undefined)?.annotations ?? {}) as Record<string, string>;
  return annotations[TRACKING_ANNOTATION] === trackingId(app, plan.namespace);
}

/**
 * Makes sure the app's namespace exists (creating it when asked to); never throws. Changes nothing else:
 * the metadata of an existing namespace is applied later, under the lock (`applyNamespaceMetadata`).
 */
export async function prepareNamespace(
  client: ClusterClient,
  plan: Plan,
  app: string,
  request: NamespaceRequest,
  signal?: AbortSignal,
): Promise<NamespacePreparation> {
  if (managesOwnNamespace(plan)) return { kind: 'in-manifests' };
  const ref = { apiVersion: 'v1', kind: 'Namespace', name: plan.namespace };
  try {
    let live: Json | undefined;
    try {
      live = await client.get(ref);
    } catch (err) {
      // May not read Namespaces (a deployer with Roles only): then it cannot make one either; the sync
      // goes on as without create-namespace and says what is missing if it is.
      if (err instanceof KubeApiError && err.code === 403) return { kind: 'existing' };
      throw err;
    }
    if (live && (live.metadata as Json).deletionTimestamp)
      return {
        kind: 'failed',
        message: `namespace ${plan.namespace} is being deleted (a teardown still running?): wait for it to go, then run again`,
      };
    // Made for this app by a run that stopped before recording it (refused lock, cancelled, killed).
    if (live) return trackedAsOurs(live, app, plan) ? { kind: 'ours' } : { kind: 'existing' };
    if (!request.create) return { kind: 'existing' }; // the operation says what a missing namespace means
    // Created with only the tracking annotation (create-only: never onto someone else's namespace); its
    // labels and annotations are server-side applied under the lock, as every later run applies them, so
    // one field manager's Apply owns them all and a label dropped from namespace-labels later goes.
    await client.request('POST', '/api/v1/namespaces', {
      body: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: plan.namespace,
          annotations: { [TRACKING_ANNOTATION]: trackingId(app, plan.namespace) },
        },
      },
      query: { fieldManager: NAMESPACE_MANAGER, fieldValidation: 'Strict' },
      // A repeat after a lost answer meets AlreadyExists, which the tracking annotation explains below.
      idempotent: true,
      signal,
    });
    return { kind: 'created' };
  } catch (err) {
    // Already there: made for this app (our own lost answer, or a run of the app at the same moment), or
    // by someone else (then it is not ours to delete).
    if (err instanceof KubeApiError && err.code === 409) {
      const live = await client.get(ref).catch(() => undefined);
      return trackedAsOurs(live, app, plan) ? { kind: 'ours' } : { kind: 'existing' };
    }
    return {
      kind: 'failed',
      message: `the namespace ${plan.namespace} could not be created (create-namespace): ${clusterErrorDetail(err)}`,
    };
  }
}

/** The app's namespace carries this app's tracking annotation: hook-sync made it for the app. */
export async function namespaceMadeForApp(client: ClusterClient, plan: Plan, app: string): Promise<boolean> {
  const live = await client
    .get({ apiVersion: 'v1', kind: 'Namespace', name: plan.namespace })
    .catch(() => undefined);
  return !!live && trackedAsOurs(live, app, plan);
}

/**
 * The labels and annotations asked for, server-side applied (only those fields, by a field manager of
 * their own) onto a namespace that was already there: after the dry run, under the lock, so a refused run
 * leaves it as it was.
 */
export async function applyNamespaceMetadata(
  client: ClusterClient,
  plan: Plan,
  app: string,
  request: NamespaceRequest,
  signal?: AbortSignal,
): Promise<void> {
  // Applied even when empty: what an earlier run applied and this one no longer asks for goes.
  const wanted = metadataOf(plan, request);
  await client.request('PATCH', `/api/v1/namespaces/${encodeURIComponent(plan.namespace)}`, {
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: wanted },
    contentType: 'application/apply-patch+yaml',
    query: { fieldManager: NAMESPACE_MANAGER, force: 'true' },
    idempotent: true,
    signal,
  });
}

/**
 * A namespace this run created and then left unused (refused by the dry run, no lock, cancelled before
 * any write): removed again — unless someone else has moved in meanwhile, whom deleting it would take
 * down: another app's inventory, or (before this run holds the lock) another run of this app's Lease or
 * inventory. Under the lock, this run's own Lease and inventory are its to remove with it.
 */
export async function removeUnusedNamespace(
  client: ClusterClient,
  name: string,
  app: string,
  holdingLock = false,
): Promise<string> {
  try {
    const names = (await inventoriesIn(client, name)).map((cm) => String((cm.metadata as Json).name));
    const ownInventory = inventoryName(app);
    const lease = holdingLock
      ? undefined
      : await client
          .get({
            apiVersion: 'coordination.k8s.io/v1',
            kind: 'Lease',
            namespace: name,
            name: lockLeaseName(app),
          })
          .catch((err: unknown) => {
            // May not read Leases (then no run with these credentials holds one).
            if (err instanceof KubeApiError && err.code === 403) return undefined;
            throw err;
          });
    const other = names.find((n) => n !== ownInventory);
    if (other)
      return `namespace ${name}, created for this sync, was kept: another app has moved in (inventory ${other})`;
    if (!holdingLock && (lease || names.includes(ownInventory)))
      return `namespace ${name}, created for this sync, was kept: another run of app ${app} is using it`;
    await client.delete({ apiVersion: 'v1', kind: 'Namespace', name }, { propagationPolicy: 'Background' });
    return `namespace ${name}, created for this sync, was deleted again: nothing was applied in it`;
  } catch (err) {
    return `namespace ${name}, created for this sync, could not be deleted again (${clusterErrorDetail(err)}); delete it by hand`;
  }
}
