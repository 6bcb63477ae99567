/**
 * Every application hook-sync has in a cluster, found by their inventories (ConfigMaps labelled
 * `hook-sync.io/inventory: "true"`, in any namespace): what `status --all` lists, and how `delete --app`
 * and `status --app` find an app's namespace when none is given. Summaries are pure functions of the
 * inventories, so "how old is this preview" is decided without a network.
 */
import { KubeApiError } from '../cluster/api-error.js';
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import type { AppOrigin, Inventory, OperationRecord } from './inventory.js';
import { APP_LABEL, INVENTORY_LABEL, inventoryOf } from './inventory-store.js';
import { appLabelValue } from './app-names.js';

export interface AppSummary {
  app: string;
  namespace: string;
  objects: number;
  /** The newest operation, as recorded. */
  last?: OperationRecord;
  /** Seconds since the last operation finished (or started, when it never said), at `now`. */
  ageSeconds?: number;
  origin?: AppOrigin;
}

export function summarise(inventory: Inventory, namespace: string, now: Date): AppSummary {
  const last = inventory.history[0];
  const at = last ? Date.parse(last.finishedAt ?? last.startedAt) : NaN;
  return {
    app: inventory.app,
    namespace,
    objects: inventory.objects.length,
    ...(last ? { last } : {}),
    ...(Number.isFinite(at) ? { ageSeconds: Math.max(0, Math.round((now.getTime() - at) / 1000)) } : {}),
    ...(inventory.origin ? { origin: inventory.origin } : {}),
  };
}

/** "3d", "5h", "12m", "40s": an age as kubectl prints one. */
export function shortAge(seconds: number): string {
  if (seconds >= 2 * 86400) return `${Math.floor(seconds / 86400)}d`;
  if (seconds >= 2 * 3600) return `${Math.floor(seconds / 3600)}h`;
  if (seconds >= 120) return `${Math.floor(seconds / 60)}m`;
  return `${seconds}s`;
}

/** The inventories in every namespace (`selector`: a label selector they must also match). */
export async function listApps(
  client: ClusterClient,
  selector?: string,
  now = new Date(),
): Promise<AppSummary[]> {
  const labelSelector = [`${INVENTORY_LABEL}=true`, selector].filter(Boolean).join(',');
  const list = await client.request('GET', '/api/v1/configmaps', {
    query: { labelSelector },
    idempotent: true,
  });
  return ((list.body.items ?? []) as Json[])
    .map((cm) => {
      const meta = cm.metadata as Json;
      return summarise(inventoryOf(cm, String(meta.name)), String(meta.namespace), now);
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.app.localeCompare(b.app));
}

export class AppNotFoundError extends Error {
  override name = 'AppNotFoundError';
}

/**
 * The namespace of an app's inventory when the caller did not say: the only one there is. Several (the
 * same app name in two namespaces) or none: an error that lists what there is and what to pass.
 */
export async function findAppNamespace(client: ClusterClient, app: string): Promise<string> {
  let found: AppSummary[];
  try {
    found = (await listApps(client, `${APP_LABEL}=${appLabelValue(app)}`)).filter((a) => a.app === app);
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 403)
      throw new AppNotFoundError(
        `cannot look for app ${app} in every namespace (listing ConfigMaps cluster-wide is forbidden): pass --namespace`,
      );
    throw err;
  }
  if (found.length === 1) return found[0]!.namespace;
  if (found.length === 0)
    throw new AppNotFoundError(
      `no application "${app}" in the cluster (no inventory of that name in any namespace); \`hook-sync status --all\` lists the apps there are`,
    );
  throw new AppNotFoundError(
    `application "${app}" has an inventory in ${found.length} namespaces (${found.map((a) => a.namespace).join(', ')}): pass --namespace`,
  );
}
