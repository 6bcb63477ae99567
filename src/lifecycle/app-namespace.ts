/**
 * `create-namespace` (Argo CD's `CreateNamespace=true` with managed namespace metadata): the app's namespace
 * is created before anything else — before the lock, whose Lease lives in it, and before the dry run,
 * which a missing namespace would fail — with the labels and annotations asked for. A namespace that
 * already exists gets those labels and annotations (and only those fields) server-side applied, and is
 * otherwise left alone: hook-sync deletes only a namespace it created (docs/lifecycle.md).
 */
import { KubeApiError, clusterErrorDetail } from '../cluster/api-error.js';
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import type { Plan } from '../plan/sync-task.js';
import { appObjectName } from './app-names.js';
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

function metadataOf(app: string, plan: Plan, request: NamespaceRequest, created: boolean): Json {
  const annotations = {
    ...(request.annotations ?? {}),
    // Only on one hook-sync created: prune and delete read it to tell whose the namespace is.
    ...(created ? { [TRACKING_ANNOTATION]: trackingId(app, plan.namespace) } : {}),
  };
  return {
    name: plan.namespace,
    ...(Object.keys(request.labels ?? {}).length ? { labels: { ...request.labels } } : {}),
    ...(Object.keys(annotations).length ? { annotations } : {}),
  };
}

/** Makes sure the app's namespace exists (creating it when asked to); never throws. */
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
    const live = await client.get(ref);
    if (live && !(live.metadata as Json).deletionTimestamp) {
      const wanted = metadataOf(app, plan, request, false);
      if (wanted.labels || wanted.annotations)
        await client.request('PATCH', `/api/v1/namespaces/${encodeURIComponent(plan.namespace)}`, {
          body: { apiVersion: 'v1', kind: 'Namespace', metadata: wanted },
          contentType: 'application/apply-patch+yaml',
          query: { fieldManager: NAMESPACE_MANAGER, force: 'true' },
          signal,
        });
      return { kind: 'existing' };
    }
    if (live)
      return {
        kind: 'failed',
        message: `namespace ${plan.namespace} is being deleted (a teardown still running?): wait for it to go, then run again`,
      };
    if (!request.create) return { kind: 'existing' }; // the operation says what a missing namespace means
    await client.request('POST', '/api/v1/namespaces', {
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: metadataOf(app, plan, request, true) },
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
      const annotations = ((live?.metadata as Json | undefined)?.annotations ?? {}) as Record<string, string>;
      return annotations[TRACKING_ANNOTATION] === trackingId(app, plan.namespace)
        ? { kind: 'ours' }
        : { kind: 'existing' };
    }
    return {
      kind: 'failed',
      message: `the namespace ${plan.namespace} could not be created (create-namespace): ${clusterErrorDetail(err)}`,
    };
  }
}

/**
 * A namespace this run created and then left unused (the dry run refused the manifests): removed again —
 * unless another run of the app has moved in meanwhile (its Lease or inventory is there), which it would
 * take down with it.
 */
export async function removeUnusedNamespace(
  client: ClusterClient,
  name: string,
  app: string,
): Promise<string> {
  try {
    const inUse = await Promise.all([
      client.get({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        namespace: name,
        name: lockLeaseName(app),
      }),
      client.get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: name,
        name: appObjectName('hook-sync-inventory', app),
      }),
    ]);
    if (inUse.some(Boolean))
      return `namespace ${name}, created for this sync, was kept: another run of app ${app} is using it`;
    await client.delete({ apiVersion: 'v1', kind: 'Namespace', name }, { propagationPolicy: 'Background' });
    return `namespace ${name}, created for this sync, was deleted again: nothing was applied in it`;
  } catch (err) {
    return `namespace ${name}, created for this sync, could not be deleted again (${clusterErrorDetail(err)}); delete it by hand`;
  }
}
